import { TOPICS } from '@frontoffice/contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OutboxService, ServiceEnv } from '../src';
import { eventually, RunningTestService, startTestService, testEnv, testKafka } from '../src/testing';
import { ensurePlatformTestDatabase, ProbeAppModule, reservationCreated } from './fixtures/probe-app';

const KAFKA_SH = join(__dirname, '..', '..', '..', 'infra', 'kafka', 'kafka.sh');
/** kafka.sh listens where the tests connect (KAFKA_BROKERS), as scripts/infra.mjs starts it. */
const KAFKA_PORT = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].split(':').pop()!;
const kafkaScript = (command: 'start' | 'stop') =>
  execFileSync('bash', [KAFKA_SH, command], {
    stdio: 'pipe',
    timeout: 120_000,
    env: { ...process.env, KAFKA_PORT },
  });

/**
 * Stops the real local broker (infra/kafka/kafka.sh), so it runs alone after every other suite. A change committed
 * while Kafka is down is kept in the outbox and published once the broker is back.
 */
describe('outbox while the broker is down', () => {
  let service: RunningTestService;
  let dataSource: DataSource;

  beforeAll(async () => {
    const env = testEnv('billing-bridge', ServiceEnv, { DATABASE_URL: await ensurePlatformTestDatabase() });
    service = await startTestService(ProbeAppModule.register(env));
    dataSource = service.app.get<DataSource>(getDataSourceToken());
  }, 60_000);

  afterAll(async () => {
    await service?.shutdown();
  }, 60_000);

  it('keeps a committed change while Kafka is stopped and publishes it when Kafka returns', async () => {
    kafkaScript('stop');
    let restarted = false;
    try {
      const readiness = await eventually(async () => {
        const response = await fetch(`${service.url}/health/ready`);
        expect(response.status).toBe(503);
        return (await response.json()) as { checks: Record<string, { status: string }> };
      });
      expect(readiness.checks.kafka.status).toBe('down');
      expect(readiness.checks.database.status).toBe('up');

      const event = reservationCreated(randomUUID());
      const committedAt = Date.now();
      await dataSource.transaction((manager) => service.app.get(OutboxService).add(manager, event));
      expect(Date.now() - committedAt).toBeLessThan(5_000); // the write does not wait for Kafka

      // The relay keeps trying; the row stays unpublished while the broker is away.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const [pending] = await dataSource.query(
        'SELECT published_at, attempts, last_error FROM outbox_event WHERE id = $1',
        [event.id],
      );
      expect(pending.published_at).toBeNull();

      kafkaScript('start');
      restarted = true;
      await eventually(
        async () => {
          const [row] = await dataSource.query('SELECT published_at FROM outbox_event WHERE id = $1', [event.id]);
          expect(row.published_at).not.toBeNull();
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );

      // It really is on the topic: read it back from the partition it went to.
      const probe = testKafka('outage-check');
      const admin = probe.admin();
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets(TOPICS.reservations);
      await admin.disconnect();
      const consumer = probe.consumer({ groupId: `outage-check-${randomUUID()}` });
      const seen: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic: TOPICS.reservations, fromBeginning: false });
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? '') });
      await joined;
      for (const { partition, high } of offsets) {
        consumer.seek({ topic: TOPICS.reservations, partition, offset: String(Math.max(0, Number(high) - 50)) });
      }
      await eventually(() => expect(seen.some((value) => value.includes(event.id))).toBe(true), { timeoutMs: 30_000 });
      await consumer.disconnect();

      await eventually(async () => expect((await fetch(`${service.url}/health/ready`)).status).toBe(200), {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
    } finally {
      if (!restarted) kafkaScript('start');
    }
  }, 180_000);
});
