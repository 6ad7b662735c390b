import type { AvailabilityChangedV1, EventEnvelope } from '@frontoffice/contracts';
import { eventually } from '@frontoffice/platform/testing';
import { booking, ReservationsHarness } from './reservations-harness';

/** `inventory.availability-changed`: one event per room type per change, as it stands after the change. */
describe('availability feed', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const changes = (propertyId: string) =>
    harness
      .events(propertyId)
      .filter(
        (event): event is EventEnvelope<AvailabilityChangedV1> => event.type === 'inventory.availability-changed',
      );

  /** Waits for the property's availability events until there are `count` of them, and returns them. */
  const waitForChanges = (propertyId: string, count: number) =>
    eventually(
      () => {
        const seen = changes(propertyId);
        if (seen.length < count) throw new Error(`${seen.length} of ${count} availability events so far`);
        return seen;
      },
      // Generous: under a loaded CI machine the relay and the probe can lag by seconds.
      { timeoutMs: 30_000 },
    );

  it('follows rooms, bookings, modifications, out-of-order rooms, group blocks and rates, one event per change', async () => {
    const { propertyId, roomTypeId, businessDate } = await harness.hotel(3);
    const manager = harness.token(['front_office_manager'], propertyId);
    const path = `/v1/properties/${propertyId}`;

    // Adding rooms opens every night from the business date to the horizon.
    let seen = await waitForChanges(propertyId, 1);
    expect(seen[0].data).toMatchObject({ roomTypeId, roomTypeCode: 'DBL', from: businessDate, causes: ['rooms'] });
    expect(seen[0].data.nights).toHaveLength(365);
    expect(seen[0].data.nights[0]).toEqual({
      date: businessDate,
      available: 3,
      rooms: 3,
      outOfOrder: 0,
      sold: 0,
      blocked: 0,
    });

    // A booking: its nights only, counted after it.
    const created = await harness.json<{ id: string }>(
      201,
      'POST',
      `${path}/reservations`,
      manager,
      booking(roomTypeId, '2027-03-27', '2027-03-30'),
    );
    seen = await waitForChanges(propertyId, 2);
    expect(seen[1].data).toMatchObject({ from: '2027-03-27', to: '2027-03-30', causes: ['inventory'] });
    expect(seen[1].data.nights.map((night) => [night.date, night.available, night.sold])).toEqual([
      ['2027-03-27', 2, 1],
      ['2027-03-28', 2, 1],
      ['2027-03-29', 2, 1],
    ]);

    // A modification that moves the stay: one event covering the nights released and the nights taken.
    await harness.json(200, 'PATCH', `${path}/reservations/${created.id}`, manager, {
      arrival: '2027-03-29',
      departure: '2027-04-01',
    });
    seen = await waitForChanges(propertyId, 3);
    expect(seen[2].data).toMatchObject({ from: '2027-03-27', to: '2027-04-01', causes: ['inventory'] });
    expect(seen[2].data.nights.map((night) => night.available)).toEqual([3, 3, 2, 2, 2]);

    // A room out of order for two nights.
    const rooms = await harness.json<{ items: { id: string }[] }>(200, 'GET', `${path}/rooms`, manager);
    await harness.json(200, 'PATCH', `${path}/rooms/${rooms.items[0].id}/status`, manager, {
      status: 'out_of_order',
      reason: 'Water leak',
      from: '2027-04-10',
      to: '2027-04-11',
    });
    seen = await waitForChanges(propertyId, 4);
    expect(seen[3].data).toMatchObject({ from: '2027-04-10', to: '2027-04-12', causes: ['rooms'] });
    expect(seen[3].data.nights.map((night) => [night.available, night.outOfOrder])).toEqual([
      [2, 1],
      [2, 1],
    ]);

    // A group block holds rooms.
    await harness.json(201, 'POST', `${path}/group-blocks`, manager, {
      code: 'CONGRESS',
      name: 'Congress',
      roomTypeId,
      cutoffDate: '2027-04-20',
      nights: [{ date: '2027-05-01', rooms: 2 }],
    });
    seen = await waitForChanges(propertyId, 5);
    expect(seen[4].data).toMatchObject({ from: '2027-05-01', to: '2027-05-02', causes: ['inventory'] });
    expect(seen[4].data.nights).toEqual([
      { date: '2027-05-01', available: 1, rooms: 3, outOfOrder: 0, sold: 0, blocked: 2 },
    ]);

    // A rate plan with an override: prices as runs of equal nights.
    const plan = await harness.json<{ id: string }>(201, 'POST', `${path}/rate-plans`, manager, {
      code: 'BAR',
      name: 'Best available',
      prices: [{ roomTypeId, nightly: { amountMinor: 14_000, currency: 'EUR' } }],
    });
    seen = await waitForChanges(propertyId, 6);
    expect(seen[5].data).toMatchObject({ from: businessDate, causes: ['rates'] });
    expect(seen[5].data.rates).toEqual([
      expect.objectContaining({
        ratePlanId: plan.id,
        ratePlanCode: 'BAR',
        from: businessDate,
        nightly: { amountMinor: 14_000, currency: 'EUR' },
      }),
    ]);
    await harness.json(201, 'POST', `${path}/rate-plans/${plan.id}/overrides`, manager, {
      overrides: [
        { roomTypeId, from: '2027-06-10', to: '2027-06-11', nightly: { amountMinor: 21_000, currency: 'EUR' } },
      ],
    });
    seen = await waitForChanges(propertyId, 7);
    expect(seen[6].data).toMatchObject({ from: '2027-06-10', to: '2027-06-12', causes: ['rates'] });
    expect(seen[6].data.rates).toEqual([
      {
        ratePlanId: plan.id,
        ratePlanCode: 'BAR',
        from: '2027-06-10',
        to: '2027-06-12',
        nightly: { amountMinor: 21_000, currency: 'EUR' },
      },
    ]);

    // The last room of the night is sold; a refused booking changes nothing and publishes nothing.
    const last = booking(roomTypeId, '2027-05-01', '2027-05-02');
    await harness.json(201, 'POST', `${path}/reservations`, manager, last);
    expect((await harness.call('POST', `${path}/reservations`, manager, last)).status).toBe(409);
    await harness.json(201, 'POST', `${path}/reservations`, manager, booking(roomTypeId, '2027-08-01', '2027-08-02'));
    seen = await waitForChanges(propertyId, 9);
    expect(seen.slice(7).map((event) => [event.data.from, event.data.nights[0].available])).toEqual([
      ['2027-05-01', 0],
      ['2027-08-01', 2],
    ]);
  });
});
