import { TOPICS, validateEvent } from '@frontoffice/contracts';
import { EventProbe, eventually, RunningTestService } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { Broker, client, Items, kafka, startConcierge } from './support';

/** Recommendations, bookings charged to the folio, group events and versioned desk procedures. */
describe('concierge: local knowledge, bookings, group events and procedures', () => {
  let service: RunningTestService;
  let broker: Broker;
  let probe: EventProbe;
  const propertyId = randomUUID();
  const reservationId = randomUUID();

  beforeAll(async () => {
    probe = await new EventProbe(kafka, [TOPICS.concierge]).start();
    service = await startConcierge();
    broker = await new Broker().start();
    await broker.checkedIn(propertyId, reservationId, '410', { firstName: 'Omar', lastName: 'Haddad' });
    await broker.employee(propertyId, 'conc-1', ['concierge']);
    const desk = client(service, ['front_desk'], [propertyId]);
    await eventually(async () => {
      expect((await desk.get<Items>(`/v1/properties/${propertyId}/guests`)).body.items).toHaveLength(1);
      expect((await desk.get<Items>(`/v1/properties/${propertyId}/employees`)).body.items).toHaveLength(1);
    });
  });

  afterAll(async () => {
    await broker?.stop();
    await probe?.stop();
    await service?.shutdown();
  });

  const concierge = () => client(service, ['concierge'], [propertyId], 'conc-1');
  const fom = () => client(service, ['front_office_manager'], [propertyId], 'fom-1');
  const porter = () => client(service, ['porter'], [propertyId], 'porter-1');

  it('keeps a searchable catalogue of recommendations', async () => {
    const bistro = await concierge().post<{ id: string }>(`/v1/properties/${propertyId}/recommendations`, {
      name: 'Le Petit Bistrot',
      category: 'restaurant',
      description: 'Cuisine française, terrasse',
      tags: ['french', 'terrace'],
      languages: ['fr', 'en'],
      address: '12 rue de la Paix',
      openingHours: [{ day: 'fri', open: '19:00', close: '01:00' }],
      priceLevel: 3,
    });
    expect(bistro.status).toBe(201);
    expect(
      (
        await concierge().post(`/v1/properties/${propertyId}/recommendations`, {
          name: 'Musée de la Mode',
          category: 'attraction',
          tags: ['museum'],
          languages: ['fr'],
          address: '1 avenue Pierre 1er',
          openingHours: [{ day: 'sat', open: '10:00', close: '18:00' }],
        })
      ).status,
    ).toBe(201);
    const names = async (query: string) =>
      (
        await concierge().get<Items<{ name: string }>>(`/v1/properties/${propertyId}/recommendations?${query}`)
      ).body.items.map((item) => item.name);
    expect(await names('q=francaise')).toEqual(['Le Petit Bistrot']);
    expect(await names('category=attraction')).toEqual(['Musée de la Mode']);
    expect(await names('language=en')).toEqual(['Le Petit Bistrot']);
    expect(await names('tag=museum')).toEqual(['Musée de la Mode']);
    expect(await names('openDay=sat&openTime=00:30')).toEqual(['Le Petit Bistrot']);
    expect((await names('')).length).toBe(2);

    const bad = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/recommendations`,
      {
        name: '',
        category: 'casino',
        address: 'x',
        openingHours: [{ day: 'funday', open: '25:00', close: '10:00' }],
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(
      ['category', 'name', 'openingHours[0].day', 'openingHours[0].open'].sort(),
    );
    expect((await concierge().get(`/v1/properties/${propertyId}/recommendations?openDay=sat`)).status).toBe(400);
    expect(
      (await client(service, ['front_desk'], [propertyId]).post(`/v1/properties/${propertyId}/recommendations`, {}))
        .status,
    ).toBe(403);
    expect((await porter().get(`/v1/properties/${propertyId}/recommendations`)).status).toBe(403);
  });

  it('charges a priced booking to the guest once per Idempotency-Key', async () => {
    const body = {
      reservationId,
      description: 'Two tickets for the opera',
      bookedFor: '2027-01-11T19:00:00.000Z',
      partySize: 2,
      price: { amountMinor: 24_000, currency: 'EUR' },
      chargeType: 'local_booking',
    };
    const first = await concierge().post<{ id: string }>(`/v1/properties/${propertyId}/bookings`, body, {
      'idempotency-key': 'opera-1',
    });
    expect(first.status).toBe(201);
    const replay = await concierge().post<{ id: string }>(`/v1/properties/${propertyId}/bookings`, body, {
      'idempotency-key': 'opera-1',
    });
    expect(replay.body.id).toBe(first.body.id);
    const free = await concierge().post<{ id: string; price: unknown }>(`/v1/properties/${propertyId}/bookings`, {
      reservationId,
      description: 'Table at the bistro',
      bookedFor: '2027-01-11T20:00:00.000Z',
      partySize: 2,
    });
    expect(free.body.price).toBeNull();

    const charged = await probe.waitFor(
      (message) => (message.json?.data as { chargeId?: string })?.chargeId === first.body.id,
    );
    expect(validateEvent(charged.json)).toMatchObject({
      type: 'concierge.service-charged',
      data: {
        reservationId,
        amount: { amountMinor: 24_000, currency: 'EUR' },
        chargedBy: 'conc-1',
        chargeType: 'local_booking',
      },
    });
    // A later charge through the same outbox: once it is published, a duplicate of the first would have been too.
    const later = await concierge().post<{ id: string }>(`/v1/properties/${propertyId}/bookings`, {
      ...body,
      description: 'Taxi to the airport',
      chargeType: 'transport',
    });
    await probe.waitFor((message) => (message.json?.data as { chargeId?: string })?.chargeId === later.body.id);
    const charges = probe.messages.filter(
      (message) => (message.json?.data as { chargeId?: string })?.chargeId === first.body.id,
    );
    expect(charges).toHaveLength(1);
    const listed = await concierge().get<Items>(`/v1/properties/${propertyId}/bookings?reservationId=${reservationId}`);
    expect(listed.body.items).toHaveLength(3);

    expect(
      (await concierge().post(`/v1/properties/${propertyId}/bookings`, { ...body, reservationId: randomUUID() }))
        .status,
    ).toBe(404);
    const negative = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/bookings`,
      {
        ...body,
        price: { amountMinor: -1, currency: 'EUR' },
      },
    );
    expect(negative.status).toBe(400);
    expect(negative.body.errors.map((error) => error.field)).toEqual(['price.amountMinor']);
  });

  it('coordinates a group event: tasks with owners, status and timeline', async () => {
    const created = await concierge().post<{ id: string; status: string }>(
      `/v1/properties/${propertyId}/group-events`,
      {
        name: 'Acme kick-off dinner',
        date: '2027-01-11',
        startTime: '19:30',
        venue: 'Salon Opéra',
        headcount: 40,
        reservationIds: [reservationId],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('planned');
    const path = `/v1/properties/${propertyId}/group-events/${created.body.id}`;
    const unknownOwner = await concierge().post<{ field: string }>(`${path}/tasks`, {
      title: 'Badges',
      ownerId: 'ghost',
      dueAt: '2027-01-11T15:00:00.000Z',
    });
    expect(unknownOwner.status).toBe(400);
    expect(unknownOwner.body.field).toBe('ownerId');
    const withTask = await concierge().post<{ tasks: Array<{ id: string; ownerId: string }> }>(`${path}/tasks`, {
      title: 'Badges',
      ownerId: 'conc-1',
      dueAt: '2027-01-11T15:00:00.000Z',
    });
    expect(withTask.status).toBe(201);
    expect((await concierge().post(`${path}/status`, { status: 'completed' })).status).toBe(409);
    expect((await concierge().post(`${path}/status`, { status: 'confirmed' })).status).toBe(200);
    expect((await concierge().post(`${path}/status`, { status: 'in_progress' })).status).toBe(200);
    const blocked = await concierge().post<{ openTasks: string[] }>(`${path}/status`, { status: 'completed' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.openTasks).toEqual(['Badges']);
    expect((await concierge().post(`${path}/tasks/${withTask.body.tasks[0].id}/complete`)).status).toBe(200);
    const done = await concierge().post<{ status: string; timeline: Array<{ entry: string; actor: string }> }>(
      `${path}/status`,
      { status: 'completed' },
    );
    expect(done.body.status).toBe('completed');
    expect(done.body.timeline).toHaveLength(6);
    expect(done.body.timeline.every((line) => line.actor === 'conc-1')).toBe(true);
    const listed = await concierge().get<Items>(
      `/v1/properties/${propertyId}/group-events?from=2027-01-01&to=2027-01-31`,
    );
    expect(listed.body.items.map((item) => item.id)).toEqual([created.body.id]);
    const bad = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/group-events`,
      {
        name: 'x',
        date: '2027-02-30',
        startTime: '7pm',
        venue: 'y',
        headcount: 0,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(['date', 'headcount', 'startTime']);
  });

  it('versions desk procedures, edited by the manager and read by every desk role', async () => {
    const path = `/v1/properties/${propertyId}/procedures/unhappy_guest`;
    const first = await fom().put<{ version: number }>(path, { title: 'Unhappy guest', body: 'Listen. Apologise.' });
    expect(first.body.version).toBe(1);
    const second = await fom().put<{ version: number }>(path, {
      title: 'Unhappy guest',
      body: 'Listen. Apologise. Call the front office manager.',
      changeNote: 'escalation step',
    });
    expect(second.body.version).toBe(2);
    const read = await porter().get<Items<{ code: string; version: number }>>(
      `/v1/properties/${propertyId}/procedures`,
    );
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([expect.objectContaining({ code: 'unhappy_guest', version: 2 })]);
    expect((await concierge().get<{ body: string }>(`${path}?version=1`)).body.body).toBe('Listen. Apologise.');
    expect((await concierge().get<Items>(`${path}/versions`)).body.items).toHaveLength(2);
    expect((await concierge().put(path, { title: 'x', body: 'y' })).status).toBe(403);
    expect(
      (await fom().put(`/v1/properties/${propertyId}/procedures/Bad Code!`, { title: 'x', body: 'y' })).status,
    ).toBe(400);
    expect(
      (await client(service, ['finance'], [propertyId]).get(`/v1/properties/${propertyId}/procedures`)).status,
    ).toBe(403);
  });
});
