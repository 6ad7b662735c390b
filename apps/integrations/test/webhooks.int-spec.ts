import { createEvent, TOPICS, type EventEnvelope } from '@frontoffice/contracts';
import {
  EventProbe,
  eventually as eventuallyWithin,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  testToken,
} from '@frontoffice/platform/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { AppModule, INTEGRATIONS_APP } from '../src/app.module';
import { IntegrationsEnv } from '../src/config/integrations.env';
import { TestSubscriber } from './support/test-subscriber';

const PAUSE_AFTER = 6;

// Under `npm test` this suite shares two cores with all the others; its waits are long, its tests may be too.
jest.setTimeout(180_000);

/** Generous waits: the suite shares two cores with every other suite in `npm test`. */
function eventually<T>(assertion: () => Promise<T> | T, options = { timeoutMs: 30_000 }): Promise<T> {
  return eventuallyWithin(assertion, options);
}

/**
 * Webhooks end to end on the real broker and database: events produced to the platform's topics reach signed,
 * verified, in order per property, through a failing subscriber, a hanging one and a dead one.
 */
describe('webhooks', () => {
  let service: RunningTestService;
  let subscriber: TestSubscriber;
  let producer: Producer;
  let probe: EventProbe;
  const admin = testToken(['admin'], ['*'], 'chain-admin');

  const settings = {
    // Local subscribers only: the test's own server on loopback, over plain HTTP.
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_POLL_INTERVAL_MS: '50',
    // Long enough that the hanging subscriber's first request is still open when the healthy one is done.
    WEBHOOK_TIMEOUT_MS: '20000',
    WEBHOOK_RETRY_BASE_DELAY_MS: '100',
    WEBHOOK_RETRY_MAX_DELAY_MS: '400',
    WEBHOOK_PAUSE_AFTER_FAILURES: String(PAUSE_AFTER),
    WEBHOOK_WORKER_CONCURRENCY: '8',
  };

  beforeAll(async () => {
    subscriber = await new TestSubscriber().start();
    service = await startTestService(
      AppModule.register(testEnv('integrations', IntegrationsEnv, settings)),
      INTEGRATIONS_APP,
    );
    probe = await new EventProbe(testKafka('integrations-probe'), [TOPICS.integrations]).start();
    producer = testKafka('integrations-test').producer();
    await producer.connect();
  });

  const chainWide: string[] = [];

  afterAll(async () => {
    // Chain-wide subscriptions would take every later run's events; property ones only ever see their own.
    for (const id of chainWide) await call('DELETE', `/v1/webhooks/${id}`, admin).catch(() => undefined);
    await producer?.disconnect();
    await probe?.stop();
    // The subscriber first: closing its connections ends the hanging request the service would otherwise wait for.
    await subscriber?.stop();
    await service?.shutdown();
  });

  async function call(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const manager = (propertyId: string) => testToken(['front_office_manager'], [propertyId], 'fom');

  async function subscribe(
    scope: { propertyId: string } | 'chain',
    url: string,
    eventTypes: string[],
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; secret: string }> {
    const path = scope === 'chain' ? '/v1/webhooks' : `/v1/properties/${scope.propertyId}/webhooks`;
    const token = scope === 'chain' ? admin : manager(scope.propertyId);
    const created = await call('POST', path, token, { url, eventTypes, ...extra });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    if (scope === 'chain') chainWide.push(created.body.id);
    return created.body;
  }

  function reservationCreated(propertyId: string, sequence: number): EventEnvelope {
    const reservationId = randomUUID();
    return createEvent('reservation.created', {
      propertyId,
      subject: reservationId,
      data: {
        reservationId,
        confirmationNumber: `SEQ-${sequence}`,
        status: 'confirmed',
        guest: { firstName: 'Camille', lastName: `Durand-${sequence}`, language: 'fr', vipLevel: 'none' },
        roomTypeId: randomUUID(),
        arrival: '2027-03-10',
        departure: '2027-03-11',
        adults: 2,
        children: 0,
        totalPrice: { amountMinor: 18000, currency: 'EUR' },
        nights: [{ date: '2027-03-10', price: { amountMinor: 18000, currency: 'EUR' } }],
      },
    });
  }

  function roomStatusChanged(propertyId: string): EventEnvelope {
    const roomId = randomUUID();
    return createEvent('room.status-changed', {
      propertyId,
      subject: roomId,
      data: {
        roomId,
        roomNumber: '101',
        roomTypeId: randomUUID(),
        status: 'vacant_dirty',
        previousStatus: 'vacant_clean',
      },
    });
  }

  async function produce(events: EventEnvelope[]): Promise<void> {
    await producer.send({
      topic: TOPICS.reservations,
      messages: events.map((event) => ({
        key: event.propertyId,
        value: JSON.stringify(event),
        headers: { id: event.id, type: event.type },
      })),
    });
  }

  const sequenceOf = (delivery: { body: { data: Record<string, unknown> } }) =>
    Number(String(delivery.body.data.confirmationNumber).slice(4));

  it('delivers every event through a subscriber that fails for a while: in order per property, signed, none twice in effect', async () => {
    const [propertyA, propertyB] = [randomUUID(), randomUUID()];
    const ours = new Set<string>([propertyA, propertyB]);
    const chain = await subscribe(
      'chain',
      subscriber.endpoint('flaky', { failFirst: 4 }, [propertyA, propertyB]),
      ['reservation.*'],
      {
        includePersonalData: true,
        // Chain-wide: other suites' events share its slots, so plenty of them.
        maxInFlight: 16,
      },
    );
    subscriber.trust('flaky', chain.secret);
    const onlyA = await subscribe({ propertyId: propertyA }, subscriber.endpoint('only-a', 'ok'), [
      'reservation.created',
    ]);
    subscriber.trust('only-a', onlyA.secret);

    const events = Array.from({ length: 10 }, (_, index) => [
      reservationCreated(propertyA, index + 1),
      reservationCreated(propertyB, index + 1),
    ]).flat();
    await produce([...events.slice(0, 8), roomStatusChanged(propertyA)]);
    await produce(events.slice(8));

    const processed = await eventually(
      () => {
        // Chain-wide: other suites' events on the shared topics arrive too; this test looks at its properties.
        const seen = subscriber.processed('flaky').filter((delivery) => ours.has(delivery.body.propertyId));
        expect(seen).toHaveLength(20);
        return seen;
      },
      { timeoutMs: 60_000 },
    );
    expect(subscriber.badSignatures('flaky')).toBe(0);
    expect(subscriber.received('flaky').filter((delivery) => delivery.answered === 503)).toHaveLength(4);
    for (const propertyId of [propertyA, propertyB]) {
      const sequence = processed.filter((delivery) => delivery.body.propertyId === propertyId).map(sequenceOf);
      expect(sequence).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    // The webhook id is the event id, the same on every retry, so the integrator de-duplicates on it.
    expect(new Set(processed.map((delivery) => delivery.webhookId))).toEqual(new Set(events.map((event) => event.id)));
    expect(processed.every((delivery) => delivery.webhookId === delivery.body.id)).toBe(true);
    // Entitled to personal data: names are there.
    expect(processed[0]!.body.data.guest).toMatchObject({ firstName: 'Camille' });

    // A property's subscription carries that property's events only, and no names unless entitled.
    const forA = await eventually(() => {
      const seen = subscriber.processed('only-a');
      expect(seen).toHaveLength(10);
      return seen;
    });
    expect(forA.every((delivery) => delivery.body.propertyId === propertyA)).toBe(true);
    expect(forA.map(sequenceOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(forA.every((delivery) => delivery.body.type === 'reservation.created')).toBe(true);
    expect(forA[0]!.body.data.guest).toEqual({ language: 'fr', vipLevel: 'none' });
    expect(forA.some((delivery) => delivery.rawBody.includes('Durand'))).toBe(false);

    // The delivery log shows the failed attempts with their status code and the answer's first bytes.
    // The subscriber may have answered the last one a moment before the service recorded it.
    const logged = await eventually(async () => {
      const log = await call('GET', `/v1/webhooks/${chain.id}/deliveries?limit=500`, admin);
      expect(log.status).toBe(200);
      const items = (log.body.items as { propertyId: string; status: string; attempts: number; id: string }[]).filter(
        (item) => ours.has(item.propertyId),
      );
      expect(items).toHaveLength(20);
      expect(items.every((item) => item.status === 'delivered')).toBe(true);
      return items;
    });
    const retried = logged.filter((item) => item.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    const attempts = await call('GET', `/v1/webhooks/${chain.id}/deliveries/${retried[0].id}/attempts`, admin);
    expect(attempts.body.items[0]).toMatchObject({
      outcome: 'failed',
      statusCode: 503,
      responseExcerpt: 'busy, try later',
    });
    expect(attempts.body.items.at(-1)).toMatchObject({ outcome: 'delivered', statusCode: 204 });
    expect(attempts.body.items.at(-1).durationMs).toEqual(expect.any(Number));

    // Manual redelivery: one event, then a time range; the same webhook ids again.
    const one = await call(
      'POST',
      `/v1/properties/${propertyA}/webhooks/${onlyA.id}/redeliveries`,
      manager(propertyA),
      {
        eventId: events[0]!.id,
      },
    );
    expect(one).toMatchObject({ status: 201, body: { queued: 1 } });
    await eventually(() => expect(subscriber.received('only-a')).toHaveLength(11));
    expect(subscriber.received('only-a')[10]!.webhookId).toBe(events[0]!.id);
    const range = await call(
      'POST',
      `/v1/properties/${propertyA}/webhooks/${onlyA.id}/redeliveries`,
      manager(propertyA),
      {
        from: new Date(Date.now() - 3600_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      },
    );
    expect(range).toMatchObject({ status: 201, body: { queued: 10 } });
    await eventually(() => expect(subscriber.received('only-a')).toHaveLength(21));
    expect(subscriber.received('only-a').slice(11).map(sequenceOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a subscriber that never answers does not delay another', async () => {
    const propertyId = randomUUID();
    const hanging = await subscribe({ propertyId }, subscriber.endpoint('hang', 'hang'), ['*'], { maxInFlight: 1 });
    subscriber.trust('hang', hanging.secret);
    const healthy = await subscribe({ propertyId }, subscriber.endpoint('healthy', 'ok'), ['*']);
    subscriber.trust('healthy', healthy.secret);

    await produce(Array.from({ length: 5 }, (_, index) => reservationCreated(propertyId, index + 1)));

    await eventually(() => expect(subscriber.processed('healthy')).toHaveLength(5), { timeoutMs: 20_000 });
    // Everything reached the healthy subscriber while the first request to the hanging one was still open.
    const stuck = await call(
      'GET',
      `/v1/properties/${propertyId}/webhooks/${hanging.id}/deliveries`,
      manager(propertyId),
    );
    expect(subscriber.requests('hang')).toBe(1);
    expect(stuck.body.items).toHaveLength(5);
    expect(stuck.body.items.every((item: { attempts: number }) => item.attempts === 0)).toBe(true);
    await call('POST', `/v1/properties/${propertyId}/webhooks/${hanging.id}/pause`, manager(propertyId));
  });

  it('refuses private, loopback-outside-the-allow-list, link-local and metadata addresses', async () => {
    const propertyId = randomUUID();
    for (const url of [
      'http://10.0.0.5/hooks',
      'http://192.168.1.20/hooks',
      'http://169.254.169.254/latest/meta-data',
      'http://127.0.0.2:8080/hooks',
      'http://[::1]/hooks',
      'http://[::ffff:10.0.0.1]/hooks',
      'http://100.64.0.1/hooks',
    ]) {
      const refused = await call('POST', `/v1/properties/${propertyId}/webhooks`, manager(propertyId), {
        url,
        eventTypes: ['*'],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.code ?? refused.body.type).toMatch(/webhook-url-refused/);
    }
    const credentials = await call('POST', `/v1/properties/${propertyId}/webhooks`, manager(propertyId), {
      url: 'http://user:pw@127.0.0.1/hooks',
      eventTypes: ['*'],
    });
    expect(credentials.status).toBe(400);
  });

  it('signs with both secrets during a rotation overlap, then with the new one only', async () => {
    const propertyId = randomUUID();
    const created = await subscribe({ propertyId }, subscriber.endpoint('rotating', 'ok'), ['reservation.created']);
    subscriber.trust('rotating', created.secret);
    await produce([reservationCreated(propertyId, 1)]);
    await eventually(() => expect(subscriber.processed('rotating')).toHaveLength(1));

    const rotated = await call(
      'POST',
      `/v1/properties/${propertyId}/webhooks/${created.id}/rotate-secret`,
      manager(propertyId),
      {
        overlapSeconds: 3600,
      },
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now() + 3500_000);
    // The integrator has not switched yet: the old secret keeps verifying during the overlap.
    await produce([reservationCreated(propertyId, 2)]);
    const during = await eventually(() => {
      const seen = subscriber.processed('rotating');
      expect(seen).toHaveLength(2);
      return seen[1]!;
    });
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(created.secret).verify(during.rawBody, during.headers)).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(during.rawBody, during.headers)).not.toThrow();

    // Ending the overlap: only the new secret signs.
    const ended = await call(
      'POST',
      `/v1/properties/${propertyId}/webhooks/${created.id}/rotate-secret`,
      manager(propertyId),
      {
        overlapSeconds: 0,
      },
    );
    subscriber.trust('rotating', ended.body.secret);
    await produce([reservationCreated(propertyId, 3)]);
    const after = await eventually(() => {
      const seen = subscriber.processed('rotating');
      expect(seen).toHaveLength(3);
      return seen[2]!;
    });
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(() => new Webhook(rotated.body.secret).verify(after.rawBody, after.headers)).toThrow();
    expect(subscriber.badSignatures('rotating')).toBe(0);
  });

  it('pauses a subscription after consecutive failures, says so on Kafka and /metrics, and resumes losing nothing', async () => {
    const propertyId = randomUUID();
    const created = await subscribe({ propertyId }, subscriber.endpoint('dead', 'down'), ['reservation.*']);
    subscriber.trust('dead', created.secret);
    await produce(Array.from({ length: 3 }, (_, index) => reservationCreated(propertyId, index + 1)));

    await eventually(
      async () =>
        expect(
          (await call('GET', `/v1/properties/${propertyId}/webhooks/${created.id}`, manager(propertyId))).body.status,
        ).toBe('paused'),
      { timeoutMs: 60_000 },
    );
    const paused = await probe.waitFor((message) => message.json?.subject === created.id, 60_000);
    expect(paused.json).toMatchObject({
      type: 'webhook.subscription-paused',
      source: 'integrations',
      propertyId,
      data: {
        subscriptionId: created.id,
        reason: 'consecutive-failures',
        consecutiveFailures: PAUSE_AFTER,
        lastStatusCode: 503,
      },
    });
    const view = await call('GET', `/v1/properties/${propertyId}/webhooks/${created.id}`, manager(propertyId));
    expect(view.body).toMatchObject({ status: 'paused', pausedReason: 'consecutive-failures', backlog: 3 });
    expect(subscriber.requests('dead')).toBe(PAUSE_AFTER);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain(`webhook_subscription_auto_paused_total{subscription_id="${created.id}"} 1`);
    expect(metrics).toContain(`webhook_backlog{subscription_id="${created.id}"} 3`);
    expect(metrics).toContain(`webhook_subscription_paused{subscription_id="${created.id}"} 1`);
    expect(metrics).toMatch(
      new RegExp(
        `webhook_delivery_attempts_total\\{subscription_id="${created.id}",outcome="failed"\\} ${PAUSE_AFTER}`,
      ),
    );

    subscriber.behave('dead', 'ok');
    const resumed = await call(
      'POST',
      `/v1/properties/${propertyId}/webhooks/${created.id}/resume`,
      manager(propertyId),
    );
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    await eventually(() => expect(subscriber.processed('dead').map(sequenceOf)).toEqual([1, 2, 3]));
  });

  it('keeps each property to its own subscriptions and validates input field by field', async () => {
    const [propertyA, propertyB] = [randomUUID(), randomUUID()];
    const created = await subscribe({ propertyId: propertyA }, subscriber.endpoint('own', 'ok'), ['reservation.*']);
    expect((await call('GET', `/v1/properties/${propertyA}/webhooks/${created.id}`, manager(propertyB))).status).toBe(
      403,
    );
    expect((await call('GET', `/v1/properties/${propertyB}/webhooks/${created.id}`, manager(propertyB))).status).toBe(
      404,
    );
    expect((await call('GET', `/v1/webhooks/${created.id}`, admin)).status).toBe(404);
    expect((await call('GET', '/v1/webhooks', testToken(['admin'], [propertyA]))).status).toBe(403);
    expect(
      (await call('GET', `/v1/properties/${propertyA}/webhooks`, testToken(['front_desk'], [propertyA]))).status,
    ).toBe(403);
    const listed = await call('GET', `/v1/properties/${propertyA}/webhooks`, manager(propertyA));
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
    expect(listed.body.items[0]).not.toHaveProperty('secret');

    const invalid = await call('POST', `/v1/properties/${propertyA}/webhooks`, manager(propertyA), {
      url: 'ftp://example.com',
      eventTypes: ['reserv*'],
      maxInFlight: 0,
    });
    expect(invalid.status).toBe(400);
    const fields = JSON.stringify(invalid.body);
    expect(fields).toContain('eventTypes');
    expect(fields).toContain('maxInFlight');
    const range = await call(
      'POST',
      `/v1/properties/${propertyA}/webhooks/${created.id}/redeliveries`,
      manager(propertyA),
      {
        from: '2027-01-02T00:00:00Z',
      },
    );
    expect(range.status).toBe(400);
  });

  it('two instances share the queue: one request at a time per (subscription, property), each lane in order', async () => {
    // A second instance on the same database, delivering only (the first one consumes).
    const second = await startTestService(
      AppModule.register(testEnv('integrations', IntegrationsEnv, { ...settings, KAFKA_CONSUMER_ENABLED: 'false' })),
      INTEGRATIONS_APP,
    );
    try {
      const properties: string[] = Array.from({ length: 4 }, () => randomUUID());
      // Chain-wide: other suites' events share its slots, so plenty of them.
      const chain = await subscribe(
        'chain',
        subscriber.endpoint('slow', { delayMs: 40 }, properties),
        ['reservation.*'],
        { maxInFlight: 16 },
      );
      subscriber.trust('slow', chain.secret);
      await produce(
        Array.from({ length: 8 }, (_, index) =>
          properties.map((propertyId) => reservationCreated(propertyId, index + 1)),
        ).flat(),
      );
      const processed = await eventually(
        () => {
          const seen = subscriber.processed('slow').filter((delivery) => properties.includes(delivery.body.propertyId));
          expect(seen).toHaveLength(32);
          return seen;
        },
        { timeoutMs: 90_000 },
      );
      for (const propertyId of properties) {
        expect(processed.filter((delivery) => delivery.body.propertyId === propertyId).map(sequenceOf)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 8,
        ]);
      }
      const { perProperty, overall } = subscriber.concurrency('slow');
      expect(perProperty).toBe(1);
      expect(overall).toBeGreaterThan(1);
      expect(
        subscriber.received('slow').filter((delivery) => properties.includes(delivery.body.propertyId)),
      ).toHaveLength(32);
    } finally {
      await second.shutdown();
    }
  });

  it("strips an erased guest's personal data from the events it still keeps for delivery", async () => {
    const propertyId = randomUUID();
    // A subscriber that is down keeps the events queued, with the names its subscription may receive.
    await subscribe({ propertyId }, subscriber.endpoint('erasure-down', 'down'), ['reservation.*'], {
      includePersonalData: true,
    });
    const booking = reservationCreated(propertyId, 1);
    const other = reservationCreated(propertyId, 2);
    await produce([booking, other]);
    const database = service.app.get(DataSource);
    const stored = (id: string) =>
      eventually(async () => {
        const [row] = await database.query('SELECT envelope FROM webhook_event WHERE id = $1', [id]);
        expect(row).toBeDefined();
        return row.envelope as EventEnvelope<{ guest: Record<string, unknown> }>;
      });
    expect((await stored(booking.id)).data.guest.lastName).toBe('Durand-1');

    const reservationId = (booking.data as { reservationId: string }).reservationId;
    const guestId = randomUUID();
    await produce([
      createEvent('guest.profile-updated', {
        propertyId,
        subject: guestId,
        data: {
          guestId,
          firstName: 'Erased',
          lastName: 'Guest',
          vipLevel: 'none',
          changes: ['erased'],
          erased: true,
          reservationIds: [reservationId],
        },
      }),
    ]);
    await eventually(async () => {
      const erased = await stored(booking.id);
      expect(erased.data.guest).toEqual({ language: 'fr', vipLevel: 'none' });
      expect(JSON.stringify(erased)).not.toContain('Durand-1');
      expect(erased.data).toMatchObject({ reservationId, confirmationNumber: 'SEQ-1' });
    });
    // Another guest's booking keeps what its subscription is entitled to.
    expect((await stored(other.id)).data.guest.lastName).toBe('Durand-2');
  });
});
