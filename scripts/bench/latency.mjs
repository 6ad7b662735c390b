// Latency under a fixed rate: open-loop bookings at `rate`/s for `seconds` → HTTP p50/p99, and booking → folio
// visible in billing-bridge's database p50/p99; baseline: raw kafkajs produce → consume round trips, same broker.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { benchProperty, bookingBody } from './stack.mjs';
import { jsonClient, openLoop } from './load.mjs';
import { percentile } from './measure.mjs';

export async function latencyBench(stack, { rate, seconds }) {
  const setup = await benchProperty(stack, { rooms: 100, code: 'LAT' });
  // Answers later than 30 s count as failures: on a saturated machine the open loop stays bounded in time.
  const client = jsonClient(stack.byName.reservations.url, { connections: 256, timeoutMs: 30_000 });
  const billing = new pg.Client({ connectionString: stack.databaseOf('billing-bridge') });
  await billing.connect();
  const answeredAt = new Map(); // reservation id → wall-clock ms of the 201
  const folioLag = [];
  let polling = true;
  let deadline = Infinity;
  // Watches billing's folios: each reservation's lag is from its 201 to the first poll that sees its folio.
  const watcher = (async () => {
    while (polling || answeredAt.size > 0) {
      const ids = [...answeredAt.keys()];
      if (ids.length > 0) {
        const seen = await billing.query(
          'SELECT reservation_id FROM folio WHERE property_id = $1 AND reservation_id = ANY($2::uuid[])',
          [setup.propertyId, ids],
        );
        const now = Date.now();
        for (const { reservation_id: id } of seen.rows) {
          folioLag.push(now - answeredAt.get(id));
          answeredAt.delete(id);
        }
      }
      if (!polling && Date.now() > deadline) break;
      await sleep(5);
    }
  })();
  const path = `/v1/properties/${setup.propertyId}/reservations`;
  const run = await openLoop({
    rate,
    seconds,
    send: async (index) => {
      const answer = await client.request(
        'POST',
        path,
        bookingBody(setup.roomTypeId, setup.businessDate, index % 365),
        {
          authorization: `Bearer ${setup.desk}`,
          'idempotency-key': randomUUID(),
        },
      );
      if (answer.status === 201) answeredAt.set(JSON.parse(answer.text).id, Date.now());
      return { ok: answer.status === 201, at: answer.at, detail: `${answer.status} ${answer.text.slice(0, 200)}` };
    },
  });
  deadline = Date.now() + 120_000;
  polling = false;
  await watcher;
  const lost = answeredAt.size;
  await billing.end();
  client.close();
  if (run.failures > 0) console.error(`  ${run.failures} bookings failed, e.g. ${run.firstFailure}`);
  if (lost > 0) console.error(`  ${lost} folios not seen within 120 s`);
  return {
    offered: rate,
    achieved: run.latencies.length / run.seconds,
    httpP50: percentile(run.latencies, 50),
    httpP99: percentile(run.latencies, 99),
    failed: run.failures,
    folioP50: percentile(folioLag, 50),
    folioP99: percentile(folioLag, 99),
  };
}

/** Raw kafkajs: one message produced, awaited by a consumer, `samples` times, on a throwaway topic. */
export async function kafkaRoundTrip({ createKafka, samples = 300 }) {
  const kafka = createKafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: 'bench-raw',
  });
  const topic = `frontoffice.bench.raw.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const waiters = new Map();
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({
      eachMessage: async ({ message }) => waiters.get(message.key.toString())?.(performance.now()),
    });
    await joined;
    const value = JSON.stringify({ data: 'x'.repeat(900) });
    const latencies = [];
    for (let sample = 0; sample < samples; sample += 1) {
      const key = randomUUID();
      const received = new Promise((resolve) => waiters.set(key, resolve));
      const started = performance.now();
      await producer.send({ topic, messages: [{ key, value }] });
      latencies.push((await received) - started);
      waiters.delete(key);
    }
    return { p50: percentile(latencies.slice(20), 50), p99: percentile(latencies.slice(20), 99) };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
