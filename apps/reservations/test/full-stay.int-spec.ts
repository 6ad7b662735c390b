import { TOPICS, validateEvent } from '@frontoffice/contracts';
import {
  eventually,
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

/**
 * A whole stay through HTTP — book, assign, check in, room move, night audit twice, check out — and what it puts on
 * the reservations topic: the expected events, in order (one property = one partition key), each valid against the
 * contracts.
 */
describe('a full stay', () => {
  let service: RunningTestService;
  let probe: EventProbe;
  const admin = testToken(['admin'], ['*']);

  beforeAll(async () => {
    probe = await new EventProbe(testKafka('full-stay-test'), [TOPICS.reservations]).start();
    service = await startTestService(AppModule.register(testEnv('reservations', ReservationsEnv)), RESERVATIONS_APP);
  });

  afterAll(async () => {
    await probe?.stop();
    await service?.shutdown();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: response.status, json };
  };

  const addDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('book, assign, check in, move, audit two nights, check out: the events, in order, valid', async () => {
    const property = await call('POST', '/v1/properties', admin, {
      code: `FS${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'Hôtel du Séjour',
      timezone: 'America/Los_Angeles',
      currency: 'USD',
      country: 'US',
    });
    expect(property.status).toBe(201);
    const propertyId = property.json.id as string;
    const day1 = property.json.businessDate as string;
    const manager = testToken(['front_office_manager'], [propertyId], 'manager-fs');
    const desk = testToken(['front_desk'], [propertyId], 'desk-fs');

    const roomType = await call('POST', `/v1/properties/${propertyId}/room-types`, manager, {
      code: 'KNG',
      name: 'King',
      maxOccupancy: 2,
      baseRate: { amountMinor: 21_900, currency: 'USD' },
    });
    expect(roomType.status).toBe(201);
    const rooms = await call('POST', `/v1/properties/${propertyId}/rooms/bulk`, admin, {
      rooms: ['701', '702'].map((number) => ({ number, roomTypeId: roomType.json.id, floor: 7 })),
    });
    expect(rooms.status).toBe(201);
    const [first, second] = rooms.json.items as { id: string; number: string }[];

    const booked = await call('POST', `/v1/properties/${propertyId}/reservations`, desk, {
      guest: { firstName: 'Grace', lastName: 'Hopper', email: `grace.${randomUUID().slice(0, 6)}@example.com` },
      roomTypeId: roomType.json.id,
      arrival: day1,
      departure: addDays(day1, 2),
      adults: 1,
    });
    expect(booked.status).toBe(201);
    const reservationId = booked.json.id as string;
    const actions = `/v1/properties/${propertyId}/reservations/${reservationId}`;

    expect((await call('POST', `${actions}/assign-room`, desk, { roomId: first.id })).status).toBe(200);
    expect((await call('POST', `${actions}/check-in`, desk, {})).json).toMatchObject({
      status: 'checked_in',
      roomId: first.id,
    });
    expect(
      (await call('POST', `${actions}/room-move`, desk, { roomId: second.id, reason: 'View' })).json,
    ).toMatchObject({ status: 'checked_in', roomId: second.id });
    for (const businessDate of [day1, addDays(day1, 1)]) {
      const audit = await call('POST', `/v1/properties/${propertyId}/night-audit`, manager, { businessDate });
      expect(audit.status).toBe(200);
      expect(audit.json).toMatchObject({
        businessDate,
        nextBusinessDate: addDays(businessDate, 1),
        roomNightsPosted: 1,
      });
    }
    const out = await call('POST', `${actions}/check-out`, desk);
    expect(out.status).toBe(200);
    expect(out.json).toMatchObject({ status: 'checked_out', roomId: second.id });

    const expected = [
      ['reservation.created', reservationId],
      ['stay.checked-in', reservationId],
      ['room.status-changed', first.id],
      ['stay.room-moved', reservationId],
      ['room.status-changed', first.id],
      ['room.status-changed', second.id],
      ['night-audit.room-night-posted', reservationId],
      ['night-audit.completed', undefined],
      ['night-audit.room-night-posted', reservationId],
      ['night-audit.completed', undefined],
      ['stay.checked-out', reservationId],
      ['room.status-changed', second.id],
    ];
    const seen = await eventually(
      () => {
        const events = probe.messages
          .filter((message) => message.key === propertyId)
          .map((message) => validateEvent(message.json))
          // The set-up (property.*) and the guest profile are not the stay's story.
          .filter((event) => !event.type.startsWith('property.') && event.type !== 'guest.profile-updated');
        if (events.length < expected.length) throw new Error(`${events.length} of ${expected.length} events so far`);
        return events;
      },
      { timeoutMs: 20_000 },
    );
    expect(seen.map((event) => event.type)).toEqual(expected.map(([type]) => type));
    seen.forEach((event, index) => {
      const subject = expected[index][1];
      if (subject) expect({ type: event.type, subject: event.subject }).toEqual({ type: event.type, subject });
      expect(event.propertyId).toBe(propertyId);
    });

    const data = seen.map((event) => event.data as Record<string, unknown>);
    expect(data[1]).toMatchObject({ roomId: first.id, businessDate: day1, upgraded: false });
    expect(data[2]).toMatchObject({ status: 'occupied', previousStatus: 'vacant_clean' });
    expect(data[3]).toMatchObject({ fromRoomId: first.id, toRoomId: second.id, reason: 'View' });
    expect(data[4]).toMatchObject({ status: 'vacant_dirty', previousStatus: 'occupied' });
    expect(data[5]).toMatchObject({ status: 'occupied' });
    expect(data[6]).toMatchObject({ businessDate: day1, roomId: second.id });
    expect(data[8]).toMatchObject({ businessDate: addDays(day1, 1), roomId: second.id });
    expect(data[10]).toMatchObject({ early: false, roomId: second.id, businessDate: addDays(day1, 2) });
    expect(data[11]).toMatchObject({ status: 'vacant_dirty', previousStatus: 'occupied' });
    const all = probe.messages.filter((m) => m.key === propertyId).map((m) => validateEvent(m.json));
    expect(all[0].type).toBe('property.created');
    // The guest's profile was published too, without contact details.
    const profile = probe.messages.find((m) => m.key === propertyId && m.json?.type === 'guest.profile-updated');
    expect(profile && validateEvent(profile.json).data).toMatchObject({ lastName: 'Hopper', erased: false });
  });
});
