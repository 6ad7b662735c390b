import { addDays, booking, ReservationsHarness } from './reservations-harness';

interface Room {
  id: string;
  number: string;
  roomTypeId: string;
}

/** Keyset paging of the reservations service's open-ended lists, with the real database and broker. */
describe('list paging', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('walks the rooms by number then id, each once, keeping ?roomTypeId and ?status across pages', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(0);
    const suites = await harness.roomType(propertyId, 'STE');
    const manager = harness.token(['front_office_manager'], propertyId);
    const rooms = Array.from({ length: 13 }, (_, index) => ({
      number: String(300 + index),
      roomTypeId: index % 3 === 0 ? suites : roomTypeId,
    }));
    await harness.json(201, 'POST', `/v1/properties/${propertyId}/rooms/bulk`, manager, { rooms: rooms.reverse() });
    const path = `/v1/properties/${propertyId}/rooms`;

    const all = await harness.allPages<Room>(path, manager, 4);
    expect(all.pages).toBe(4);
    expect(all.items.map((room) => room.number)).toEqual(rooms.map((room) => room.number).sort());
    expect(new Set(all.items.map((room) => room.id)).size).toBe(13);

    const ofSuites = await harness.allPages<Room>(`${path}?roomTypeId=${suites}`, manager, 2);
    expect(ofSuites.items.map((room) => room.number)).toEqual(['300', '303', '306', '309', '312']);
    expect(ofSuites.items.every((room) => room.roomTypeId === suites)).toBe(true);

    const dirty = all.items.filter((_, index) => index % 2 === 1);
    for (const room of dirty) {
      await harness.json(200, 'PATCH', `${path}/${room.id}/status`, manager, { status: 'vacant_dirty' });
    }
    const walkedDirty = await harness.allPages<Room>(`${path}?status=vacant_dirty`, manager, 1);
    expect(walkedDirty.items.map((room) => room.id)).toEqual(dirty.map((room) => room.id));

    const unpaged = await harness.json<{ items: Room[]; nextCursor: string | null }>(200, 'GET', path, manager);
    expect(unpaged.nextCursor).toBeNull();
    expect(unpaged.items.map((room) => room.id)).toEqual(all.items.map((room) => room.id));
  });

  it('walks group blocks by cut-off date then code', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(6);
    const manager = harness.token(['front_office_manager'], propertyId);
    const path = `/v1/properties/${propertyId}/group-blocks`;
    const night = addDays(businessDate, 40);
    const blocks = [
      ['ECHO', 12],
      ['ALPHA', 12],
      ['DELTA', 10],
      ['BRAVO', 14],
      ['CHARLIE', 10],
    ] as const;
    for (const [code, cutoff] of blocks) {
      await harness.json(201, 'POST', path, manager, {
        code,
        name: `Group ${code}`,
        roomTypeId,
        cutoffDate: addDays(businessDate, cutoff),
        nights: [{ date: night, rooms: 1 }],
      });
    }
    const walked = await harness.allPages<{ code: string; id: string }>(path, manager, 2);
    expect(walked.pages).toBe(3);
    expect(walked.items.map((block) => block.code)).toEqual(['CHARLIE', 'DELTA', 'ALPHA', 'ECHO', 'BRAVO']);
  });

  it('walks reservation and guest searches with the shared cursor, filters kept across pages', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(8);
    const desk = harness.token(['front_desk'], propertyId);
    const path = `/v1/properties/${propertyId}/reservations`;
    const names = ['Petit', 'Pascal', 'Durand', 'Perrin', 'Poirier', 'Dupont', 'Prevost'];
    const made: { id: string }[] = [];
    for (const [index, lastName] of names.entries()) {
      made.push(
        await harness.json<{ id: string }>(
          201,
          'POST',
          path,
          desk,
          booking(roomTypeId, addDays('2027-09-01', index), addDays('2027-09-03', index), {
            guest: { firstName: 'Ana', lastName },
          }),
        ),
      );
    }
    const all = await harness.allPages<{ id: string }>(path, desk, 3);
    expect(all.items.map((item) => item.id)).toEqual(made.map((item) => item.id));
    const withP = await harness.allPages<{ id: string; guest: { lastName: string } }>(`${path}?name=p`, desk, 2);
    expect(withP.items.map((item) => item.guest.lastName)).toEqual(['Petit', 'Pascal', 'Perrin', 'Poirier', 'Prevost']);

    const guests = await harness.allPages<{ id: string; lastName: string }>(
      `/v1/properties/${propertyId}/guests?q=p`,
      desk,
      2,
    );
    expect(guests.items.map((guest) => guest.lastName)).toEqual(['Pascal', 'Perrin', 'Petit', 'Poirier', 'Prevost']);
    expect(new Set(guests.items.map((guest) => guest.id)).size).toBe(5);
  });

  it('answers 400 problem+json on `cursor` to a cursor it did not give, on every paged list', async () => {
    const { propertyId } = await harness.hotel(1);
    const manager = harness.token(['front_office_manager'], propertyId);
    const base = `/v1/properties/${propertyId}`;
    const forged = Buffer.from(JSON.stringify(['yesterday', 42])).toString('base64url');
    const tooLong = Buffer.from(JSON.stringify(['a', 'b', 'c', 'd'])).toString('base64url');
    for (const list of [`${base}/rooms`, `${base}/group-blocks`, `${base}/reservations`, `${base}/guests`]) {
      for (const cursor of ['garbage', forged, tooLong]) {
        const response = await harness.call('GET', `${list}?cursor=${cursor}`, manager);
        const body = (await response.json()) as { code: string; field: string };
        expect({ list, cursor, status: response.status, code: body.code, field: body.field }).toEqual({
          list,
          cursor,
          status: 400,
          code: 'bad-cursor',
          field: 'cursor',
        });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    for (const list of [`${base}/rooms`, `${base}/group-blocks`]) {
      expect((await harness.call('GET', `${list}?limit=501`, manager)).status).toBe(400);
    }
  });
});
