import { eventually, RunningTestService, testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { Broker, client, Items, startConcierge } from './support';

type Req = Record<string, unknown> & { id: string; kind: string | null; status: string; roomNumber: string | null };

/**
 * Stays, luggage and roles through the real broker and database: reservations/staffing events are produced as
 * those services publish them, everything else goes through HTTP.
 */
describe('concierge: stays, luggage tasks and roles', () => {
  let service: RunningTestService;
  let broker: Broker;
  const withPorters = randomUUID();
  const withoutPorters = randomUUID();

  beforeAll(async () => {
    service = await startConcierge();
    broker = await new Broker().start();
    const fomA = client(service, ['front_office_manager'], [withPorters]);
    const fomB = client(service, ['front_office_manager'], [withoutPorters]);
    expect((await fomA.put(`/v1/properties/${withPorters}/concierge-settings`, { hasPorters: true })).status).toBe(200);
    expect((await fomB.put(`/v1/properties/${withoutPorters}/concierge-settings`, { hasPorters: false })).status).toBe(
      200,
    );
    await broker.employee(withPorters, 'porter-1', ['porter']);
    await broker.employee(withPorters, 'conc-1', ['concierge']);
    await eventually(async () => {
      const { body } = await fomA.get<Items>(`/v1/properties/${withPorters}/employees`);
      expect(body.items).toHaveLength(2);
    });
  });

  afterAll(async () => {
    await broker?.stop();
    await service?.shutdown();
  });

  const desk = () => client(service, ['front_desk'], [withPorters], 'desk-1');
  const porter = () => client(service, ['porter'], [withPorters], 'porter-1');

  const luggageTasks = async (propertyId: string, reservationId: string) => {
    const answer = await client(service, ['front_desk'], [propertyId]).get<Items<Req>>(
      `/v1/properties/${propertyId}/requests?category=luggage&reservationId=${reservationId}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it('opens a luggage-up task on check-in where the property has porters, and none where it has not', async () => {
    const stayWith = randomUUID();
    const stayWithout = randomUUID();
    // Delivered twice: the inbox applies it once, so one task.
    await broker.checkedIn(withPorters, stayWith, '512', { firstName: 'Ana', lastName: 'Lima' }, 2);
    await broker.checkedIn(withoutPorters, stayWithout, '101');

    const tasks = await eventually(async () => {
      const items = await luggageTasks(withPorters, stayWith);
      expect(items).toHaveLength(1);
      return items;
    });
    expect(tasks[0]).toMatchObject({
      kind: 'luggage_up',
      category: 'luggage',
      role: 'porter',
      status: 'open',
      roomNumber: '512',
      guestName: 'Ana Lima',
      createdBy: 'system',
    });

    // The stay without porters was applied (the guest is in house), yet it has no luggage task.
    const deskB = client(service, ['front_desk'], [withoutPorters]);
    await eventually(async () => {
      const { body } = await deskB.get<Items>(`/v1/properties/${withoutPorters}/guests`);
      expect(body.items.map((guest) => guest.reservationId)).toContain(stayWithout);
    });
    expect(await luggageTasks(withoutPorters, stayWithout)).toHaveLength(0);

    // Check-out: a luggage-down task.
    await broker.checkedOut(withPorters, stayWith, '512');
    await eventually(async () =>
      expect((await luggageTasks(withPorters, stayWith)).map((task) => task.kind).sort()).toEqual([
        'luggage_down',
        'luggage_up',
      ]),
    );
  });

  it('moves stored luggage (and open tasks) with the guest on a room move, and hands it back only against the tag', async () => {
    const reservationId = randomUUID();
    await broker.checkedIn(withPorters, reservationId, '305', { firstName: 'Li', lastName: 'Wei' });
    await eventually(async () => expect(await luggageTasks(withPorters, reservationId)).toHaveLength(1));

    const tag = `T-${Math.floor(Math.random() * 1e9)}`;
    const stored = await porter().post<{ id: string; roomNumber: string; guestName: string; custody: unknown[] }>(
      `/v1/properties/${withPorters}/luggage`,
      { tagNumber: tag, reservationId, pieces: 2, location: 'luggage room, shelf A', description: 'two suitcases' },
    );
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ roomNumber: '305', guestName: 'Li Wei', status: 'stored' });
    const duplicateTag = await desk().post(`/v1/properties/${withPorters}/luggage`, {
      tagNumber: tag,
      guestName: 'Someone Else',
      pieces: 1,
      location: 'shelf B',
    });
    expect(duplicateTag.status).toBe(409);

    await broker.roomMoved(withPorters, reservationId, '305', '714');
    const moved = await eventually(async () => {
      const answer = await porter().get<{ roomNumber: string; custody: Array<Record<string, unknown>> }>(
        `/v1/properties/${withPorters}/luggage/${stored.body.id}`,
      );
      expect(answer.body.roomNumber).toBe('714');
      return answer.body;
    });
    expect(moved.custody.map((entry) => entry.action)).toEqual(['stored', 'followed_guest']);
    expect(moved.custody[1]).toMatchObject({ actor: 'system', roomNumber: '714', location: 'luggage room, shelf A' });
    expect((await luggageTasks(withPorters, reservationId))[0].roomNumber).toBe('714');

    const shelf = await porter().post(`/v1/properties/${withPorters}/luggage/${stored.body.id}/move`, {
      location: 'back room',
    });
    expect(shelf.status).toBe(200);
    const wrongTag = await porter().post(`/v1/properties/${withPorters}/luggage/${stored.body.id}/hand-back`, {
      tagNumber: 'T-WRONG',
    });
    expect(wrongTag.status).toBe(400);
    expect(wrongTag.contentType).toContain('application/problem+json');
    expect(wrongTag.body).toMatchObject({ code: 'tag-mismatch', field: 'tagNumber' });
    const returned = await porter().post<{ status: string; custody: Array<Record<string, unknown>> }>(
      `/v1/properties/${withPorters}/luggage/${stored.body.id}/hand-back`,
      { tagNumber: tag.toLowerCase() },
    );
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect(returned.body.custody.map((entry) => [entry.action, entry.actor])).toEqual([
      ['stored', 'porter-1'],
      ['followed_guest', 'system'],
      ['moved', 'porter-1'],
      ['handed_back', 'porter-1'],
    ]);
    const again = await porter().post(`/v1/properties/${withPorters}/luggage/${stored.body.id}/hand-back`, {
      tagNumber: tag,
    });
    expect(again.status).toBe(409);
  });

  it('lets a porter see and update luggage tasks only, and assigns by role from the directory', async () => {
    const reservationId = randomUUID();
    await broker.checkedIn(withPorters, reservationId, '220');
    const [luggage] = await eventually(async () => {
      const items = await luggageTasks(withPorters, reservationId);
      expect(items).toHaveLength(1);
      return items;
    });
    const pillows = await desk().post<Req>(`/v1/properties/${withPorters}/requests`, {
      category: 'amenity',
      description: 'Two extra pillows',
      reservationId,
    });
    expect(pillows.status).toBe(201);
    expect(pillows.body).toMatchObject({ status: 'open', roomNumber: '220' });
    expect(typeof pillows.body.dueAt).toBe('string');

    // The porter's view holds luggage only; other categories are refused.
    const seen = await porter().get<Items<Req>>(
      `/v1/properties/${withPorters}/requests?reservationId=${reservationId}`,
    );
    expect(seen.body.items.map((item) => item.id)).toEqual([luggage.id]);
    expect((await porter().get(`/v1/properties/${withPorters}/requests?category=amenity`)).status).toBe(403);
    expect((await porter().get(`/v1/properties/${withPorters}/requests/${pillows.body.id}`)).status).toBe(403);
    expect(
      (
        await porter().post(`/v1/properties/${withPorters}/requests/${pillows.body.id}/assign`, {
          employeeId: 'porter-1',
        })
      ).status,
    ).toBe(403);
    expect(
      (await porter().post(`/v1/properties/${withPorters}/requests`, { category: 'amenity', description: 'x' })).status,
    ).toBe(403);

    // Luggage goes to porters only; bookings to the concierge only.
    const toConcierge = await desk().post(`/v1/properties/${withPorters}/requests/${luggage.id}/assign`, {
      employeeId: 'conc-1',
    });
    expect(toConcierge.status).toBe(400);
    expect(toConcierge.body).toMatchObject({ code: 'assignee-not-eligible', field: 'employeeId' });
    const booking = await desk().post<Req>(`/v1/properties/${withPorters}/requests`, {
      category: 'local_booking',
      description: 'Table for two at 8pm',
    });
    expect(
      (
        await desk().post(`/v1/properties/${withPorters}/requests/${booking.body.id}/assign`, {
          employeeId: 'porter-1',
        })
      ).status,
    ).toBe(400);
    expect(
      (await desk().post(`/v1/properties/${withPorters}/requests/${booking.body.id}/assign`, { employeeId: 'conc-1' }))
        .status,
    ).toBe(200);
    expect(
      (await desk().post(`/v1/properties/${withPorters}/requests/${luggage.id}/assign`, { employeeId: 'nobody' }))
        .status,
    ).toBe(400);

    // The porter takes the task, starts and completes it; "my tasks" shows it meanwhile.
    expect(
      (await porter().post(`/v1/properties/${withPorters}/requests/${luggage.id}/assign`, { employeeId: 'conc-1' }))
        .status,
    ).toBe(403);
    const taken = await porter().post(`/v1/properties/${withPorters}/requests/${luggage.id}/assign`, {
      employeeId: 'porter-1',
    });
    expect(taken.status).toBe(200);
    expect((await porter().post(`/v1/properties/${withPorters}/requests/${luggage.id}/complete`)).status).toBe(409);
    expect((await porter().post(`/v1/properties/${withPorters}/requests/${luggage.id}/start`)).status).toBe(200);
    const mine = await porter().get<Items<Req>>(`/v1/properties/${withPorters}/requests/mine`);
    expect(mine.body.items.map((item) => item.id)).toContain(luggage.id);
    expect((await porter().post(`/v1/properties/${withPorters}/requests/${luggage.id}/cancel`)).status).toBe(403);
    const done = await porter().post<Req & { history: Array<Record<string, unknown>> }>(
      `/v1/properties/${withPorters}/requests/${luggage.id}/complete`,
      { note: 'bags in room' },
    );
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(done.body.history.map((step) => [step.action, step.toStatus, step.actor])).toEqual([
      ['created', 'open', 'system'],
      ['assign', 'assigned', 'porter-1'],
      ['start', 'in_progress', 'porter-1'],
      ['complete', 'done', 'porter-1'],
    ]);
    expect(done.body.history.every((step) => typeof step.at === 'string')).toBe(true);
  });

  it('creates a VIP welcome task for the front office manager and prioritises VIP requests', async () => {
    const reservationId = randomUUID();
    await broker.reservationCreated(
      withPorters,
      { firstName: 'Grace', lastName: 'Kelly', vipLevel: 'vvip' },
      reservationId,
    );
    const fom = client(service, ['front_office_manager'], [withPorters], 'fom-1');
    const welcome = await eventually(async () => {
      const { body } = await fom.get<Items<Req>>(
        `/v1/properties/${withPorters}/requests?queue=front_office_manager&reservationId=${reservationId}`,
      );
      expect(body.items).toHaveLength(1);
      return body.items[0];
    });
    expect(welcome).toMatchObject({ kind: 'vip_welcome', role: 'front_office_manager', vipLevel: 'vvip' });
    // Checking in later does not open a second welcome.
    await broker.checkedIn(withPorters, reservationId, '900', {
      firstName: 'Grace',
      lastName: 'Kelly',
      vipLevel: 'vvip',
    });
    await eventually(async () => expect(await luggageTasks(withPorters, reservationId)).toHaveLength(1));
    const all = await fom.get<Items<Req>>(`/v1/properties/${withPorters}/requests?reservationId=${reservationId}`);
    expect(all.body.items.filter((item) => item.kind === 'vip_welcome')).toHaveLength(1);

    const request = await desk().post<Req>(`/v1/properties/${withPorters}/requests`, {
      category: 'amenity',
      description: 'Champagne',
      reservationId,
      priority: 'low',
    });
    expect(request.body.priority).toBe('urgent');
  });

  it('welcomes a guest who becomes a VIP during the stay, once', async () => {
    const reservationId = randomUUID();
    const guestId = randomUUID();
    await broker.checkedIn(withPorters, reservationId, '330', { guestId, firstName: 'Maria', lastName: 'Callas' });
    await eventually(async () => expect(await luggageTasks(withPorters, reservationId)).toHaveLength(1));
    await broker.guestProfile(withPorters, guestId, 'vip', 'it');
    await broker.guestProfile(withPorters, guestId, 'vvip', 'it');
    const fom = client(service, ['front_office_manager'], [withPorters]);
    await eventually(async () => {
      const { body } = await fom.get<{ language: string; vipLevel: string }>(
        `/v1/properties/${withPorters}/guests/${reservationId}`,
      );
      expect(body).toMatchObject({ language: 'it', vipLevel: 'vvip', arrival: '2027-01-10' });
    });
    const { body } = await fom.get<Items<Req>>(
      `/v1/properties/${withPorters}/requests?queue=front_office_manager&reservationId=${reservationId}`,
    );
    expect(body.items.filter((item) => item.kind === 'vip_welcome')).toHaveLength(1);
  });

  it('defers, reopens and cancels a request, each step recorded, with or without a body', async () => {
    const created = await desk().post<Req>(`/v1/properties/${withPorters}/requests`, {
      category: 'maintenance',
      description: 'Dripping tap',
      roomNumber: '118',
    });
    const path = `/v1/properties/${withPorters}/requests/${created.body.id}`;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const deferred = await desk().post<Req & { deferredUntil: string; dueAt: string }>(`${path}/defer`, {
      until,
      reason: 'Guest asked for tomorrow',
    });
    expect(deferred.status).toBe(200);
    expect(deferred.body).toMatchObject({ status: 'deferred', deferredUntil: until });
    expect(new Date(deferred.body.dueAt).getTime()).toBeGreaterThan(new Date(until).getTime());
    expect((await desk().post(`${path}/defer`, { until: '2020-01-01T00:00:00.000Z', reason: 'x' })).status).toBe(400);
    expect((await desk().post<Req>(`${path}/reopen`)).body.status).toBe('open');
    // No body at all is fine for the bodiless steps.
    const response = await fetch(`${service.url}${path}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testToken(['front_desk'], [withPorters], 'desk-1')}` },
    });
    expect(response.status).toBe(200);
    const { body } = await desk().get<Req & { history: Array<{ action: string; actor: string; note: string | null }> }>(
      path,
    );
    expect(body.status).toBe('cancelled');
    expect(body.history.map((step) => step.action)).toEqual(['created', 'defer', 'reopen', 'cancel']);
    expect(body.history[1]).toMatchObject({ actor: 'desk-1', note: 'Guest asked for tomorrow' });
    expect((await desk().post(`${path}/assign`, { employeeId: 'porter-1' })).status).toBe(409);
  });

  it('answers field-level 400s, and 403 for another property or a role without access', async () => {
    const bad = await desk().post<{ errors: Array<{ field: string }> }>(`/v1/properties/${withPorters}/requests`, {
      category: 'spa',
      description: '',
      priority: 'asap',
      reservationId: 'nope',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(
      ['category', 'colour', 'description', 'priority', 'reservationId'].sort(),
    );
    expect(
      (
        await desk().post(`/v1/properties/${withPorters}/requests`, {
          category: 'wake_up',
          description: 'x',
          dueAt: '2020-01-01T00:00:00.000Z',
        })
      ).status,
    ).toBe(400);
    expect((await desk().get(`/v1/properties/${withoutPorters}/guests`)).status).toBe(403);
    expect((await desk().get(`/v1/properties/${withoutPorters}/requests`)).status).toBe(403);
    expect(
      (await client(service, ['finance'], [withPorters]).get(`/v1/properties/${withPorters}/requests`)).status,
    ).toBe(403);
    expect((await desk().put(`/v1/properties/${withPorters}/concierge-settings`, { hasPorters: false })).status).toBe(
      403,
    );
    // A reservation of another property is unknown here.
    expect(
      (
        await desk().post(`/v1/properties/${withPorters}/requests`, {
          category: 'amenity',
          description: 'x',
          reservationId: randomUUID(),
        })
      ).status,
    ).toBe(404);
    expect((await desk().get(`/v1/properties/${withPorters}/requests/not-a-uuid`)).status).toBe(400);
  });
});
