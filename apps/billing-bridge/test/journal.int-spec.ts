import { TOPICS } from '@frontoffice/contracts';
import { EventProbe, RunningTestService, testKafka, testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { FinancialFact } from '../src/journal/financial-fact';
import { JournalService } from '../src/journal/journal.service';
import { auditFigures, startJournalService } from './journal-kit';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** The journal against the real database and broker: facts recorded in transactions, dates closed into batches. */
describe('billing-bridge journal', () => {
  const kafka = testKafka('billing-journal-test');
  let service: RunningTestService;
  let probe: EventProbe;
  let journal: JournalService;
  let dataSource: DataSource;

  beforeAll(async () => {
    probe = await new EventProbe(kafka, [TOPICS.billing]).start();
    ({ service, journal, dataSource } = await startJournalService());
  });

  afterAll(async () => {
    await probe?.stop();
    await service?.shutdown();
  });

  const record = (fact: FinancialFact) => dataSource.transaction((manager) => journal.record(manager, fact));
  const close = (propertyId: string, businessDate: string, next: string) =>
    dataSource.transaction((manager) =>
      journal.closeBusinessDate(manager, propertyId, businessDate, auditFigures(businessDate, next)),
    );
  const call = async (path: string, token: string, init: RequestInit = {}) => {
    const response = await fetch(`${service.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: text ? JSON.parse(text) : null,
    };
  };

  it('records each fact once, closes the date into a balanced, numbered batch once, and announces it', async () => {
    const propertyId = randomUUID();
    const folioId = randomUUID();
    const base = { propertyId, currency: 'EUR', folioId, accountHolder: 'Camille Durand' };
    const day = '2026-03-10';
    const charge: FinancialFact = {
      ...base,
      businessDate: day,
      kind: 'charge',
      sourceId: randomUUID(),
      label: 'Room 101, night of 2026-03-10',
      department: 'rooms',
      net: 10_909,
      vat: 1_091,
      cityTax: 400,
    };
    const first = await record(charge);
    const replay = await record(charge);
    expect(first.recorded).toBe(true);
    expect(replay).toMatchObject({ recorded: false, entryId: first.entryId });
    await expect(record({ ...charge, label: 'Reworded', net: 10_000 })).rejects.toMatchObject({
      code: 'journal-fact-mismatch',
    });
    await expect(journal.record(dataSource.manager, charge)).rejects.toThrow(/inside the transaction/);
    await record({
      ...base,
      businessDate: day,
      kind: 'payment',
      sourceId: randomUUID(),
      label: 'Card',
      method: 'card',
      amount: 12_400,
    });
    await record({
      ...base,
      businessDate: day,
      kind: 'payment',
      sourceId: randomUUID(),
      label: 'Cash',
      method: 'cash',
      amount: 1_000,
    });
    await record({
      ...base,
      businessDate: day,
      kind: 'cash_variance',
      sourceId: randomUUID(),
      label: 'Till',
      variance: 0,
      cashierSessionId: randomUUID(),
    });

    const token = testToken(['finance'], [propertyId]);
    const open = await call(`/v1/properties/${propertyId}/journal?businessDate=${day}`, token);
    expect(open.status).toBe(200);
    expect(open.body.lines).toHaveLength(8);
    expect(open.body.totals).toEqual({ debit: eur(25_800), credit: eur(25_800) });
    expect(open.body.batch).toBeNull();
    expect(open.body.lines.every((line: { entryNumber: number | null }) => line.entryNumber === null)).toBe(true);

    const batch = await close(propertyId, day, '2026-03-11');
    expect(batch).toMatchObject({ closedNow: true, debit: 25_800, credit: 25_800, entryCount: 3, lineCount: 8 });
    const again = await close(propertyId, day, '2026-03-11');
    expect(again).toMatchObject({ closedNow: false, batchId: batch.batchId });

    const announced = await probe.waitFor((message) => message.json?.subject === batch.batchId);
    expect(announced.json).toMatchObject({
      type: 'journal.batch-closed',
      propertyId,
      data: { businessDate: day, debit: eur(25_800), credit: eur(25_800), entryCount: 3, lineCount: 8 },
    });

    const closed = await call(`/v1/properties/${propertyId}/journal?businessDate=${day}`, token);
    const numbers = new Map<string, number>();
    for (const line of closed.body.lines as { journalCode: string; entryNumber: number; entryId: string }[]) {
      numbers.set(`${line.journalCode}:${line.entryId}`, line.entryNumber);
    }
    // VT 1 (the charge), BQ 1 (card), CA 1 (cash); the exact till has no line and no number.
    expect([...numbers.entries()].map(([key, value]) => `${key.split(':')[0]}${value}`).sort()).toEqual([
      'BQ1',
      'CA1',
      'VT1',
    ]);
    expect(closed.body.batch).toMatchObject({ batchId: batch.batchId, debit: eur(25_800), entryCount: 3 });

    // The next day continues each journal's numbering; a late fact of a closed date joins the next batch.
    const next = '2026-03-11';
    await record({
      ...base,
      businessDate: next,
      kind: 'charge',
      sourceId: randomUUID(),
      label: 'Minibar',
      department: 'food_beverage',
      net: 1_000,
      vat: 100,
      cityTax: 0,
    });
    await record({
      ...base,
      businessDate: day,
      kind: 'refund',
      sourceId: randomUUID(),
      label: 'Late refund',
      method: 'cash',
      amount: 500,
    });
    const second = await close(propertyId, next, '2026-03-12');
    expect(second).toMatchObject({ closedNow: true, entryCount: 2, debit: 1_600, credit: 1_600 });
    const entries: { journal_code: string; entry_number: number }[] = await dataSource.query(
      'SELECT journal_code, entry_number FROM journal_entry WHERE property_id = $1 AND entry_number IS NOT NULL ORDER BY journal_code, entry_number',
      [propertyId],
    );
    expect(entries.map((entry) => `${entry.journal_code}${entry.entry_number}`)).toEqual([
      'BQ1',
      'CA1',
      'CA2',
      'VT1',
      'VT2',
    ]);
  });

  it('refuses to store an entry that does not balance, whatever code writes it', async () => {
    const propertyId = randomUUID();
    const { entryId } = await record({
      propertyId,
      currency: 'EUR',
      businessDate: '2026-03-10',
      kind: 'payment',
      sourceId: randomUUID(),
      label: 'Cash',
      method: 'cash',
      amount: 100,
    });
    await expect(
      dataSource.transaction((manager) =>
        manager.query(
          `INSERT INTO journal_line (entry_id, line_no, property_id, business_date, account_role, account, account_label,
             debit_minor, credit_minor, currency, label)
           VALUES ($1, 9, $2, '2026-03-10', 'cash', '530', 'Caisse', 1, 0, 'EUR', 'tampered')`,
          [entryId, propertyId],
        ),
      ),
    ).rejects.toThrow(/does not balance/);
  });

  it('lets the manager or finance set the chart and SIREN, field by field validated and audited', async () => {
    const propertyId = randomUUID();
    const manager = testToken(['front_office_manager'], [propertyId], 'fom-1');
    const defaults = await call(`/v1/properties/${propertyId}/journal/settings`, manager);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ siren: null, chart: { accounts: { guest_ledger: { number: '411' } } } });

    const updated = await call(`/v1/properties/${propertyId}/journal/settings`, manager, {
      method: 'PATCH',
      body: JSON.stringify({
        siren: '732829320',
        companyName: 'Hôtel de l’Opéra SAS',
        accounts: { guest_ledger: { number: '41100000', label: 'Clients hôtel' } },
        journals: { sales: { code: 'VE', label: 'Ventes hôtel' } },
      }),
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      siren: '732829320',
      updatedBy: 'fom-1',
      chart: {
        accounts: { guest_ledger: { number: '41100000' }, cash: { number: '530' } },
        journals: { sales: { code: 'VE' } },
      },
    });
    const { entryId, lines } = await record({
      propertyId,
      currency: 'EUR',
      businessDate: '2026-03-10',
      kind: 'payment',
      sourceId: randomUUID(),
      label: 'Cash',
      method: 'cash',
      amount: 100,
      folioId: randomUUID(),
    });
    expect(entryId).toBeDefined();
    expect(lines.map((line) => line.account)).toEqual(['530', '41100000']);
    const audit: { actor: string }[] = await dataSource.query(
      'SELECT actor FROM journal_settings_audit WHERE property_id = $1',
      [propertyId],
    );
    expect(audit).toEqual([{ actor: 'fom-1' }]);

    const invalid = await call(`/v1/properties/${propertyId}/journal/settings`, manager, {
      method: 'PATCH',
      body: JSON.stringify({
        siren: '732829321',
        accounts: { guest_ledger: { number: 'abc', label: '' }, petty_cash: { number: '531', label: 'x' } },
        journals: { sales: { code: 'ventes', label: 'Ventes' } },
      }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.type).toContain('application/problem+json');
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'accounts.guest_ledger.label',
      'accounts.guest_ledger.number',
      'accounts.petty_cash',
      'journals.sales.code',
      'siren',
    ]);
  });

  it('answers 400 field by field for a bad date, 403 to another property or a desk agent', async () => {
    const propertyId = randomUUID();
    const bad = await call(
      `/v1/properties/${propertyId}/journal?businessDate=10/03/2026`,
      testToken(['finance'], ['*']),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['businessDate']);
    const empty = await call(
      `/v1/properties/${propertyId}/journal?businessDate=2026-03-10`,
      testToken(['finance'], ['*']),
    );
    expect(empty.body).toEqual({
      businessDate: '2026-03-10',
      lines: [],
      totals: { debit: eur(0), credit: eur(0) },
      batch: null,
    });
    const missing = await call(`/v1/properties/${propertyId}/journal`, testToken(['finance'], ['*']));
    expect(missing.status).toBe(400);
    expect(
      (
        await call(
          `/v1/properties/${propertyId}/journal?businessDate=2026-03-10`,
          testToken(['finance'], [randomUUID()]),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          `/v1/properties/${propertyId}/journal?businessDate=2026-03-10`,
          testToken(['front_desk'], [propertyId]),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(`/v1/properties/${propertyId}/journal/settings`, testToken(['front_desk'], [propertyId]), {
          method: 'PATCH',
          body: JSON.stringify({ siren: '732829320' }),
        })
      ).status,
    ).toBe(403);
  });
});
