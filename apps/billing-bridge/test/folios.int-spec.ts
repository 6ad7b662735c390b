import { createEvent, EventEnvelope, ReservationCreatedV1, TOPICS, validateEvent } from '@frontoffice/contracts';
import { testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import {
  BillingHarness,
  caller,
  eur,
  fieldsOf,
  FolioDetail,
  FolioSummary,
  newStay,
  produce,
  reservationCreated as stayReservation,
  roomNightPosted,
  serviceCharged,
  Stay,
  startBilling,
  eventually,
} from './folios-kit';

function reservationCreated(propertyId: string): EventEnvelope<ReservationCreatedV1> {
  const reservationId = randomUUID();
  return createEvent('reservation.created', {
    propertyId,
    subject: reservationId,
    data: {
      reservationId,
      confirmationNumber: 'ABCD2345',
      status: 'confirmed',
      guest: { firstName: 'Jean', lastName: 'Valjean', language: 'fr', vipLevel: 'none' },
      roomTypeId: randomUUID(),
      arrival: '2027-01-10',
      departure: '2027-01-11',
      adults: 1,
      children: 0,
      totalPrice: { amountMinor: 9_900, currency: 'EUR' },
      nights: [{ date: '2027-01-10', price: { amountMinor: 9_900, currency: 'EUR' } }],
    },
  });
}

/** Folios opened and posted to from events read off the real broker, stored in the real database. */
describe('billing-bridge folios', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const folios = async (propertyId: string, reservationId: string, token = testToken(['front_desk'], [propertyId])) => {
    const response = await fetch(
      `${harness.service.url}/v1/properties/${propertyId}/folios?reservationId=${reservationId}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    return { status: response.status, body: (await response.json()) as { items: Array<Record<string, unknown>> } };
  };

  /** Books a stay through the broker and waits for its guest folio. */
  async function bookedStay(): Promise<{ stay: Stay; folioId: string }> {
    const stay = newStay();
    await produce(harness.producer, stayReservation(stay));
    const { body } = await eventually(async () => {
      const result = await folios(stay.propertyId, stay.reservationId);
      expect(result.body.items).toHaveLength(1);
      return result;
    });
    return { stay, folioId: String(body.items[0].id) };
  }

  it('opens one folio per reservation, even when the event is delivered twice, and announces it', async () => {
    const event = reservationCreated(randomUUID());
    const message = {
      key: event.propertyId,
      value: JSON.stringify(event),
      headers: { id: event.id, type: event.type },
    };
    await harness.producer.send({ topic: TOPICS.reservations, messages: [message] });
    await harness.producer.send({ topic: TOPICS.reservations, messages: [message] });

    const { body } = await eventually(async () => {
      const result = await folios(event.propertyId, event.data.reservationId);
      expect(result.body.items).toHaveLength(1);
      return result;
    });
    expect(body.items[0]).toMatchObject({
      reservationId: event.data.reservationId,
      status: 'open',
      guestName: 'Jean Valjean',
      balance: { amountMinor: 0, currency: 'EUR' },
    });
    const announced = await harness.waitFor(
      (candidate) =>
        (candidate.json?.data as { reservationId?: string } | undefined)?.reservationId === event.data.reservationId,
    );
    const folioOpened = validateEvent(announced.json);
    expect(folioOpened).toMatchObject({
      type: 'folio.opened',
      source: 'billing-bridge',
      causationId: event.id,
      correlationId: event.correlationId,
    });

    // A second delivery could only have shown up by now if it were applied: the marker on the same key is later.
    const marker = reservationCreated(event.propertyId);
    await harness.producer.send({
      topic: TOPICS.reservations,
      messages: [{ key: marker.propertyId, value: JSON.stringify(marker) }],
    });
    await eventually(async () =>
      expect((await folios(marker.propertyId, marker.data.reservationId)).body.items).toHaveLength(1),
    );
    expect((await folios(event.propertyId, event.data.reservationId)).body.items).toHaveLength(1);

    const detail = await fetch(`${harness.service.url}/v1/properties/${event.propertyId}/folios/${body.items[0].id}`, {
      headers: { authorization: `Bearer ${testToken(['finance'], ['*'])}` },
    });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: body.items[0].id, postings: [], payments: [] });
  });

  it("never shows a property's folios to another property's token, nor to a porter", async () => {
    const propertyId = randomUUID();
    expect((await folios(propertyId, randomUUID(), testToken(['front_desk'], [randomUUID()]))).status).toBe(403);
    expect((await folios(propertyId, randomUUID(), testToken(['porter'], [propertyId]))).status).toBe(403);
    const invalid = await folios(propertyId, 'not-a-uuid');
    expect(invalid.status).toBe(400);
  });

  it('posts a room night once: the same event delivered twice, and another event for the same reservation and date', async () => {
    const { stay, folioId } = await bookedStay();
    const manager = caller(harness.service, ['front_office_manager'], [stay.propertyId]);
    // City tax 2.60 per adult per night; rooms stay at the French default of 10 %.
    expect(
      (await manager.put(`/v1/properties/${stay.propertyId}/tax-settings`, { cityTaxPerPersonPerNight: eur(260) }))
        .status,
    ).toBe(200);

    const night = roomNightPosted(stay, '2027-03-10');
    const sameNightAgain = roomNightPosted(stay, '2027-03-10'); // another event id, same reservation and date
    expect(sameNightAgain.id).not.toBe(night.id);
    await produce(harness.producer, night, night, sameNightAgain, roomNightPosted(stay, '2027-03-11'));

    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);
    const detail = await eventually(async () => {
      const answer = await desk.get<FolioDetail>(`/v1/properties/${stay.propertyId}/folios/${folioId}`);
      expect(answer.body.postings.map((posting) => posting.businessDate)).toEqual(['2027-03-10', '2027-03-11']);
      return answer.body;
    });
    expect(detail.postings[0]).toMatchObject({
      kind: 'charge',
      chargeType: 'room',
      source: 'night_audit',
      amount: eur(12_520),
      net: eur(10_909),
      vat: eur(1_091),
      cityTax: eur(520),
      vatRateBasisPoints: 1000,
    });
    expect(detail.balance).toEqual(eur(25_040));
    const posted = await eventually(() => {
      const seen = harness.probe.messages.filter(
        (message) => message.json?.type === 'folio.charge-posted' && message.json?.subject === folioId,
      );
      expect(seen).toHaveLength(2);
      return seen;
    });
    expect(validateEvent(posted[0].json).data).toMatchObject({ folioId, kind: 'charge', amount: eur(12_520) });
  });

  it("posts a night audit's room nights for many stays at once, each once, on its own folio", async () => {
    const propertyId = randomUUID();
    const stays = Array.from({ length: 25 }, () => newStay(propertyId));
    for (const stay of stays) await produce(harness.producer, stayReservation(stay));
    await eventually(async () => {
      for (const stay of stays) expect((await folios(propertyId, stay.reservationId)).body.items).toHaveLength(1);
    });
    // The whole audit in one request, one night delivered twice: the consumer gets them as one batch.
    const nights = stays.map((stay) => roomNightPosted(stay, '2027-03-10', 10_000));
    await harness.producer.send({
      topic: TOPICS.reservations,
      messages: [...nights, nights[3]].map((night) => ({
        key: propertyId,
        value: JSON.stringify(night),
        headers: { id: night.id, type: night.type },
      })),
    });

    const desk = caller(harness.service, ['front_desk'], [propertyId]);
    await eventually(async () => {
      for (const stay of stays) {
        const [folio] = (await folios(propertyId, stay.reservationId)).body.items;
        const answer = await desk.get<FolioDetail>(`/v1/properties/${propertyId}/folios/${String(folio.id)}`);
        expect(answer.body.postings.map((posting) => [posting.source, posting.businessDate])).toEqual([
          ['night_audit', '2027-03-10'],
        ]);
        expect(answer.body.balance.amountMinor).toBe(answer.body.postings[0].amount.amountMinor);
      }
    });
  });

  it('posts a concierge charge once per chargeId, desk charges once per Idempotency-Key, allowances by managers only', async () => {
    const { stay, folioId } = await bookedStay();
    const chargeId = randomUUID();
    await produce(harness.producer, serviceCharged(stay, 8_000, chargeId), serviceCharged(stay, 8_000, chargeId));
    const base = `/v1/properties/${stay.propertyId}/folios/${folioId}`;
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);

    const charge = {
      chargeType: 'food_beverage',
      amount: eur(1_100),
      description: 'Room service',
      reasonCode: 'late_order',
    };
    const first = await desk.post(`${base}/charges`, charge, 'charge-1');
    const replay = await desk.post(`${base}/charges`, charge, 'charge-1');
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ net: eur(1_000), vat: eur(100), source: 'desk', reasonCode: 'late_order' });

    const bad = await desk.post(`${base}/charges`, {
      chargeType: 'spa',
      amount: { amountMinor: 12.5, currency: 'eu' },
      description: '',
      cardNumber: '4242424242424242',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(bad)).toEqual(['amount.amountMinor', 'amount.currency', 'cardNumber', 'chargeType', 'description']);
    expect((await caller(harness.service, ['porter'], [stay.propertyId]).post(`${base}/charges`, charge)).status).toBe(
      403,
    );
    expect((await caller(harness.service, ['front_desk'], [randomUUID()]).post(`${base}/charges`, charge)).status).toBe(
      403,
    );

    const detail = await eventually(async () => {
      const answer = await desk.get<FolioDetail>(base);
      expect(answer.body.postings.filter((posting) => posting.source === 'concierge')).toHaveLength(1);
      return answer.body;
    });
    expect(detail.postings).toHaveLength(2);
    const conciergePosting = detail.postings.find((posting) => posting.source === 'concierge')!;
    expect(conciergePosting).toMatchObject({ chargeType: 'local_booking', net: eur(6_667), vat: eur(1_333) });

    const correction = { correctsPostingId: conciergePosting.id, reason: 'Tickets cancelled by the theatre' };
    expect((await desk.post(`${base}/allowances`, correction)).status).toBe(403);
    const manager = caller(harness.service, ['front_office_manager'], [stay.propertyId]);
    const missingReason = await manager.post(`${base}/allowances`, { chargeType: 'room', amount: eur(500) });
    expect(missingReason.status).toBe(400);
    expect(fieldsOf(missingReason)).toEqual(['reason']);
    const corrected = await manager.post(`${base}/allowances`, correction);
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({
      kind: 'allowance',
      amount: eur(-8_000),
      net: eur(-6_667),
      vat: eur(-1_333),
    });
    expect((await manager.post(`${base}/allowances`, correction)).status).toBe(409);
    const goodwill = await manager.post(`${base}/allowances`, {
      chargeType: 'room',
      amount: eur(500),
      reason: 'Noisy room',
      reasonCode: 'goodwill',
    });
    expect(goodwill.body).toMatchObject({ amount: eur(-500), net: eur(-455), vat: eur(-45) });
    expect((await desk.get<FolioDetail>(base)).body.balance).toEqual(eur(1_100 + 8_000 - 8_000 - 500));
  });

  it('routes charge types to a further folio: the company pays the room, the guest the extras', async () => {
    const { stay, folioId } = await bookedStay();
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);
    const invalid = await desk.post(`/v1/properties/${stay.propertyId}/folios`, {
      reservationId: 'x',
      chargeTypes: ['room', 'spa'],
    });
    expect(fieldsOf(invalid)).toEqual(['chargeTypes', 'reservationId']);
    const company = await desk.post<FolioSummary>(`/v1/properties/${stay.propertyId}/folios`, {
      reservationId: stay.reservationId,
      label: 'Company: room and tax',
      chargeTypes: ['room'],
    });
    expect(company.status).toBe(201);
    await produce(harness.producer, roomNightPosted(stay, '2027-03-10', 10_000), serviceCharged(stay, 3_000));
    await eventually(async () => {
      const list = await folios(stay.propertyId, stay.reservationId);
      const balances = Object.fromEntries(
        list.body.items.map((item) => [item.id as string, (item.balance as { amountMinor: number }).amountMinor]),
      );
      expect(balances).toEqual({ [folioId]: 3_000, [company.body.id]: 10_000 });
    });
  });

  it('keeps tax settings per property: French defaults, manager-only changes, field-level 400s', async () => {
    const propertyId = randomUUID();
    const desk = caller(harness.service, ['front_desk'], [propertyId]);
    const defaults = await desk.get(`/v1/properties/${propertyId}/tax-settings`);
    expect(defaults.body).toMatchObject({
      vatRates: { room: 1000, food_beverage: 1000, other: 2000 },
      cityTaxPerPersonPerNight: eur(0),
      configured: false,
    });
    expect((await desk.put(`/v1/properties/${propertyId}/tax-settings`, { vatRates: { room: 550 } })).status).toBe(403);
    const manager = caller(harness.service, ['front_office_manager'], [propertyId]);
    const bad = await manager.put(`/v1/properties/${propertyId}/tax-settings`, {
      vatRates: { room: 10_001, other: 'x' },
      cityTaxPerPersonPerNight: { amountMinor: -1, currency: 'EUR' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['cityTaxPerPersonPerNight.amountMinor', 'vatRates.other', 'vatRates.room']);
    const changed = await manager.put(`/v1/properties/${propertyId}/tax-settings`, { vatRates: { amenity: 550 } });
    expect(changed.body).toMatchObject({ vatRates: { room: 1000, amenity: 550 }, configured: true });
  });

  it('turns a compensation granted on a complaint into one allowance, however often it is delivered', async () => {
    const { stay, folioId } = await bookedStay();
    const compensationId = randomUUID();
    const granted = (id = compensationId) =>
      createEvent('concierge.compensation-granted', {
        propertyId: stay.propertyId,
        subject: id,
        data: {
          compensationId: id,
          complaintId: randomUUID(),
          reservationId: stay.reservationId,
          kind: 'allowance',
          amount: eur(3_000),
          description: 'Air conditioning broken for a night',
          approvedBy: 'fom-1',
          approvedAt: new Date().toISOString(),
        },
      });
    await produce(harness.producer, granted(), granted(), granted(randomUUID()));
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);
    const detail = await eventually(async () => {
      const answer = await desk.get<FolioDetail>(`/v1/properties/${stay.propertyId}/folios/${folioId}`);
      expect(answer.body.postings).toHaveLength(2);
      return answer.body;
    });
    expect(detail.postings.every((posting) => posting.source === 'compensation')).toBe(true);
    expect(detail.postings[0]).toMatchObject({
      kind: 'allowance',
      amount: eur(-3_000),
      net: eur(-2_727),
      vat: eur(-273),
    });
    expect(detail.balance).toEqual(eur(-6_000));
  });

  it('answers 403 on every folio-side route to another property and to a wrong role, 400 on malformed ids', async () => {
    const propertyId = randomUUID();
    const id = randomUUID();
    const p = `/v1/properties/${propertyId}`;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `${p}/folios`],
      ['POST', `${p}/folios`, { reservationId: id }],
      ['GET', `${p}/folios/${id}`],
      ['POST', `${p}/folios/${id}/charges`, { chargeType: 'other', amount: eur(1), description: 'x' }],
      ['POST', `${p}/folios/${id}/allowances`, { chargeType: 'other', amount: eur(1), reason: 'xyz' }],
      ['POST', `${p}/folios/${id}/payments`, { method: 'bank_transfer', amount: eur(1) }],
      ['POST', `${p}/folios/${id}/deposits`, { method: 'bank_transfer', amount: eur(1) }],
      ['POST', `${p}/folios/${id}/settle`, {}],
      ['GET', `${p}/payments/${id}`],
      ['POST', `${p}/payments/${id}/refunds`, { amount: eur(1), reason: 'xyz' }],
      ['GET', `${p}/refunds`],
      ['GET', `${p}/refunds/${id}`],
      ['POST', `${p}/refunds/${id}/approve`],
      ['POST', `${p}/refunds/${id}/reject`, { reason: 'xyz' }],
      ['POST', `${p}/cashier-sessions`, { float: eur(0) }],
      ['GET', `${p}/cashier-sessions`],
      ['GET', `${p}/cashier-sessions/${id}`],
      ['POST', `${p}/cashier-sessions/${id}/close`, { countedCash: eur(0) }],
      ['POST', `${p}/cashier-sessions/${id}/sign-off`, {}],
      ['GET', `${p}/invoices`],
      ['GET', `${p}/invoices/${id}`],
      ['POST', `${p}/invoices/${id}/credit-notes`, { reason: 'xyz' }],
      ['GET', `${p}/city-ledger-accounts`],
      ['POST', `${p}/city-ledger-accounts`, { code: 'X', name: 'X' }],
      ['GET', `${p}/city-ledger-accounts/${id}`],
      ['PATCH', `${p}/city-ledger-accounts/${id}`, { name: 'Y' }],
      ['GET', `${p}/tax-settings`],
      ['PUT', `${p}/tax-settings`, {}],
      ['GET', `${p}/billing-settings`],
      ['PATCH', `${p}/billing-settings`, {}],
      ['GET', `${p}/billing-audit`],
    ];
    const call = async (token: string, method: string, path: string, body?: unknown) =>
      (
        await fetch(`${harness.service.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).status;
    const otherProperty = testToken(['front_office_manager', 'front_desk', 'finance'], [randomUUID()]);
    const porter = testToken(['porter'], [propertyId]);
    for (const [method, path, body] of routes) {
      expect([method, path, await call(otherProperty, method, path, body)]).toEqual([method, path, 403]);
      expect([method, path, await call(porter, method, path, body)]).toEqual([method, path, 403]);
    }
    const manager = testToken(['front_office_manager'], [propertyId]);
    for (const [method, path, body] of routes.filter(([, path]) => path.includes(id))) {
      const malformed = path.replace(id, 'not-a-uuid');
      expect([method, malformed, await call(manager, method, malformed, body)]).toEqual([method, malformed, 400]);
    }
  });
});
