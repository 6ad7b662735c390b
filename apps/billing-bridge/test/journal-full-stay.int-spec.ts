import { validateEvent } from '@frontoffice/contracts';
import { eventually, testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { checkFec } from '../src/exports/fec-checker';
import {
  BillingHarness,
  checkedIn,
  checkedOut,
  eur,
  FolioDetail,
  nightAuditCompleted,
  produce,
  roomNightPosted,
  serviceCharged,
  startBilling,
} from './folios-kit';
import { bookedStay } from './journal-kit';

interface JournalLine {
  entryNumber: number | null;
  journalCode: string;
  kind: string;
  accountRole: string;
  auxAccount?: string;
  debit: { amountMinor: number };
  credit: { amountMinor: number };
}

interface Journal {
  lines: JournalLine[];
  totals: { debit: { amountMinor: number }; credit: { amountMinor: number } };
  batch: { batchId: string; debit: { amountMinor: number }; credit: { amountMinor: number } } | null;
}

/**
 * Acceptance 2: a whole stay through the real broker and the HTTP routes — booking, night audits posting room and
 * tax, a concierge charge, a card payment, check-out, settlement with an invoice — then each business date's journal
 * batch balances and the FEC of the stay passes the independent checker.
 */
describe('billing-bridge journal of a full stay', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('balances every business date of the stay and exports a valid FEC', async () => {
    const { stay, propertyId, desk, manager, finance, folio } = await bookedStay(harness, 'STAY');
    const journalOf = (date: string) =>
      finance.get<Journal>(`/v1/properties/${propertyId}/journal?businessDate=${date}`);
    const folioPath = (folioId: string) => `/v1/properties/${propertyId}/folios/${folioId}`;
    expect((await finance.patch(`/v1/properties/${propertyId}/journal/settings`, { siren: '732829320' })).status).toBe(
      200,
    );
    await eventually(async () =>
      expect(
        (await manager.put(`/v1/properties/${propertyId}/tax-settings`, { cityTaxPerPersonPerNight: eur(250) })).status,
      ).toBe(200),
    );

    // Night 1: check-in, the room night with VAT and city tax, a concierge charge, then the night audit.
    await produce(harness.producer, checkedIn(stay), roomNightPosted(stay, '2027-03-10', 12_000));
    await produce(harness.producer, serviceCharged(stay, 6_000));
    await eventually(async () => {
      const detail = await desk.get<FolioDetail>(folioPath(folio.id));
      expect(detail.body.postings.map((posting) => posting.source).sort()).toEqual(['concierge', 'night_audit']);
    });
    await produce(harness.producer, nightAuditCompleted(propertyId, '2027-03-10', '2027-03-11'));
    const night1 = await eventually(async () => {
      const journal = await journalOf('2027-03-10');
      expect(journal.body.batch).not.toBeNull();
      return journal.body;
    });

    // Night 2.
    await produce(harness.producer, roomNightPosted(stay, '2027-03-11', 12_000));
    await eventually(async () =>
      expect((await desk.get<FolioDetail>(folioPath(folio.id))).body.postings).toHaveLength(3),
    );
    await produce(harness.producer, nightAuditCompleted(propertyId, '2027-03-11', '2027-03-12'));
    const night2 = await eventually(async () => {
      const journal = await journalOf('2027-03-11');
      expect(journal.body.batch).not.toBeNull();
      return journal.body;
    });

    // Departure day: the guest pays the balance by card, checks out, the folio is settled with an invoice.
    const owed = (await desk.get<FolioDetail>(folioPath(folio.id))).body.balance.amountMinor;
    // 2 nights × (120.00 + 2 adults × 2.50 city tax) + 60.00 concierge.
    expect(owed).toBe(2 * (12_000 + 500) + 6_000);
    const payment = await desk.post(
      `${folioPath(folio.id)}/payments`,
      { method: 'card', amount: eur(owed), cardLast4: '4242', processorRef: 'ch_fullstay' },
      `pay-${randomUUID()}`,
    );
    expect(payment.status).toBe(201);
    await produce(harness.producer, checkedOut(stay));
    const invoice = await eventually(async () => {
      const settled = await desk.post<{ invoiceNumber: string; total: { amountMinor: number } }>(
        `${folioPath(folio.id)}/settle`,
        {},
        `settle-${randomUUID()}`,
      );
      expect(settled.status).toBe(201);
      return settled.body;
    });
    expect(invoice.total.amountMinor).toBe(owed);
    await produce(harness.producer, nightAuditCompleted(propertyId, '2027-03-12', '2027-03-13'));
    const departure = await eventually(async () => {
      const journal = await journalOf('2027-03-12');
      expect(journal.body.batch).not.toBeNull();
      return journal.body;
    });

    // Every batch balances, every line is numbered, and the guest ledger of the folio ends at zero.
    let guestLedger = 0;
    for (const journal of [night1, night2, departure]) {
      expect(journal.totals.debit.amountMinor).toBe(journal.totals.credit.amountMinor);
      expect(journal.batch!.debit).toEqual(journal.totals.debit);
      expect(journal.batch!.credit).toEqual(journal.totals.credit);
      expect(journal.lines.every((line) => line.entryNumber !== null)).toBe(true);
      for (const line of journal.lines) {
        if (line.accountRole === 'guest_ledger' && line.auxAccount === folio.id) {
          guestLedger += line.debit.amountMinor - line.credit.amountMinor;
        }
      }
    }
    expect(guestLedger).toBe(0);
    expect(night1.totals.debit.amountMinor).toBe(12_500 + 6_000);
    expect(night1.lines.map((line) => line.accountRole).sort()).toEqual(
      [
        'guest_ledger',
        'revenue_rooms',
        'vat_payable',
        'city_tax_payable',
        'guest_ledger',
        'revenue_local_booking',
        'vat_payable',
      ].sort(),
    );
    expect(departure.lines.map((line) => `${line.kind}:${line.accountRole}`).sort()).toEqual([
      'payment:card_clearing',
      'payment:guest_ledger',
    ]);

    await eventually(() => {
      const batches = harness.probe.messages
        .filter((message) => message.json?.type === 'journal.batch-closed' && message.json?.propertyId === propertyId)
        .map((message) => validateEvent(message.json));
      expect(batches).toHaveLength(3);
    });

    const fec = await fetch(
      `${harness.service.url}/v1/properties/${propertyId}/exports/fec?from=2027-03-10&to=2027-03-12`,
      { headers: { authorization: `Bearer ${testToken(['finance'], [propertyId])}` } },
    );
    expect(fec.status).toBe(200);
    expect(fec.headers.get('content-disposition')).toBe('attachment; filename="732829320FEC20270312.txt"');
    const check = checkFec(await fec.text());
    expect(check.problems).toEqual([]);
    expect(check.lineCount).toBe(1 + night1.lines.length + night2.lines.length + departure.lines.length);
    expect(Object.fromEntries(check.entries)).toEqual({ VT: [1, 2, 3], BQ: [1] });

    const dayOne = await fetch(
      `${harness.service.url}/v1/properties/${propertyId}/exports/fec?from=2027-03-10&to=2027-03-10`,
      { headers: { authorization: `Bearer ${testToken(['finance'], [propertyId])}` } },
    );
    expect(checkFec(await dayOne.text()).problems).toEqual([]);
  });
});
