import { randomUUID } from 'node:crypto';
import { BillingHarness, caller, eur, fieldsOf, startBilling } from './folios-kit';
import { bookedStay } from './journal-kit';

interface Item {
  id: string;
  propertyId: string;
}

interface Page<T = Item> {
  items: T[];
  nextCursor: string | null;
}

const PERIOD = 'from=2027-03-01&to=2027-03-31';

/** The finance API reads what the desk recorded (HTTP, real database, folios opened from the real broker). */
describe('billing-bridge finance API', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** A property where the desk took card, bank, cash and city-ledger money and gave some back. */
  async function propertyWithMoney(code: string) {
    const { propertyId, desk, manager, finance, folio } = await bookedStay(harness, code);
    const account = await finance.post<{ id: string }>(`/v1/properties/${propertyId}/city-ledger-accounts`, {
      code: `ACME-${code}`,
      name: 'ACME SA',
    });
    expect(account.status).toBe(201);
    // 220.00 refunded in all: above the default approval threshold, which counts every refund of the folio.
    const threshold = await manager.patch(`/v1/properties/${propertyId}/billing-settings`, {
      refundApprovalThreshold: eur(50_000),
    });
    expect(threshold.status).toBe(200);
    expect((await desk.post(`/v1/properties/${propertyId}/cashier-sessions`, { float: eur(10_000) })).status).toBe(201);
    const payments = `/v1/properties/${propertyId}/folios/${folio.id}/payments`;
    const paid: string[] = [];
    for (const body of [
      { method: 'card', amount: eur(30_000), cardLast4: '4242', processorRef: `ch_${code}` },
      { method: 'bank_transfer', amount: eur(20_000) },
      { method: 'cash', amount: eur(5_000) },
      { method: 'city_ledger', amount: eur(7_000), cityLedgerAccountId: account.body.id },
    ]) {
      const answer = await desk.post<{ id: string }>(payments, body, `pay-${randomUUID()}`);
      expect(answer.status).toBe(201);
      paid.push(answer.body.id);
    }
    const refunded: string[] = [];
    for (const [paymentId, amount] of [
      [paid[0], 2_000],
      [paid[2], 1_000],
      [paid[1], 19_000],
    ] as const) {
      const answer = await desk.post<{ id: string }>(
        `/v1/properties/${propertyId}/payments/${paymentId}/refunds`,
        { amount: eur(amount), reason: 'Guest complaint' },
        `refund-${randomUUID()}`,
      );
      expect(answer.status).toBe(201);
      refunded.push(answer.body.id);
    }
    return { propertyId, folio, paid, refunded, accountId: account.body.id };
  }

  async function allPages<T extends Item>(get: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await get(cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it("returns every payment and refund of the token's properties and none of another property's", async () => {
    const a = await propertyWithMoney('FNA');
    const b = await propertyWithMoney('FNB');
    const financeA = caller(harness.service, ['finance'], [a.propertyId]);

    const payments = await financeA.get<Page>(`/v1/finance/payments?${PERIOD}`);
    expect(payments.status).toBe(200);
    expect(payments.body.items.map((item) => item.id).sort()).toEqual([...a.paid].sort());
    expect(payments.body.items.every((item) => item.propertyId === a.propertyId)).toBe(true);
    expect(payments.body.items.find((item) => item.id === a.paid[0])).toMatchObject({
      method: 'card',
      kind: 'payment',
      cardLast4: '4242',
      amount: eur(30_000),
      refunded: eur(2_000),
      businessDate: '2027-03-10',
    });
    const refunds = await financeA.get<Page<Item & { status: string }>>(`/v1/finance/refunds?${PERIOD}`);
    expect(refunds.body.items.map((item) => item.id).sort()).toEqual([...a.refunded].sort());
    expect(refunds.body.items.every((item) => item.propertyId === a.propertyId && item.status === 'issued')).toBe(true);

    // Paging with one item per page returns the same set, in order, without repeats.
    const paged = await allPages(
      async (cursor) =>
        (await financeA.get<Page>(`/v1/finance/payments?${PERIOD}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body,
    );
    expect(paged.map((item) => item.id)).toEqual(payments.body.items.map((item) => item.id));

    // Filters: by method, and by property for chain-wide staff.
    const cards = await financeA.get<Page>(`/v1/finance/payments?${PERIOD}&method=card`);
    expect(cards.body.items.map((item) => item.id)).toEqual([a.paid[0]]);
    const chain = caller(harness.service, ['finance'], ['*']);
    const onlyB = await chain.get<Page>(`/v1/finance/payments?${PERIOD}&propertyId=${b.propertyId}`);
    expect(onlyB.body.items.map((item) => item.id).sort()).toEqual([...b.paid].sort());
    const both = await allPages(
      async (cursor) =>
        (await chain.get<Page>(`/v1/finance/payments?${PERIOD}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).body,
    );
    const ids = new Set(both.map((item) => item.id));
    expect([...a.paid, ...b.paid].every((id) => ids.has(id))).toBe(true);

    // Another property's data through the filter is refused, not silently emptied.
    const forbidden = await financeA.get(`/v1/finance/refunds?${PERIOD}&propertyId=${b.propertyId}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');

    // Folio balances and the city ledger of the token's properties only.
    const folios = await financeA.get<Page<{ folioId: string; propertyId: string; balance: { amountMinor: number } }>>(
      '/v1/finance/folios?nonZero=true',
    );
    // 620.00 paid, 220.00 refunded, nothing charged yet: the folio is 400.00 in credit.
    expect(folios.body.items).toEqual([
      expect.objectContaining({ folioId: a.folio.id, propertyId: a.propertyId, balance: eur(-40_000) }),
    ]);
    const ledger =
      await financeA.get<Page<{ accountId: string; balance: unknown; aging: unknown }>>('/v1/finance/city-ledger');
    expect(ledger.body.items).toEqual([
      expect.objectContaining({
        accountId: a.accountId,
        balance: eur(7_000),
        aging: { current: eur(7_000), days31to60: eur(0), days61to90: eur(0), over90: eur(0) },
      }),
    ]);
    const aged = await financeA.get<Page<{ aging: Record<string, unknown> }>>(
      '/v1/finance/city-ledger?asOf=2027-05-01',
    );
    expect(aged.body.items[0].aging).toMatchObject({ current: eur(0), days31to60: eur(7_000) });
  });

  it('answers 400 field by field and 403 to anyone but finance', async () => {
    const propertyId = randomUUID();
    const finance = caller(harness.service, ['finance'], [propertyId]);
    const bad = await finance.get('/v1/finance/payments?from=2027-03-31&to=2027-03-01&method=cheque&limit=0&cursor=x');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['limit', 'method', 'to']);
    // A cursor is checked once the query is valid: not one this API gave is a 400 on `cursor`, never an empty page.
    for (const cursor of ['x', randomUUID(), Buffer.from('["2027-03-01"]').toString('base64url')]) {
      const forged = await finance.get(`/v1/finance/payments?${PERIOD}&cursor=${cursor}`);
      expect([forged.status, forged.body.code, forged.body.field]).toEqual([400, 'bad-cursor', 'cursor']);
    }
    const missing = await finance.get('/v1/finance/refunds?status=lost&propertyId=nope');
    expect(fieldsOf(missing)).toEqual(['from', 'propertyId', 'status', 'to']);
    expect(fieldsOf(await finance.get('/v1/finance/city-ledger?asOf=tomorrow'))).toEqual(['asOf']);
    for (const role of ['front_desk', 'front_office_manager', 'concierge'] as const) {
      expect((await caller(harness.service, [role], [propertyId]).get(`/v1/finance/payments?${PERIOD}`)).status).toBe(
        403,
      );
    }
  });
});
