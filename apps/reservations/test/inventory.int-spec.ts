import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { addDays, booking, ReservationsHarness } from './reservations-harness';

interface AvailabilityItem {
  roomTypeId: string;
  date: string;
  available: number;
  price: { amountMinor: number; currency: string };
  rooms: number;
  outOfOrder: number;
  booked: number;
  blocked: number;
}

/** Availability and the no-overbooking guarantee, through HTTP with the real database and broker. */
describe('inventory and availability', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const availability = (propertyId: string, query: string, token?: string) =>
    harness.json<{ items: AvailabilityItem[]; stayPrices: Record<string, { amountMinor: number }> }>(
      200,
      'GET',
      `/v1/properties/${propertyId}/availability?${query}`,
      token ?? harness.token(['front_desk'], propertyId),
    );

  it('sells the last 10 rooms exactly once to 200 concurrent bookings; inventory and reservations agree', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(12);
    const desk = harness.token(['front_desk'], propertyId);
    // Two rooms are already taken: 10 remain for these nights.
    for (let index = 0; index < 2; index += 1) {
      await harness.json(201, 'POST', `/v1/properties/${propertyId}/reservations`, desk, booking(roomTypeId));
    }
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        harness.call(
          'POST',
          `/v1/properties/${propertyId}/reservations`,
          desk,
          booking(roomTypeId, '2027-03-27', '2027-03-30', {
            guest: { firstName: 'Racer', lastName: `Number${index}`, email: `racer${index}@example.com` },
          }),
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(190);
    const refusal = responses.find((response) => response.status === 409)!;
    expect(refusal.headers.get('content-type')).toContain('application/problem+json');
    expect(await refusal.json()).toMatchObject({
      status: 409,
      code: 'sold-out',
      detail: expect.stringMatching(/night of 2027-03-2[789]/),
    });

    const items = (await availability(propertyId, `from=2027-03-26&to=2027-03-31&roomTypeId=${roomTypeId}`)).items;
    expect(items.map((item) => [item.date, item.booked, item.available])).toEqual([
      ['2027-03-26', 0, 12],
      ['2027-03-27', 12, 0],
      ['2027-03-28', 12, 0],
      ['2027-03-29', 12, 0],
      ['2027-03-30', 0, 12],
    ]);
    const found = await harness.json<{ items: unknown[] }>(
      200,
      'GET',
      `/v1/properties/${propertyId}/reservations?status=confirmed&limit=200`,
      desk,
    );
    expect(found.items).toHaveLength(12);

    // The database agrees with itself: every night's booked count is the number of bookings covering it.
    const rows: { date: string; booked: number; covering: number }[] = await harness.service.app.get(DataSource).query(
      `SELECT i.date::text AS date, i.booked,
                (SELECT count(*)::int FROM reservation r
                  WHERE r.room_type_id = i.room_type_id AND r.status IN ('confirmed', 'checked_in')
                    AND r.arrival <= i.date AND r.departure > i.date) AS covering
           FROM inventory_night i WHERE i.room_type_id = $1 ORDER BY i.date`,
      [roomTypeId],
    );
    expect(rows).toEqual([
      { date: '2027-03-27', booked: 12, covering: 12 },
      { date: '2027-03-28', booked: 12, covering: 12 },
      { date: '2027-03-29', booked: 12, covering: 12 },
    ]);
  });

  it('stays consistent under overlapping concurrent bookings, changes and cancellations (no deadlock, no oversell)', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(5);
    const desk = harness.token(['front_desk'], propertyId);
    const path = `/v1/properties/${propertyId}/reservations`;
    const start = '2027-09-01';
    const seeded: { id: string }[] = [];
    for (let index = 0; index < 3; index += 1) {
      seeded.push(
        await harness.json(
          201,
          'POST',
          path,
          desk,
          booking(roomTypeId, addDays(start, index * 2), addDays(start, index * 2 + 3)),
        ),
      );
    }
    // Stays of 1 to 4 nights starting on any of 8 days, in every order; some existing bookings move or cancel meanwhile.
    const requests = [
      ...Array.from({ length: 40 }, (_, index) => {
        const arrival = addDays(start, (index * 7) % 8);
        return harness.call('POST', path, desk, booking(roomTypeId, arrival, addDays(arrival, 1 + (index % 4))));
      }),
      harness.call('PATCH', `${path}/${seeded[0].id}`, desk, { departure: addDays(start, 6) }),
      harness.call('POST', `${path}/${seeded[1].id}/cancel`, desk, { reason: 'race' }),
      harness.call('PATCH', `${path}/${seeded[2].id}`, desk, { arrival: addDays(start, 1) }),
    ];
    const statuses = (await Promise.all(requests)).map((response) => response.status);
    expect(statuses.filter((status) => ![200, 201, 409].includes(status))).toEqual([]);

    const rows: { date: string; booked: number; covering: number }[] = await harness.service.app.get(DataSource).query(
      `SELECT i.date::text AS date, i.booked,
                (SELECT count(*)::int FROM reservation r
                  WHERE r.room_type_id = i.room_type_id AND r.status IN ('confirmed', 'checked_in')
                    AND r.arrival <= i.date AND r.departure > i.date) AS covering
           FROM inventory_night i WHERE i.room_type_id = $1 ORDER BY i.date`,
      [roomTypeId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.booked).toBe(row.covering);
      expect(row.booked).toBeLessThanOrEqual(5);
    }
    // The nights were fought over: some are full, and no request failed for another reason than a full night.
    expect(rows.some((row) => row.booked === 5)).toBe(true);
    expect(statuses.filter((status) => status === 409).length).toBeGreaterThan(0);
  });

  it('counts rooms − out of order − booked − group blocks + overbooking allowance, priced per night', async () => {
    const property = await harness.property();
    const manager = harness.token(['front_office_manager'], property.id);
    const roomTypeId = await harness.roomType(property.id, 'TWN', 10_000);
    const rooms = await harness.rooms(property.id, roomTypeId, 5);
    const from = addDays(property.businessDate, 10);
    await harness.json(200, 'PATCH', `/v1/properties/${property.id}/room-types/${roomTypeId}`, manager, {
      overbookingAllowance: 1,
    });
    await harness.json(200, 'PATCH', `/v1/properties/${property.id}/rooms/${rooms[0].id}/status`, manager, {
      status: 'out_of_order',
      reason: 'New carpet',
      from: addDays(from, 1),
      to: addDays(from, 2),
    });
    await harness.json(201, 'POST', `/v1/properties/${property.id}/group-blocks`, manager, {
      code: 'WEDDING',
      name: 'Martin wedding',
      roomTypeId,
      cutoffDate: addDays(from, -3),
      nights: [{ date: from, rooms: 2 }],
    });
    await harness.json(201, 'POST', `/v1/properties/${property.id}/rate-plans`, manager, {
      code: 'BAR',
      name: 'Best available',
      isDefault: true,
      prices: [{ roomTypeId, nightly: { amountMinor: 11_000, currency: 'EUR' } }],
      overrides: [
        { roomTypeId, from: addDays(from, 2), to: addDays(from, 2), nightly: { amountMinor: 15_000, currency: 'EUR' } },
      ],
    });
    await harness.json(
      201,
      'POST',
      `/v1/properties/${property.id}/reservations`,
      harness.token(['front_desk'], property.id),
      booking(roomTypeId, addDays(from, 1), addDays(from, 3)),
    );

    const result = await availability(property.id, `from=${from}&to=${addDays(from, 4)}`);
    expect(
      result.items.map((item) => [
        item.date,
        item.rooms,
        item.outOfOrder,
        item.booked,
        item.blocked,
        item.available,
        item.price.amountMinor,
      ]),
    ).toEqual([
      [from, 5, 0, 0, 2, 4, 11_000], // 5 + 1 allowance − 2 blocked
      [addDays(from, 1), 5, 1, 1, 0, 4, 11_000], // 5 − 1 out of order + 1 − 1 booked
      [addDays(from, 2), 5, 1, 1, 0, 4, 15_000],
      [addDays(from, 3), 5, 0, 0, 0, 6, 11_000],
    ]);
    expect(result.stayPrices[roomTypeId]).toEqual({ amountMinor: 48_000, currency: 'EUR' });
  });

  it('keeps property-local nights: a DST week in Paris and a stay in Kiritimati (UTC+14) have the right nights', async () => {
    const paris = await harness.hotel(2, 'Europe/Paris');
    const week = await availability(paris.propertyId, 'from=2027-10-28&to=2027-11-04');
    expect(week.items.map((item) => item.date)).toEqual([
      '2027-10-28',
      '2027-10-29',
      '2027-10-30',
      '2027-10-31',
      '2027-11-01',
      '2027-11-02',
      '2027-11-03',
    ]);
    const desk = harness.token(['front_desk'], paris.propertyId);
    const spring = await harness.json<{ nights: unknown[] }>(
      201,
      'POST',
      `/v1/properties/${paris.propertyId}/reservations`,
      desk,
      booking(paris.roomTypeId, '2027-03-25', '2027-04-01'),
    );
    expect(spring.nights).toHaveLength(7);
    const after = await availability(paris.propertyId, 'from=2027-03-24&to=2027-04-02');
    expect(after.items.filter((item) => item.booked === 1)).toHaveLength(7);

    const kiritimati = await harness.hotel(1, 'Pacific/Kiritimati');
    const newYear = await harness.json<{ nights: { date: string }[] }>(
      201,
      'POST',
      `/v1/properties/${kiritimati.propertyId}/reservations`,
      harness.token(['front_desk'], kiritimati.propertyId),
      booking(kiritimati.roomTypeId, '2027-12-31', '2028-01-02', { adults: 1 }),
    );
    expect(newYear.nights.map((night) => night.date)).toEqual(['2027-12-31', '2028-01-01']);
    const items = (await availability(kiritimati.propertyId, 'from=2027-12-30&to=2028-01-03')).items;
    expect(items.map((item) => item.available)).toEqual([1, 0, 0, 1]);
  });

  it('refuses bad queries with 400, and the wrong role or property with 403', async () => {
    const { propertyId } = await harness.hotel(0);
    const desk = harness.token(['front_desk'], propertyId);
    const missing = await harness.call('GET', `/v1/properties/${propertyId}/availability?to=2027-01-02&extra=1`, desk);
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await missing.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['extra', 'from']);
    const backwards = await harness.call(
      'GET',
      `/v1/properties/${propertyId}/availability?from=2027-01-02&to=2027-01-02`,
      desk,
    );
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ code: 'range-backwards', field: 'to' });
    expect(
      (
        await harness.call(
          'GET',
          `/v1/properties/${propertyId}/availability?from=2027-01-01&to=2027-01-02&roomTypeId=x`,
          desk,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await harness.call(
          'GET',
          `/v1/properties/${propertyId}/availability?from=2027-01-01&to=2027-01-02`,
          harness.token(['porter'], propertyId),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await harness.call(
          'GET',
          `/v1/properties/${propertyId}/availability?from=2027-01-01&to=2027-01-02`,
          harness.token(['front_desk'], randomUUID()),
        )
      ).status,
    ).toBe(403);
  });
});
