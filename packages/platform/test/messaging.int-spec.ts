import { dlqTopicOf, TOPICS } from '@frontoffice/contracts';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { OutboxService, readDeadLetters, replayDeadLetters, ServiceEnv } from '../src';
import { EventProbe, eventually, RunningTestService, startTestService, testEnv, testKafka } from '../src/testing';
import { ensurePlatformTestDatabase, failures, ProbeAppModule, reservationCreated } from './fixtures/probe-app';

/** Outbox, inbox and dead-lettering against the real PostgreSQL server and the real Kafka broker. */
describe('messaging with a real broker and database', () => {
  const kafka = testKafka('platform-messaging-test');
  let service: RunningTestService;
  let dataSource: DataSource;
  let probe: EventProbe;
  let producer: Producer;
  let env: ServiceEnv;

  beforeAll(async () => {
    const databaseUrl = await ensurePlatformTestDatabase();
    env = testEnv('billing-bridge', ServiceEnv, { DATABASE_URL: databaseUrl, CONSUMER_MAX_ATTEMPTS: '3' });
    probe = await new EventProbe(kafka, [
      TOPICS.reservations,
      dlqTopicOf(TOPICS.reservations),
      dlqTopicOf(TOPICS.concierge),
    ]).start();
    service = await startTestService(ProbeAppModule.register(env));
    dataSource = service.app.get<DataSource>(getDataSourceToken());
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await service?.shutdown();
  });

  const produce = (value: string, key: string, headers: Record<string, string> = {}) =>
    producer.send({ topic: TOPICS.reservations, messages: [{ key, value, headers }] });

  const effectsOf = async (reservationId: string): Promise<number> => {
    const rows: { count: string }[] = await dataSource.query(
      'SELECT count(*) AS count FROM probe_effect WHERE reservation_id = $1',
      [reservationId],
    );
    return Number(rows[0].count);
  };

  it('publishes a committed event and nothing from a rolled-back transaction', async () => {
    const outbox = service.app.get(OutboxService);
    const propertyId = randomUUID();
    const rolledBack = reservationCreated(propertyId);
    const committed = reservationCreated(propertyId);

    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, rolledBack);
        throw new Error('the change fails after the event was written');
      }),
    ).rejects.toThrow('the change fails');
    await dataSource.transaction((manager) => outbox.add(manager, committed));

    const published = await probe.waitFor((message) => message.json?.id === committed.id);
    expect(published.key).toBe(propertyId);
    expect(published.headers).toMatchObject({ id: committed.id, type: 'reservation.created' });
    // The committed event went out after the rolled-back one would have: if that one existed, it would be there too.
    expect(probe.messages.some((message) => message.json?.id === rolledBack.id)).toBe(false);
    const rows = await dataSource.query('SELECT id, published_at FROM outbox_event WHERE id = ANY($1::uuid[])', [
      [rolledBack.id, committed.id],
    ]);
    expect(rows).toEqual([{ id: committed.id, published_at: expect.any(Date) }]);
  });

  it('applies the same event once even when it is delivered twice', async () => {
    const event = reservationCreated(randomUUID());
    await produce(JSON.stringify(event), event.propertyId);
    await produce(JSON.stringify(event), event.propertyId);
    const marker = reservationCreated(event.propertyId);
    await produce(JSON.stringify(marker), marker.propertyId);

    // Same key, same partition, in order: once the marker is applied, both copies have been handled.
    await eventually(async () => expect(await effectsOf(marker.data.reservationId)).toBe(1));
    expect(await effectsOf(event.data.reservationId)).toBe(1);
    const inbox = await dataSource.query('SELECT count(*)::int AS count FROM inbox_event WHERE event_id = $1', [
      event.id,
    ]);
    expect(inbox[0].count).toBe(1);
  });

  it('applies an event once per service database, even when two consumer groups feed that database', async () => {
    const secondEnv = testEnv('billing-bridge', ServiceEnv, { DATABASE_URL: env.DATABASE_URL });
    const second = await startTestService(ProbeAppModule.register(secondEnv));
    const admin = kafka.admin();
    await admin.connect();
    const committed = async (groupId: string, partition: number): Promise<number> => {
      const [topic] = await admin.fetchOffsets({ groupId, topics: [TOPICS.reservations] });
      return Number(topic.partitions.find((entry) => entry.partition === partition)?.offset ?? -1);
    };
    try {
      const propertyId = randomUUID();
      // A new group starts at the end of the log once it first fetches: wait until it has consumed something.
      await eventually(
        async () => {
          const [warmUp] = await produce(
            JSON.stringify({ ...reservationCreated(propertyId), type: 'probe.warm-up', id: randomUUID() }),
            propertyId,
          );
          expect(await committed(secondEnv.KAFKA_GROUP_ID, warmUp.partition)).toBeGreaterThan(
            Number(warmUp.baseOffset),
          );
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );

      const event = reservationCreated(propertyId);
      const [sent] = await produce(JSON.stringify(event), propertyId);
      // Both groups have handled the event once their committed offsets are past it.
      await eventually(async () => {
        expect(await committed(env.KAFKA_GROUP_ID, sent.partition)).toBeGreaterThan(Number(sent.baseOffset));
        expect(await committed(secondEnv.KAFKA_GROUP_ID, sent.partition)).toBeGreaterThan(Number(sent.baseOffset));
      });
      expect(await effectsOf(event.data.reservationId)).toBe(1);
      const inbox = await dataSource.query('SELECT consumer FROM inbox_event WHERE event_id = $1', [event.id]);
      expect(inbox).toEqual([{ consumer: 'billing-bridge' }]);
    } finally {
      await admin.disconnect();
      await second.shutdown();
    }
  });

  it('retries a failing handler with backoff and applies the event once when it recovers', async () => {
    const event = reservationCreated(randomUUID());
    failures.set(event.data.reservationId, 2);
    await produce(JSON.stringify(event), event.propertyId);
    await eventually(async () => expect(await effectsOf(event.data.reservationId)).toBe(1));
    expect(failures.get(event.data.reservationId)).toBe(0);
  });

  it('dead-letters poison messages after bounded retries while the next messages flow, and replays them', async () => {
    const propertyId = randomUUID();
    const alwaysFails = reservationCreated(propertyId);
    failures.set(alwaysFails.data.reservationId, Number.POSITIVE_INFINITY);
    const invalid = reservationCreated(propertyId);
    (invalid.data as { adults: number }).adults = 0;
    const next = reservationCreated(propertyId);

    await produce('{not json', propertyId, { type: 'garbage' });
    await produce(JSON.stringify(invalid), propertyId, { id: invalid.id, type: invalid.type });
    await produce(JSON.stringify(alwaysFails), propertyId, { id: alwaysFails.id, type: alwaysFails.type });
    await produce(JSON.stringify(next), propertyId, { id: next.id, type: next.type });

    // The message behind the poison ones, on the same partition, is processed.
    await eventually(async () => expect(await effectsOf(next.data.reservationId)).toBe(1), { timeoutMs: 20_000 });

    const dlq = dlqTopicOf(TOPICS.reservations);
    const garbage = await probe.waitFor((message) => message.topic === dlq && message.value === '{not json');
    expect(garbage.headers['dlq-reason']).toContain('not JSON');
    const invalidLetter = await probe.waitFor((message) => message.topic === dlq && message.headers.id === invalid.id);
    expect(invalidLetter.headers['dlq-reason']).toContain('data.adults');
    expect(invalidLetter.headers['dlq-attempts']).toBe('1');
    const failedLetter = await probe.waitFor(
      (message) => message.topic === dlq && message.headers.id === alwaysFails.id,
    );
    expect(failedLetter.headers['dlq-attempts']).toBe('3');
    expect(failedLetter.headers['dlq-reason']).toContain(
      `probe handler refuses reservation ${alwaysFails.data.reservationId}`,
    );
    expect(failedLetter.headers['dlq-original-topic']).toBe(TOPICS.reservations);
    expect(failedLetter.key).toBe(propertyId);
    // Its effects were rolled back with the failed attempts: nothing half-written.
    expect(await effectsOf(alwaysFails.data.reservationId)).toBe(0);

    // The operator fixes the cause and replays the letter from the DLQ: it is applied exactly once.
    failures.delete(alwaysFails.data.reservationId);
    const letters = (await readDeadLetters(kafka, dlq)).filter((letter) => letter.eventId === alwaysFails.id);
    expect(letters).toHaveLength(1);
    expect(letters[0].reason).toContain('probe handler refuses');
    await replayDeadLetters(kafka, letters);
    await replayDeadLetters(kafka, letters);
    await eventually(async () => expect(await effectsOf(alwaysFails.data.reservationId)).toBe(1), {
      timeoutMs: 20_000,
    });
    const marker = reservationCreated(propertyId);
    await produce(JSON.stringify(marker), propertyId);
    await eventually(async () => expect(await effectsOf(marker.data.reservationId)).toBe(1));
    expect(await effectsOf(alwaysFails.data.reservationId)).toBe(1);
  });

  it("dead-letters an event found on another service's topic, or keyed by another property, with the reason", async () => {
    const propertyId = randomUUID();
    const onWrongTopic = reservationCreated(propertyId);
    const underWrongKey = reservationCreated(propertyId);
    const marker = reservationCreated(propertyId);
    await producer.send({
      topic: TOPICS.concierge,
      messages: [
        {
          key: propertyId,
          value: JSON.stringify(onWrongTopic),
          headers: { id: onWrongTopic.id, type: onWrongTopic.type },
        },
      ],
    });
    await produce(JSON.stringify(underWrongKey), randomUUID(), { id: underWrongKey.id, type: underWrongKey.type });
    await produce(JSON.stringify(marker), propertyId);

    const wrongTopicLetter = await probe.waitFor(
      (message) => message.topic === dlqTopicOf(TOPICS.concierge) && message.headers.id === onWrongTopic.id,
    );
    expect(wrongTopicLetter.headers['dlq-reason-code']).toBe('wrong-topic');
    expect(wrongTopicLetter.headers['dlq-reason']).toContain(
      `reservation.created is published by reservations on ${TOPICS.reservations} only`,
    );
    expect(wrongTopicLetter.headers['dlq-original-topic']).toBe(TOPICS.concierge);
    const wrongKeyLetter = await probe.waitFor(
      (message) => message.topic === dlqTopicOf(TOPICS.reservations) && message.headers.id === underWrongKey.id,
    );
    expect(wrongKeyLetter.headers['dlq-reason-code']).toBe('key-mismatch');
    expect(wrongKeyLetter.headers['dlq-reason']).toContain(`is not the event's propertyId ${propertyId}`);

    await eventually(async () => expect(await effectsOf(marker.data.reservationId)).toBe(1));
    expect(await effectsOf(onWrongTopic.data.reservationId)).toBe(0);
    expect(await effectsOf(underWrongKey.data.reservationId)).toBe(0);
  });

  it('ignores event types it has no handler for, without dead-lettering them', async () => {
    const propertyId = randomUUID();
    const unknownType = { ...reservationCreated(propertyId), type: 'reservation.something-new', id: randomUUID() };
    const marker = reservationCreated(propertyId);
    await produce(JSON.stringify(unknownType), propertyId, { id: unknownType.id });
    await produce(JSON.stringify(marker), propertyId);
    await eventually(async () => expect(await effectsOf(marker.data.reservationId)).toBe(1));
    expect(
      probe.messages.some((message) => message.topic.endsWith('.dlq') && message.headers.id === unknownType.id),
    ).toBe(false);
  });

  it('exposes outbox backlog, consumer lag and DLQ counts as Prometheus metrics', async () => {
    const response = await fetch(`${service.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^outbox_backlog \d+$/m);
    expect(text).toMatch(/^consumer_lag\{topic="reservations\.events\.v1",partition="\d+"\} \d+$/m);
    expect(text).toMatch(/^dlq_messages_total\{topic="reservations\.events\.v1"\} [1-9]\d*$/m);
    expect(text).toMatch(/^consumer_messages_total\{topic="reservations\.events\.v1",outcome="duplicate"\} [1-9]/m);
  });

  it('reports ready with database, Kafka and the consumer group', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { info: Record<string, { status: string }> };
    expect(body.info.database.status).toBe('up');
    expect(body.info.kafka.status).toBe('up');
    expect(body.info.consumer.status).toBe('up');
  });
});
