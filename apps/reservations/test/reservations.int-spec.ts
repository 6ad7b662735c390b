import { TOPICS, validateEvent } from '@frontoffice/contracts';
import {
  EventProbe,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  testToken,
} from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { AppModule, RESERVATIONS_APP } from '../src/app.module';
import { ReservationsEnv } from '../src/config/reservations.env';

/** The reservations API through HTTP, with the real database and the real broker. */
describe('reservations service', () => {
  let service: RunningTestService;
  let probe: EventProbe;
  const admin = testToken(['admin'], ['*']);

  beforeAll(async () => {
    probe = await new EventProbe(testKafka('reservations-test'), [TOPICS.reservations]).start();
    service = await startTestService(AppModule.register(testEnv('reservations', ReservationsEnv)), RESERVATIONS_APP);
  });

  afterAll(async () => {
    await probe?.stop();
    await service?.shutdown();
  });

  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function createProperty(): Promise<{ id: string; businessDate: string }> {
    const response = await call('POST', '/v1/properties', admin, {
      code: `T${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'Hôtel des Tests',
      timezone: 'Europe/Paris',
      currency: 'EUR',
      country: 'FR',
      starRating: 4,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; businessDate: string };
  }

  async function createRoomType(propertyId: string): Promise<string> {
    const manager = testToken(['front_office_manager'], [propertyId]);
    const response = await call('POST', `/v1/properties/${propertyId}/room-types`, manager, {
      code: 'DBL',
      name: 'Double',
      maxOccupancy: 2,
      baseRate: { amountMinor: 12_900, currency: 'EUR' },
    });
    expect(response.status).toBe(201);
    const roomTypeId = ((await response.json()) as { id: string }).id;
    const rooms = await call('POST', `/v1/properties/${propertyId}/rooms/bulk`, manager, {
      rooms: [101, 102, 103].map((number) => ({ number: String(number), roomTypeId })),
    });
    expect(rooms.status).toBe(201);
    return roomTypeId;
  }

  const booking = (roomTypeId: string) => ({
    guest: { firstName: 'Camille', lastName: 'Durand', email: 'camille@example.com', language: 'fr', vipLevel: 'vip' },
    roomTypeId,
    arrival: '2027-03-27',
    departure: '2027-03-30',
    adults: 2,
  });

  it('creates a property with a business date and publishes property.created', async () => {
    const property = await createProperty();
    expect(property.businessDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const message = await probe.waitFor((candidate) => candidate.json?.subject === property.id);
    expect(message.key).toBe(property.id);
    expect(validateEvent(message.json).type).toBe('property.created');
  });

  it('books a stay, prices each night and publishes reservation.created through the outbox', async () => {
    const property = await createProperty();
    const roomTypeId = await createRoomType(property.id);
    const desk = testToken(['front_desk'], [property.id]);
    const correlationId = `it-${randomUUID()}`;
    const response = await call('POST', `/v1/properties/${property.id}/reservations`, desk, booking(roomTypeId), {
      'x-correlation-id': correlationId,
    });
    expect(response.status).toBe(201);
    const reservation = (await response.json()) as Record<string, unknown> & { id: string; nights: unknown[] };
    expect(reservation).toMatchObject({
      status: 'confirmed',
      confirmationNumber: expect.stringMatching(/^[2-9A-Z]{8}$/),
      totalPrice: { amountMinor: 38_700, currency: 'EUR' },
    });
    // 27 → 30 March 2027 crosses the European switch to summer time: still three nights.
    expect(reservation.nights).toEqual([
      { date: '2027-03-27', price: { amountMinor: 12_900, currency: 'EUR' } },
      { date: '2027-03-28', price: { amountMinor: 12_900, currency: 'EUR' } },
      { date: '2027-03-29', price: { amountMinor: 12_900, currency: 'EUR' } },
    ]);

    const message = await probe.waitFor((candidate) => candidate.json?.subject === reservation.id);
    const event = validateEvent(message.json);
    expect(message.key).toBe(property.id);
    expect(message.headers).toMatchObject({
      id: event.id,
      type: 'reservation.created',
      traceparent: expect.stringMatching(/^00-/),
    });
    expect(event).toMatchObject({
      type: 'reservation.created',
      version: 1,
      source: 'reservations',
      propertyId: property.id,
      correlationId,
    });
    expect(event.data).toMatchObject({
      reservationId: reservation.id,
      guest: { lastName: 'Durand', language: 'fr', vipLevel: 'vip' },
    });
    expect(event.data).not.toHaveProperty('guest.email');

    const fetched = await call('GET', `/v1/properties/${property.id}/reservations/${reservation.id}`, desk);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(reservation);
  });

  it('answers a replayed Idempotency-Key with the first answer and books nothing more', async () => {
    const property = await createProperty();
    const roomTypeId = await createRoomType(property.id);
    const desk = testToken(['front_desk'], [property.id]);
    const key = randomUUID();
    const first = await call('POST', `/v1/properties/${property.id}/reservations`, desk, booking(roomTypeId), {
      'idempotency-key': key,
    });
    const replay = await call('POST', `/v1/properties/${property.id}/reservations`, desk, booking(roomTypeId), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());

    const reused = await call(
      'POST',
      `/v1/properties/${property.id}/reservations`,
      desk,
      { ...booking(roomTypeId), adults: 1 },
      { 'idempotency-key': key },
    );
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
  });

  describe('refuses callers it must refuse', () => {
    let propertyId: string;
    let roomTypeId: string;
    beforeAll(async () => {
      propertyId = (await createProperty()).id;
      roomTypeId = await createRoomType(propertyId);
    });

    it('401 without a token or with a bad one', async () => {
      for (const token of [undefined, 'not-a-jwt', testToken(['front_desk'], [propertyId]).slice(0, -2) + 'xx']) {
        const response = await call('GET', `/v1/properties/${propertyId}/room-types`, token);
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized', type: expect.any(String) });
      }
    });

    it("403 with another property's token", async () => {
      const otherProperty = testToken(['front_desk'], [randomUUID()]);
      const response = await call(
        'POST',
        `/v1/properties/${propertyId}/reservations`,
        otherProperty,
        booking(roomTypeId),
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ status: 403, detail: expect.stringContaining(propertyId) });
    });

    it('403 with a role the route does not allow', async () => {
      const porter = testToken(['porter'], [propertyId]);
      expect(
        (await call('POST', `/v1/properties/${propertyId}/reservations`, porter, booking(roomTypeId))).status,
      ).toBe(403);
      expect((await call('POST', '/v1/properties', testToken(['front_office_manager'], ['*']), {})).status).toBe(403);
    });

    it('400 problem+json, field by field, for unknown and invalid fields', async () => {
      const desk = testToken(['front_desk'], [propertyId]);
      const response = await call('POST', `/v1/properties/${propertyId}/reservations`, desk, {
        ...booking(roomTypeId),
        guest: { firstName: 'Camille' },
        arrival: '2027-02-30',
        adults: 1.5,
        paidInFull: true,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { errors: { field: string; messages: string[] }[] };
      const fields = problem.errors.map((error) => error.field).sort();
      expect(fields).toEqual(['adults', 'arrival', 'guest.lastName', 'paidInFull']);
      expect(problem.errors.find((error) => error.field === 'paidInFull')?.messages).toEqual([
        'paidInFull is not a known field',
      ]);
    });

    it('400 for malformed JSON, a departure before arrival, and a bad path id; 404 for an unknown room type', async () => {
      const desk = testToken(['front_desk'], [propertyId]);
      expect((await call('POST', `/v1/properties/${propertyId}/reservations`, desk, '{"guest":')).status).toBe(400);
      const backwards = await call('POST', `/v1/properties/${propertyId}/reservations`, desk, {
        ...booking(roomTypeId),
        departure: '2027-03-20',
      });
      expect(backwards.status).toBe(400);
      expect(await backwards.json()).toMatchObject({ code: 'departure-not-after-arrival', field: 'departure' });
      expect((await call('GET', `/v1/properties/${propertyId}/reservations/not-a-uuid`, desk)).status).toBe(400);
      const unknown = await call('POST', `/v1/properties/${propertyId}/reservations`, desk, {
        ...booking(randomUUID()),
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'room-type-not-found' });
    });

    it('409 for a duplicate property code', async () => {
      const body = {
        code: `D${randomUUID().slice(0, 6).toUpperCase()}`,
        name: 'Twice',
        timezone: 'UTC',
        currency: 'EUR',
        country: 'FR',
      };
      expect((await call('POST', '/v1/properties', admin, body)).status).toBe(201);
      const again = await call('POST', '/v1/properties', admin, body);
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'property-code-taken' });
    });
  });

  it('documents every route in OpenAPI and serves health and metrics without a token', async () => {
    const document = (await (await call('GET', '/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/properties',
        '/v1/properties/{propertyId}/room-types',
        '/v1/properties/{propertyId}/reservations',
        '/v1/properties/{propertyId}/reservations/{reservationId}',
        '/v1/properties/{propertyId}/reservations/{reservationId}/cancel',
        '/v1/properties/{propertyId}/reservations/{reservationId}/no-show',
        '/v1/properties/{propertyId}/rooms',
        '/v1/properties/{propertyId}/rooms/bulk',
        '/v1/properties/{propertyId}/rooms/{roomId}/status',
        '/v1/properties/{propertyId}/rate-plans',
        '/v1/properties/{propertyId}/availability',
        '/v1/properties/{propertyId}/group-blocks',
        '/v1/properties/{propertyId}/night-audit',
      ]),
    );
    expect((await call('GET', '/health/live')).status).toBe(200);
    expect((await call('GET', '/health/ready')).status).toBe(200);
    expect(await (await call('GET', '/metrics')).text()).toContain('http_request_duration_seconds_bucket');
  });
});
