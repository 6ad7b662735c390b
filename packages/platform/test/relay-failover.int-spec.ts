import { TOPICS } from '@frontoffice/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  createKafka,
  KafkaProducerService,
  OutboxRelayService,
  OutboxService,
  PlatformMetrics,
  postgresUrl,
  runMigrations,
  ServiceEnv,
} from '../src';
import { EventProbe, eventually, testKafka } from '../src/testing';
import { reservationCreated } from './fixtures/probe-app';

const DATABASE = 'frontoffice_platform_relay_test';

async function ensureDatabase(): Promise<string> {
  const admin = new Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount)
      await admin.query(`CREATE DATABASE ${DATABASE}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
  } finally {
    await admin.end();
  }
  return postgresUrl(DATABASE);
}

/**
 * Two instances of one service share a database and so one outbox. The one that holds the relay lock cannot reach
 * Kafka (a broken network path: its broker address answers nothing); it must hand over to the healthy one.
 */
describe('outbox relay fail-over', () => {
  const kafka = testKafka('platform-relay-failover-test');
  let databaseUrl: string;
  let dataSource: DataSource;
  let probe: EventProbe;
  const relays: OutboxRelayService[] = [];
  const producers: KafkaProducerService[] = [];

  beforeAll(async () => {
    // The cut-off relay's warnings are the expected path here, not news.
    Logger.overrideLogger(false);
    databaseUrl = await ensureDatabase();
    await runMigrations(Object.assign(new ServiceEnv(), { DATABASE_URL: databaseUrl }), []);
    dataSource = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    // Rows another run left unpublished would be sent by the healthy relay too; start from a clean outbox.
    await dataSource.query('DELETE FROM outbox_event');
    probe = await new EventProbe(kafka, [TOPICS.reservations]).start();
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop({ drain: false })));
    await Promise.all(producers.map((producer) => producer.onApplicationShutdown()));
    await probe?.stop();
    await dataSource?.destroy();
  });

  const relayTo = (brokers: string[], lockName: string, { cutOff = false } = {}): OutboxRelayService => {
    // Only the cut-off instance fails fast (its address refuses at once); the healthy one keeps kafkajs' usual
    // connection timeout and retries, which a loaded CI machine needs to connect at all (with 300 ms and one retry it
    // kept failing, stepped down in turn and the event waited past the test's deadline).
    const producer = new KafkaProducerService(
      createKafka(
        { brokers, clientId: `relay-failover-${brokers[0]}` },
        cutOff
          ? { connectionTimeout: 300, retry: { retries: 1, initialRetryTime: 100 }, logCreator: () => () => undefined }
          : { logCreator: () => () => undefined },
      ),
    );
    producers.push(producer);
    const relay = new OutboxRelayService(
      {
        databaseUrl,
        enabled: true,
        pollIntervalMs: 100,
        batchSize: 50,
        retentionHours: 1,
        lockName,
        stepDownAfterMs: 1500,
      },
      producer,
      new PlatformMetrics(),
    );
    relays.push(relay);
    return relay;
  };

  it('hands the lead to an instance that can publish when the leader keeps failing', async () => {
    const lockName = `relay-failover-${randomUUID()}`;
    const cutOff = relayTo(['127.0.0.1:1'], lockName, { cutOff: true });
    cutOff.start();
    await eventually(() => expect(cutOff.leader).toBe(true));
    const healthy = relayTo((process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), lockName);
    healthy.start();

    const event = reservationCreated(randomUUID());
    const outbox = new OutboxService();
    await dataSource.transaction((manager) => outbox.add(manager, event));

    const received = await probe.waitFor((message) => message.json?.id === event.id, 60_000);
    expect(received.key).toBe(event.propertyId);
    expect(healthy.leader).toBe(true);
    expect(cutOff.leader).toBe(false);
    const [row] = await dataSource.query('SELECT published_at, attempts FROM outbox_event WHERE id = $1', [event.id]);
    expect(row.published_at).not.toBeNull();
    expect(Number(row.attempts)).toBeGreaterThan(1);
  });
});
