import { eventually, RunningTestService, testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { checkFec } from '../src/exports/fec-checker';
import type { FinancialFact } from '../src/journal/financial-fact';
import { JournalService } from '../src/journal/journal.service';
import { auditFigures, startJournalService } from './journal-kit';

const SIREN = '732829320';

interface Problem {
  errors: { field: string; messages: string[] }[];
}

/** FEC and CSV exports streamed from the real database, the FEC checked by an independent checker. */
describe('billing-bridge exports', () => {
  let service: RunningTestService;
  let journal: JournalService;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ service, journal, dataSource } = await startJournalService());
  });

  afterAll(async () => {
    await service?.shutdown();
  });

  const get = (path: string, token: string, signal?: AbortSignal) =>
    fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` }, signal });
  const setSiren = (propertyId: string) =>
    fetch(`${service.url}/v1/properties/${propertyId}/journal/settings`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${testToken(['finance'], [propertyId])}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ siren: SIREN, companyName: 'Hôtel de l’Opéra SAS' }),
    });

  /** A stay's worth of facts on one business date, in one transaction. */
  async function dayOfFacts(manager: EntityManager, propertyId: string, businessDate: string, label = 'Room 101') {
    const folioId = randomUUID();
    const base = { propertyId, businessDate, currency: 'EUR', folioId, accountHolder: 'Durand, Camille' };
    const facts: FinancialFact[] = [
      {
        ...base,
        kind: 'charge',
        sourceId: randomUUID(),
        label,
        department: 'rooms',
        net: 10_909,
        vat: 1_091,
        cityTax: 400,
      },
      {
        ...base,
        kind: 'charge',
        sourceId: randomUUID(),
        label: 'Taxi | airport',
        department: 'transport',
        net: 4_545,
        vat: 455,
        cityTax: 0,
      },
      {
        ...base,
        kind: 'deposit_received',
        sourceId: randomUUID(),
        label: 'Deposit',
        method: 'bank_transfer',
        amount: 5_000,
      },
      { ...base, kind: 'deposit_applied', sourceId: randomUUID(), label: 'Deposit applied', amount: 5_000 },
      { ...base, kind: 'payment', sourceId: randomUUID(), label: 'Card 4242', method: 'card', amount: 10_000 },
      { ...base, kind: 'refund', sourceId: randomUUID(), label: 'Refund', method: 'card', amount: 600 },
      {
        ...base,
        kind: 'city_ledger_transfer',
        sourceId: randomUUID(),
        label: 'To ACME',
        amount: 2_000,
        cityLedgerAccountId: randomUUID(),
      },
      {
        ...base,
        folioId: undefined,
        kind: 'cash_variance',
        sourceId: randomUUID(),
        label: 'Till short',
        variance: -150,
        cashierSessionId: randomUUID(),
      },
    ];
    for (const fact of facts) await journal.record(manager, fact);
  }

  it('exports the closed days as a FEC that passes the checker, named after the SIREN, numbered without gaps', async () => {
    const propertyId = randomUUID();
    expect((await setSiren(propertyId)).status).toBe(200);
    await dataSource.transaction(async (manager) => {
      await dayOfFacts(manager, propertyId, '2026-03-10');
      await journal.closeBusinessDate(manager, propertyId, '2026-03-10', auditFigures('2026-03-10', '2026-03-11'));
    });
    await dataSource.transaction(async (manager) => {
      await dayOfFacts(manager, propertyId, '2026-03-11', '=HYPERLINK("x")');
      await journal.closeBusinessDate(manager, propertyId, '2026-03-11', auditFigures('2026-03-11', '2026-03-12'));
      // An open day is not in the FEC (its entries are not validated yet) but is in the CSV.
      await dayOfFacts(manager, propertyId, '2026-03-12');
    });

    const finance = testToken(['finance'], [propertyId]);
    const response = await get(`/v1/properties/${propertyId}/exports/fec?from=2026-03-01&to=2026-03-31`, finance);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${SIREN}FEC20260331.txt"`);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const text = await response.text();
    const check = checkFec(text);
    expect(check.problems).toEqual([]);
    // Per day: VT 2 charges; BQ deposit, card payment, refund; OD deposit applied and transfer; CA the till.
    expect(Object.fromEntries(check.entries)).toEqual({
      BQ: [1, 2, 3, 4, 5, 6],
      CA: [1, 2],
      OD: [1, 2, 3, 4],
      VT: [1, 2, 3, 4],
    });
    expect(check.lineCount).toBe(1 + 2 * 19);
    expect(text).toContain('|Taxi airport|');

    // A period starting later carries on the numbering of the journals, still without gaps.
    const secondDay = checkFec(
      await (await get(`/v1/properties/${propertyId}/exports/fec?from=2026-03-11&to=2026-03-11`, finance)).text(),
    );
    expect(secondDay.problems).toEqual([]);
    expect(secondDay.entries.get('VT')).toEqual([3, 4]);

    const csv = await get(`/v1/properties/${propertyId}/exports/journal.csv?from=2026-03-10&to=2026-03-12`, finance);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'businessDate,journalCode,entryNumber,kind,sourceId,folioId,account,accountLabel,auxAccount,auxLabel,label,debit,credit,currency,batchId',
    );
    expect(rows).toHaveLength(1 + 3 * 19);
    expect(rows.find((row) => row.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows.filter((row) => row.startsWith('2026-03-12')).every((row) => row.endsWith(',EUR,'))).toBe(true);
    expect(rows[1]).toMatch(/^2026-03-10,VT,1,charge,.*,411,.*,"Durand, Camille",Room 101,124\.00,0\.00,EUR,/);
  });

  it('streams a large period through a cursor and the file still passes the checker', async () => {
    const propertyId = randomUUID();
    await setSiren(propertyId);
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < 300; index += 1) {
        await journal.record(manager, {
          propertyId,
          businessDate: '2026-04-01',
          currency: 'EUR',
          kind: 'charge',
          sourceId: randomUUID(),
          label: `Night ${index}`,
          folioId: randomUUID(),
          department: 'rooms',
          net: 10_000 + index,
          vat: 1_000,
          cityTax: 250,
        });
      }
      await journal.closeBusinessDate(manager, propertyId, '2026-04-01', auditFigures('2026-04-01', '2026-04-02'));
    });
    const text = await (
      await get(`/v1/properties/${propertyId}/exports/fec?from=2026-04-01&to=2026-04-30`, testToken(['finance'], ['*']))
    ).text();
    const check = checkFec(text);
    expect(check.problems).toEqual([]);
    expect(check.lineCount).toBe(1 + 300 * 4);
    expect(check.entries.get('VT')).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
  });

  it('stops the export and frees its connection when the client goes away mid-file', async () => {
    const propertyId = randomUUID();
    await setSiren(propertyId);
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < 600; index += 1) {
        await journal.record(manager, {
          propertyId,
          businessDate: '2026-05-01',
          currency: 'EUR',
          kind: 'charge',
          sourceId: randomUUID(),
          label: `Night ${index}`,
          folioId: randomUUID(),
          department: 'rooms',
          net: 10_000 + index,
          vat: 1_000,
          cityTax: 250,
        });
      }
      await journal.closeBusinessDate(manager, propertyId, '2026-05-01', auditFigures('2026-05-01', '2026-05-02'));
    });
    const exportConnections = async () =>
      Number(
        (
          await dataSource.query(
            `SELECT count(*) AS count FROM pg_stat_activity
              WHERE datname = current_database() AND application_name LIKE '%-export'`,
          )
        )[0].count,
      );
    const client = new AbortController();
    const response = await get(
      `/v1/properties/${propertyId}/exports/fec?from=2026-05-01&to=2026-05-31`,
      testToken(['finance'], ['*']),
      client.signal,
    );
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeGreaterThan(0);
    client.abort();
    await eventually(async () => expect(await exportConnections()).toBe(0));
    // The service is still there for the next export.
    const again = await get(
      `/v1/properties/${propertyId}/exports/fec?from=2026-05-01&to=2026-05-31`,
      testToken(['finance'], ['*']),
    );
    expect(checkFec(await again.text()).lineCount).toBe(1 + 600 * 4);
  });

  it('refuses a FEC without a SIREN (409), bad periods field by field (400), and anyone but finance (403)', async () => {
    const propertyId = randomUUID();
    const finance = testToken(['finance'], [propertyId]);
    const noSiren = await get(`/v1/properties/${propertyId}/exports/fec?from=2026-03-01&to=2026-03-31`, finance);
    expect(noSiren.status).toBe(409);
    expect(noSiren.headers.get('content-type')).toContain('application/problem+json');
    expect(await noSiren.json()).toMatchObject({ code: 'siren-missing' });

    const reversed = await get(`/v1/properties/${propertyId}/exports/fec?from=2026-03-31&to=2026-03-01`, finance);
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as Problem).errors).toEqual([
      { field: 'to', messages: ['to must not be before from'] },
    ]);
    const malformed = await get(`/v1/properties/${propertyId}/exports/journal.csv?from=2026-3-1`, finance);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problem).errors.map((error) => error.field).sort()).toEqual(['from', 'to']);

    const period = 'from=2026-03-01&to=2026-03-31';
    expect(
      (
        await get(
          `/v1/properties/${propertyId}/exports/fec?${period}`,
          testToken(['front_office_manager'], [propertyId]),
        )
      ).status,
    ).toBe(403);
    expect(
      (await get(`/v1/properties/${propertyId}/exports/fec?${period}`, testToken(['finance'], [randomUUID()]))).status,
    ).toBe(403);
    expect(
      (await get(`/v1/properties/${propertyId}/exports/journal.csv?${period}`, testToken(['front_desk'], [propertyId])))
        .status,
    ).toBe(403);
  });
});
