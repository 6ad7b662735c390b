import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, booking, ReservationsHarness } from './reservations-harness';

interface Report {
  auditId: string;
  businessDate: string;
  nextBusinessDate: string;
  noShows: number;
  noShowReservationIds: string[];
  roomNightsPosted: number;
  roomRevenue: { amountMinor: number; currency: string };
  groupRoomNightsReleased: number;
  roomsTotal: number;
  roomsOutOfOrder: number;
  roomsSold: number;
  replayed: boolean;
}

/** POST /night-audit through HTTP, with the real database and broker. */
describe('night audit', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** Puts a booking in house as the desk's check-in does (status, room, time): the audit reads that state. */
  async function inHouse(reservationId: string, roomId: string): Promise<void> {
    await harness.service.app
      .get(DataSource)
      .query(`UPDATE reservation SET status = 'checked_in', room_id = $2, checked_in_at = now() WHERE id = $1`, [
        reservationId,
        roomId,
      ]);
  }

  it('marks no-shows, posts one room night per in-house stay, releases blocks at cut-off, rolls the date — once', async () => {
    const property = await harness.property('Pacific/Auckland', 'NZD');
    const propertyId = property.id;
    const manager = harness.token(['front_office_manager'], propertyId);
    const desk = harness.token(['front_desk'], propertyId);
    const roomTypeId = await harness.roomType(propertyId, 'KNG', 25_000, 'NZD');
    const rooms = await harness.rooms(propertyId, roomTypeId, 6);
    const today = property.businessDate;
    const path = `/v1/properties/${propertyId}`;

    const staying = await harness.json<{ id: string; confirmationNumber: string }>(
      201,
      'POST',
      `${path}/reservations`,
      desk,
      booking(roomTypeId, today, addDays(today, 2)),
    );
    await inHouse(staying.id, rooms[0].id);
    const absent = await harness.json<{ id: string }>(
      201,
      'POST',
      `${path}/reservations`,
      desk,
      booking(roomTypeId, today, addDays(today, 3)),
    );
    const tomorrow = await harness.json<{ id: string }>(
      201,
      'POST',
      `${path}/reservations`,
      desk,
      booking(roomTypeId, addDays(today, 1), addDays(today, 2)),
    );
    const block = await harness.json<{ id: string }>(201, 'POST', `${path}/group-blocks`, manager, {
      code: 'CONF',
      name: 'Conference',
      roomTypeId,
      cutoffDate: today,
      nights: [{ date: addDays(today, 1), rooms: 2 }],
    });
    await harness.json(200, 'PATCH', `${path}/rooms/${rooms[5].id}/status`, manager, {
      status: 'out_of_order',
      reason: 'Broken window',
      to: today,
    });
    // Scheduled for tomorrow night only: sellable today, out of order tomorrow, back the day after.
    const scheduled = await harness.json<{ status: string }>(
      200,
      'PATCH',
      `${path}/rooms/${rooms[4].id}/status`,
      manager,
      {
        status: 'out_of_order',
        reason: 'Carpet',
        from: addDays(today, 1),
        to: addDays(today, 1),
      },
    );
    expect(scheduled.status).toBe('vacant_clean');

    const first = await harness.json<Report>(200, 'POST', `${path}/night-audit`, manager, { businessDate: today });
    expect(first).toMatchObject({
      businessDate: today,
      nextBusinessDate: addDays(today, 1),
      noShows: 1,
      noShowReservationIds: [absent.id],
      roomNightsPosted: 1,
      roomRevenue: { amountMinor: 25_000, currency: 'NZD' },
      groupRoomNightsReleased: 2,
      roomsTotal: 6,
      roomsOutOfOrder: 1,
      roomsSold: 1,
      roomsStatusChanged: 2,
      replayed: false,
    });
    const roomStatus = async (id: string) =>
      (await harness.json<{ status: string }>(200, 'GET', `${path}/rooms/${id}`, manager)).status;
    expect(await roomStatus(rooms[5].id)).toBe('vacant_dirty');
    expect(await roomStatus(rooms[4].id)).toBe('out_of_order');

    const events = await harness.waitForEvent(propertyId, (event) => event.type === 'night-audit.completed');
    const auditEvents = events
      .slice(events.findIndex((event) => event.type === 'reservation.no-show'))
      .filter((event) => event.type !== 'inventory.availability-changed');
    expect(auditEvents.map((event) => event.type)).toEqual([
      'reservation.no-show',
      'night-audit.room-night-posted',
      'group-block.released',
      'room.status-changed',
      'room.status-changed',
      'night-audit.completed',
    ]);
    expect(auditEvents[1].data).toMatchObject({
      reservationId: staying.id,
      confirmationNumber: staying.confirmationNumber,
      businessDate: today,
      roomId: rooms[0].id,
      roomNumber: rooms[0].number,
      roomTypeCode: 'KNG',
      rate: { amountMinor: 25_000, currency: 'NZD' },
      adults: 2,
      children: 0,
    });
    expect(auditEvents[2].data).toMatchObject({
      groupBlockId: block.id,
      released: [{ date: addDays(today, 1), rooms: 2 }],
      roomNightsReleased: 2,
    });
    expect(auditEvents[5]).toMatchObject({ subject: first.auditId, data: { roomsSold: 1, noShows: 1 } });

    // Twice for one date: the same report, nothing done again.
    const second = await harness.json<Report>(200, 'POST', `${path}/night-audit`, manager, { businessDate: today });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await harness.json(200, 'GET', `${path}/night-audit/${today}`, manager)).toEqual(second);

    // The no-show's nights and the block's released rooms are back on sale: 6 rooms, 1 out of order tomorrow, 1 in house, 1 arriving.
    const availability = await harness.json<{ items: { date: string; available: number; blocked: number }[] }>(
      200,
      'GET',
      `${path}/availability?from=${addDays(today, 1)}&to=${addDays(today, 3)}`,
      desk,
    );
    expect(availability.items.map((item) => [item.available, item.blocked])).toEqual([
      [3, 0],
      [6, 0],
    ]);
    const gone = await harness.json<{ status: string; noShowOn: string }>(
      200,
      'GET',
      `${path}/reservations/${absent.id}`,
      desk,
    );
    expect(gone).toMatchObject({ status: 'no_show', noShowOn: today });
    expect(
      (await harness.json<{ status: string }>(200, 'GET', `${path}/reservations/${tomorrow.id}`, desk)).status,
    ).toBe('confirmed');

    // The next date: the stay's second night is posted; the first is never posted again.
    const next = await harness.json<Report>(200, 'POST', `${path}/night-audit`, manager, {
      businessDate: addDays(today, 1),
    });
    expect(next).toMatchObject({
      roomNightsPosted: 1,
      roomsOutOfOrder: 1,
      roomsStatusChanged: 1,
      replayed: false,
      nextBusinessDate: addDays(today, 2),
    });
    expect(await roomStatus(rooms[4].id)).toBe('vacant_dirty');
    const later = await harness.waitForEvent(
      propertyId,
      (event) => event.type === 'night-audit.completed' && event.subject === next.auditId,
    );
    const postings = later
      .filter((event) => event.type === 'night-audit.room-night-posted')
      .map((event) => (event.data as { businessDate: string }).businessDate);
    expect(postings).toEqual([today, addDays(today, 1)]);
    expect(later.filter((event) => event.type === 'night-audit.completed')).toHaveLength(2);
    // tomorrow's booking did not arrive: a no-show at the second audit.
    expect(next.noShowReservationIds).toEqual([tomorrow.id]);
    expect((await harness.json<{ businessDate: string }>(200, 'GET', path, manager)).businessDate).toBe(
      addDays(today, 2),
    );
  });

  it('closes a date once when two managers run the audit at the same moment', async () => {
    const { propertyId, businessDate } = await harness.hotel(1);
    const manager = harness.token(['front_office_manager'], propertyId);
    const runs = await Promise.all(
      [0, 1, 2].map(() =>
        harness.json<Report>(200, 'POST', `/v1/properties/${propertyId}/night-audit`, manager, { businessDate }),
      ),
    );
    expect(runs.map((run) => run.replayed).sort()).toEqual([false, true, true]);
    expect(new Set(runs.map((run) => run.auditId)).size).toBe(1);
    const events = await harness.waitForEvent(propertyId, (event) => event.type === 'night-audit.completed');
    expect(events.filter((event) => event.type === 'night-audit.completed')).toHaveLength(1);
    expect(
      (await harness.json<{ businessDate: string }>(200, 'GET', `/v1/properties/${propertyId}`, manager)).businessDate,
    ).toBe(addDays(businessDate, 1));
  });

  it('honours a no-show grace day from the property policy', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(2, 'Europe/Paris');
    const manager = harness.token(['front_office_manager'], propertyId);
    await harness.json(200, 'PATCH', `/v1/properties/${propertyId}`, manager, { noShowGraceDays: 1 });
    const late = await harness.json<{ id: string }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      harness.token(['front_desk'], propertyId),
      booking(roomTypeId, businessDate, addDays(businessDate, 3)),
    );
    const day1 = await harness.json<Report>(200, 'POST', `/v1/properties/${propertyId}/night-audit`, manager, {
      businessDate,
    });
    expect(day1.noShows).toBe(0);
    const day2 = await harness.json<Report>(200, 'POST', `/v1/properties/${propertyId}/night-audit`, manager, {
      businessDate: addDays(businessDate, 1),
    });
    expect(day2.noShowReservationIds).toEqual([late.id]);
  });

  it('refuses another date with 409, bad input with 400 and the wrong role or property with 403', async () => {
    const { propertyId, businessDate } = await harness.hotel(1);
    const manager = harness.token(['front_office_manager'], propertyId);
    const path = `/v1/properties/${propertyId}/night-audit`;
    const ahead = await harness.call('POST', path, manager, { businessDate: addDays(businessDate, 5) });
    expect(ahead.status).toBe(409);
    expect(ahead.headers.get('content-type')).toContain('application/problem+json');
    expect(await ahead.json()).toMatchObject({ code: 'not-current-business-date' });
    const bad = await harness.call('POST', path, manager, { businessDate: '2027-02-30', extra: true });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['businessDate', 'extra']);
    expect((await harness.call('POST', path, manager, {})).status).toBe(400);
    expect((await harness.call('GET', `${path}/not-a-date`, manager)).status).toBe(400);
    expect((await harness.call('GET', `${path}/${businessDate}`, manager)).status).toBe(404);
    expect((await harness.call('POST', path, harness.token(['front_desk'], propertyId), { businessDate })).status).toBe(
      403,
    );
    expect(
      (await harness.call('POST', path, harness.token(['front_office_manager'], randomUUID()), { businessDate }))
        .status,
    ).toBe(403);
  });
});
