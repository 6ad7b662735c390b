// `npm run bench -- --only outbox` (also run alone: node scripts/bench/outbox.mjs): what the transactional outbox costs against sending straight to Kafka, measured in one run on
// the same broker and database (ratios, since these machines are shared and noisy). Not a test: it asserts nothing.
//
//   latency     one event at a time: commit → consumer receives (outbox) vs send → consumer receives (raw producer)
//   relay drain N committed events (a backlog, as after an outage) until all are received, vs the raw producer
//               sending the same N messages in batches of the relay's size
//   end to end  N events committed one transaction each by 8 writers, until all are received
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ensureDatabases, ensureKafka, ensurePostgres, stopKafka } from '../infra.mjs';
import { execOrFail, parseArgs, say } from '../lib.mjs';

// Built first, so the figures are those of the current sources.
await execOrFail('npx', ['turbo', 'run', 'build', '--filter=@frontoffice/platform...', '--output-logs=errors-only']);
const { createKafka, KafkaProducerService, OutboxRelayService, PlatformMetrics, postgresUrl, runMigrations } =
  await import('@frontoffice/platform');

const options = parseArgs(process.argv.slice(2));
const LATENCY_SAMPLES = Number(options.samples ?? 200);
const THROUGHPUT_EVENTS = Number(options.events ?? 5000);
const BATCH = 200;
const DATABASE = 'frontoffice_bench';
const TOPIC = `frontoffice.bench.${randomUUID().slice(0, 8)}`;
const databaseUrl = postgresUrl(DATABASE);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value) => `${value.toFixed(1)} ms`;

/** A consumer on the bench topic that resolves a waiter when a given message id arrives. */
async function receiver(kafka) {
  const consumer = kafka.consumer({ groupId: `frontoffice-bench-${randomUUID()}` });
  const waiters = new Map();
  const arrived = new Map();
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.id?.toString();
      const now = performance.now();
      arrived.set(id, now);
      waiters.get(id)?.(now);
    },
  });
  await joined;
  return {
    waitFor: (id) =>
      arrived.has(id) ? Promise.resolve(arrived.get(id)) : new Promise((resolve) => waiters.set(id, resolve)),
    count: () => arrived.size,
    stop: () => consumer.disconnect(),
  };
}

function envelope(id) {
  return JSON.stringify({
    id,
    type: 'bench.measured',
    version: 1,
    source: 'reservations',
    time: new Date().toISOString(),
    propertyId: randomUUID(),
    subject: id,
    correlationId: id,
    causationId: null,
    data: { padding: 'x'.repeat(600) },
  });
}

