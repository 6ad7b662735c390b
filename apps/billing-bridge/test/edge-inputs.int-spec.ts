import { BillingHarness, caller, eur, fieldsOf, startBilling } from './folios-kit';
import { bookedStay } from './journal-kit';

/** Issue 11, findings 2 and 6 in billing: money near 2^53, impossible dates and card numbers in free text. */
describe('billing-bridge refuses abusive amounts, dates and card numbers', () => {
  let harness: BillingHarness;
  beforeAll(async () => {
    harness = await startBilling();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('refuses charges beyond the business cap, so balances stay exact integers (finding 2)', async () => {
    const { propertyId, desk, folio } = await bookedStay(harness, 'EDGE1');
    const charges = `/v1/properties/${propertyId}/folios/${folio.id}/charges`;
    for (const amountMinor of [9007199254740991, 100_000_000_001]) {
      const refused = await desk.post(charges, { chargeType: 'other', amount: eur(amountMinor), description: 'Huge' });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toEqual(['amount.amountMinor']);
    }
    const atCap = await desk.post(charges, { chargeType: 'other', amount: eur(100_000_000_000), description: 'Cap' });
    expect(atCap.status).toBe(201);
    const again = await desk.post(charges, { chargeType: 'other', amount: eur(100_000_000_000), description: 'Cap' });
    expect(again.status).toBe(201);
    const detail = await desk.get<{ balance: { amountMinor: number } }>(
      `/v1/properties/${propertyId}/folios/${folio.id}`,
    );
    expect(detail.status).toBe(200);
    expect(Number.isSafeInteger(detail.body.balance.amountMinor)).toBe(true);
    expect(detail.body.balance.amountMinor).toBeGreaterThanOrEqual(200_000_000_000);
  });

  it('refuses a card number in a charge description, naming the field (finding 6)', async () => {
    const { propertyId, desk, folio } = await bookedStay(harness, 'EDGE2');
    const charges = `/v1/properties/${propertyId}/folios/${folio.id}/charges`;
    for (const description of ['card 4111 1111 1111 1111', '4111.1111.1111.1111', '4111111111111111 1228']) {
      const refused = await desk.post(charges, { chargeType: 'other', amount: eur(500), description });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toEqual(['description']);
    }
  });

  it('refuses year-0000 and year-9999 dates on the finance API and the flash report (finding 2)', async () => {
    const finance = caller(harness.service, ['finance'], ['*']);
    for (const path of [
      '/v1/finance/payments?from=0000-01-01&to=2027-01-31',
      '/v1/finance/refunds?from=2027-01-01&to=9999-12-31',
      `/v1/properties/5b2d1f0a-7e3c-4b8a-8c11-3d9e6f7a8b02/reports/flash?businessDate=0000-01-01`,
    ]) {
      const refused = await finance.get(path);
      expect({ path, status: refused.status }).toEqual({ path, status: 400 });
    }
  });
});
