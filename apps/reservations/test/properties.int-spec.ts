import { randomUUID } from 'node:crypto';
import { addDays, ReservationsHarness } from './reservations-harness';

interface Room {
  id: string;
  number: string;
  status: string;
  floor: number | null;
  outOfOrder: { reason: string; from: string; to: string | null } | null;
}

/** Property set-up through HTTP, with the real database and broker. */
describe('property set-up', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('creates a 1,000-room hotel in one call and tells staffing its size with property.updated', async () => {
    const property = await harness.property();
    const manager = harness.token(['front_office_manager'], property.id);
    const roomTypeId = await harness.roomType(property.id);
    const rooms = Array.from({ length: 1000 }, (_, index) => ({
      number: String(1000 + index),
      roomTypeId,
      floor: Math.floor(index / 50) + 1,
    }));
    const created = await harness.json<{ items: Room[] }>(
      201,
      'POST',
      `/v1/properties/${property.id}/rooms/bulk`,
      manager,
      {
        rooms,
      },
    );
    expect(created.items).toHaveLength(1000);
    expect(created.items[0]).toMatchObject({ number: '1000', floor: 1, status: 'vacant_clean', outOfOrder: null });
    expect(created.items[999]).toMatchObject({ number: '1999', floor: 20 });
    const single = await harness.json<Room>(201, 'POST', `/v1/properties/${property.id}/rooms`, manager, {
      number: 'PH1',
      roomTypeId,
    });
    expect(single).toMatchObject({ number: 'PH1', floor: null, status: 'vacant_clean' });

    const events = await harness.waitForEvent(
      property.id,
      (event) => event.type === 'property.updated' && (event.data as { roomCount: number }).roomCount === 1001,
    );
    expect(
      events
        .filter((event) => event.type === 'property.updated')
        .map((event) => (event.data as { roomCount: number }).roomCount),
    ).toEqual([1000, 1001]);
    // The list pages (100 rooms by default, 500 at most): following nextCursor gives every room once.
    const porter = harness.token(['porter'], property.id);
    const listed = await harness.allPages<Room>(`/v1/properties/${property.id}/rooms?roomTypeId=${roomTypeId}`, porter);
    expect(listed.pages).toBe(11);
    expect(new Set(listed.items.map((room) => room.id)).size).toBe(1001);
    const big = await harness.allPages<Room>(`/v1/properties/${property.id}/rooms`, porter, 500);
    expect(big.pages).toBe(3);
    expect(big.items.map((room) => room.id)).toEqual(listed.items.map((room) => room.id));
  });

  it('refuses duplicate room numbers (409 in the property, 400 in one payload) and creates nothing', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(2);
    const manager = harness.token(['front_office_manager'], propertyId);
    const taken = await harness.call('POST', `/v1/properties/${propertyId}/rooms/bulk`, manager, {
      rooms: [
        { number: '900', roomTypeId },
        { number: '101', roomTypeId },
      ],
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'room-number-taken', detail: expect.stringContaining('101') });
    const twice = await harness.call('POST', `/v1/properties/${propertyId}/rooms/bulk`, manager, {
      rooms: [
        { number: '901', roomTypeId },
        { number: '901', roomTypeId },
      ],
    });
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ code: 'duplicate-room-number', field: 'rooms[1].number' });
    const rooms = await harness.json<{ items: Room[] }>(200, 'GET', `/v1/properties/${propertyId}/rooms`, manager);
    expect(rooms.items.map((room) => room.number)).toEqual(['101', '102']);
    const unknownType = await harness.call('POST', `/v1/properties/${propertyId}/rooms`, manager, {
      number: '999',
      roomTypeId: randomUUID(),
    });
    expect(unknownType.status).toBe(404);
  });

  it('changes room status; out of order carries a reason and nights, and publishes room.status-changed', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(2);
    const desk = harness.token(['front_desk'], propertyId);
    const [room] = (await harness.json<{ items: Room[] }>(200, 'GET', `/v1/properties/${propertyId}/rooms`, desk))
      .items;
    const path = `/v1/properties/${propertyId}/rooms/${room.id}/status`;
    const dirty = await harness.json<Room>(200, 'PATCH', path, desk, { status: 'vacant_dirty' });
    expect(dirty.status).toBe('vacant_dirty');
    const noReason = await harness.call('PATCH', path, desk, { status: 'out_of_order' });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ code: 'reason-required', field: 'reason' });
    const ooo = await harness.json<Room>(200, 'PATCH', path, desk, {
      status: 'out_of_order',
      reason: 'Water leak',
      to: addDays(businessDate, 2),
    });
    expect(ooo.outOfOrder).toEqual({ reason: 'Water leak', from: businessDate, to: addDays(businessDate, 2) });
    const availability = await harness.json<{ items: { outOfOrder: number; available: number }[] }>(
      200,
      'GET',
      `/v1/properties/${propertyId}/availability?from=${businessDate}&to=${addDays(businessDate, 4)}&roomTypeId=${roomTypeId}`,
      desk,
    );
    expect(availability.items.map((item) => item.available)).toEqual([1, 1, 1, 2]);
    const occupied = await harness.call('PATCH', path, desk, { status: 'occupied' });
    expect(occupied.status).toBe(409);
    expect(await occupied.json()).toMatchObject({ code: 'occupied-by-check-in' });
    const back = await harness.json<Room>(200, 'PATCH', path, desk, { status: 'inspected' });
    expect(back).toMatchObject({ status: 'inspected', outOfOrder: null });

    const events = await harness.waitForEvent(
      propertyId,
      (event) => event.type === 'room.status-changed' && (event.data as { status: string }).status === 'inspected',
    );
    const changes = events.filter((event) => event.type === 'room.status-changed').map((event) => event.data);
    expect(changes).toEqual([
      { roomId: room.id, roomNumber: room.number, roomTypeId, status: 'vacant_dirty', previousStatus: 'vacant_clean' },
      {
        roomId: room.id,
        roomNumber: room.number,
        roomTypeId,
        status: 'out_of_order',
        previousStatus: 'vacant_dirty',
        reason: 'Water leak',
        outOfOrderFrom: businessDate,
        outOfOrderTo: addDays(businessDate, 2),
      },
      { roomId: room.id, roomNumber: room.number, roomTypeId, status: 'inspected', previousStatus: 'out_of_order' },
    ]);
  });

  it('updates the property (star rating, desk hours, no-show policy) with property.updated', async () => {
    const { propertyId } = await harness.hotel(3);
    const manager = harness.token(['front_office_manager'], propertyId);
    const updated = await harness.json<Record<string, unknown>>(200, 'PATCH', `/v1/properties/${propertyId}`, manager, {
      starRating: 5,
      deskHours: { open: '07:00', close: '23:00' },
      noShowGraceDays: 1,
    });
    expect(updated).toMatchObject({ starRating: 5, deskHours: { open: '07:00', close: '23:00' }, noShowGraceDays: 1 });
    const events = await harness.waitForEvent(
      propertyId,
      (event) => event.type === 'property.updated' && (event.data as { starRating?: number }).starRating === 5,
    );
    expect(events.at(-1)!.data).toMatchObject({ roomCount: 3, deskHours: { open: '07:00', close: '23:00' } });
    const allDay = await harness.json<Record<string, unknown>>(200, 'PATCH', `/v1/properties/${propertyId}`, manager, {
      deskHours: null,
    });
    expect(allDay.deskHours).toBeNull();
  });

  it('prices stays on rate plans with date overrides', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(2);
    const manager = harness.token(['front_office_manager'], propertyId);
    const desk = harness.token(['front_desk'], propertyId);
    const arrival = addDays(businessDate, 30);
    const plan = await harness.json<{ id: string; isDefault: boolean }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/rate-plans`,
      manager,
      {
        code: 'BAR',
        name: 'Best available',
        isDefault: true,
        prices: [{ roomTypeId, nightly: { amountMinor: 10_000, currency: 'EUR' } }],
      },
    );
    const corporate = await harness.json<{ id: string }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/rate-plans`,
      manager,
      {
        code: 'CORP',
        name: 'Corporate',
        prices: [{ roomTypeId, nightly: { amountMinor: 8_000, currency: 'EUR' } }],
      },
    );
    const withOverride = await harness.json<{ overrides: unknown[] }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/rate-plans/${plan.id}/overrides`,
      manager,
      {
        overrides: [
          {
            roomTypeId,
            from: addDays(arrival, 1),
            to: addDays(arrival, 1),
            nightly: { amountMinor: 18_000, currency: 'EUR' },
          },
        ],
      },
    );
    expect(withOverride.overrides).toHaveLength(1);
    const onDefault = await harness.json<{ totalPrice: { amountMinor: number }; ratePlanId: string }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      desk,
      { guest: { firstName: 'A', lastName: 'B' }, roomTypeId, arrival, departure: addDays(arrival, 3), adults: 1 },
    );
    expect(onDefault).toMatchObject({ totalPrice: { amountMinor: 38_000 }, ratePlanId: plan.id });
    const onCorporate = await harness.json<{ totalPrice: { amountMinor: number } }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      desk,
      {
        guest: { firstName: 'A', lastName: 'B' },
        roomTypeId,
        arrival,
        departure: addDays(arrival, 2),
        adults: 1,
        ratePlanId: corporate.id,
      },
    );
    expect(onCorporate.totalPrice.amountMinor).toBe(16_000);
    const listed = await harness.json<{ items: { code: string; isDefault: boolean }[] }>(
      200,
      'GET',
      `/v1/properties/${propertyId}/rate-plans`,
      desk,
    );
    expect(listed.items.map((item) => [item.code, item.isDefault])).toEqual([
      ['BAR', true],
      ['CORP', false],
    ]);
    const wrongCurrency = await harness.call('POST', `/v1/properties/${propertyId}/rate-plans`, manager, {
      code: 'USD',
      name: 'Dollars',
      prices: [{ roomTypeId, nightly: { amountMinor: 1, currency: 'USD' } }],
    });
    expect(wrongCurrency.status).toBe(400);
    expect(await wrongCurrency.json()).toMatchObject({
      code: 'currency-mismatch',
      field: 'prices[0].nightly.currency',
    });
  });

  it("reads rooms, rate plans and properties back, within the caller's roles and properties", async () => {
    const { propertyId, roomTypeId } = await harness.hotel(1);
    const manager = harness.token(['front_office_manager'], propertyId);
    const finance = harness.token(['finance'], propertyId);
    const base = `/v1/properties/${propertyId}`;
    const [room] = (await harness.json<{ items: Room[] }>(200, 'GET', `${base}/rooms`, manager)).items;
    expect(await harness.json(200, 'GET', `${base}/rooms/${room.id}`, manager)).toEqual(room);
    const plan = await harness.json<{ id: string }>(201, 'POST', `${base}/rate-plans`, manager, {
      code: 'BAR',
      name: 'Best available',
      prices: [{ roomTypeId, nightly: { amountMinor: 10_000, currency: 'EUR' } }],
    });
    expect(await harness.json(200, 'GET', `${base}/rate-plans/${plan.id}`, manager)).toMatchObject({
      id: plan.id,
      prices: [{ roomTypeId, nightly: { amountMinor: 10_000, currency: 'EUR' } }],
      overrides: [],
    });
    const backwards = await harness.call('POST', `${base}/rate-plans/${plan.id}/overrides`, manager, {
      overrides: [{ roomTypeId, from: '2027-05-02', to: '2027-05-01', nightly: { amountMinor: 1, currency: 'EUR' } }],
    });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ code: 'range-backwards', field: 'overrides[0].to' });
    const overrideBody = {
      overrides: [{ roomTypeId, from: '2027-05-01', to: '2027-05-02', nightly: { amountMinor: 1, currency: 'EUR' } }],
    };
    expect((await harness.call('POST', `${base}/rate-plans/${plan.id}/overrides`, finance, overrideBody)).status).toBe(
      403,
    );
    expect((await harness.call('GET', `${base}/rate-plans`, finance)).status).toBe(403);
    expect((await harness.call('GET', `${base}/rooms`, finance)).status).toBe(403);
    expect((await harness.call('GET', `${base}/rooms/${randomUUID()}`, manager)).status).toBe(404);
    expect((await harness.call('GET', `${base}/rooms?status=clean`, manager)).status).toBe(400);
    const mine = await harness.json<{ items: { id: string }[] }>(200, 'GET', '/v1/properties', manager);
    expect(mine.items.map((item) => item.id)).toEqual([propertyId]);
  });

  it('refuses bad input with 400 and the wrong role or property with 403 on every set-up route', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(1);
    const manager = harness.token(['front_office_manager'], propertyId);
    const desk = harness.token(['front_desk'], propertyId);
    const stranger = harness.token(['front_office_manager'], randomUUID());
    const [room] = (await harness.json<{ items: Room[] }>(200, 'GET', `/v1/properties/${propertyId}/rooms`, desk))
      .items;
    const base = `/v1/properties/${propertyId}`;
    const cases: [string, string, unknown, string, Record<string, unknown>][] = [
      ['PATCH', base, { starRating: 6 }, 'starRating', {}],
      ['PATCH', `${base}/room-types/${roomTypeId}`, { overbookingAllowance: -1 }, 'overbookingAllowance', {}],
      ['POST', `${base}/rooms`, { number: '', roomTypeId }, 'number', {}],
      ['POST', `${base}/rooms/bulk`, { rooms: [{ number: '5', roomTypeId: 'nope' }] }, 'rooms[0].roomTypeId', {}],
      ['PATCH', `${base}/rooms/${room.id}/status`, { status: 'sparkling' }, 'status', {}],
      ['POST', `${base}/rate-plans`, { code: 'x', name: 'y', prices: [] }, 'code', {}],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await harness.call(method, path, manager, body);
      expect([path, response.status]).toEqual([path, 400]);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((error) => error.field)).toContain(field);
      // A front desk agent may change room status but not the set-up; another property's manager may do nothing.
      const role = await harness.call(
        method,
        path,
        method === 'PATCH' && path.endsWith('/status') ? harness.token(['porter'], propertyId) : desk,
        body,
      );
      expect([path, 'role', role.status]).toEqual([path, 'role', 403]);
      expect([path, 'property', (await harness.call(method, path, stranger, body)).status]).toEqual([
        path,
        'property',
        403,
      ]);
    }
  });
});
