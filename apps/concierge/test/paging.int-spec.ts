import { eventually, RunningTestService } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { Broker, client, Client, Items, startConcierge } from './support';

type Row = Record<string, unknown>;

/** Follows `nextCursor` from the first page until it is null, checking every page holds at most `limit` items. */
async function walk<T = Row>(caller: Client, path: string, limit = 3): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await caller.get<Items<T>>(url);
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(limit);
    if (answer.body.nextCursor !== null) expect(answer.body.items).toHaveLength(limit);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor !== null);
  return { items, pages };
}

async function expectBadCursor(caller: Client, path: string): Promise<void> {
  const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
  for (const cursor of ['garbage', forged(['x', 'y', 'z', 'w', 'v', 'u', 't']), forged([])]) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await caller.get<{ field?: string; errors?: Array<{ field: string }> }>(
      `${path}${separator}cursor=${cursor}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    const fields = [answer.body.field, ...(answer.body.errors ?? []).map((error) => error.field)];
    expect(fields).toContain('cursor');
  }
}

/** Every list that grows with activity pages by keyset: no row is lost or repeated, filters hold on every page. */
describe('concierge: keyset paging of lists', () => {
  let service: RunningTestService;
  let broker: Broker;
  const propertyId = randomUUID();
  const base = `/v1/properties/${propertyId}`;
  const stays = Array.from({ length: 8 }, () => randomUUID());

  beforeAll(async () => {
    service = await startConcierge();
    broker = await new Broker().start();
    // Rooms 301..306 in house (two share the last name order check), two guests still expected (no room).
    for (const [index, reservationId] of stays.entries()) {
      if (index < 6) {
        await broker.checkedIn(propertyId, reservationId, String(306 - index), { lastName: `Guest${index}` });
      } else {
        await broker.reservationCreated(propertyId, { lastName: `Expected${index}` }, reservationId);
      }
    }
    for (let index = 0; index < 7; index += 1) {
      await broker.employee(propertyId, `emp-${index}`, index % 2 === 0 ? ['concierge'] : ['porter']);
    }
    const desk = client(service, ['front_desk'], [propertyId]);
    await eventually(async () => {
      expect((await desk.get<Items>(`${base}/guests?limit=500`)).body.items).toHaveLength(6);
      expect((await desk.get<Items>(`${base}/guests?status=expected`)).body.items).toHaveLength(2);
      expect((await desk.get<Items>(`${base}/employees`)).body.items).toHaveLength(7);
    });
  });

  afterAll(async () => {
    await broker?.stop();
    await service?.shutdown();
  });

  const concierge = () => client(service, ['concierge'], [propertyId], 'conc-1');

  it('pages requests in urgency order, with filters, and my tasks in progress first', async () => {
    const priorities = ['low', 'urgent', 'normal', 'high', 'normal', 'urgent', 'low', 'normal', 'high', 'normal'];
    const created: Array<{ id: string; priority: string }> = [];
    for (const [index, priority] of priorities.entries()) {
      const answer = await concierge().post<{ id: string }>(`${base}/requests`, {
        category: index % 2 === 0 ? 'information' : 'amenity',
        description: `Request ${index}`,
        priority,
        // Equal due times for some, so the order falls back to creation and id.
        dueAt: `2027-01-1${index % 3}T10:00:00.000Z`,
      });
      expect(answer.status).toBe(201);
      created.push({ id: answer.body.id, priority });
    }
    // The check-ins above opened luggage tasks too: the whole list, in one page, is what the pages must add up to.
    const whole = await concierge().get<Items<{ id: string }>>(`${base}/requests?limit=500`);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.items.length).toBeGreaterThanOrEqual(10);
    expect(whole.body.items.map((item) => item.id)).toEqual(expect.arrayContaining(created.map((item) => item.id)));
    const walked = await walk<{ id: string; priority: string; dueAt: string }>(concierge(), `${base}/requests`);
    expect(walked.pages).toBe(Math.ceil(whole.body.items.length / 3));
    expect(walked.items.map((item) => item.id)).toEqual(whole.body.items.map((item) => item.id));
    expect(new Set(walked.items.map((item) => item.id)).size).toBe(whole.body.items.length);
    const rank = { urgent: 3, high: 2, normal: 1, low: 0 } as Record<string, number>;
    for (let i = 1; i < walked.items.length; i += 1) {
      const [before, after] = [walked.items[i - 1], walked.items[i]];
      expect(rank[before.priority] > rank[after.priority] || before.dueAt <= after.dueAt).toBe(true);
      expect(rank[before.priority]).toBeGreaterThanOrEqual(rank[after.priority]);
    }
    const amenities = await walk<{ category: string }>(concierge(), `${base}/requests?category=amenity`, 2);
    expect(amenities.items).toHaveLength(5);
    expect(amenities.items.every((item) => item.category === 'amenity')).toBe(true);
    await expectBadCursor(concierge(), `${base}/requests`);

    // My tasks: the information requests (the concierge's queue) go to emp-0, who starts two of them; in progress
    // come first, then assigned, each most urgent first, every one exactly once.
    const informational = created.filter((_, index) => index % 2 === 0);
    const employee0 = client(service, ['concierge'], [propertyId], 'emp-0');
    for (const [index, request] of informational.entries()) {
      const assigned = await concierge().post(`${base}/requests/${request.id}/assign`, { employeeId: 'emp-0' });
      expect(assigned.status).toBe(200);
      if (index < 2) expect((await employee0.post(`${base}/requests/${request.id}/start`)).status).toBe(200);
    }
    const mine = await walk<{ id: string; status: string; priority: string }>(employee0, `${base}/requests/mine`, 2);
    expect(mine.pages).toBe(3);
    expect(mine.items.map((item) => item.id).sort()).toEqual(informational.map((request) => request.id).sort());
    expect(mine.items.map((item) => item.status)).toEqual([
      'in_progress',
      'in_progress',
      'assigned',
      'assigned',
      'assigned',
    ]);
    const urgencyOf = (item: { priority: string }) => rank[item.priority];
    expect(mine.items.slice(2).map(urgencyOf)).toEqual(
      mine.items
        .slice(2)
        .map(urgencyOf)
        .sort((a, b) => b - a),
    );
    await expectBadCursor(concierge(), `${base}/requests/mine`);
  });

  it('pages luggage newest first, filtered by reservation', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const answer = await concierge().post<{ id: string }>(`${base}/luggage`, {
        tagNumber: `P${index}`,
        pieces: 1,
        location: 'Back room',
        ...(index % 2 === 0 ? { reservationId: stays[0] } : { guestName: 'Walk-in' }),
      });
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    const walked = await walk<{ id: string }>(concierge(), `${base}/luggage`);
    expect(walked.items.map((item) => item.id)).toEqual([...ids].reverse());
    const ofStay = await walk<{ id: string }>(concierge(), `${base}/luggage?reservationId=${stays[0]}`, 3);
    expect(ofStay.items.map((item) => item.id)).toEqual(ids.filter((_, index) => index % 2 === 0).reverse());
    await expectBadCursor(concierge(), `${base}/luggage`);
  });

  it('pages complaints newest first, filtered by category', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const answer = await concierge().post<{ id: string }>(`${base}/complaints`, {
        category: index < 4 ? 'noise' : 'cleanliness',
        whatWentWrong: `Complaint ${index}`,
        guestWords: 'Not good.',
      });
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    const walked = await walk<{ id: string }>(concierge(), `${base}/complaints`);
    expect(walked.items.map((item) => item.id)).toEqual([...ids].reverse());
    const noise = await walk<{ id: string }>(concierge(), `${base}/complaints?category=noise`, 3);
    expect(noise.items.map((item) => item.id)).toEqual(ids.slice(0, 4).reverse());
    await expectBadCursor(concierge(), `${base}/complaints`);
  });

  it('pages the recommendations search over every match, not a capped scan', async () => {
    for (let index = 0; index < 9; index += 1) {
      const answer = await concierge().post(`${base}/recommendations`, {
        name: `Place ${String.fromCharCode(73 - index)}`,
        category: index % 3 === 0 ? 'attraction' : 'restaurant',
        tags: index % 2 === 0 ? ['terrace'] : ['indoor'],
        address: `${index} rue de Rivoli`,
      });
      expect(answer.status).toBe(201);
    }
    const names = (items: Array<{ name: string }>) => items.map((item) => item.name);
    const all = await walk<{ name: string }>(concierge(), `${base}/recommendations`);
    expect(names(all.items)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((letter) => `Place ${letter}`));
    const terrace = await walk<{ name: string }>(concierge(), `${base}/recommendations?tag=terrace&q=rivoli`, 2);
    expect(names(terrace.items)).toEqual(['Place A', 'Place C', 'Place E', 'Place G', 'Place I']);
    const restaurants = await walk<{ name: string; category: string }>(
      concierge(),
      `${base}/recommendations?category=restaurant`,
      4,
    );
    expect(restaurants.items).toHaveLength(6);
    expect(restaurants.items.every((item) => item.category === 'restaurant')).toBe(true);
    await expectBadCursor(concierge(), `${base}/recommendations`);
  });

  it('pages bookings and group events in calendar order, with their filters', async () => {
    const booked: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const answer = await concierge().post<{ id: string }>(`${base}/bookings`, {
        reservationId: index < 5 ? stays[1] : stays[2],
        description: `Booking ${index}`,
        bookedFor: `2027-01-1${index % 4}T19:00:00.000Z`,
        partySize: 2,
      });
      expect(answer.status).toBe(201);
      booked.push(answer.body.id);
    }
    const bookings = await walk<{ id: string; bookedFor: string; reservationId: string }>(
      concierge(),
      `${base}/bookings?reservationId=${stays[1]}`,
    );
    expect(bookings.items).toHaveLength(5);
    expect(bookings.items.every((item) => item.reservationId === stays[1])).toBe(true);
    expect(bookings.items.map((item) => item.bookedFor)).toEqual(bookings.items.map((item) => item.bookedFor).sort());
    expect(
      (await walk<{ id: string }>(concierge(), `${base}/bookings`, 2)).items.map((item) => item.id).sort(),
    ).toEqual([...booked].sort());
    await expectBadCursor(concierge(), `${base}/bookings`);

    for (let index = 0; index < 8; index += 1) {
      const answer = await concierge().post(`${base}/group-events`, {
        name: `Event ${index}`,
        date: `2027-02-0${1 + (index % 4)}`,
        startTime: index % 2 === 0 ? '09:00' : '18:30',
        venue: 'Salon',
        headcount: 10,
      });
      expect(answer.status).toBe(201);
    }
    const events = await walk<{ date: string; startTime: string }>(
      concierge(),
      `${base}/group-events?from=2027-02-02&to=2027-02-04`,
    );
    expect(events.items).toHaveLength(6);
    const keys = events.items.map((item) => `${item.date} ${item.startTime}`);
    expect(keys).toEqual([...keys].sort());
    expect(events.items.every((item) => item.date >= '2027-02-02' && item.date <= '2027-02-04')).toBe(true);
    await expectBadCursor(concierge(), `${base}/group-events`);
  });

  it('pages the guest and employee directories', async () => {
    const guests = await walk<{ reservationId: string; roomNumber: string | null }>(concierge(), `${base}/guests`);
    expect(guests.items.map((item) => item.roomNumber)).toEqual(['301', '302', '303', '304', '305', '306']);
    const expected = await walk<{ reservationId: string }>(concierge(), `${base}/guests?status=expected`, 1);
    expect(expected.items.map((item) => item.reservationId).sort()).toEqual(stays.slice(6).sort());
    await expectBadCursor(concierge(), `${base}/guests`);

    const employees = await walk<{ employeeId: string }>(concierge(), `${base}/employees`);
    expect(employees.items.map((item) => item.employeeId)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `emp-${i}`));
    const porters = await walk<{ employeeId: string; roles: string[] }>(
      concierge(),
      `${base}/employees?role=porter`,
      2,
    );
    expect(porters.items.map((item) => item.employeeId)).toEqual(['emp-1', 'emp-3', 'emp-5']);
    await expectBadCursor(concierge(), `${base}/employees`);
  });

  it('refuses a limit outside 1..500', async () => {
    for (const limit of ['0', '501', 'x']) {
      const answer = await concierge().get<{ errors?: Array<{ field: string }> }>(`${base}/requests?limit=${limit}`);
      expect(answer.status).toBe(400);
    }
  });
});
