import { validateEvent } from '@frontoffice/contracts';
import { testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { addDays, ReservationsHarness } from './reservations-harness';

/** The front desk through HTTP, with the real database and the real broker. */
describe('front desk', () => {
  const harness = new ReservationsHarness();
  const admin = harness.admin;
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** Status, content type and parsed body, whatever the status. */
  const call = async (
    method: string,
    url: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const response = await harness.call(method, url, token, body, headers);
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', json };
  };

  interface Hotel {
    propertyId: string;
    businessDate: string;
    double: string;
    suite: string;
    rooms: { id: string; number: string; roomTypeId: string }[];
    desk: string;
    manager: string;
  }

  /** A property far from UTC with a double (`doubles` rooms) and a suite (one room), all vacant-clean. */
  async function hotel(doubles = 3): Promise<Hotel> {
    const property = await harness.property('Pacific/Auckland');
    const double = await harness.roomType(property.id, 'DBL', 10_000);
    const suite = await harness.roomType(property.id, 'STE', 30_000);
    const rooms = [
      ...(await harness.rooms(property.id, double, doubles)),
      ...(await harness.rooms(property.id, suite, 1, '5')),
    ];
    return {
      propertyId: property.id,
      businessDate: property.businessDate,
      double,
      suite,
      rooms: rooms as Hotel['rooms'],
      desk: testToken(['front_desk'], [property.id]),
      manager: testToken(['front_office_manager'], [property.id]),
    };
  }

  async function book(
    h: Hotel,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; confirmationNumber: string }> {
    const response = await call('POST', `/v1/properties/${h.propertyId}/reservations`, h.desk, {
      guest: { firstName: 'Jane', lastName: `Guest-${randomUUID().slice(0, 6)}`, language: 'en' },
      roomTypeId: h.double,
      arrival: h.businessDate,
      departure: addDays(h.businessDate, 3),
      adults: 2,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.json;
  }

  const path = (h: Hotel, reservationId: string, action: string) =>
    `/v1/properties/${h.propertyId}/reservations/${reservationId}/${action}`;

  const roomStatus = async (h: Hotel, roomId: string, status: string) =>
    call('PATCH', `/v1/properties/${h.propertyId}/rooms/${roomId}/status`, admin, { status });

  const eventsOf = async (subject: string, types: string[]) => {
    for (const type of types) await harness.probe.waitFor((m) => m.json?.subject === subject && m.json?.type === type);
    return harness.probe.messages
      .filter((m) => m.json?.subject === subject)
      .map((m) => validateEvent(m.json))
      .filter((event) => types.includes(event.type));
  };

  it('checks a guest in to a ready room of the booked type when none is given, and publishes it', async () => {
    const h = await hotel();
    const reservation = await book(h, {
      guest: { firstName: 'Ana', lastName: 'Vip', vipLevel: 'vvip', language: 'es' },
    });
    const arrivals = await call('GET', `/v1/properties/${h.propertyId}/arrivals?date=${h.businessDate}`, h.desk);
    expect(arrivals.status).toBe(200);
    expect(arrivals.json.items).toEqual([
      expect.objectContaining({ reservationId: reservation.id, vip: true, status: 'confirmed', roomId: null }),
    ]);

    const checkedIn = await call('POST', path(h, reservation.id, 'check-in'), h.desk, {});
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.json).toMatchObject({ id: reservation.id, status: 'checked_in', upgraded: false });
    const roomId = checkedIn.json.roomId as string;
    expect(h.rooms.find((room) => room.id === roomId)?.roomTypeId).toBe(h.double);

    const [event] = await eventsOf(reservation.id, ['stay.checked-in']);
    expect(event.data).toMatchObject({
      roomId,
      upgraded: false,
      bookedRoomTypeId: h.double,
      businessDate: h.businessDate,
      guest: { lastName: 'Vip', vipLevel: 'vvip', language: 'es' },
    });
    const [roomEvent] = await eventsOf(roomId, ['room.status-changed']);
    expect(roomEvent.data).toMatchObject({ status: 'occupied', previousStatus: 'vacant_clean' });

    const inHouse = await call('GET', `/v1/properties/${h.propertyId}/in-house`, h.desk);
    expect(inHouse.json.items).toEqual([
      expect.objectContaining({ reservationId: reservation.id, roomId, vip: true, status: 'checked_in' }),
    ]);
    const fetched = await call('GET', `/v1/properties/${h.propertyId}/reservations/${reservation.id}`, h.desk);
    expect(fetched.json).toMatchObject({ status: 'checked_in', roomId });
  });

  it("lists a date's arrivals with each group together, then VIPs, flagged", async () => {
    const h = await hotel(4);
    const arrival = addDays(h.businessDate, 5);
    const block = await call('POST', `/v1/properties/${h.propertyId}/group-blocks`, h.manager, {
      code: 'WED',
      name: 'Martin wedding',
      roomTypeId: h.double,
      cutoffDate: addDays(h.businessDate, 1),
      nights: [{ date: arrival, rooms: 2 }],
    });
    expect(block.json).toMatchObject({ code: 'WED' });
    const stay = { arrival, departure: addDays(arrival, 1) };
    const plain = await book(h, { ...stay, guest: { firstName: 'Al', lastName: 'Plain' } });
    const vip = await book(h, { ...stay, guest: { firstName: 'Bo', lastName: 'Star', vipLevel: 'vip' } });
    const members = [
      await book(h, { ...stay, groupBlockId: block.json.id, guest: { firstName: 'Cy', lastName: 'Zola' } }),
      await book(h, { ...stay, groupBlockId: block.json.id, guest: { firstName: 'Di', lastName: 'Abel' } }),
    ];
    const list = await call('GET', `/v1/properties/${h.propertyId}/arrivals?date=${arrival}`, h.desk);
    expect(list.status).toBe(200);
    expect(list.json.items.map((item: { reservationId: string }) => item.reservationId)).toEqual([
      members[1].id,
      members[0].id,
      vip.id,
      plain.id,
    ]);
    expect(list.json.items.map((item: { vip: boolean }) => item.vip)).toEqual([false, false, true, false]);
    expect(list.json).toMatchObject({
      date: arrival,
      vipCount: 1,
      groups: [{ groupBlockId: block.json.id, code: 'WED', reservationIds: [members[1].id, members[0].id] }],
    });
  });

  it('assigns ahead, refuses rooms that are not ready or of another type, and records an upgrade', async () => {
    const h = await hotel();
    const [first, second] = h.rooms;
    const suiteRoom = h.rooms.find((room) => room.roomTypeId === h.suite)!;
    const reservation = await book(h);

    expect((await roomStatus(h, first.id, 'vacant_dirty')).status).toBe(200);
    const dirty = await call('POST', path(h, reservation.id, 'assign-room'), h.desk, { roomId: first.id });
    expect(dirty.status).toBe(409);
    expect(dirty.contentType).toContain('application/problem+json');
    expect(dirty.json).toMatchObject({ code: 'room-not-ready' });

    const otherType = await call('POST', path(h, reservation.id, 'check-in'), h.desk, { roomId: suiteRoom.id });
    expect(otherType.status).toBe(409);
    expect(otherType.json).toMatchObject({ code: 'room-type-mismatch' });

    const assigned = await call('POST', path(h, reservation.id, 'assign-room'), h.desk, { roomId: second.id });
    expect(assigned.status).toBe(200);
    expect(assigned.json).toMatchObject({ status: 'confirmed', roomId: second.id });

    // Another booking cannot get the same room for overlapping nights.
    const other = await book(h, { arrival: addDays(h.businessDate, 1), departure: addDays(h.businessDate, 2) });
    const taken = await call('POST', path(h, other.id, 'assign-room'), h.desk, { roomId: second.id });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ code: 'room-already-assigned' });

    const upgraded = await call('POST', path(h, reservation.id, 'check-in'), h.desk, {
      roomId: suiteRoom.id,
      upgrade: true,
    });
    expect(upgraded.status).toBe(200);
    expect(upgraded.json).toMatchObject({ status: 'checked_in', roomId: suiteRoom.id, upgraded: true });
    const [event] = await eventsOf(reservation.id, ['stay.checked-in']);
    expect(event.data).toMatchObject({ upgraded: true, roomTypeId: h.suite, bookedRoomTypeId: h.double });
    // The pre-assigned double went back: the other booking can have it now.
    expect((await call('POST', path(h, other.id, 'assign-room'), h.desk, { roomId: second.id })).status).toBe(200);
    // The suite's nights moved to the suite's inventory, the double's came back on sale.
    const availability = await call(
      'GET',
      `/v1/properties/${h.propertyId}/availability?from=${h.businessDate}&to=${addDays(h.businessDate, 1)}`,
      h.desk,
    );
    expect(availability.status).toBe(200);
    const tonight = (roomTypeId: string) =>
      availability.json.items.find(
        (item: { roomTypeId: string; date: string }) => item.roomTypeId === roomTypeId && item.date === h.businessDate,
      )?.available;
    expect(tonight(h.suite)).toBe(0);
    expect(tonight(h.double)).toBe(3);
  });

  it('moves an in-house guest to another ready room from tonight', async () => {
    const h = await hotel();
    const [first, second, third] = h.rooms;
    const reservation = await book(h);
    expect((await call('POST', path(h, reservation.id, 'check-in'), h.desk, { roomId: first.id })).status).toBe(200);

    expect((await roomStatus(h, third.id, 'vacant_dirty')).status).toBe(200);
    const notReady = await call('POST', path(h, reservation.id, 'room-move'), h.desk, { roomId: third.id });
    expect(notReady.status).toBe(409);
    const same = await call('POST', path(h, reservation.id, 'room-move'), h.desk, { roomId: first.id });
    expect(same.status).toBe(409);

    const moved = await call('POST', path(h, reservation.id, 'room-move'), h.desk, {
      roomId: second.id,
      reason: 'Noisy neighbours',
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ status: 'checked_in', roomId: second.id });
    const [event] = await eventsOf(reservation.id, ['stay.room-moved']);
    expect(event.data).toMatchObject({
      fromRoomId: first.id,
      toRoomId: second.id,
      reason: 'Noisy neighbours',
      businessDate: h.businessDate,
    });
    const firstEvents = await eventsOf(first.id, ['room.status-changed']);
    await harness.probe.waitFor(
      (m) => m.json?.subject === first.id && (m.json?.data as { status?: string })?.status === 'vacant_dirty',
    );
    expect(firstEvents[0].data).toMatchObject({ status: 'occupied' });
  });

  it('checks out: the room becomes vacant-dirty and an early departure gives the unused nights back', async () => {
    const h = await hotel(1);
    const [room] = h.rooms;
    const reservation = await book(h);
    const window = `from=${h.businessDate}&to=${addDays(h.businessDate, 3)}`;
    const available = async () =>
      (await call('GET', `/v1/properties/${h.propertyId}/availability?${window}&roomTypeId=${h.double}`, h.desk)).json
        .items as { date: string; available: number }[];
    expect((await available()).map((night) => night.available)).toEqual([0, 0, 0]);

    expect((await call('POST', path(h, reservation.id, 'check-in'), h.desk, {})).status).toBe(200);
    const out = await call('POST', path(h, reservation.id, 'check-out'), h.desk);
    expect(out.status).toBe(200);
    expect(out.json).toMatchObject({ status: 'checked_out', roomId: room.id });
    const [event] = await eventsOf(reservation.id, ['stay.checked-out']);
    expect(event.data).toMatchObject({ early: true, roomId: room.id, departure: addDays(h.businessDate, 3) });
    await harness.probe.waitFor(
      (m) => m.json?.subject === room.id && (m.json?.data as { status?: string })?.status === 'vacant_dirty',
    );
    // Left on the arrival day: all three nights are for sale again.
    expect((await available()).map((night) => night.available)).toEqual([1, 1, 1]);

    const departures = await call(
      'GET',
      `/v1/properties/${h.propertyId}/departures?date=${addDays(h.businessDate, 3)}`,
      h.desk,
    );
    expect(departures.json.items).toEqual([expect.objectContaining({ reservationId: reservation.id })]);
    // The room is dirty: a new arrival cannot have it until housekeeping has been.
    const next = await book(h);
    const dirty = await call('POST', path(h, next.id, 'check-in'), h.desk, {});
    expect(dirty.status).toBe(409);
    expect(dirty.json).toMatchObject({ code: 'no-room-ready' });
    expect((await roomStatus(h, room.id, 'inspected')).status).toBe(200);
    expect((await call('POST', path(h, next.id, 'check-in'), h.desk, {})).json).toMatchObject({ roomId: room.id });
  });

  it('keeps the room of an in-house stay that is extended, and pre-assignments in step with changed dates', async () => {
    const h = await hotel();
    const [roomA, roomB] = h.rooms;
    const inHouse = await book(h, { departure: addDays(h.businessDate, 2) });
    expect((await call('POST', path(h, inHouse.id, 'check-in'), h.desk, { roomId: roomA.id })).status).toBe(200);
    const next = await book(h, { arrival: addDays(h.businessDate, 2), departure: addDays(h.businessDate, 4) });
    expect((await call('POST', path(h, next.id, 'assign-room'), h.desk, { roomId: roomA.id })).status).toBe(200);

    const url = (id: string) => `/v1/properties/${h.propertyId}/reservations/${id}`;
    const extended = await call('PATCH', url(inHouse.id), h.desk, { departure: addDays(h.businessDate, 3) });
    expect(extended.status).toBe(200);
    // The guest in the room keeps it; the later booking lost its pre-assignment and can have another room.
    expect((await call('GET', url(next.id), h.desk)).json).toMatchObject({ roomId: null });
    const third = await book(h, { arrival: addDays(h.businessDate, 2), departure: addDays(h.businessDate, 3) });
    const clash = await call('POST', path(h, third.id, 'assign-room'), h.desk, { roomId: roomA.id });
    expect(clash.status).toBe(409);
    expect((await call('POST', path(h, next.id, 'assign-room'), h.desk, { roomId: roomB.id })).status).toBe(200);

    // A pre-assigned booking moved to other dates keeps its room when it is free then.
    const moved = await call('PATCH', url(next.id), h.desk, {
      arrival: addDays(h.businessDate, 5),
      departure: addDays(h.businessDate, 7),
    });
    expect(moved.status).toBe(200);
    expect((await call('GET', url(next.id), h.desk)).json).toMatchObject({ roomId: roomB.id });
    const later = await book(h, { arrival: addDays(h.businessDate, 2), departure: addDays(h.businessDate, 4) });
    expect((await call('POST', path(h, later.id, 'assign-room'), h.desk, { roomId: roomB.id })).status).toBe(200);
    // ...and loses it when the room is taken on the new dates.
    const clashing = await call('PATCH', url(later.id), h.desk, {
      arrival: addDays(h.businessDate, 6),
      departure: addDays(h.businessDate, 8),
    });
    expect(clashing.status).toBe(200);
    expect((await call('GET', url(later.id), h.desk)).json).toMatchObject({ roomId: null });
    expect((await call('GET', url(next.id), h.desk)).json).toMatchObject({ roomId: roomB.id });
    // A cancelled booking gives its room back.
    expect((await call('POST', path(h, next.id, 'cancel'), h.desk, { reason: 'Plans changed' })).status).toBe(200);
    expect((await call('POST', path(h, later.id, 'assign-room'), h.desk, { roomId: roomB.id })).status).toBe(200);
  });

  it('on the departure date (after the night audit) an in-house guest checks out on time, and cannot move', async () => {
    const h = await hotel();
    const reservation = await book(h, { departure: addDays(h.businessDate, 1) });
    expect((await call('POST', path(h, reservation.id, 'check-in'), h.desk, {})).status).toBe(200);
    const audit = await call('POST', `/v1/properties/${h.propertyId}/night-audit`, h.manager, {
      businessDate: h.businessDate,
    });
    expect(audit.json).toMatchObject({ nextBusinessDate: addDays(h.businessDate, 1), roomNightsPosted: 1 });
    const move = await call('POST', path(h, reservation.id, 'room-move'), h.desk, { roomId: h.rooms[2].id });
    expect(move.status).toBe(409);
    expect(move.json).toMatchObject({ code: 'stay-already-over' });
    const departures = await call('GET', `/v1/properties/${h.propertyId}/departures`, h.desk);
    expect(departures.json).toMatchObject({
      date: addDays(h.businessDate, 1),
      items: [{ reservationId: reservation.id, status: 'checked_in' }],
    });
    expect((await call('POST', path(h, reservation.id, 'check-out'), h.desk)).status).toBe(200);
    const [event] = await eventsOf(reservation.id, ['stay.checked-out']);
    expect(event.data).toMatchObject({ early: false, businessDate: addDays(h.businessDate, 1) });
  });

  it('refuses invalid transitions with 409 problem+json', async () => {
    const h = await hotel();
    const reservation = await book(h);
    const outFirst = await call('POST', path(h, reservation.id, 'check-out'), h.desk);
    expect(outFirst.status).toBe(409);
    expect(outFirst.contentType).toContain('application/problem+json');
    expect(outFirst.json).toMatchObject({ code: 'invalid-transition' });
    expect((await call('POST', path(h, reservation.id, 'room-move'), h.desk, { roomId: h.rooms[0].id })).status).toBe(
      409,
    );

    expect((await call('POST', path(h, reservation.id, 'check-in'), h.desk, {})).status).toBe(200);
    const twice = await call('POST', path(h, reservation.id, 'check-in'), h.desk, {});
    expect(twice.status).toBe(409);
    expect(twice.json).toMatchObject({ code: 'invalid-transition' });
    expect((await call('POST', path(h, reservation.id, 'check-out'), h.desk)).status).toBe(200);
    expect((await call('POST', path(h, reservation.id, 'check-out'), h.desk)).status).toBe(409);

    const cancelled = await book(h);
    expect((await call('POST', path(h, cancelled.id, 'cancel'), h.desk, { reason: 'Plans changed' })).status).toBe(200);
    const checkInCancelled = await call('POST', path(h, cancelled.id, 'check-in'), h.desk, {});
    expect(checkInCancelled.status).toBe(409);
    expect(checkInCancelled.json).toMatchObject({ code: 'invalid-transition' });

    const future = await book(h, { arrival: addDays(h.businessDate, 5), departure: addDays(h.businessDate, 6) });
    const early = await call('POST', path(h, future.id, 'check-in'), h.desk, {});
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'arrival-not-yet' });
  });

  it('many agents assigning one room to overlapping stays at once: exactly one wins, the others get 409', async () => {
    const agents = 8;
    const h = await hotel(agents);
    const contested = h.rooms[0];
    const reservations = await Promise.all(
      Array.from({ length: agents }, (_, index) =>
        book(h, { arrival: addDays(h.businessDate, 1 + (index % 2)), departure: addDays(h.businessDate, 4) }),
      ),
    );
    const answers = await Promise.all(
      reservations.map((reservation) =>
        call(
          'POST',
          path(h, reservation.id, 'assign-room'),
          testToken(['front_desk'], [h.propertyId], `agent-${reservation.id}`),
          {
            roomId: contested.id,
          },
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(agents - 1);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.json).toMatchObject({ code: 'room-already-assigned' });
    }

    // The same for check-ins racing for one ready room tonight.
    const tonight = await Promise.all(
      Array.from({ length: 4 }, () => book(h, { departure: addDays(h.businessDate, 1) })),
    );
    const free = h.rooms[agents - 1];
    const checkIns = await Promise.all(
      tonight.map((reservation) => call('POST', path(h, reservation.id, 'check-in'), h.desk, { roomId: free.id })),
    );
    expect(checkIns.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(checkIns.filter((answer) => answer.status === 409)).toHaveLength(3);
    // The losers check in at once without naming a room: each gets a different ready room.
    const losers = tonight.filter((_, index) => checkIns[index].status === 409);
    const autoAssigned = await Promise.all(
      losers.map((reservation) => call('POST', path(h, reservation.id, 'check-in'), h.desk, {})),
    );
    expect(autoAssigned.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const given = autoAssigned.map((answer) => answer.json.roomId as string);
    expect(new Set([...given, free.id]).size).toBe(4);
    const inHouse = await call('GET', `/v1/properties/${h.propertyId}/in-house`, h.desk);
    expect(inHouse.json.items.filter((item: { roomId: string }) => item.roomId === free.id)).toHaveLength(1);
    expect(inHouse.json.items).toHaveLength(4);
  });

  it('books and checks in a walk-in at once; a replayed Idempotency-Key books nothing more', async () => {
    const h = await hotel();
    const key = randomUUID();
    const body = {
      guest: { firstName: 'Walk', lastName: 'In', language: 'de' },
      roomTypeId: h.double,
      arrival: h.businessDate,
      departure: addDays(h.businessDate, 1),
      adults: 1,
      roomId: h.rooms[1].id,
    };
    const first = await call('POST', `/v1/properties/${h.propertyId}/walk-ins`, h.desk, body, {
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'checked_in', roomId: h.rooms[1].id });
    const replay = await call('POST', `/v1/properties/${h.propertyId}/walk-ins`, h.desk, body, {
      'idempotency-key': key,
    });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    const [event] = await eventsOf(first.json.id, ['stay.checked-in']);
    expect(event.data).toMatchObject({ walkIn: true });
    const inHouse = await call('GET', `/v1/properties/${h.propertyId}/in-house`, h.desk);
    expect(inHouse.json.items).toHaveLength(1);

    // The room is occupied now: a second walk-in for it is refused before anything is booked.
    const occupied = await call('POST', `/v1/properties/${h.propertyId}/walk-ins`, h.desk, {
      ...body,
      guest: { firstName: 'Second', lastName: 'Walker' },
    });
    expect(occupied.status).toBe(409);
    expect(occupied.json).toMatchObject({ code: 'room-not-ready' });
    const arrivals = await call('GET', `/v1/properties/${h.propertyId}/arrivals`, h.desk);
    expect(arrivals.json.items.map((item: { reservationId: string }) => item.reservationId)).toEqual([first.json.id]);

    const future = await call('POST', `/v1/properties/${h.propertyId}/walk-ins`, h.desk, {
      ...body,
      roomId: undefined,
      arrival: addDays(h.businessDate, 1),
      departure: addDays(h.businessDate, 2),
    });
    expect(future.status).toBe(400);
    expect(future.json).toMatchObject({ code: 'walk-in-not-today' });
  });

  describe('refuses callers and input it must refuse', () => {
    let h: Hotel;
    let reservationId: string;
    beforeAll(async () => {
      h = await hotel();
      reservationId = (await book(h)).id;
    });

    const routes = (): { method: string; url: string; body?: unknown }[] => [
      { method: 'GET', url: `/v1/properties/${h.propertyId}/arrivals` },
      { method: 'GET', url: `/v1/properties/${h.propertyId}/departures` },
      { method: 'GET', url: `/v1/properties/${h.propertyId}/in-house` },
      { method: 'POST', url: path(h, reservationId, 'assign-room'), body: { roomId: h.rooms[0].id } },
      { method: 'POST', url: path(h, reservationId, 'check-in'), body: {} },
      { method: 'POST', url: path(h, reservationId, 'room-move'), body: { roomId: h.rooms[0].id } },
      { method: 'POST', url: path(h, reservationId, 'check-out') },
      { method: 'POST', url: `/v1/properties/${h.propertyId}/walk-ins`, body: {} },
    ];

    it('403 for another property and for a role the route does not allow', async () => {
      const elsewhere = testToken(['front_desk', 'front_office_manager'], [randomUUID()]);
      const finance = testToken(['finance'], [h.propertyId]);
      for (const route of routes()) {
        for (const token of [elsewhere, finance]) {
          const response = await call(route.method, route.url, token, route.body);
          expect({ route: route.url, status: response.status }).toEqual({ route: route.url, status: 403 });
          expect(response.contentType).toContain('application/problem+json');
        }
      }
      const concierge = testToken(['concierge'], [h.propertyId]);
      expect((await call('GET', `/v1/properties/${h.propertyId}/arrivals`, concierge)).status).toBe(200);
      expect((await call('POST', path(h, reservationId, 'check-in'), concierge, {})).status).toBe(403);
    });

    it('400 problem+json, field by field', async () => {
      const bad: [string, string, unknown, string[]][] = [
        ['GET', `/v1/properties/${h.propertyId}/arrivals?date=2026-02-30`, undefined, ['date']],
        ['GET', `/v1/properties/${h.propertyId}/departures?date=tomorrow`, undefined, ['date']],
        ['GET', `/v1/properties/${h.propertyId}/in-house?date=1`, undefined, ['date']],
        ['POST', path(h, reservationId, 'assign-room'), { roomId: 'room-1', upgrade: 'yes' }, ['roomId', 'upgrade']],
        ['POST', path(h, reservationId, 'check-in'), { roomId: 42, key: 'x' }, ['key', 'roomId']],
        ['POST', path(h, reservationId, 'room-move'), { reason: '' }, ['reason', 'roomId']],
        [
          'POST',
          `/v1/properties/${h.propertyId}/walk-ins`,
          { roomTypeId: h.double, roomId: 'x' },
          ['adults', 'arrival', 'departure', 'guest', 'roomId'],
        ],
      ];
      for (const [method, url, body, fields] of bad) {
        const response = await call(method, url, h.desk, body);
        expect({ url, status: response.status }).toEqual({ url, status: 400 });
        expect(response.contentType).toContain('application/problem+json');
        const reported = (response.json.errors as { field: string }[]).map((error) => error.field).sort();
        expect({ url, fields: reported }).toEqual({ url, fields });
      }
      for (const action of ['assign-room', 'check-in', 'room-move', 'check-out']) {
        const response = await call('POST', path(h, 'not-a-uuid', action), h.desk, {});
        expect(response.status).toBe(400);
        expect(response.json.errors).toEqual([{ field: 'reservationId', messages: ['reservationId must be a UUID'] }]);
      }
      expect((await call('GET', `/v1/properties/not-a-uuid/arrivals`, admin)).status).toBe(400);
      expect((await call('POST', path(h, randomUUID(), 'check-in'), h.desk, {})).status).toBe(404);
    });
  });
});
