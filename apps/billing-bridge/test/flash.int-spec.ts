import { eventually } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import {
  BillingHarness,
  caller,
  checkedIn,
  eur,
  fieldsOf,
  FolioDetail,
  nightAuditCompleted,
  produce,
  roomNightPosted,
  serviceCharged,
  startBilling,
} from './folios-kit';
import { bookedStay } from './journal-kit';

/** The manager's flash report of a business date, from the night audit's figures, the journal and the tills. */
describe('billing-bridge flash report', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('reports rooms, occupancy, ADR, RevPAR, revenue by department, payments by method and till variances', async () => {
    const { stay, propertyId, desk, manager, folio } = await bookedStay(harness, 'FLSH');
    const flash = (date: string) =>
      manager.get<Record<string, unknown>>(`/v1/properties/${propertyId}/reports/flash?businessDate=${date}`);
    await produce(harness.producer, checkedIn(stay), roomNightPosted(stay, '2027-03-10', 12_000));
    await produce(harness.producer, serviceCharged(stay, 6_000));
    await eventually(async () =>
      expect(
        (await desk.get<FolioDetail>(`/v1/properties/${propertyId}/folios/${folio.id}`)).body.postings,
      ).toHaveLength(2),
    );

    // Before the night audit the date is open: revenue so far, no room figures yet.
    const open = await flash('2027-03-10');
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ closed: false, rooms: null, roomRevenue: eur(10_909) });

    const session = await desk.post<{ id: string }>(`/v1/properties/${propertyId}/cashier-sessions`, {
      float: eur(10_000),
    });
    expect(session.status).toBe(201);
    const payments = `/v1/properties/${propertyId}/folios/${folio.id}/payments`;
    expect((await desk.post(payments, { method: 'cash', amount: eur(8_000) }, `pay-${randomUUID()}`)).status).toBe(201);
    expect(
      (
        await desk.post(
          payments,
          { method: 'card', amount: eur(10_000), cardLast4: '1881', processorRef: 'ch_flash' },
          `pay-${randomUUID()}`,
        )
      ).status,
    ).toBe(201);
    // 100.00 float + 80.00 cash = 180.00 expected; 179.50 counted.
    const closed = await desk.post(`/v1/properties/${propertyId}/cashier-sessions/${session.body.id}/close`, {
      countedCash: eur(17_950),
    });
    expect(closed.status).toBe(200);

    await produce(harness.producer, nightAuditCompleted(propertyId, '2027-03-10', '2027-03-11'));
    const report = await eventually(async () => {
      const answer = await flash('2027-03-10');
      expect(answer.body.closed).toBe(true);
      return answer.body;
    });
    expect(report).toMatchObject({
      propertyId,
      businessDate: '2027-03-10',
      // The kit's audit: 40 rooms available, 1 sold. Room revenue is net of VAT: 120.00 at 10 % → 109.09.
      rooms: {
        roomsTotal: 40,
        roomsAvailable: 40,
        roomsSold: 1,
        occupancyPercent: 2.5,
        adr: eur(10_909),
        revpar: eur(273),
        arrivals: 1,
      },
      roomRevenue: eur(10_909),
      revenueByDepartment: [
        {
          department: 'rooms',
          gross: eur(10_909),
          allowances: eur(0),
          net: eur(10_909),
          vat: eur(1_091),
          cityTax: eur(0),
        },
        { department: 'local_booking', net: eur(5_000), vat: eur(1_000) },
      ],
      totalRevenue: eur(15_909),
      paymentsByMethod: [
        { method: 'cash', count: 1, received: eur(8_000), refunded: eur(0), net: eur(8_000) },
        { method: 'card', count: 1, received: eur(10_000), net: eur(10_000) },
      ],
      cashierVariances: [
        {
          sessionId: session.body.id,
          expected: eur(18_000),
          counted: eur(17_950),
          variance: eur(-50),
          autoClosed: false,
        },
      ],
      totalVariance: eur(-50),
    });
  });

  it('answers 400 for a bad date and 403 to the desk or another property', async () => {
    const propertyId = randomUUID();
    const manager = caller(harness.service, ['front_office_manager'], [propertyId]);
    const bad = await manager.get(`/v1/properties/${propertyId}/reports/flash?businessDate=2027-02-30`);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['businessDate']);
    const path = `/v1/properties/${propertyId}/reports/flash?businessDate=2027-03-10`;
    expect((await caller(harness.service, ['front_desk'], [propertyId]).get(path)).status).toBe(403);
    expect((await caller(harness.service, ['finance'], [randomUUID()]).get(path)).status).toBe(403);
    expect((await caller(harness.service, ['finance'], ['*']).get(path)).status).toBe(200);
  });
});
