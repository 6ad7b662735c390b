import { validateEvent } from '@frontoffice/contracts';
import { eventually, testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { addDays, ReservationsHarness } from './reservations-harness';

/**
 * A whole stay through HTTP — book, assign, check in, room move, night audit twice, check out — and what it puts on
 * the reservations topic: the expected events, in order (one property = one partition key), each valid against the
 * contracts.
 */
describe('a full stay', () => {
  const harness = new ReservationsHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const response = await harness.call(method, url, token, body);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('book, assign, check in, move, audit two nights, check out: the events, in order, valid', async () => {
    const property = await harness.property('America/Los_Angeles', 'USD');
    const propertyId = property.id;
    const day1 = property.businessDate;
    const manager = testToken(['front_office_manager'], [propertyId], 'manager-fs');
    const desk = testToken(['front_desk'], [propertyId], 'desk-fs');
    const roomTypeId = await harness.roomType(propertyId, 'KNG', 21_900, 'USD');
    const [first, second] = await harness.rooms(propertyId, roomTypeId, 2, '7');

    const booked = await call('POST', `/v1/properties/${propertyId}/reservations`, desk, {
      guest: { firstName: 'Grace', lastName: 'Hopper', email: `grace.${randomUUID().slice(0, 6)}@example.com` },
      roomTypeId,
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
        const events = harness.probe.messages
          .filter((message) => message.key === propertyId)
          .map((message) => validateEvent(message.json))
          // The set-up (property.*), the guest profile and the availability feed are not the stay's story.
          .filter(
            (event) =>
              !event.type.startsWith('property.') &&
              event.type !== 'guest.profile-updated' &&
              event.type !== 'inventory.availability-changed',
          );
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
    const all = harness.probe.messages.filter((m) => m.key === propertyId).map((m) => validateEvent(m.json));
    expect(all[0].type).toBe('property.created');
    // The guest's profile was published too, without contact details.
    const profile = harness.probe.messages.find(
      (m) => m.key === propertyId && m.json?.type === 'guest.profile-updated',
    );
    expect(profile && validateEvent(profile.json).data).toMatchObject({ lastName: 'Hopper', erased: false });
  });
});
