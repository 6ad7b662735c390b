import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, booking, ReservationsHarness } from './reservations-harness';

interface Reservation {
  id: string;
  confirmationNumber: string;
  status: string;
  arrival: string;
  departure: string;
  roomTypeId: string;
  adults: number;
  totalPrice: { amountMinor: number; currency: string };
  nights: { date: string; price: { amountMinor: number } }[];
  guest: { guestId?: string; lastName: string };
  cancelReason: string | null;
}

/** Modify, cancel, no-show, search and idempotency through HTTP, with the real database and broker. */
describe('reservation life cycle', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const booked = async (propertyId: string, roomTypeId: string, date: string) => {
    const result = await harness.json<{ items: { date: string; booked: number }[] }>(
      200,
      'GET',
      `/v1/properties/${propertyId}/availability?from=${date}&to=${addDays(date, 1)}&roomTypeId=${roomTypeId}`,
      harness.token(['front_office_manager'], propertyId),
    );
    return result.items[0].booked;
  };

  it('links a guest profile, and a replayed Idempotency-Key books nothing more', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(3);
    const desk = harness.token(['front_desk'], propertyId);
    const key = randomUUID();
    const body = booking(roomTypeId, '2027-05-01', '2027-05-03', {
      guest: { firstName: 'Ana', lastName: 'Lima', email: `ana-${key}@example.com`, vipLevel: 'vvip' },
    });
    const first = await harness.json<Reservation>(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      desk,
      body,
      {
        'idempotency-key': key,
      },
    );
    expect(first.guest.guestId).toEqual(expect.any(String));
    const replay = await harness.call('POST', `/v1/properties/${propertyId}/reservations`, desk, body, {
      'idempotency-key': key,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(first);
    expect(await booked(propertyId, roomTypeId, '2027-05-01')).toBe(1);
    const all = await harness.json<{ items: unknown[] }>(200, 'GET', `/v1/properties/${propertyId}/reservations`, desk);
    expect(all.items).toHaveLength(1);
    const events = await harness.waitForEvent(propertyId, (event) => event.type === 'reservation.created');
    expect(events.filter((event) => event.type === 'reservation.created')).toHaveLength(1);
    expect(events.find((event) => event.type === 'reservation.created')!.data).toMatchObject({
      guest: { guestId: first.guest.guestId, vipLevel: 'vvip' },
    });
  });

  it('moves dates and room type with an atomic availability re-check, keeping booked prices', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(1);
    const suite = await harness.roomType(propertyId, 'STE', 40_000);
    await harness.rooms(propertyId, suite, 1, 'S');
    const desk = harness.token(['front_desk'], propertyId);
    const path = `/v1/properties/${propertyId}/reservations`;
    const mine = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, '2027-10-29', '2027-11-01'),
    );
    const other = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, '2027-11-02', '2027-11-04'),
    );

    // Extending into a night the other booking holds: 409, and nothing moved.
    const clash = await harness.call('PATCH', `${path}/${mine.id}`, desk, { departure: '2027-11-03' });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'sold-out', detail: expect.stringContaining('2027-11-02') });
    expect(await booked(propertyId, roomTypeId, '2027-10-29')).toBe(1);
    expect(await booked(propertyId, roomTypeId, '2027-11-01')).toBe(0);

    // Across the October clock change: one night later in, one more night out.
    const moved = await harness.json<Reservation>(200, 'PATCH', `${path}/${mine.id}`, desk, {
      arrival: '2027-10-30',
      departure: '2027-11-02',
      adults: 1,
    });
    expect(moved.nights.map((night) => night.date)).toEqual(['2027-10-30', '2027-10-31', '2027-11-01']);
    expect(moved.totalPrice.amountMinor).toBe(3 * 12_900);
    expect(await booked(propertyId, roomTypeId, '2027-10-29')).toBe(0);
    expect(await booked(propertyId, roomTypeId, '2027-11-01')).toBe(1);

    const upgraded = await harness.json<Reservation>(200, 'PATCH', `${path}/${mine.id}`, desk, { roomTypeId: suite });
    expect(upgraded.totalPrice.amountMinor).toBe(3 * 40_000);
    expect(await booked(propertyId, roomTypeId, '2027-10-30')).toBe(0);
    expect(await booked(propertyId, suite, '2027-10-30')).toBe(1);
    // The suite is taken now: the other booking cannot move into it for an overlapping night.
    const full = await harness.call('PATCH', `${path}/${other.id}`, desk, {
      roomTypeId: suite,
      arrival: '2027-11-01',
      departure: '2027-11-03',
    });
    expect(full.status).toBe(409);
    expect(await booked(propertyId, roomTypeId, '2027-11-02')).toBe(1);

    const events = await harness.waitForEvent(
      propertyId,
      (event) => event.type === 'reservation.modified' && (event.data as { roomTypeId: string }).roomTypeId === suite,
    );
    const modified = events.filter((event) => event.type === 'reservation.modified');
    expect(modified.map((event) => (event.data as { changes: string[] }).changes)).toEqual([
      ['dates', 'guests'],
      ['room_type'],
    ]);
    expect(modified[0].data).toMatchObject({ previousArrival: '2027-10-29', previousDeparture: '2027-11-01' });
  });

  it('extends an in-house upgraded stay on the type of the room it occupies', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(1);
    const suite = await harness.roomType(propertyId, 'STE', 40_000);
    const [suiteRoom] = await harness.rooms(propertyId, suite, 1, 'S');
    const desk = harness.token(['front_desk'], propertyId);
    const path = `/v1/properties/${propertyId}/reservations`;
    const stay = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, businessDate, addDays(businessDate, 2)),
    );
    // As the desk's check-in into an upgraded room does: in house in the suite, the nights held on the suite type.
    await harness.service.app.get(DataSource).transaction(async (manager) => {
      await manager.query(
        `UPDATE reservation SET status = 'checked_in', room_id = $2, checked_in_at = now() WHERE id = $1`,
        [stay.id, suiteRoom.id],
      );
      await manager.query(`UPDATE inventory_night SET booked = booked - 1 WHERE room_type_id = $1 AND date >= $2`, [
        roomTypeId,
        businessDate,
      ]);
      await manager.query(
        `INSERT INTO inventory_night (property_id, room_type_id, date, booked)
         SELECT $1, $2, d, 1 FROM unnest($3::date[]) AS d`,
        [propertyId, suite, [businessDate, addDays(businessDate, 1)]],
      );
    });
    const extended = await harness.json<Reservation>(200, 'PATCH', `${path}/${stay.id}`, desk, {
      departure: addDays(businessDate, 3),
    });
    expect(extended).toMatchObject({ status: 'checked_in', roomTypeId, departure: addDays(businessDate, 3) });
    expect(extended.nights.map((night) => night.price.amountMinor)).toEqual([12_900, 12_900, 12_900]);
    expect(await booked(propertyId, suite, addDays(businessDate, 2))).toBe(1);
    expect(await booked(propertyId, roomTypeId, addDays(businessDate, 2))).toBe(0);
    const shortened = await harness.json<Reservation>(200, 'PATCH', `${path}/${stay.id}`, desk, {
      departure: addDays(businessDate, 1),
    });
    expect(shortened.nights).toHaveLength(1);
    expect(await booked(propertyId, suite, addDays(businessDate, 1))).toBe(0);
    expect(await booked(propertyId, suite, businessDate)).toBe(1);
    const arrivalMove = await harness.call('PATCH', `${path}/${stay.id}`, desk, {
      arrival: addDays(businessDate, 1),
      departure: addDays(businessDate, 2),
    });
    expect(arrivalMove.status).toBe(409);
    expect(await arrivalMove.json()).toMatchObject({ code: 'guest-already-arrived' });
  });

  it('cancels with a reason and marks no-shows; the nights go back on sale; invalid transitions are 409', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(2);
    const desk = harness.token(['front_desk'], propertyId);
    const path = `/v1/properties/${propertyId}/reservations`;
    const later = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, addDays(businessDate, 5), addDays(businessDate, 7)),
    );
    const missing = await harness.call('POST', `${path}/${later.id}/cancel`, desk, {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors[0].field).toBe('reason');
    const cancelled = await harness.json<Reservation>(200, 'POST', `${path}/${later.id}/cancel`, desk, {
      reason: 'Flight cancelled',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Flight cancelled' });
    expect(await booked(propertyId, roomTypeId, addDays(businessDate, 5))).toBe(0);
    const again = await harness.call('POST', `${path}/${later.id}/cancel`, desk, { reason: 'twice' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'invalid-transition',
      detail: expect.stringContaining('cancelled'),
    });
    expect((await harness.call('PATCH', `${path}/${later.id}`, desk, { adults: 1 })).status).toBe(409);
    expect((await harness.call('POST', `${path}/${later.id}/no-show`, desk)).status).toBe(409);

    const future = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, addDays(businessDate, 1), addDays(businessDate, 2)),
    );
    const early = await harness.call('POST', `${path}/${future.id}/no-show`, desk);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'not-due-yet' });
    const today = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, businessDate, addDays(businessDate, 2)),
    );
    const noShow = await harness.json<Reservation>(200, 'POST', `${path}/${today.id}/no-show`, desk);
    expect(noShow.status).toBe('no_show');
    expect(await booked(propertyId, roomTypeId, businessDate)).toBe(0);

    const events = await harness.waitForEvent(propertyId, (event) => event.type === 'reservation.no-show');
    expect(events.find((event) => event.type === 'reservation.cancelled')!.data).toMatchObject({
      reservationId: later.id,
      reason: 'Flight cancelled',
      cancelledAt: expect.any(String),
    });
    expect(events.find((event) => event.type === 'reservation.no-show')!.data).toMatchObject({
      reservationId: today.id,
      businessDate,
    });
  });

  it('searches by name, confirmation number, dates and status, page by page', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(5);
    const desk = harness.token(['concierge'], propertyId);
    const agent = harness.token(['front_desk'], propertyId);
    const path = `/v1/properties/${propertyId}/reservations`;
    const names = ['Martin', 'Martins', 'Bernard', "O'Neil_%"];
    const made: Reservation[] = [];
    for (const [index, lastName] of names.entries()) {
      made.push(
        await harness.json<Reservation>(
          201,
          'POST',
          path,
          agent,
          booking(roomTypeId, addDays('2027-07-01', index), addDays('2027-07-03', index), {
            guest: { firstName: 'Guest', lastName },
          }),
        ),
      );
    }
    const search = (query: string) =>
      harness.json<{ items: Reservation[]; nextCursor: string | null }>(200, 'GET', `${path}?${query}`, desk);
    expect((await search('name=mart')).items.map((item) => item.guest.lastName)).toEqual(['Martin', 'Martins']);
    expect((await search("name=o'neil_%")).items).toHaveLength(1);
    expect((await search('name=o%')).items).toHaveLength(0);
    expect((await search(`confirmationNumber=${made[2].confirmationNumber}`)).items.map((item) => item.id)).toEqual([
      made[2].id,
    ]);
    expect((await search('from=2027-07-04&to=2027-07-05')).items.map((item) => item.guest.lastName)).toEqual([
      'Bernard',
      "O'Neil_%",
    ]);
    expect((await search('arrival=2027-07-02')).items).toHaveLength(1);
    const first = await search('limit=3');
    expect(first.items).toHaveLength(3);
    const rest = await search(`limit=3&cursor=${first.nextCursor}`);
    expect(rest.items.map((item) => item.id)).toEqual([made[3].id]);
    expect(rest.nextCursor).toBeNull();
    await harness.json(200, 'POST', `${path}/${made[0].id}/cancel`, agent, { reason: 'x' });
    expect((await search('status=cancelled')).items.map((item) => item.id)).toEqual([made[0].id]);
    expect((await harness.call('GET', `${path}?status=gone&limit=0&colour=red`, desk)).status).toBe(400);
    const problem = (await (await harness.call('GET', `${path}?status=gone&limit=0&colour=red`, desk)).json()) as {
      errors: { field: string }[];
    };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['colour', 'limit', 'status']);
    expect((await harness.call('GET', `${path}?cursor=bm90LWpzb24`, desk)).status).toBe(400);
  });

  it('refuses bad input with 400 and the wrong role or property with 403 on every route', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(1);
    const desk = harness.token(['front_desk'], propertyId);
    const porter = harness.token(['porter'], propertyId);
    const stranger = harness.token(['front_desk'], randomUUID());
    const path = `/v1/properties/${propertyId}/reservations`;
    const mine = await harness.json<Reservation>(
      201,
      'POST',
      path,
      desk,
      booking(roomTypeId, '2027-08-01', '2027-08-02'),
    );
    const routes: [string, string, unknown][] = [
      ['GET', path, undefined],
      ['GET', `${path}/${mine.id}`, undefined],
      ['PATCH', `${path}/${mine.id}`, { adults: 1 }],
      ['POST', `${path}/${mine.id}/cancel`, { reason: 'x' }],
      ['POST', `${path}/${mine.id}/no-show`, undefined],
    ];
    for (const [method, route, body] of routes) {
      expect([method, route, (await harness.call(method, route, porter, body)).status]).toEqual([method, route, 403]);
      expect([method, route, (await harness.call(method, route, stranger, body)).status]).toEqual([method, route, 403]);
    }
    const patch = await harness.call('PATCH', `${path}/${mine.id}`, desk, {
      adults: 0,
      arrival: '2027-13-01',
      roomId: 'x',
    });
    expect(patch.status).toBe(400);
    expect(patch.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await patch.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['adults', 'arrival', 'roomId']);
    const backwards = await harness.call('PATCH', `${path}/${mine.id}`, desk, { departure: '2027-07-30' });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ code: 'departure-not-after-arrival', field: 'departure' });
    expect((await harness.call('PATCH', `${path}/${mine.id}`, desk, { adults: 4 })).status).toBe(400);
    expect((await harness.call('POST', `${path}/${mine.id}/cancel`, desk, { reason: '' })).status).toBe(400);
    expect((await harness.call('POST', `${path}/${randomUUID()}/cancel`, desk, { reason: 'x' })).status).toBe(404);
    const past = await harness.call('POST', path, desk, booking(roomTypeId, '2020-01-01', '2020-01-02'));
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ code: 'date-in-past', field: 'arrival' });
  });
});
