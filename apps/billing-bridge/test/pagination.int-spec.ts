import { randomUUID } from 'node:crypto';
import {
  BillingHarness,
  Caller,
  caller,
  eventually,
  fieldsOf,
  knownProperty,
  newStay,
  produce,
  propertyCreated,
  reservationCreated,
  startBilling,
  Stay,
} from './folios-kit';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every row of a list, following `nextCursor` until it is null; checks no page is larger than `limit` and that a
 * full page is the only kind that is followed by another one.
 */
async function walk<T>(api: Caller, path: string, limit: number): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const answer: { status: number; body: Page<T> } = await api.get<Page<T>>(
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(limit);
    if (answer.body.nextCursor) expect(answer.body.items).toHaveLength(limit);
    rows.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { rows, pages };
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

/** Keyset paging of billing's lists, against the real database and broker. */
describe('billing-bridge list paging', () => {
  let harness: BillingHarness;
  const propertyId = randomUUID();
  let manager: Caller;
  let finance: Caller;
  const stays: Stay[] = [];

  beforeAll(async () => {
    harness = await startBilling();
    manager = caller(harness.service, ['front_office_manager'], [propertyId]);
    finance = caller(harness.service, ['finance'], [propertyId]);
    for (let index = 0; index < 7; index += 1) stays.push(newStay(propertyId));
    await produce(
      harness.producer,
      propertyCreated(propertyId, 'PAGE'),
      ...stays.map((stay) => reservationCreated(stay)),
    );
    await knownProperty(manager, propertyId, 'PAGE');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('walks the folios page by page, each once and in opening order, keeping ?reservationId across pages', async () => {
    const folios = `/v1/properties/${propertyId}/folios`;
    await eventually(async () =>
      expect((await manager.get<Page<unknown>>(`${folios}?limit=500`)).body.items).toHaveLength(7),
    );
    const split = stays[3]!;
    for (const label of ['Company', 'Minibar']) {
      const created = await manager.post(folios, { reservationId: split.reservationId, label }, randomUUID());
      expect(created.status).toBe(201);
    }

    const all = await walk<{ id: string; reservationId: string; openedAt: string; window: number }>(manager, folios, 2);
    expect(all.pages).toBe(5);
    expect(new Set(ids(all.rows)).size).toBe(9);
    const unpaged = (await manager.get<Page<{ id: string }>>(`${folios}?limit=500`)).body;
    expect(unpaged.nextCursor).toBeNull();
    expect(ids(all.rows)).toEqual(ids(unpaged.items));
    const order = all.rows.map((row) => `${row.openedAt}|${row.window}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(all.rows.map((row) => row.reservationId))).toEqual(new Set(stays.map((s) => s.reservationId)));

    const one = await walk<{ reservationId: string; window: number }>(
      manager,
      `${folios}?reservationId=${split.reservationId}`,
      1,
    );
    expect(one.rows.map((row) => row.window)).toEqual([1, 2, 3]);
    expect(one.rows.every((row) => row.reservationId === split.reservationId)).toBe(true);
  });

  it('walks the city-ledger accounts by code and the audit trail newest first, filters kept', async () => {
    const accounts = `/v1/properties/${propertyId}/city-ledger-accounts`;
    const codes = ['ZETA', 'ALPHA', 'MIKE', 'BRAVO', 'YANKEE'];
    for (const code of codes) {
      expect((await finance.post(accounts, { code, name: `${code} SA` }, randomUUID())).status).toBe(201);
    }
    const walked = await walk<{ id: string; code: string }>(finance, accounts, 2);
    expect(walked.rows.map((row) => row.code)).toEqual([...codes].sort());
    expect(new Set(ids(walked.rows)).size).toBe(codes.length);

    const audit = await walk<{ action: string; subjectId: string; at: string }>(
      finance,
      `/v1/properties/${propertyId}/billing-audit?action=city-ledger-account.created`,
      2,
    );
    expect(audit.rows).toHaveLength(codes.length);
    expect(audit.rows.every((row) => row.action === 'city-ledger-account.created')).toBe(true);
    expect(new Set(audit.rows.map((row) => row.subjectId))).toEqual(new Set(ids(walked.rows)));
    const times = audit.rows.map((row) => row.at);
    expect(times).toEqual([...times].sort().reverse());

    // The finance view of the same accounts, with balances and aging, pages the same way.
    const aged = await walk<{ accountId: string; code: string; aging: unknown }>(
      finance,
      `/v1/finance/city-ledger?propertyId=${propertyId}`,
      2,
    );
    expect(aged.rows.map((row) => row.code)).toEqual([...codes].sort());
    expect(aged.rows.every((row) => row.aging)).toBe(true);
  });

  it('pages the other lists and answers 400 on `cursor` to a cursor it did not give', async () => {
    const p = `/v1/properties/${propertyId}`;
    const lists = [
      `${p}/folios`,
      `${p}/invoices`,
      `${p}/refunds`,
      `${p}/cashier-sessions`,
      `${p}/billing-audit`,
      `${p}/city-ledger-accounts`,
      `${p}/journal/batches?from=2027-03-01&to=2027-03-31`,
      `/v1/finance/payments?from=2027-03-01&to=2027-03-31`,
      `/v1/finance/refunds?from=2027-03-01&to=2027-03-31`,
      `/v1/finance/folios?propertyId=${propertyId}`,
      `/v1/finance/city-ledger?propertyId=${propertyId}`,
    ];
    const forged = Buffer.from(JSON.stringify(['not', 'a', 'key', 'of', 'ours'])).toString('base64url');
    const wrongTypes = Buffer.from(JSON.stringify(['yesterday', 'me'])).toString('base64url');
    const both = caller(harness.service, ['front_office_manager', 'finance'], [propertyId]);
    for (const list of lists) {
      const separator = list.includes('?') ? '&' : '?';
      const first = await both.get<Page<unknown>>(`${list}${separator}limit=1`);
      expect({ list, status: first.status }).toEqual({ list, status: 200 });
      expect(first.body).toHaveProperty('nextCursor');
      for (const cursor of ['garbage', forged, wrongTypes]) {
        const bad = await both.get(`${list}${separator}cursor=${cursor}`);
        expect({ list, status: bad.status, type: bad.headers.get('content-type') }).toEqual({
          list,
          status: 400,
          type: expect.stringContaining('application/problem+json'),
        });
        expect([bad.body.code, bad.body.field]).toEqual(['bad-cursor', 'cursor']);
      }
      expect(fieldsOf(await both.get(`${list}${separator}limit=0`))).toEqual(['limit']);
    }
  });
});
