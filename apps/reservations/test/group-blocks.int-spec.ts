import { randomUUID } from 'node:crypto';
import { addDays, booking, ReservationsHarness } from './reservations-harness';

interface Block {
  id: string;
  status: string;
  nights: { date: string; rooms: number; pickedUp: number; released: number; remaining: number }[];
}

/** Group blocks through HTTP, with the real database and broker. */
describe('group blocks', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('holds rooms for a group, lets its bookings pick them up and gives them back on cancellation', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(4);
    const manager = harness.token(['front_office_manager'], propertyId);
    const desk = harness.token(['front_desk'], propertyId);
    const first = addDays(businessDate, 20);
    const plan = await harness.json<{ id: string }>(201, 'POST', `/v1/properties/${propertyId}/rate-plans`, manager, {
      code: 'GRP',
      name: 'Group rate',
      prices: [{ roomTypeId, nightly: { amountMinor: 9_000, currency: 'EUR' } }],
    });
    const block = await harness.json<Block>(201, 'POST', `/v1/properties/${propertyId}/group-blocks`, manager, {
      code: 'CHOIR',
      name: 'Vienna boys choir',
      roomTypeId,
      ratePlanId: plan.id,
      cutoffDate: addDays(first, -7),
      nights: [
        { date: first, rooms: 3 },
        { date: addDays(first, 1), rooms: 3 },
      ],
    });
    expect(block.nights.map((night) => night.remaining)).toEqual([3, 3]);
    // Only one room is left for general sale on those nights.
    await harness.json(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      desk,
      booking(roomTypeId, first, addDays(first, 1)),
    );
    const soldOut = await harness.call(
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      desk,
      booking(roomTypeId, first, addDays(first, 1)),
    );
    expect(soldOut.status).toBe(409);

    // A group member's stay: two nights from the block, the third from general inventory.
    const member = await harness.json<{ id: string; groupBlockId: string; totalPrice: { amountMinor: number } }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      desk,
      booking(roomTypeId, first, addDays(first, 3), { groupBlockId: block.id }),
    );
    expect(member).toMatchObject({ groupBlockId: block.id, totalPrice: { amountMinor: 27_000 } });
    const picked = await harness.json<Block>(200, 'GET', `/v1/properties/${propertyId}/group-blocks/${block.id}`, desk);
    expect(picked.nights.map((night) => [night.pickedUp, night.remaining])).toEqual([
      [1, 2],
      [1, 2],
    ]);
    const availability = await harness.json<{ items: { booked: number; blocked: number; available: number }[] }>(
      200,
      'GET',
      `/v1/properties/${propertyId}/availability?from=${first}&to=${addDays(first, 3)}`,
      desk,
    );
    expect(availability.items.map((item) => [item.booked, item.blocked, item.available])).toEqual([
      [2, 2, 0],
      [1, 2, 1],
      [1, 0, 3],
    ]);

    await harness.json(200, 'POST', `/v1/properties/${propertyId}/reservations/${member.id}/cancel`, desk, {
      reason: 'Singer ill',
    });
    const returned = await harness.json<Block>(
      200,
      'GET',
      `/v1/properties/${propertyId}/group-blocks/${block.id}`,
      desk,
    );
    expect(returned.nights.map((night) => night.remaining)).toEqual([3, 3]);

    const events = await harness.waitForEvent(propertyId, (event) => event.type === 'reservation.cancelled');
    expect(events.find((event) => event.type === 'group-block.created')!.data).toEqual({
      groupBlockId: block.id,
      code: 'CHOIR',
      name: 'Vienna boys choir',
      roomTypeId,
      cutoffDate: addDays(first, -7),
      nights: [
        { date: first, rooms: 3 },
        { date: addDays(first, 1), rooms: 3 },
      ],
    });
    expect(
      events.find((event) => event.type === 'reservation.created' && event.subject === member.id)!.data,
    ).toMatchObject({ groupBlockId: block.id });
    const list = await harness.json<{ items: Block[] }>(200, 'GET', `/v1/properties/${propertyId}/group-blocks`, desk);
    expect(list.items.map((item) => item.id)).toEqual([block.id]);
  });

  it('refuses a block larger than what is left (409 naming the night), and a taken code', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(2);
    const manager = harness.token(['front_office_manager'], propertyId);
    const night = addDays(businessDate, 3);
    const tooBig = await harness.call('POST', `/v1/properties/${propertyId}/group-blocks`, manager, {
      code: 'BIG',
      name: 'Too big',
      roomTypeId,
      cutoffDate: businessDate,
      nights: [{ date: night, rooms: 3 }],
    });
    expect(tooBig.status).toBe(409);
    expect(await tooBig.json()).toMatchObject({ code: 'sold-out', detail: expect.stringContaining(night) });
    const body = {
      code: 'OK',
      name: 'Fits',
      roomTypeId,
      cutoffDate: businessDate,
      nights: [{ date: night, rooms: 1 }],
    };
    await harness.json(201, 'POST', `/v1/properties/${propertyId}/group-blocks`, manager, body);
    const again = await harness.call('POST', `/v1/properties/${propertyId}/group-blocks`, manager, body);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'group-block-code-taken' });
    const booking1 = await harness.json<{ id: string }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      harness.token(['front_desk'], propertyId),
      booking(roomTypeId, night, addDays(night, 1)),
    );
    expect(booking1.id).toEqual(expect.any(String));
  });

  it('refuses bad input with 400 and the wrong role or property with 403', async () => {
    const { propertyId, businessDate, roomTypeId } = await harness.hotel(1);
    const manager = harness.token(['front_office_manager'], propertyId);
    const path = `/v1/properties/${propertyId}/group-blocks`;
    const bad = await harness.call('POST', path, manager, {
      code: 'lower',
      name: '',
      roomTypeId,
      cutoffDate: 'soon',
      nights: [{ date: businessDate, rooms: 0 }],
      discount: 10,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual([
      'code',
      'cutoffDate',
      'discount',
      'name',
      'nights[0].rooms',
    ]);
    const cutoffLate = await harness.call('POST', path, manager, {
      code: 'LATE',
      name: 'Late',
      roomTypeId,
      cutoffDate: addDays(businessDate, 9),
      nights: [{ date: addDays(businessDate, 2), rooms: 1 }],
    });
    expect(cutoffLate.status).toBe(400);
    expect(await cutoffLate.json()).toMatchObject({ code: 'cutoff-after-stay', field: 'cutoffDate' });
    const body = {
      code: 'X',
      name: 'X',
      roomTypeId,
      cutoffDate: businessDate,
      nights: [{ date: businessDate, rooms: 1 }],
    };
    expect((await harness.call('POST', path, harness.token(['front_desk'], propertyId), body)).status).toBe(403);
    expect((await harness.call('POST', path, harness.token(['front_office_manager'], randomUUID()), body)).status).toBe(
      403,
    );
    expect((await harness.call('GET', path, harness.token(['porter'], propertyId))).status).toBe(403);
    expect((await harness.call('GET', `${path}/${randomUUID()}`, manager)).status).toBe(404);
    const unknownBlock = await harness.call(
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      harness.token(['front_desk'], propertyId),
      booking(roomTypeId, businessDate, addDays(businessDate, 1), { groupBlockId: randomUUID() }),
    );
    expect(unknownBlock.status).toBe(404);
  });
});
