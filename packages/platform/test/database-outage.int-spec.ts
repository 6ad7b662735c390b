import { dlqTopicOf, TOPICS } from '@frontoffice/contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ServiceEnv } from '../src';
import {
  EventProbe,
  eventually,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  ThrowawayPostgres,
} from '../src/testing';
import { ensureTestDatabase, ProbeAppModule, reservationCreated } from './fixtures/probe-app';

/**
 * The service's database goes away for five seconds while events keep arriving. A database that is down is not the
 * events' fault: none may be dead-lettered, and all are applied once it is back. The database is a cluster of the
 * test's own, so the machine's server is never stopped.
 */
describe('consuming through a database outage', () => {
  const kafka = testKafka('platform-db-outage-test');
  let cluster: ThrowawayPostgres;
  let service: RunningTestService;
  let dataSource: DataSource;
  let probe: EventProbe;
  let producer: Producer;

  beforeAll(async () => {
    cluster = await ThrowawayPostgres.create();
    const databaseUrl = await ensureTestDatabase('frontoffice_outage_test', cluster.url());
    const env = testEnv('billing-bridge', ServiceEnv, {
      DATABASE_URL: databaseUrl,
      CONSUMER_MAX_ATTEMPTS: '2',
      CONSUMER_RETRY_BACKOFF_MS: '50',
      CONSUMER_RETRY_MAX_BACKOFF_MS: '500',
    });
    probe = await new EventProbe(kafka, [dlqTopicOf(TOPICS.reservations)]).start();
    service = await startTestService(ProbeAppModule.register(env));
    dataSource = service.app.get<DataSource>(getDataSourceToken());
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await service?.shutdown();
    await cluster?.destroy();
  }, 60_000);

  it('applies every event after the database returns and dead-letters none', async () => {
    const propertyId = randomUUID();
    const events = Array.from({ length: 12 }, () => reservationCreated(propertyId));
    const send = (index: number) =>
      producer.send({
        topic: TOPICS.reservations,
        messages: [
          {
            key: propertyId,
            value: JSON.stringify(events[index]),
            headers: { id: events[index].id, type: events[index].type },
          },
        ],
      });
    await send(0);
    await cluster.stop();
    const stoppedAt = Date.now();
    // Events keep arriving during the outage.
    for (let index = 1; index < events.length; index += 1) {
      await send(index);
      await sleep(400);
    }
    await sleep(Math.max(0, 5000 - (Date.now() - stoppedAt)));
    await cluster.start();

    const applied = async (): Promise<number> => {
      const [row] = await dataSource.query(
        'SELECT count(*)::int AS count, count(DISTINCT event_id)::int AS distinct FROM probe_effect WHERE event_id = ANY($1::uuid[])',
        [events.map((event) => event.id)],
      );
      expect(row.distinct).toBe(row.count);
      return row.count as number;
    };
    await eventually(async () => expect(await applied()).toBe(events.length), { timeoutMs: 60_000, intervalMs: 500 });
    const ids = new Set(events.map((event) => event.id));
    expect(probe.messages.filter((message) => ids.has(message.headers.id))).toEqual([]);
  }, 120_000);
});
