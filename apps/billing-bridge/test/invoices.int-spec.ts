import { validateEvent } from '@frontoffice/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BillingHarness,
  caller,
  checkedIn,
  checkedOut,
  eur,
  fieldsOf,
  FolioDetail,
  FolioSummary,
  newStay,
  nightAuditCompleted,
  produce,
  propertyCreated,
  reservationCreated,
  roomNightPosted,
  serviceCharged,
  startBilling,
  guestFolio,
  knownProperty,
  eventually,
  event,
} from './folios-kit';

interface Invoice {
  id: string;
  kind: string;
  invoiceNumber: string;
  sequenceNumber: number;
  total: { amountMinor: number };
  billTo: string;
  lines: unknown[];
  vatBreakdown: unknown[];
}

interface JournalView {
  lines: unknown[];
  totals: { debit: { amountMinor: number }; credit: { amountMinor: number } };
}

/** A whole stay driven by contract-valid events on the real broker, settled and invoiced over HTTP. */
describe('billing-bridge full stay, settlement and invoices', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('books, takes a deposit, posts two nights and a concierge charge, takes a card payment, checks out, settles and invoices', async () => {
    const stay = newStay(randomUUID(), '2027-03-10', '2027-03-12');
    const { propertyId } = stay;
    await produce(harness.producer, propertyCreated(propertyId, 'TOUR', '2027-03-10'), reservationCreated(stay));
    const desk = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
    const manager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
    const finance = caller(harness.service, ['finance'], [propertyId]);
    const folio = await guestFolio(desk, stay);
    const folioPath = `/v1/properties/${propertyId}/folios/${folio.id}`;
    await knownProperty(desk, propertyId, 'TOUR');
    await manager.put(`/v1/properties/${propertyId}/tax-settings`, { cityTaxPerPersonPerNight: eur(260) });

    // An advance deposit is a liability until check-in: the folio balance does not move.
    const deposit = await desk.post(
      `${folioPath}/deposits`,
      { method: 'card', amount: eur(5_000), cardLast4: '1881', processorRef: 'pi_deposit_1' },
      `deposit-${randomUUID()}`,
    );
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({ deposit: true, depositStatus: 'held' });
    expect((await desk.get<FolioDetail>(folioPath)).body.balance).toEqual(eur(0));

    await produce(
      harness.producer,
      checkedIn(stay),
      roomNightPosted(stay, '2027-03-10'),
      nightAuditCompleted(propertyId, '2027-03-10', '2027-03-11'),
      roomNightPosted(stay, '2027-03-11'),
    );
    await eventually(async () =>
      expect((await desk.get(`/v1/properties/${propertyId}/billing-settings`)).body.businessDate).toBe('2027-03-11'),
    );
    await produce(harness.producer, serviceCharged(stay, 8_000));

    // Two nights of 120.00 + 2 × 2.60 city tax, 80.00 of concierge booking, minus the 50.00 deposit applied.
    const owed = await eventually(async () => {
      const detail = (await desk.get<FolioDetail>(folioPath)).body;
      expect(detail.postings).toHaveLength(3);
      expect(detail.balance).toEqual(eur(2 * 12_520 + 8_000 - 5_000));
      return detail.balance.amountMinor;
    });

    // Not settleable while something is owed and no company takes it.
    const early = await desk.post(`${folioPath}/settle`, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'folio-not-settleable' });

    const payment = await desk.post(
      `${folioPath}/payments`,
      { method: 'card', amount: eur(owed), cardLast4: '4242', processorRef: 'ch_full_stay' },
      `pay-${randomUUID()}`,
    );
    expect(payment.status).toBe(201);

    await produce(harness.producer, checkedOut(stay));
    await eventually(async () => expect((await desk.get<FolioDetail>(folioPath)).body.status).toBe('due'));

    expect(fieldsOf(await desk.post(`${folioPath}/settle`, { cityLedgerAccountId: 'acme' }))).toEqual([
      'cityLedgerAccountId',
    ]);
    const settleKey = `settle-${randomUUID()}`;
    const settled = await desk.post<Invoice>(`${folioPath}/settle`, {}, settleKey);
    expect(settled.status).toBe(201);
    expect(settled.body).toMatchObject({
      kind: 'invoice',
      invoiceNumber: 'TOUR-000001',
      sequenceNumber: 1,
      billTo: 'Camille Durand',
      total: eur(33_040),
      net: eur(21_818 + 6_667),
      vat: eur(2_182 + 1_333),
      cityTax: eur(1_040),
      vatBreakdown: [
        { rateBasisPoints: 1000, net: eur(21_818), vat: eur(2_182) },
        { rateBasisPoints: 2000, net: eur(6_667), vat: eur(1_333) },
      ],
    });
    expect(settled.body.lines).toHaveLength(3);
    expect((await desk.post<Invoice>(`${folioPath}/settle`, {}, settleKey)).body.id).toBe(settled.body.id);
    expect((await desk.post(`${folioPath}/settle`, {})).status).toBe(409);
    expect((await desk.get<FolioDetail>(folioPath)).body).toMatchObject({ status: 'settled', balance: eur(0) });

    const issued = await harness.waitFor(
      (message) => message.json?.type === 'invoice.issued' && message.json?.subject === settled.body.id,
    );
    expect(validateEvent(issued.json).data).toMatchObject({ invoiceNumber: 'TOUR-000001', total: eur(33_040) });

    // A late charge never reopens an invoiced folio: it goes to a new folio of the stay, due at once.
    await produce(harness.producer, serviceCharged(stay, 1_500));
    const late = await eventually(async () => {
      const list = await desk.get<{ items: Array<FolioSummary & { label?: string }> }>(
        `/v1/properties/${propertyId}/folios?reservationId=${stay.reservationId}`,
      );
      expect(list.body.items).toHaveLength(2);
      return list.body.items[1];
    });
    expect(late).toMatchObject({ label: 'Late charges', status: 'due', balance: eur(1_500) });
    await harness.waitFor((message) => message.json?.type === 'folio.opened' && message.json?.subject === late.id);

    // The day closes into a balanced journal batch that holds the payment, the concierge charge and the night.
    await produce(harness.producer, nightAuditCompleted(propertyId, '2027-03-11', '2027-03-12'));
    const journal = await eventually(async () => {
      const answer = await finance.get<JournalView>(`/v1/properties/${propertyId}/journal?businessDate=2027-03-11`);
      expect(answer.status).toBe(200);
      const batches = await finance.get<{ items: unknown[] }>(
        `/v1/properties/${propertyId}/journal/batches?from=2027-03-10&to=2027-03-11`,
      );
      expect(batches.body.items).toHaveLength(2);
      return answer.body;
    });
    expect(journal.lines.length).toBeGreaterThan(0);
    expect(journal.totals.debit).toEqual(journal.totals.credit);
  });

  it('transfers to a company account, numbers invoices without gaps, credits instead of changing an invoice', async () => {
    const stay = newStay();
    const { propertyId } = stay;
    await produce(harness.producer, propertyCreated(propertyId, 'CITY'), reservationCreated(stay));
    const desk = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
    const manager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
    const guest = await guestFolio(desk, stay);
    await knownProperty(desk, propertyId, 'CITY');

    const accounts = `/v1/properties/${propertyId}/city-ledger-accounts`;
    expect((await desk.post(accounts, { code: 'ACME', name: 'ACME' })).status).toBe(403);
    expect(fieldsOf(await manager.post(accounts, { code: 'acme corp', name: '', vatNumber: '12' }))).toEqual([
      'code',
      'name',
      'vatNumber',
    ]);
    const account = await manager.post<{ id: string }>(accounts, {
      code: 'ACME',
      name: 'ACME Corporation',
      vatNumber: 'FR40303265045',
      creditLimit: eur(100_000),
    });
    expect(account.status).toBe(201);
    expect((await manager.post(accounts, { code: 'ACME', name: 'Again' })).status).toBe(409);

    const company = await desk.post<FolioSummary>(`/v1/properties/${propertyId}/folios`, {
      reservationId: stay.reservationId,
      label: 'ACME: room',
      cityLedgerAccountId: account.body.id,
      chargeTypes: ['room'],
    });
    await produce(harness.producer, roomNightPosted(stay, '2027-03-10', 15_000), serviceCharged(stay, 2_500));
    await eventually(async () => {
      const list = await desk.get<{ items: FolioSummary[] }>(
        `/v1/properties/${propertyId}/folios?reservationId=${stay.reservationId}`,
      );
      expect(list.body.items.map((item) => item.balance.amountMinor)).toEqual([2_500, 15_000]);
    });

    // The company folio settles by transfer to its account; the guest pays the extras.
    const companyInvoice = await desk.post<Invoice>(
      `/v1/properties/${propertyId}/folios/${company.body.id}/settle`,
      {},
    );
    expect(companyInvoice.status).toBe(201);
    expect(companyInvoice.body).toMatchObject({ sequenceNumber: 1, billTo: 'ACME Corporation', total: eur(15_000) });
    expect((await desk.get(`${accounts}/${account.body.id}`)).body).toMatchObject({ balance: eur(15_000) });

    const guestPath = `/v1/properties/${propertyId}/folios/${guest.id}`;
    const overLimit = await desk.post(`${guestPath}/payments`, {
      method: 'city_ledger',
      amount: eur(90_000),
      cityLedgerAccountId: account.body.id,
    });
    expect(overLimit.status).toBe(409);
    expect(overLimit.body).toMatchObject({ code: 'credit-limit-exceeded' });
    await desk.post(`${guestPath}/payments`, {
      method: 'bank_transfer',
      amount: eur(2_500),
    });
    const guestInvoice = await desk.post<Invoice>(`${guestPath}/settle`, {});
    expect(guestInvoice.body).toMatchObject({ sequenceNumber: 2, invoiceNumber: 'CITY-000002', total: eur(2_500) });

    // Invoices never change: the database refuses; a credit note corrects instead, with the next number.
    const dataSource = harness.service.app.get(DataSource);
    await expect(
      dataSource.query('UPDATE invoice SET total_minor = 0 WHERE id = $1', [guestInvoice.body.id]),
    ).rejects.toThrow(/immutable/);
    expect(
      (
        await desk.post(`/v1/properties/${propertyId}/invoices/${guestInvoice.body.id}/credit-notes`, {
          reason: 'x y z',
        })
      ).status,
    ).toBe(403);
    const credit = await manager.post<Invoice>(
      `/v1/properties/${propertyId}/invoices/${guestInvoice.body.id}/credit-notes`,
      { reason: 'Issued to the wrong guest name' },
    );
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ kind: 'credit_note', sequenceNumber: 3, total: eur(-2_500) });
    expect(
      (
        await manager.post(`/v1/properties/${propertyId}/invoices/${guestInvoice.body.id}/credit-notes`, {
          reason: 'Twice',
        })
      ).status,
    ).toBe(409);
    expect((await desk.get<FolioDetail>(guestPath)).body.status).toBe('open');
    const reissued = await desk.post<Invoice>(`${guestPath}/settle`, {});
    expect(reissued.body.sequenceNumber).toBe(4);
    const numbers = await desk.get<{ items: Invoice[] }>(`/v1/properties/${propertyId}/invoices`);
    expect(numbers.body.items.map((invoice) => invoice.sequenceNumber)).toEqual([4, 3, 2, 1]);
  });

  it('closes the untouched folio of a cancelled booking and leaves one holding a deposit due for the desk', async () => {
    const propertyId = randomUUID();
    const untouched = newStay(propertyId, '2027-06-10', '2027-06-12');
    const withDeposit = newStay(propertyId, '2027-06-10', '2027-06-12');
    await produce(
      harness.producer,
      propertyCreated(propertyId, 'CANX', '2027-06-01'),
      reservationCreated(untouched),
      reservationCreated(withDeposit),
    );
    const desk = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
    await knownProperty(desk, propertyId, 'CANX');
    const plain = await guestFolio(desk, untouched);
    const held = await guestFolio(desk, withDeposit);
    const deposit = await desk.post(
      `/v1/properties/${propertyId}/folios/${held.id}/deposits`,
      { method: 'card', amount: eur(8_000), cardLast4: '4242', processorRef: 'pi_canx_1' },
      `deposit-${randomUUID()}`,
    );
    expect(deposit.status).toBe(201);

    const cancelled = (stay: typeof untouched) =>
      event('reservation.cancelled', propertyId, stay.reservationId, {
        reservationId: stay.reservationId,
        confirmationNumber: 'CNF-' + stay.reservationId.slice(0, 6).toUpperCase(),
        roomTypeId: randomUUID(),
        arrival: stay.arrival,
        departure: stay.departure,
        reason: 'Plans changed',
        cancelledAt: new Date().toISOString(),
      });
    const noShow = event('reservation.no-show', propertyId, withDeposit.reservationId, {
      reservationId: withDeposit.reservationId,
      confirmationNumber: 'CNF-' + withDeposit.reservationId.slice(0, 6).toUpperCase(),
      roomTypeId: randomUUID(),
      arrival: withDeposit.arrival,
      departure: withDeposit.departure,
      businessDate: withDeposit.arrival,
    });
    await produce(harness.producer, cancelled(untouched), noShow);

    await eventually(async () => {
      expect((await desk.get<FolioDetail>(`/v1/properties/${propertyId}/folios/${plain.id}`)).body.status).toBe(
        'closed',
      );
      expect((await desk.get<FolioDetail>(`/v1/properties/${propertyId}/folios/${held.id}`)).body.status).toBe('due');
    });
  });

  it('hands out invoice numbers without gaps under concurrent settlements', async () => {
    const propertyId = randomUUID();
    const stays = Array.from({ length: 5 }, () => newStay(propertyId));
    await produce(
      harness.producer,
      propertyCreated(propertyId, 'SEQ'),
      ...stays.map((stay) => reservationCreated(stay)),
    );
    const desk = caller(harness.service, ['front_desk'], [propertyId]);
    const folios = await eventually(async () => {
      const list = await desk.get<{ items: FolioSummary[] }>(`/v1/properties/${propertyId}/folios`);
      expect(list.body.items).toHaveLength(5);
      return list.body.items;
    });
    const answers = await Promise.all(
      folios.map((folio) => desk.post<Invoice>(`/v1/properties/${propertyId}/folios/${folio.id}/settle`, {})),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.map((answer) => answer.body.sequenceNumber).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