async function insertOutboxRow(client, id) {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers) VALUES ($1, $2, $3, 'bench.measured', $4, $5)`,
    [id, TOPIC, id.slice(0, 8), envelope(id), JSON.stringify({ id, type: 'bench.measured' })],
  );
  await client.query(`SELECT pg_notify('frontoffice_outbox', $1)`, [TOPIC]);
  await client.query('COMMIT');
}

async function main() {
  await ensurePostgres();
  await ensureDatabases([DATABASE]);
  const { startedLocally } = await ensureKafka();
  await runMigrations({ DATABASE_URL: databaseUrl }, []);
  const kafka = createKafka({ brokers, clientId: 'frontoffice-bench' });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: TOPIC, numPartitions: 6, replicationFactor: 1 }],
    waitForLeaders: true,
  });

  const producer = new KafkaProducerService(kafka);
  const relay = new OutboxRelayService(
    {
      databaseUrl,
      enabled: true,
      pollIntervalMs: 1000,
      batchSize: BATCH,
      retentionHours: 1,
      lockName: `bench-${TOPIC}`,
      stepDownAfterMs: 30_000,
    },
    producer,
    new PlatformMetrics(),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const inbox = await receiver(kafka);
  try {
    await producer.send([{ topic: TOPIC, key: 'warm', value: envelope(randomUUID()), headers: { id: 'warm-up' } }]);
    relay.start();
    await sleep(1000);

    say(`latency: ${LATENCY_SAMPLES} events, one at a time`);
    const raw = [];
    const outbox = [];
    for (let sample = 0; sample < LATENCY_SAMPLES; sample += 1) {
      const rawId = randomUUID();
      let started = performance.now();
      await producer.send([{ topic: TOPIC, key: rawId.slice(0, 8), value: envelope(rawId), headers: { id: rawId } }]);
      raw.push((await inbox.waitFor(rawId)) - started);
      const outboxId = randomUUID();
      started = performance.now();
      await insertOutboxRow(client, outboxId);
      outbox.push((await inbox.waitFor(outboxId)) - started);
    }

    say(`throughput: ${THROUGHPUT_EVENTS} events`);
    const rawIds = Array.from({ length: THROUGHPUT_EVENTS }, () => randomUUID());
    let started = performance.now();
    for (let index = 0; index < rawIds.length; index += BATCH) {
      await producer.send(
        rawIds
          .slice(index, index + BATCH)
          .map((id) => ({ topic: TOPIC, key: id.slice(0, 8), value: envelope(id), headers: { id } })),
      );
    }
    await inbox.waitFor(rawIds.at(-1));
    await Promise.all(rawIds.map((id) => inbox.waitFor(id)));
    const rawSeconds = (performance.now() - started) / 1000;

    // The relay alone: a backlog committed at once (as after a Kafka outage) drained to the broker.
    const backlogIds = Array.from({ length: THROUGHPUT_EVENTS }, () => randomUUID());
    await client.query('BEGIN');
    for (let index = 0; index < backlogIds.length; index += 500) {
      const ids = backlogIds.slice(index, index + 500);
      await client.query(
        `INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers)
         SELECT id, $2, left(id::text, 8), 'bench.measured', envelope::jsonb, json_build_object('id', id, 'type', 'bench.measured')
           FROM unnest($1::uuid[], $3::text[]) AS rows(id, envelope)`,
        [ids, TOPIC, ids.map(envelope)],
      );
    }
    await client.query(`SELECT pg_notify('frontoffice_outbox', $1)`, [TOPIC]);
    started = performance.now();
    await client.query('COMMIT');
    await Promise.all(backlogIds.map((id) => inbox.waitFor(id)));
    const relaySeconds = (performance.now() - started) / 1000;

    // Services writing: one transaction per event from WRITERS connections at once, until all are received.
    const WRITERS = 8;
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        const writer = new pg.Client({ connectionString: databaseUrl });
        await writer.connect();
        return writer;
      }),
    );
    const outboxIds = Array.from({ length: THROUGHPUT_EVENTS }, () => randomUUID());
    started = performance.now();
    await Promise.all(
      writers.map(async (writer, slot) => {
        for (let index = slot; index < outboxIds.length; index += WRITERS)
          await insertOutboxRow(writer, outboxIds[index]);
      }),
    );
    const committedSeconds = (performance.now() - started) / 1000;
    await Promise.all(outboxIds.map((id) => inbox.waitFor(id)));
    const outboxSeconds = (performance.now() - started) / 1000;
    await Promise.all(writers.map((writer) => writer.end()));

    const rawRate = THROUGHPUT_EVENTS / rawSeconds;
    const relayRate = THROUGHPUT_EVENTS / relaySeconds;
    const outboxRate = THROUGHPUT_EVENTS / outboxSeconds;
    console.log(`
Outbox vs raw Kafka producer (same broker, same run)
  latency p50   outbox ${ms(percentile(outbox, 50))}   raw ${ms(percentile(raw, 50))}   ratio ${(percentile(outbox, 50) / percentile(raw, 50)).toFixed(2)}
  latency p95   outbox ${ms(percentile(outbox, 95))}   raw ${ms(percentile(raw, 95))}   ratio ${(percentile(outbox, 95) / percentile(raw, 95)).toFixed(2)}
  relay drain   outbox ${relayRate.toFixed(0)} events/s   raw producer ${rawRate.toFixed(0)} events/s   ratio ${(relayRate / rawRate).toFixed(2)}   (${THROUGHPUT_EVENTS} committed events, batches of ${BATCH})
  end to end    ${outboxRate.toFixed(0)} events/s with ${WRITERS} writers, one transaction per event (commits alone ${(THROUGHPUT_EVENTS / committedSeconds).toFixed(0)}/s): ratio to raw ${(outboxRate / rawRate).toFixed(2)}
`);
  } finally {
    await relay.stop({ drain: false });
    await inbox.stop();
    await producer.onApplicationShutdown();
    await client.query('DELETE FROM outbox_event').catch(() => undefined);
    await client.end();
    await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
    await admin.disconnect();
    if (startedLocally) await stopKafka();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
