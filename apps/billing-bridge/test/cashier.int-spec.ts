import { validateEvent } from '@frontoffice/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BillingHarness,
  caller,
  eur,
  fieldsOf,
  newStay,
  nightAuditCompleted,
  produce,
  propertyCreated,
  reservationCreated,
  startBilling,
  guestFolio,
  knownProperty,
  eventually,
} from './folios-kit';

interface Session {
  id: string;
  status: string;
  autoClosed?: boolean;
  expected?: { amountMinor: number };
  variance?: { amountMinor: number };
}

/** Tills over HTTP against the real database, the night audit's close through the real broker. */
describe('billing-bridge cashier sessions', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function propertyWithFolio() {
    const stay = newStay();
    await produce(harness.producer, propertyCreated(stay.propertyId, 'TILL', '2027-03-10'), reservationCreated(stay));
    const agent = caller(harness.service, ['front_desk'], [stay.propertyId], `desk-${randomUUID()}`);
    const folio = await guestFolio(agent, stay);
    await knownProperty(agent, stay.propertyId, 'TILL');
    return { propertyId: stay.propertyId, folioId: folio.id, agent };
  }

  it('ties cash to the open till and closes it blind with the exact variance of a short count', async () => {
    const { propertyId, folioId, agent } = await propertyWithFolio();
    const sessions = `/v1/properties/${propertyId}/cashier-sessions`;
    const payments = `/v1/properties/${propertyId}/folios/${folioId}/payments`;

    const noTill = await agent.post(payments, { method: 'cash', amount: eur(12_550) });
    expect(noTill.status).toBe(409);
    expect(noTill.body).toMatchObject({ code: 'no-open-cashier-session' });

    expect(fieldsOf(await agent.post(sessions, { float: { amountMinor: -1, currency: 'EUR' }, till: 3 }))).toEqual([
      'float.amountMinor',
      'till',
    ]);
    const opened = await agent.post<Session>(sessions, { float: eur(20_000) }, `open-${randomUUID()}`);
    expect(opened.status).toBe(201);
    expect(opened.body).not.toHaveProperty('expected');
    expect((await agent.post(sessions, { float: eur(10_000) })).status).toBe(409);

    const cash = await agent.post<{ id: string; cashierSessionId: string }>(
      payments,
      { method: 'cash', amount: eur(12_550) },
      `cash-${randomUUID()}`,
    );
    expect(cash.status).toBe(201);
    expect(cash.body.cashierSessionId).toBe(opened.body.id);

    const refunds = `/v1/properties/${propertyId}/payments/${cash.body.id}/refunds`;
    const colleague = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
    expect((await colleague.post(refunds, { amount: eur(2_000), reason: 'Change given back' })).status).toBe(409);
    const refund = await agent.post<{ status: string; cashierSessionId: string }>(refunds, {
      amount: eur(2_000),
      reason: 'Breakfast not taken',
    });
    expect(refund.body).toMatchObject({ status: 'issued', cashierSessionId: opened.body.id });

    const close = `${sessions}/${opened.body.id}/close`;
    expect((await colleague.post(close, { countedCash: eur(30_500) })).status).toBe(403);
    // Separation of duties: a manager never closes another agent's till with a count of their own.
    const otherManager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
    const managerClose = await otherManager.post(close, { countedCash: eur(30_550) });
    expect(managerClose.status).toBe(403);
    expect(managerClose.headers.get('content-type')).toContain('application/problem+json');
    expect(managerClose.body).toMatchObject({ code: 'not-your-till' });
    expect(fieldsOf(await agent.post(close, { countedCash: { amountMinor: 305.5, currency: 'EUR' } }))).toEqual([
      'countedCash.amountMinor',
    ]);
    // 200.00 float + 125.50 cash taken − 20.00 refunded = 305.50 expected; 305.00 counted: 0.50 short.
    const closed = await agent.post(close, { countedCash: eur(30_500) }, `close-${randomUUID()}`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      expected: eur(30_550),
      counted: eur(30_500),
      variance: eur(-50),
      status: 'closed',
    });
    expect((await agent.post(close, { countedCash: eur(30_500) })).status).toBe(409);
    expect((await agent.post(payments, { method: 'cash', amount: eur(100) })).status).toBe(409);

    const announced = await harness.waitFor(
      (message) => message.json?.type === 'cashier-session.closed' && message.json?.subject === opened.body.id,
    );
    expect(validateEvent(announced.json).data).toMatchObject({ variance: eur(-50), autoClosed: false });

    expect((await agent.get(sessions)).status).toBe(403);
    const manager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
    const listed = await manager.get<{ items: Session[] }>(`${sessions}?status=closed`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: opened.body.id, expected: eur(30_550), variance: eur(-50) }),
    ]);
    const signedOff = await manager.post<Session>(`${sessions}/${opened.body.id}/sign-off`, {
      note: 'Coin miscounted',
    });
    expect(signedOff.status).toBe(200);
    expect(signedOff.body.status).toBe('signed_off');
  });

  it('keeps one open till per agent and property: a chain-wide agent opens one at each hotel', async () => {
    const first = await propertyWithFolio();
    const second = await propertyWithFolio();
    const agentId = `relief-${randomUUID()}`;
    const relief = caller(harness.service, ['front_office_manager'], [first.propertyId, second.propertyId], agentId);
    const openAt = (propertyId: string) =>
      relief.post<Session>(`/v1/properties/${propertyId}/cashier-sessions`, { float: eur(5_000) });
    expect((await openAt(first.propertyId)).status).toBe(201);
    const atSecond = await openAt(second.propertyId);
    expect(atSecond.status).toBe(201);
    expect((await openAt(second.propertyId)).status).toBe(409);
    const cash = await relief.post<{ cashierSessionId: string }>(
      `/v1/properties/${second.propertyId}/folios/${second.folioId}/payments`,
      { method: 'cash', amount: eur(1_000) },
    );
    expect(cash.status).toBe(201);
    expect(cash.body.cashierSessionId).toBe(atSecond.body.id);
  });

  it('closes open tills at the night audit by property policy, rolls the business date and reports them', async () => {
    const { propertyId, folioId, agent } = await propertyWithFolio();
    const sessions = `/v1/properties/${propertyId}/cashier-sessions`;
    const opened = await agent.post<Session>(sessions, { float: eur(10_000) });
    await agent.post(`/v1/properties/${propertyId}/folios/${folioId}/payments`, { method: 'cash', amount: eur(4_000) });

    await produce(harness.producer, nightAuditCompleted(propertyId, '2027-03-10', '2027-03-11'));
    const manager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
    const session = await eventually(async () => {
      const answer = await manager.get<Session>(`${sessions}/${opened.body.id}`);
      expect(answer.body.status).toBe('closed');
      return answer.body;
    });
    expect(session).toMatchObject({ autoClosed: true, expected: eur(14_000) });
    expect(session).not.toHaveProperty('variance');
    expect((await agent.get(`/v1/properties/${propertyId}/billing-settings`)).body.businessDate).toBe('2027-03-11');

    const uncounted = await manager.post(`${sessions}/${opened.body.id}/sign-off`, {});
    expect(uncounted.status).toBe(400);
    expect(fieldsOf(uncounted)).toEqual(['countedCash']);
    const counted = await manager.post<Session>(`${sessions}/${opened.body.id}/sign-off`, { countedCash: eur(14_000) });
    expect(counted.body).toMatchObject({ status: 'signed_off', variance: eur(0) });
    // The agent can open a new till on the new business date.
    const next = await agent.post<Session & { businessDate: string }>(sessions, { float: eur(0) });
    expect(next.body.businessDate).toBe('2027-03-11');

    // The same audit delivered again under another id changes nothing: today's till stays open.
    const marker = newStay(propertyId);
    await produce(
      harness.producer,
      nightAuditCompleted(propertyId, '2027-03-10', '2027-03-11'),
      reservationCreated(marker),
    );
    await guestFolio(agent, marker);
    expect((await manager.get<Session>(`${sessions}/${next.body.id}`)).body.status).toBe('open');
  });

  it("answers the caller's own open till, blind for the front desk, with its figures for a manager", async () => {
    const { propertyId, folioId, agent } = await propertyWithFolio();
    const sessions = `/v1/properties/${propertyId}/cashier-sessions`;
    const none = await agent.get(`${sessions}/mine`);
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(none.body).toMatchObject({ code: 'no-open-till' });

    const opened = await agent.post<Session>(sessions, { float: eur(20_000) });
    await agent.post(`/v1/properties/${propertyId}/folios/${folioId}/payments`, { method: 'cash', amount: eur(4_000) });
    const mine = await agent.get<Session & { float: unknown; movements: unknown[] }>(`${sessions}/mine`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: opened.body.id, status: 'open', float: eur(20_000), movements: [] });
    // Blind close: nothing the expected cash could be worked out from.
    for (const figure of ['expected', 'cashIn', 'cashOut', 'paidIn', 'paidOut']) {
      expect(mine.body).not.toHaveProperty(figure);
    }

    // Another agent at the same desk does not see it: their own "mine" is empty.
    const colleague = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
    expect((await colleague.get(`${sessions}/mine`)).body).toMatchObject({ code: 'no-open-till' });

    const managerId = `fom-${randomUUID()}`;
    const manager = caller(harness.service, ['front_office_manager'], [propertyId], managerId);
    expect((await manager.get(`${sessions}/mine`)).status).toBe(404);
    const managerTill = await manager.post<Session>(sessions, { float: eur(5_000) });
    await manager.post(`${sessions}/${managerTill.body.id}/movements`, {
      type: 'paid_in',
      amount: eur(1_000),
      reason: 'Change from the safe',
    });
    const managerMine = await manager.get(`${sessions}/mine`);
    expect(managerMine.body).toMatchObject({
      id: managerTill.body.id,
      agentId: managerId,
      cashIn: eur(0),
      paidIn: eur(1_000),
      expected: eur(6_000),
    });
    // 'mine' is a route of its own, not a session id the manager-only route would refuse as malformed.
    expect((await manager.get(`${sessions}/${opened.body.id}`)).body).toMatchObject({ cashIn: eur(4_000) });
    expect((await finance(propertyId).get(`${sessions}/mine`)).status).toBe(403);
  });

  function finance(propertyId: string) {
    return caller(harness.service, ['finance'], [propertyId], `finance-${randomUUID()}`);
  }

  it('pays cash in and out of the till: expected cash, the close variance, the journal and the audit follow', async () => {
    const { propertyId, folioId, agent } = await propertyWithFolio();
    const sessions = `/v1/properties/${propertyId}/cashier-sessions`;
    const opened = await agent.post<Session>(sessions, { float: eur(10_000) });
    const movements = `${sessions}/${opened.body.id}/movements`;
    await agent.post(`/v1/properties/${propertyId}/folios/${folioId}/payments`, { method: 'cash', amount: eur(2_500) });

    expect(
      fieldsOf(await agent.post(movements, { type: 'taken', amount: { amountMinor: 0, currency: 'EUR' }, reason: '' })),
    ).toEqual(['amount.amountMinor', 'reason', 'type']);
    expect(fieldsOf(await agent.post(movements, { type: 'paid_in', amount: eur(1), reason: 'Safe' }))).toEqual([]);
    expect(
      fieldsOf(
        await agent.post(movements, {
          type: 'paid_in',
          amount: { amountMinor: 100_000_000_001, currency: 'EUR' },
          reason: 'Safe',
        }),
      ),
    ).toEqual(['amount.amountMinor']);
    expect(
      fieldsOf(
        await agent.post(movements, { type: 'paid_in', amount: { amountMinor: 100, currency: 'USD' }, reason: 'x' }),
      ),
    ).toEqual(['amount.currency']);
    expect(
      fieldsOf(await agent.post(movements, { type: 'paid_out', amount: eur(100), reason: 'card 4111 1111 1111 1111' })),
    ).toEqual(['reason']);

    const key = `paid-in-${randomUUID()}`;
    const paidIn = await agent.post<{ id: string; type: string }>(
      movements,
      { type: 'paid_in', amount: eur(5_000), reason: 'Change from the safe' },
      key,
    );
    expect(paidIn.status).toBe(201);
    expect(paidIn.body).toMatchObject({ type: 'paid_in', amount: eur(5_000), sessionId: opened.body.id });
    // A replay with the same key answers the first movement and moves nothing twice.
    const replay = await agent.post<{ id: string }>(
      movements,
      { type: 'paid_in', amount: eur(5_000), reason: 'Change from the safe' },
      key,
    );
    expect(replay.body.id).toBe(paidIn.body.id);

    // 100.00 float + 25.00 taken + 0.01 + 50.00 paid in = 175.01 in the drawer: 175.02 cannot go out.
    const tooMuch = await agent.post(movements, { type: 'paid_out', amount: eur(17_502), reason: 'Flowers' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.headers.get('content-type')).toContain('application/problem+json');
    expect(tooMuch.body).toMatchObject({ code: 'insufficient-cash' });
    const paidOut = await agent.post(movements, { type: 'paid_out', amount: eur(3_001), reason: 'Flowers delivered' });
    expect(paidOut.status).toBe(201);

    const colleague = caller(harness.service, ['front_desk'], [propertyId], `desk-${randomUUID()}`);
    const notMine = await colleague.post(movements, { type: 'paid_out', amount: eur(100), reason: 'Taxi' });
    expect(notMine.status).toBe(403);
    expect(notMine.body).toMatchObject({ code: 'not-your-till' });
    const manager = caller(harness.service, ['front_office_manager'], [propertyId], `fom-${randomUUID()}`);
    expect((await manager.post(movements, { type: 'paid_in', amount: eur(100), reason: 'Safe' })).status).toBe(403);

    const seen = await manager.get<{ paidIn: unknown; paidOut: unknown; movements: { type: string }[] }>(
      `${sessions}/${opened.body.id}`,
    );
    expect(seen.body).toMatchObject({ paidIn: eur(5_001), paidOut: eur(3_001) });
    expect(seen.body.movements.map((movement) => movement.type)).toEqual(['paid_in', 'paid_in', 'paid_out']);
    expect((await agent.get(`${sessions}/mine`)).body).toMatchObject({
      movements: [{ reason: 'Safe' }, { reason: 'Change from the safe' }, { reason: 'Flowers delivered' }],
    });

    // 175.01 − 30.01 = 145.00 expected; 144.00 counted: 1.00 short.
    const closed = await agent.post(`${sessions}/${opened.body.id}/close`, { countedCash: eur(14_400) });
    expect(closed.body).toMatchObject({ expected: eur(14_500), variance: eur(-100) });
    expect((await agent.post(movements, { type: 'paid_in', amount: eur(100), reason: 'Late' })).status).toBe(409);

    const journal = await finance(propertyId).get<{
      lines: { kind: string; account: string; debit: { amountMinor: number }; credit: { amountMinor: number } }[];
      totals: { debit: unknown; credit: unknown };
    }>(`/v1/properties/${propertyId}/journal?businessDate=2027-03-10`);
    const moved = journal.body.lines
      .filter((line) => line.kind === 'cash_movement')
      .map((line) => [line.account, line.debit.amountMinor, line.credit.amountMinor]);
    expect(moved).toEqual([
      ['530', 1, 0],
      ['471', 0, 1],
      ['530', 5_000, 0],
      ['471', 0, 5_000],
      ['471', 3_001, 0],
      ['530', 0, 3_001],
    ]);
    expect(journal.body.totals.debit).toEqual(journal.body.totals.credit);

    const audit: { action: string; reason: string }[] = await harness.service.app
      .get(DataSource)
      .query('SELECT action, reason FROM billing_audit WHERE subject_id = $1 ORDER BY id', [opened.body.id]);
    expect(audit.map((row) => row.action)).toEqual([
      'cashier-session.opened',
      'cashier-session.paid-in',
      'cashier-session.paid-in',
      'cashier-session.paid-out',
      'cashier-session.closed',
    ]);
  });

  it('opens one till per agent even when the agent asks twice at once: the database decides', async () => {
    const { propertyId, agent } = await propertyWithFolio();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        agent.post(`/v1/properties/${propertyId}/cashier-sessions`, { float: eur(5_000) }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
  });
});
