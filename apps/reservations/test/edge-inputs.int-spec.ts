import { performance } from 'node:perf_hooks';
import { booking, ReservationsHarness } from './reservations-harness';

/** Issue 11, findings 1 and 2 in reservations: ranges and values a client can send that used to stall or 500. */
describe('reservations refuses abusive ranges and values at once', () => {
  const harness = new ReservationsHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  async function refused(method: string, path: string, token: string, body?: unknown): Promise<{ field?: string }> {
    const started = performance.now();
    const response = await harness.call(method, path, token, body);
    const elapsed = performance.now() - started;
    const problem = (await response.json()) as { status: number; field?: string; errors?: { field: string }[] };
    expect({ path, status: response.status }).toEqual({ path, status: 400 });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    // Generous for a crowded CI machine; the stall this guards against took 5.5 s.
    expect(elapsed).toBeLessThan(2000);
    return { field: problem.field ?? problem.errors?.[0]?.field };
  }

  it('refuses a year 1000 to 9999 availability query without building it (finding 1)', async () => {
    const { propertyId } = await harness.hotel(1);
    const desk = harness.token(['front_desk'], propertyId);
    const base = `/v1/properties/${propertyId}/availability`;
    expect((await refused('GET', `${base}?from=1000-01-01&to=9999-12-31`, desk)).field).toBe('from');
    expect((await refused('GET', `${base}?from=1900-01-01&to=2199-12-31`, desk)).field).toBe('to');
  });

  it('refuses stays and overrides spanning centuries, and a walk-in leaving before it arrives (findings 1, 2)', async () => {
    const { propertyId, roomTypeId, businessDate } = await harness.hotel(2);
    const desk = harness.token(['front_desk'], propertyId);
    const manager = harness.token(['front_office_manager'], propertyId);
    const base = `/v1/properties/${propertyId}`;
    expect(
      (await refused('POST', `${base}/reservations`, desk, booking(roomTypeId, businessDate, '9999-12-31'))).field,
    ).toBe('departure');
    expect(
      (await refused('POST', `${base}/reservations`, desk, booking(roomTypeId, businessDate, '2199-12-31'))).field,
    ).toBe('departure');
    expect(
      (await refused('POST', `${base}/walk-ins`, desk, booking(roomTypeId, businessDate, '2000-01-01'))).field,
    ).toBe('departure');
    expect(
      (await refused('POST', `${base}/walk-ins`, desk, booking(roomTypeId, businessDate, '2199-12-31'))).field,
    ).toBe('departure');
    const override = {
      roomTypeId,
      from: '1900-01-01',
      to: '2199-12-31',
      nightly: { amountMinor: 100, currency: 'EUR' },
    };
    expect(
      (
        await refused('POST', `${base}/rate-plans`, manager, {
          code: 'CENTURY',
          name: 'Century',
          prices: [{ roomTypeId, nightly: { amountMinor: 100, currency: 'EUR' } }],
          overrides: [override],
        })
      ).field,
    ).toBe('overrides[0].to');
  });

  it('refuses a negative or oversized base rate at validation, not at the database (finding 2)', async () => {
    const { propertyId } = await harness.hotel(0);
    const manager = harness.token(['front_office_manager'], propertyId);
    for (const amountMinor of [-1, 9007199254740991, 100_000_000_001]) {
      const problem = await refused('POST', `/v1/properties/${propertyId}/room-types`, manager, {
        code: `N${String(amountMinor).length}`,
        name: 'Negative',
        maxOccupancy: 2,
        baseRate: { amountMinor, currency: 'EUR' },
      });
      expect(problem.field).toBe('baseRate.amountMinor');
    }
  });

  it('refuses dates outside 1900–2199 on the lists and the night audit (finding 2)', async () => {
    const { propertyId } = await harness.hotel(0);
    const manager = harness.token(['front_office_manager'], propertyId);
    const base = `/v1/properties/${propertyId}`;
    for (const path of [
      `${base}/in-house?date=0000-01-01`,
      `${base}/arrivals?date=9999-12-31`,
      `${base}/night-audit/0000-01-01`,
      `${base}/night-audit/9999-12-31`,
    ]) {
      await refused('GET', path, manager);
    }
  });
});
