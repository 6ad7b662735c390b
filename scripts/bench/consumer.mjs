// Consumer throughput on one partition: the platform's consumer (envelope and payload validation, topic binding,
// inbox, a handler inserting one row, offsets after commit) against raw kafkajs `eachBatch` reading the same messages
// (the client's ceiling), measured in one run on the same broker and database. Also the same events through an
// `@EventBatchHandler` that inserts its rows in one statement per batch.
//
//   standalone: node scripts/bench/consumer.mjs [--events 20000]     (needs PostgreSQL and the broker up)
//   from a bench: const { benchConsumer } = await import('./bench/consumer.mjs'); await benchConsumer({ events })
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import pg from 'pg';
import { ensureDatabases } from '../infra.mjs';
import { importBuilt, parseArgs } from '../lib.mjs';

const DATABASE = 'frontoffice_bench_consumer';
const PRODUCE_CHUNK = 1000;

class BenchConsumerSchema1764990000000 {
  name = 'BenchConsumerSchema1764990000000';
  async up(queryRunner) {
    await queryRunner.query(
      `CREATE TABLE bench_effect (event_id uuid PRIMARY KEY, reservation_id uuid NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
  }
  async down(queryRunner) {
    await queryRunner.query('DROP TABLE bench_effect');
  }
}

/** A Nest service whose one handler inserts one row per event (per event, or in one statement per batch). */
function benchModule(platform, env, topic, batched) {
  class BenchHandler {
    async onEvent(event, context) {
      await context.manager.query('INSERT INTO bench_effect (event_id, reservation_id) VALUES ($1, $2)', [
        event.id,
        event.data.reservationId,
      ]);
    }
    async onEvents(events, context) {
      await context.manager.query(
        'INSERT INTO bench_effect (event_id, reservation_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
        [events.map((event) => event.id), events.map((event) => event.data.reservationId)],
      );
    }
  }
  const method = batched ? 'onEvents' : 'onEvent';
  Payload()(BenchHandler.prototype, method, 0);
  Ctx()(BenchHandler.prototype, method, 1);
  const decorate = batched ? platform.EventBatchHandler('reservation.created') : EventPattern('reservation.created');
  decorate(BenchHandler.prototype, method, Object.getOwnPropertyDescriptor(BenchHandler.prototype, method));
  Controller()(BenchHandler);
  class BenchConsumerModule {}
  Module({
    imports: [
      platform.PlatformModule.forService({
        service: 'billing-bridge',
        env,
        entities: [],
        migrations: [BenchConsumerSchema1764990000000],
        consumes: [topic],
      }),
    ],
    controllers: [BenchHandler],
  })(BenchConsumerModule);
  return BenchConsumerModule;
}

/** Points a new consumer group at `start` on `partition` and at the end of every other partition of `topic`. */
async function positionGroup(kafka, groupId, topic, partition, start) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map((end) => ({
        partition: end.partition,
        offset: end.partition === partition ? start : end.high,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

async function rawRun(kafka, topic, partition, start, events) {
  const groupId = `frontoffice-bench-raw-${randomUUID()}`;
  await positionGroup(kafka, groupId, topic, partition, start);
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  let first;
  let seen = 0;
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      first ??= performance.now();
      for (const message of batch.messages) {
        if (batch.partition === partition && BigInt(message.offset) >= BigInt(start)) {
          JSON.parse(message.value.toString());
          seen += 1;
        }
        resolveOffset(message.offset);
      }
      await consumer.commitOffsets([
        { topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() },
      ]);
      if (seen >= events) done(performance.now());
    },
  });
  const last = await finished;
  await consumer.disconnect();
  return events / ((last - first) / 1000);
}

async function platformRun(platform, kafka, topic, partition, start, events, databaseUrl, batched) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const groupId = `frontoffice-bench-platform-${randomUUID()}`;
  await positionGroup(kafka, groupId, topic, partition, start);
  const env = platform.loadServiceEnv('billing-bridge', platform.ServiceEnv, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    KAFKA_GROUP_ID: groupId,
    OUTBOX_RELAY_ENABLED: 'false',
    LOG_LEVEL: process.env.BENCH_DEBUG ? 'info' : 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const service = await platform.createServiceApp(benchModule(platform, env, topic, batched), {
    title: 'bench',
    description: 'bench',
  });
  try {
    await admin.query('TRUNCATE bench_effect, inbox_event');
    await service.app.startAllMicroservices();
    for (;;) {
      const { rows } = await admin.query('SELECT count(*)::int AS count FROM bench_effect');
      if (rows[0].count >= events) break;
      await sleep(100);
    }
    // From the start of the first transaction to the last row written, both as the database saw them.
    const { rows } = await admin.query(
      `SELECT extract(epoch FROM (SELECT max(applied_at) FROM bench_effect) - (SELECT min(processed_at) FROM inbox_event))
         AS seconds`,
    );
    return events / Number(rows[0].seconds);
  } finally {
    await service.shutdown();
    await admin.end();
  }
}

/** Produces `events` valid reservation events of one property (so one partition); returns where they start. */
async function produce(contracts, kafka, topic, events) {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const propertyId = randomUUID();
  let partition;
  let start;
  try {
    for (let sent = 0; sent < events; sent += PRODUCE_CHUNK) {
      const messages = [];
      for (let index = sent; index < Math.min(events, sent + PRODUCE_CHUNK); index += 1) {
        const reservationId = randomUUID();
        const event = contracts.createEvent('reservation.created', {
          propertyId,
          subject: reservationId,
          data: {
            reservationId,
            confirmationNumber: `BENCH${index}`,
            status: 'confirmed',
            guest: { firstName: 'Ada', lastName: 'Lovelace', vipLevel: 'none' },
            roomTypeId: propertyId,
            arrival: '2026-12-01',
            departure: '2026-12-02',
            adults: 2,
            children: 0,
            totalPrice: { amountMinor: 12000, currency: 'EUR' },
            nights: [{ date: '2026-12-01', price: { amountMinor: 12000, currency: 'EUR' } }],
          },
        });
        messages.push({ key: propertyId, value: JSON.stringify(event), headers: { id: event.id, type: event.type } });
      }
      const [result] = await producer.send({ topic, acks: -1, messages });
      partition ??= result.partition;
      start ??= result.baseOffset;
    }
  } finally {
    await producer.disconnect();
  }
  return { partition, start };
}

/** Events per second on one partition: the platform's consumer, its batch handler, and raw kafkajs. */
export async function benchConsumer({ events = 20_000 } = {}) {
  const contracts = await importBuilt('@frontoffice/contracts');
  const platform = await importBuilt('@frontoffice/platform');
  await ensureDatabases([DATABASE]);
  const databaseUrl = platform.postgresUrl(DATABASE);
  await platform.runMigrations(Object.assign(new platform.ServiceEnv(), { DATABASE_URL: databaseUrl }), [
    BenchConsumerSchema1764990000000,
  ]);
  const kafka = platform.createKafka(
    { brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'frontoffice-bench-consumer' },
    { logLevel: 0 },
  );
  const topic = contracts.TOPICS.reservations;
  const { partition, start } = await produce(contracts, kafka, topic, events);
  const rawPerSec = await rawRun(kafka, topic, partition, start, events);
  const platformPerSec = await platformRun(platform, kafka, topic, partition, start, events, databaseUrl, false);
  const platformBatchPerSec = await platformRun(platform, kafka, topic, partition, start, events, databaseUrl, true);
  return { events, platformPerSec, platformBatchPerSec, rawPerSec };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseArgs(process.argv.slice(2));
  const result = await benchConsumer({ events: Number(options.events ?? 20_000) });
  const rate = (value) => `${Math.round(value).toLocaleString('en')} events/s`;
  console.log(`consumer, one partition, ${result.events.toLocaleString('en')} events, handler inserting one row:`);
  console.log(`  raw kafkajs eachBatch (baseline)   ${rate(result.rawPerSec)}`);
  console.log(
    `  platform, @EventPattern handler    ${rate(result.platformPerSec)}  (${(result.platformPerSec / result.rawPerSec).toFixed(2)}× raw)`,
  );
  console.log(
    `  platform, @EventBatchHandler       ${rate(result.platformBatchPerSec)}  (${(result.platformBatchPerSec / result.rawPerSec).toFixed(2)}× raw)`,
  );
  process.exit(0);
}
