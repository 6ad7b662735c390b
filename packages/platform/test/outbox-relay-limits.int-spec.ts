import { EventEnvelope, TOPICS } from '@frontoffice/contracts';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  createKafka,
  KafkaProducerService,
  listParkedOutboxEvents,
  OutboxRelayService,
  OutboxService,
  PlatformMetrics,
  requeueParkedOutboxEvents,
  ServiceEnv,
} from '../src';
import { EventProbe, eventually, RunningTestService, startTestService, testEnv, testKafka } from '../src/testing';
import { ensureTestDatabase, ProbeAppModule, reservationCreated } from './fixtures/probe-app';

const ROOT = join(__dirname, '..', '..', '..');

/** A reservation event padded to about `bytes` bytes (payloads accept unknown fields, so it stays valid). */
function sized(propertyId: string, bytes: number): EventEnvelope {
  const event = reservationCreated(propertyId);
  return { ...event, data: { ...event.data, padding: 'x'.repeat(bytes) } as typeof event.data };
}

/**
 * The broker takes at most ~1 MB per message (its default `message.max.bytes`). Events near or above that limit
 * must never wedge the relay: the rows behind them keep flowing, the impossible one is parked where an operator
 * sees it.
 */
describe('outbox relay with events near and above the broker limit', () => {
  const kafka = testKafka('platform-relay-limits-test');
  let databaseUrl: string;
  let service: RunningTestService;
  let dataSource: DataSource;
  let probe: EventProbe;

  beforeAll(async () => {
    databaseUrl = await ensureTestDatabase('frontoffice_platform_relay_limits_test');
    const env = testEnv('billing-bridge', ServiceEnv, { DATABASE_URL: databaseUrl, KAFKA_CONSUMER_ENABLED: 'false' });
    probe = await new EventProbe(kafka, [TOPICS.reservations]).start();
    service = await startTestService(ProbeAppModule.register(env));
    dataSource = service.app.get<DataSource>(getDataSourceToken());
    // Rows an earlier run parked would be counted here; start from a clean outbox.
    await dataSource.query('DELETE FROM outbox_event');
  });

  afterAll(async () => {
    await probe?.stop();
    await service?.shutdown();
  });

  const write = (events: EventEnvelope[]) =>
    dataSource.transaction(async (manager) => {
      for (const event of events) await service.app.get(OutboxService).add(manager, event);
    });
  const received = (event: EventEnvelope) => probe.messages.some((message) => message.json?.id === event.id);
  const rowOf = async (event: EventEnvelope) =>
    (
      (await dataSource.query('SELECT published_at, parked_at, parked_reason FROM outbox_event WHERE id = $1', [
        event.id,
      ])) as Array<{ published_at: Date | null; parked_at: Date | null; parked_reason: string | null }>
    )[0];

  it('publishes two large events in separate requests, parks the oversized one, and the small ones behind flow', async () => {
    const propertyId = randomUUID();
    const large = [sized(propertyId, 600_000), sized(propertyId, 600_000)];
    const oversized = sized(propertyId, 1_300_000);
    const small = [reservationCreated(propertyId), reservationCreated(propertyId)];
    await write([...large, oversized, ...small]);

    await eventually(() => expect([...large, ...small].every(received)).toBe(true), { timeoutMs: 30_000 });
    const ids = probe.messages.filter((message) => message.key === propertyId).map((message) => message.json?.id);
    expect(ids).toEqual([...large, ...small].map((event) => event.id));
    const parked = await rowOf(oversized);
    expect(parked.published_at).toBeNull();
    expect(parked.parked_at).not.toBeNull();
    expect(parked.parked_reason).toContain('KAFKA_MAX_MESSAGE_BYTES');

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/^outbox_parked_events 1$/m);
    expect(metrics).toMatch(/^outbox_backlog 0$/m);

    // `npm run dlq -- list` shows it, with its reason.
    const { stdout } = await promisify(execFile)(
      'node',
      [join(ROOT, 'scripts', 'dlq.mjs'), 'list', '--outbox-only', '--database-url', databaseUrl],
      { cwd: ROOT, env: process.env },
    );
    expect(stdout).toContain(oversized.id);
    expect(stdout).toContain('KAFKA_MAX_MESSAGE_BYTES');
  }, 60_000);

  it('parks an event the broker itself refuses, after trying the rows of a refused request one by one', async () => {
    // A relay configured above the broker's limit: the broker's MESSAGE_TOO_LARGE is what stops the oversized event.
    await service.app.get(OutboxRelayService).stop();
    Logger.overrideLogger(false);
    const producer = new KafkaProducerService(
      createKafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'relay-limits' }),
    );
    const relay = new OutboxRelayService(
      {
        databaseUrl,
        enabled: true,
        pollIntervalMs: 100,
        batchSize: 50,
        retentionHours: 1,
        lockName: `relay-limits-${randomUUID()}`,
        stepDownAfterMs: 60_000,
        maxBatchBytes: 10_000_000,
      },
      producer,
      new PlatformMetrics(),
    );
    try {
      const propertyId = randomUUID();
      const large = [sized(propertyId, 600_000), sized(propertyId, 600_000)];
      const oversized = sized(propertyId, 1_300_000);
      const small = reservationCreated(propertyId);
      await write([...large, oversized, small]);
      relay.start();

      await eventually(() => expect([...large, small].every(received)).toBe(true), { timeoutMs: 30_000 });
      const parked = await rowOf(oversized);
      expect(parked.parked_at).not.toBeNull();
      expect(parked.parked_reason).toMatch(/MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE/);

      // After a fix (here: none, so it is parked again) an operator re-queues it; the relay tries it once more.
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        expect((await listParkedOutboxEvents(client)).map((event) => event.id)).toContain(oversized.id);
        expect(await requeueParkedOutboxEvents(client, [oversized.id])).toBe(1);
        await eventually(async () => expect((await rowOf(oversized)).parked_at).not.toBeNull());
      } finally {
        await client.end();
      }
    } finally {
      await relay.stop({ drain: false });
      await producer.onApplicationShutdown();
    }
  }, 60_000);
});
