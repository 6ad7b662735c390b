import { dlqTopicOf, EventEnvelope, TOPICS } from '@frontoffice/contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ServiceEnv } from '../src';
import { EventProbe, eventually, RunningTestService, startTestService, testEnv, testKafka } from '../src/testing';
import { batchSizes, BatchProbeAppModule, refusedSubjects, reservationCancelled } from './fixtures/batch-probe-app';
import { ensureTestDatabase, reservationCreated } from './fixtures/probe-app';

/** `@EventBatchHandler` and batch isolation, against the real broker and database. */
describe('batched consumption', () => {
  const kafka = testKafka('platform-batch-test');
  let service: RunningTestService;
  let dataSource: DataSource;
  let probe: EventProbe;
  let producer: Producer;

  beforeAll(async () => {
    const databaseUrl = await ensureTestDatabase('frontoffice_platform_batch_test');
    const env = testEnv('concierge', ServiceEnv, {
      DATABASE_URL: databaseUrl,
      CONSUMER_MAX_ATTEMPTS: '2',
      CONSUMER_RETRY_BACKOFF_MS: '20',
    });
    probe = await new EventProbe(kafka, [dlqTopicOf(TOPICS.reservations)]).start();
    service = await startTestService(BatchProbeAppModule.register(env));
    dataSource = service.app.get<DataSource>(getDataSourceToken());
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await service?.shutdown();
  });

  const sendAll = (events: EventEnvelope[]) =>
    producer.send({
      topic: TOPICS.reservations,
      messages: events.map((event) => ({
        key: event.propertyId,
        value: JSON.stringify(event),
        headers: { id: event.id, type: event.type },
      })),
    });

  const effects = async (subjects: string[]) =>
    (await dataSource.query(
      `SELECT event_id, subject, via, position FROM batch_probe_effect WHERE subject = ANY($1) ORDER BY position`,
      [subjects],
    )) as Array<{ event_id: string; subject: string; via: string; position: string }>;

  it('applies a batch in one call, isolates the one poison event to the DLQ and applies every other once, in order', async () => {
    const propertyId = randomUUID();
    const events: EventEnvelope[] = Array.from({ length: 60 }, (_, index) =>
      index === 10 ? reservationCancelled(propertyId, randomUUID()) : reservationCreated(propertyId),
    );
    const poison = events[37];
    refusedSubjects.add(poison.subject);
    const callsBefore = batchSizes.length;
    // One request: the events sit side by side on one partition and are fetched together.
    await sendAll(events);

    const healthy = events.filter((event) => event !== poison);
    await eventually(async () => expect(await effects(healthy.map((event) => event.subject))).toHaveLength(60), {
      timeoutMs: 30_000,
    });
    const letter = await probe.waitFor((message) => message.headers.id === poison.id, 30_000);
    expect(letter.headers['dlq-reason-code']).toBe('handler-refused');
    expect(letter.headers['dlq-reason']).toContain(`batch probe refuses ${poison.subject}`);
    expect(letter.headers['dlq-attempts']).toBe('2');

    const rows = await effects(events.map((event) => event.subject));
    // Each healthy event applied once by the batch handler, in partition order; nothing of the poison one.
    expect(rows.filter((row) => row.via === 'batch').map((row) => row.event_id)).toEqual(
      healthy.map((event) => event.id),
    );
    // The cancellation's per-event handler ran in its place in the order, before the batch handler saw it.
    const cancellation = events[10];
    const positions = rows.map((row) => `${row.via}:${row.event_id}`);
    expect(positions.indexOf(`event:${cancellation.id}`)).toBe(positions.indexOf(`batch:${events[9].id}`) + 1);
    expect(positions.indexOf(`batch:${cancellation.id}`)).toBe(positions.indexOf(`event:${cancellation.id}`) + 1);
    expect(probe.messages.filter((message) => events.some((event) => event.id === message.headers.id))).toHaveLength(1);
    // Batching happened: at least one handler call took many events at once.
    expect(Math.max(...batchSizes.slice(callsBefore))).toBeGreaterThan(1);
  });

  it('filters events already applied, also when a batch repeats one', async () => {
    const propertyId = randomUUID();
    const first = reservationCreated(propertyId);
    await sendAll([first]);
    await eventually(async () => expect(await effects([first.subject])).toHaveLength(1));
    const second = reservationCreated(propertyId);
    const marker = reservationCreated(propertyId);
    await sendAll([first, second, second, marker]);
    await eventually(async () => expect(await effects([marker.subject])).toHaveLength(1));
    expect(await effects([first.subject])).toHaveLength(1);
    expect(await effects([second.subject])).toHaveLength(1);
  });
});
