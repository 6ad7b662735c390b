import { validateEvent } from '@frontoffice/contracts';
import { testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, ReservationsHarness } from './reservations-harness';

/** Guest profiles through HTTP, with the real database and the real broker. */
describe('guest profiles', () => {
  const harness = new ReservationsHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** Status, content type and parsed body, whatever the status. */
  const call = async (method: string, url: string, token?: string, body?: unknown) => {
    const response = await harness.call(method, url, token, body);
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', json };
  };

  interface Hotel {
    propertyId: string;
    roomTypeId: string;
    arrival: string;
    desk: string;
    manager: string;
  }

  /** A property with three doubles; bookings arrive ten days after its business date. */
  async function hotel(): Promise<Hotel> {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(3);
    return {
      propertyId,
      roomTypeId,
      arrival: addDays(businessDate, 10),
      desk: testToken(['front_desk'], [propertyId], 'desk-dan'),
      manager: testToken(['front_office_manager'], [propertyId], 'manager-marie'),
    };
  }

  async function book(h: Hotel, guest: Record<string, unknown>, token = h.desk, offset = 0) {
    const response = await call('POST', `/v1/properties/${h.propertyId}/reservations`, token, {
      guest,
      roomTypeId: h.roomTypeId,
      arrival: addDays(h.arrival, offset),
      departure: addDays(h.arrival, offset + 2),
      adults: 1,
      notes: 'Arrives late, allergic to feathers',
    });
    expect(response.status).toBe(201);
    return response.json as { id: string; totalPrice: unknown; nights: unknown };
  }

  const guests = (h: Hotel) => `/v1/properties/${h.propertyId}/guests`;

  async function guestIdOf(h: Hotel, email: string): Promise<string> {
    const found = await call('GET', `${guests(h)}?q=${encodeURIComponent(email)}`, h.desk);
    expect(found.status).toBe(200);
    expect(found.json.items).toHaveLength(1);
    return found.json.items[0].id;
  }

  const profileEvents = (guestId: string) =>
    harness.probe.messages
      .filter((m) => m.json?.subject === guestId && m.json?.type === 'guest.profile-updated')
      .map((m) => validateEvent(m.json));

  it('finds a returning guest by email (whatever its case) and keeps their stay history', async () => {
    const h = await hotel();
    const email = `camille.${randomUUID().slice(0, 6)}@example.com`;
    const first = await book(h, { firstName: 'Camille', lastName: 'Durand', email, language: 'fr' });
    const second = await book(h, { firstName: 'Camille', lastName: 'Durand', email: email.toUpperCase() }, h.desk, 3);
    const guestId = await guestIdOf(h, email);

    const profile = await call('GET', `${guests(h)}/${guestId}`, h.desk);
    expect(profile.status).toBe(200);
    expect(profile.json).toMatchObject({
      id: guestId,
      scope: 'property',
      propertyId: h.propertyId,
      email,
      language: 'fr',
      vipLevel: 'none',
      erased: false,
    });
    expect(profile.json.stays.map((stay: { reservationId: string }) => stay.reservationId)).toEqual([
      second.id,
      first.id,
    ]);
    expect((await call('GET', `${guests(h)}?q=durand`, h.desk)).json.items.map((g: { id: string }) => g.id)).toEqual([
      guestId,
    ]);
    const created = await harness.probe.waitFor(
      (m) => m.json?.subject === guestId && m.json?.type === 'guest.profile-updated',
    );
    expect(validateEvent(created.json).data).toMatchObject({ guestId, changes: ['created'], erased: false });
    expect(created.json).not.toHaveProperty('data.email');

    // Another property does not see this property's profile.
    const other = await hotel();
    expect((await call('GET', `${guests(other)}/${guestId}`, other.desk)).status).toBe(404);
    expect((await call('GET', `${guests(other)}?q=${email}`, other.desk)).json.items).toEqual([]);
  });

  it('gives concurrent bookings of one new guest a single profile (the unique index decides)', async () => {
    const h = await hotel();
    const email = `race.${randomUUID().slice(0, 6)}@example.com`;
    const stays = await Promise.all(
      [0, 2, 4, 6, 8].map((offset) => book(h, { firstName: 'Rae', lastName: 'Race', email }, h.desk, offset)),
    );
    const found = await call('GET', `${guests(h)}?q=${email}`, h.desk);
    expect(found.json.items).toHaveLength(1);
    const profile = await call('GET', `${guests(h)}/${found.json.items[0].id}`, h.desk);
    expect(profile.json.stays.map((stay: { reservationId: string }) => stay.reservationId).sort()).toEqual(
      stays.map((stay) => stay.id).sort(),
    );
  });

  it('documents the guest and desk routes in OpenAPI', async () => {
    const document = (await (await harness.call('GET', '/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/properties/{propertyId}/guests',
        '/v1/properties/{propertyId}/guests/{guestId}',
        '/v1/properties/{propertyId}/guests/{guestId}/export',
        '/v1/properties/{propertyId}/guests/{guestId}/erase',
        '/v1/properties/{propertyId}/arrivals',
        '/v1/properties/{propertyId}/departures',
        '/v1/properties/{propertyId}/in-house',
        '/v1/properties/{propertyId}/walk-ins',
        '/v1/properties/{propertyId}/reservations/{reservationId}/assign-room',
        '/v1/properties/{propertyId}/reservations/{reservationId}/check-in',
        '/v1/properties/{propertyId}/reservations/{reservationId}/room-move',
        '/v1/properties/{propertyId}/reservations/{reservationId}/check-out',
      ]),
    );
  });

  it('keeps one chain-wide profile for chain-wide staff, visible where the guest stays', async () => {
    const paris = await hotel();
    const lyon = await hotel();
    const chain = testToken(['front_desk'], ['*'], 'chain-desk');
    const email = `chain.${randomUUID().slice(0, 6)}@example.com`;
    await book(paris, { firstName: 'Léa', lastName: 'Martin', email }, chain);
    await book(lyon, { firstName: 'Léa', lastName: 'Martin', email }, chain);
    const inParis = await call('GET', `${guests(paris)}?q=${email}`, paris.desk);
    const inLyon = await call('GET', `${guests(lyon)}?q=${email}`, lyon.desk);
    expect(inParis.json.items).toHaveLength(1);
    expect(inParis.json.items[0]).toMatchObject({ scope: 'chain', propertyId: null });
    expect(inLyon.json.items[0].id).toBe(inParis.json.items[0].id);
    // A property's desk sees only its own stays; chain-wide staff see them all.
    const guestId = inParis.json.items[0].id as string;
    expect((await call('GET', `${guests(paris)}/${guestId}`, paris.desk)).json.stays).toHaveLength(1);
    expect((await call('GET', `${guests(paris)}/${guestId}`, chain)).json.stays).toHaveLength(2);
    const parisExport = await call('GET', `${guests(paris)}/${guestId}/export`, paris.manager);
    expect(parisExport.json.stays).toHaveLength(1);
    // Erasing a shared profile scrubs bookings at every property: chain-wide staff only.
    const refused = await call('POST', `${guests(paris)}/${guestId}/erase`, paris.manager, { reason: 'Request' });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'chain-profile-erasure' });
  });

  it('lets the desk change contact details and language, and only a manager the VIP level, with a reason (audited)', async () => {
    const h = await hotel();
    const email = `vip.${randomUUID().slice(0, 6)}@example.com`;
    await book(h, { firstName: 'Victor', lastName: 'Hugo', email });
    const guestId = await guestIdOf(h, email);
    const url = `${guests(h)}/${guestId}`;

    const language = await call('PATCH', url, h.desk, { language: 'en', preferences: ['quiet room'] });
    expect(language.status).toBe(200);
    expect(language.json).toMatchObject({ language: 'en', preferences: ['quiet room'] });
    await harness.probe.waitFor(
      (m) => m.json?.subject === guestId && (m.json?.data as { changes?: string[] })?.changes?.[0] === 'language',
    );

    const byDesk = await call('PATCH', url, h.desk, { vipLevel: 'vip', reason: 'Writer' });
    expect(byDesk.status).toBe(403);
    expect(byDesk.contentType).toContain('application/problem+json');
    expect(byDesk.json).toMatchObject({ code: 'vip-change-not-allowed' });
    const noReason = await call('PATCH', url, h.manager, { vipLevel: 'vip' });
    expect(noReason.status).toBe(400);
    expect(noReason.json).toMatchObject({ code: 'reason-required' });

    const vip = await call('PATCH', url, h.manager, {
      vipLevel: 'vvip',
      vipNotes: 'Prefers suite 501',
      reason: 'Author',
    });
    expect(vip.status).toBe(200);
    expect(vip.json).toMatchObject({ vipLevel: 'vvip', vipNotes: 'Prefers suite 501' });
    const event = await harness.probe.waitFor(
      (m) => m.json?.subject === guestId && (m.json?.data as { vipLevel?: string })?.vipLevel === 'vvip',
    );
    expect(validateEvent(event.json).data).toMatchObject({ changes: ['vipLevel'], language: 'en', erased: false });
    expect(event.json).not.toHaveProperty('data.vipNotes');

    const exported = await call('GET', `${url}/export`, h.manager);
    expect(exported.status).toBe(200);
    expect(exported.json.audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'vip-changed',
          field: 'vipLevel',
          oldValue: 'none',
          newValue: 'vvip',
          reason: 'Author',
          actor: 'manager-marie',
          at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        }),
        expect.objectContaining({ field: 'vipNotes', oldValue: null, newValue: 'Prefers suite 501' }),
      ]),
    );
    const arrivals = await call('GET', `/v1/properties/${h.propertyId}/arrivals?date=${h.arrival}`, h.desk);
    expect(arrivals.json.items[0]).toMatchObject({ guest: { guestId } });

    // Taken email: 409.
    await book(h, { firstName: 'Other', lastName: 'Guest', email: `other.${email}` });
    const taken = await call('PATCH', url, h.desk, { email: `other.${email}` });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ code: 'guest-email-taken' });
  });

  it('exports everything held about a guest, then erases it without breaking financial records', async () => {
    const h = await hotel();
    const email = `erase.${randomUUID().slice(0, 6)}@example.com`;
    const key = randomUUID();
    const request = {
      guest: { firstName: 'Erika', lastName: 'Mustermann', email, phone: '+4915112345678' },
      roomTypeId: h.roomTypeId,
      arrival: h.arrival,
      departure: addDays(h.arrival, 2),
      adults: 1,
      notes: 'Arrives late, allergic to feathers',
    };
    const bookingUrl = `/v1/properties/${h.propertyId}/reservations`;
    const replay = () => harness.call('POST', bookingUrl, h.desk, request, { 'idempotency-key': key });
    const reservation = (await (await replay()).json()) as { id: string; totalPrice: unknown; nights: unknown };
    const guestId = await guestIdOf(h, email);
    const url = `${guests(h)}/${guestId}`;

    const exported = await call('GET', `${url}/export`, h.manager);
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({
      profile: { id: guestId, email, phone: '+4915112345678' },
      stays: [
        {
          reservationId: reservation.id,
          guestEmail: email,
          notes: 'Arrives late, allergic to feathers',
          totalPrice: reservation.totalPrice,
        },
      ],
    });

    const active = await call('POST', `${url}/erase`, h.manager, { reason: 'Request of 2026-11-20' });
    expect(active.status).toBe(409);
    expect(active.json).toMatchObject({ code: 'guest-has-active-stays' });
    const cancel = await call('POST', `/v1/properties/${h.propertyId}/reservations/${reservation.id}/cancel`, h.desk, {
      reason: 'Guest asked',
    });
    expect(cancel.status).toBe(200);

    const erased = await call('POST', `${url}/erase`, h.manager, { reason: 'Request of 2026-11-20' });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({
      id: guestId,
      firstName: 'Erased',
      lastName: 'Guest',
      email: null,
      phone: null,
      vipNotes: null,
      preferences: [],
      erased: true,
    });
    const booking = await call('GET', `/v1/properties/${h.propertyId}/reservations/${reservation.id}`, h.desk);
    expect(booking.json).toMatchObject({
      id: reservation.id,
      status: 'cancelled',
      guest: { firstName: 'Erased', lastName: 'Guest' },
      notes: null,
      totalPrice: reservation.totalPrice,
      nights: reservation.nights,
    });
    expect(JSON.stringify(booking.json)).not.toMatch(/Erika|Mustermann|erase\.|\+4915/);
    expect(JSON.stringify((await call('GET', `${url}/export`, h.manager)).json)).not.toMatch(
      /Erika|Mustermann|erase\.|\+4915|feathers/,
    );
    const event = await harness.probe.waitFor(
      (m) => m.json?.subject === guestId && (m.json?.data as { erased?: boolean })?.erased === true,
    );
    // The other services scrub by reservation: the event names every one of the guest's bookings.
    expect(validateEvent(event.json).data).toMatchObject({
      firstName: 'Erased',
      changes: ['erased'],
      reservationIds: [reservation.id],
    });
    // The answer says what each service scrubs and what the law keeps.
    expect(erased.json.erasure.reservationIds).toEqual([reservation.id]);
    const plan = Object.fromEntries(
      (erased.json.erasure.services as Array<{ service: string; status: string; keptByLaw: string[] }>).map((entry) => [
        entry.service,
        entry,
      ]),
    );
    expect(Object.keys(plan).sort()).toEqual([
      'billing-bridge',
      'concierge',
      'integrations',
      'reservations',
      'staffing',
    ]);
    expect(plan.reservations.status).toBe('done');
    expect(plan['billing-bridge'].status).toBe('requested');
    expect(plan['billing-bridge'].keptByLaw.join(' ')).toMatch(/invoice.*bill-to/);
    // Events still in the outbox (reservation.created named the guest) are rewritten too.
    const outbox: { envelope: unknown }[] = await harness.service.app
      .get(DataSource)
      .query('SELECT envelope FROM outbox_event WHERE envelope::text LIKE $1', [`%${reservation.id}%`]);
    expect(outbox.length).toBeGreaterThan(0);
    expect(JSON.stringify(outbox)).not.toMatch(/Erika|Mustermann/);

    // The stored answer to the booking request, replayed for its Idempotency-Key, is scrubbed too.
    const replayed = await replay();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const replayedBody = (await replayed.json()) as Record<string, unknown>;
    expect(replayedBody).toMatchObject({ id: reservation.id, guest: { firstName: 'Erased' }, notes: null });
    expect(JSON.stringify(replayedBody)).not.toMatch(/Erika|Mustermann|erase\.|\+4915|feathers/);

    // Erasing again changes nothing and publishes nothing more; the email is free for a new profile.
    expect((await call('POST', `${url}/erase`, h.manager, { reason: 'Again' })).status).toBe(200);
    expect((await call('PATCH', url, h.desk, { firstName: 'Back' })).status).toBe(400);
    await book(h, { firstName: 'Erika', lastName: 'Neu', email });
    expect(await guestIdOf(h, email)).not.toBe(guestId);
    expect(profileEvents(guestId).filter((e) => (e.data as { erased: boolean }).erased)).toHaveLength(1);
  });

  describe('refuses callers and input it must refuse', () => {
    let h: Hotel;
    let guestId: string;
    beforeAll(async () => {
      h = await hotel();
      const email = `refuse.${randomUUID().slice(0, 6)}@example.com`;
      await book(h, { firstName: 'Rita', lastName: 'Refus', email });
      guestId = await guestIdOf(h, email);
    });

    it('403 for another property and for a role the route does not allow', async () => {
      const url = `${guests(h)}/${guestId}`;
      const elsewhere = testToken(['front_office_manager'], [randomUUID()]);
      const cases: [string, string, unknown, string][] = [
        ['GET', guests(h), undefined, testToken(['finance'], [h.propertyId])],
        ['GET', url, undefined, testToken(['porter'], [h.propertyId])],
        ['PATCH', url, { language: 'en' }, testToken(['concierge'], [h.propertyId])],
        ['GET', `${url}/export`, undefined, h.desk],
        ['POST', `${url}/erase`, { reason: 'Request' }, h.desk],
      ];
      for (const [method, path, body, token] of cases) {
        for (const caller of [token, elsewhere]) {
          const response = await call(method, path, caller, body);
          expect({ path, method, status: response.status }).toEqual({ path, method, status: 403 });
          expect(response.contentType).toContain('application/problem+json');
        }
      }
    });

    it('400 problem+json, field by field', async () => {
      const url = `${guests(h)}/${guestId}`;
      const cases: [string, string, unknown, string[]][] = [
        ['GET', `${guests(h)}?limit=0&vipLevel=gold&extra=1`, undefined, ['extra', 'limit', 'vipLevel']],
        [
          'PATCH',
          url,
          { email: 'not-an-email', phone: '0612', vipLevel: 'gold', ssn: 'x' },
          ['email', 'phone', 'ssn', 'vipLevel'],
        ],
        ['POST', `${url}/erase`, { reason: '' }, ['reason']],
      ];
      for (const [method, path, body, fields] of cases) {
        const response = await call(method, path, h.manager, body);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.contentType).toContain('application/problem+json');
        expect((response.json.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(fields);
      }
      expect((await call('GET', `${guests(h)}/not-a-uuid`, h.desk)).status).toBe(400);
      expect((await call('GET', `${guests(h)}/not-a-uuid/export`, h.manager)).status).toBe(400);
      expect((await call('GET', `${guests(h)}?cursor=garbage`, h.desk)).json).toMatchObject({ code: 'bad-cursor' });
      expect((await call('GET', `${guests(h)}/${randomUUID()}`, h.desk)).status).toBe(404);
      // A booking without its guest never reaches a profile: 400, not 500.
      const noGuest = await call('POST', `/v1/properties/${h.propertyId}/reservations`, h.desk, {
        roomTypeId: h.roomTypeId,
        arrival: h.arrival,
        departure: addDays(h.arrival, 1),
        adults: 1,
      });
      expect(noGuest.status).toBe(400);
      expect(noGuest.contentType).toContain('application/problem+json');
    });
  });
});
