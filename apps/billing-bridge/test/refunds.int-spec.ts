import { validateEvent } from '@frontoffice/contracts';
import { randomUUID } from 'node:crypto';
import {
  BillingHarness,
  caller,
  eur,
  fieldsOf,
  FolioDetail,
  newStay,
  produce,
  propertyCreated,
  reservationCreated,
  startBilling,
  guestFolio,
  eventually,
  checkedIn,
} from './folios-kit';
import { folioBalance } from '../src/folios/folio-balance';

interface Refund {
  id: string;
  status: string;
  amount: { amountMinor: number };
  approvedBy?: string;
}

interface Payment {
  id: string;
  refunded: { amountMinor: number };
  pendingRefund: { amountMinor: number };
}

/** Payments and refunds over HTTP against the real database; events checked on the real broker. */
describe('billing-bridge payments and refunds', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBilling();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** A property with a 100.00 approval threshold, a booked stay and a 500.00 card payment on its folio. */
  async function paidStay() {
    const stay = newStay();
    await produce(harness.producer, propertyCreated(stay.propertyId, 'RFD'), reservationCreated(stay));
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);
    const folio = await guestFolio(desk, stay);
    const manager = caller(harness.service, ['front_office_manager'], [stay.propertyId], `fom-${randomUUID()}`);
    await eventually(async () =>
      expect(
        (
          await manager.patch(`/v1/properties/${stay.propertyId}/billing-settings`, {
            refundApprovalThreshold: eur(10_000),
          })
        ).status,
      ).toBe(200),
    );
    const payment = await desk.post<Payment>(
      `/v1/properties/${stay.propertyId}/folios/${folio.id}/payments`,
      { method: 'card', amount: eur(50_000), cardLast4: '4242', processorRef: 'ch_3NqKx2LkdIwHu7ix' },
      `pay-${randomUUID()}`,
    );
    expect(payment.status).toBe(201);
    return { stay, folio, desk, manager, payment: payment.body };
  }

  it('takes card payments with a processor reference and the last four digits only, never a card number', async () => {
    const { stay, folio, desk, payment } = await paidStay();
    const path = `/v1/properties/${stay.propertyId}/folios/${folio.id}/payments`;
    expect(payment).toMatchObject({ method: 'card', cardLast4: '4242', amount: eur(50_000) });
    expect(JSON.stringify(payment)).not.toMatch(/\d{12,}/);

    const missing = await desk.post(path, { method: 'card', amount: eur(1_000) });
    expect(fieldsOf(missing)).toEqual(['cardLast4', 'processorRef']);
    const pan = await desk.post(path, {
      method: 'card',
      amount: eur(1_000),
      cardLast4: '4242424242424242',
      processorRef: 'pan 4242 4242 4242 4242',
    });
    expect(pan.status).toBe(400);
    expect(fieldsOf(pan)).toEqual(['cardLast4', 'processorRef']);
    const unknown = await desk.post(path, {
      method: 'cheque',
      amount: { amountMinor: 10.5, currency: 'EUR' },
      pan: 'x',
    });
    expect(fieldsOf(unknown)).toEqual(['amount.amountMinor', 'method', 'pan']);
    expect((await caller(harness.service, ['concierge'], [stay.propertyId]).post(path, {})).status).toBe(403);

    const recorded = await harness.waitFor(
      (message) => message.json?.type === 'payment.recorded' && message.json?.subject === payment.id,
    );
    expect(validateEvent(recorded.json).data).toMatchObject({ method: 'card', cardLast4: '4242', deposit: false });
    expect(recorded.value).not.toMatch(/\d{12,}/);
    const detail = await desk.get<FolioDetail>(`/v1/properties/${stay.propertyId}/folios/${folio.id}`);
    expect(detail.body.balance).toEqual(eur(-50_000));
    expect(detail.body.payments).toHaveLength(1);
  });

  it('needs a second manager above the threshold, issues once however often approve and refund are replayed, and never refunds more than was paid', async () => {
    const { stay, folio, desk, manager, payment } = await paidStay();
    const refunds = `/v1/properties/${stay.propertyId}/payments/${payment.id}/refunds`;

    const small = await desk.post<Refund>(refunds, { amount: eur(5_000), reason: 'Minibar disputed' }, 'small');
    expect(small.body).toMatchObject({ status: 'issued', amount: eur(5_000) });

    const bad = await desk.post(refunds, { amount: eur(0), reason: '' });
    expect(fieldsOf(bad)).toEqual(['amount.amountMinor', 'reason']);

    const request = { amount: eur(30_000), reason: 'Room unavailable, guest relocated' };
    const large = await desk.post<Refund>(refunds, request, 'large');
    expect(large.status).toBe(201);
    expect(large.body.status).toBe('pending_approval');
    const approvalRequested = await harness.waitFor(
      (message) => message.json?.type === 'refund.approval-requested' && message.json?.subject === large.body.id,
    );
    expect(validateEvent(approvalRequested.json).data).toMatchObject({ amount: eur(30_000), threshold: eur(10_000) });

    // Not issued while waiting: nothing refunded beyond the small one, and the pending amount is reserved.
    const paymentPath = `/v1/properties/${stay.propertyId}/payments/${payment.id}`;
    expect((await desk.get<Payment>(paymentPath)).body).toMatchObject({
      refunded: eur(5_000),
      pendingRefund: eur(30_000),
    });
    // 500.00 paid − 50.00 refunded − 300.00 waiting: 200.00 is the most another refund can take.
    const tooMuch = await desk.post(refunds, { amount: eur(15_001), reason: 'More than is left' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'refund-exceeds-payment' });

    const approve = `/v1/properties/${stay.propertyId}/refunds/${large.body.id}/approve`;
    expect((await desk.post(approve)).status).toBe(403);
    // A manager cannot approve a refund they asked for.
    const ownRefund = await manager.post<Refund>(refunds, { amount: eur(12_000), reason: 'Manager gesture' });
    expect(ownRefund.body.status).toBe('pending_approval');
    const ownApproval = await manager.post(`/v1/properties/${stay.propertyId}/refunds/${ownRefund.body.id}/approve`);
    expect(ownApproval.status).toBe(403);
    expect((await desk.get<Refund>(`/v1/properties/${stay.propertyId}/refunds/${ownRefund.body.id}`)).body.status).toBe(
      'pending_approval',
    );
    expect((await caller(harness.service, ['front_office_manager'], [randomUUID()]).post(approve)).status).toBe(403);

    const approver = caller(harness.service, ['front_office_manager'], [stay.propertyId], `fom-${randomUUID()}`);
    const approved = await approver.post<Refund>(approve, undefined, 'approve-1');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: large.body.id, status: 'issued' });
    const replayedApproval = await approver.post<Refund>(approve, undefined, 'approve-1');
    expect(replayedApproval.headers.get('idempotent-replayed')).toBe('true');
    expect((await approver.post<Refund>(approve)).body).toMatchObject({ status: 'issued' });
    const replayedRequest = await desk.post<Refund>(refunds, request, 'large');
    expect(replayedRequest.body.id).toBe(large.body.id);

    expect((await desk.get<Payment>(paymentPath)).body).toMatchObject({
      refunded: eur(35_000),
      pendingRefund: eur(12_000),
    });
    const folioDetail = await desk.get<FolioDetail>(`/v1/properties/${stay.propertyId}/folios/${folio.id}`);
    expect(folioDetail.body.balance).toEqual(eur(-50_000 + 35_000));
    await harness.waitFor(
      (message) => message.json?.type === 'refund.issued' && message.json?.subject === large.body.id,
    );
    const issuedEvents = harness.probe.messages.filter(
      (message) => message.json?.type === 'refund.issued' && message.json?.subject === large.body.id,
    );
    expect(issuedEvents).toHaveLength(1);

    const trail = await approver.get<{ items: Array<{ action: string; actor: string; reason?: string }> }>(
      `/v1/properties/${stay.propertyId}/billing-audit?subjectId=${large.body.id}`,
    );
    expect(trail.body.items.map(({ action, reason }) => [action, reason])).toEqual([
      ['refund.approved', request.reason],
      ['refund.requested', request.reason],
    ]);
    expect((await desk.get(`/v1/properties/${stay.propertyId}/billing-audit`)).status).toBe(403);

    // Paid 500.00: 350.00 refunded, 120.00 waiting, so a refund above what is left is refused.
    expect((await desk.post(refunds, { amount: eur(60_000), reason: 'Above the payment' })).status).toBe(409);
  });

  it('refunds nothing twice under concurrent requests: the payment row lock decides', async () => {
    const { stay, desk, payment } = await paidStay();
    const refunds = `/v1/properties/${stay.propertyId}/payments/${payment.id}/refunds`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        desk.post<Refund>(refunds, { amount: eur(10_000), reason: `Parallel ${index}` }, `parallel-${index}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409]);
    // The first 100.00 reaches the threshold; the four after it wait for a manager, and all five are reserved.
    const after = await desk.get<Payment>(`/v1/properties/${stay.propertyId}/payments/${payment.id}`);
    expect(after.body.refunded).toEqual(eur(10_000));
    expect(after.body.pendingRefund).toEqual(eur(40_000));
  });

  it('counts what was already refunded on the payment and the folio: split refunds wait for a manager', async () => {
    const stay = newStay();
    await produce(harness.producer, propertyCreated(stay.propertyId, 'SPL'), reservationCreated(stay));
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId], `desk-${randomUUID()}`);
    const folio = await guestFolio(desk, stay);
    const manager = caller(harness.service, ['front_office_manager'], [stay.propertyId], `fom-${randomUUID()}`);
    await eventually(async () =>
      expect(
        (
          await manager.patch(`/v1/properties/${stay.propertyId}/billing-settings`, {
            refundApprovalThreshold: eur(50_000),
          })
        ).status,
      ).toBe(200),
    );
    const pay = (amountMinor: number) =>
      desk.post<Payment>(`/v1/properties/${stay.propertyId}/folios/${folio.id}/payments`, {
        method: 'bank_transfer',
        amount: eur(amountMinor),
      });
    const payment = (await pay(100_000)).body;
    const statuses: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const refund = await desk.post<Refund>(
        `/v1/properties/${stay.propertyId}/payments/${payment.id}/refunds`,
        { amount: eur(20_000), reason: `Split refund ${index + 1}` },
        `split-${payment.id}-${index}`,
      );
      expect(refund.status).toBe(201);
      statuses.push(refund.body.status);
    }
    // 200.00 + 200.00 reach the 500.00 threshold only with the third: it and every later one need a manager.
    expect(statuses).toEqual(['issued', 'issued', 'pending_approval', 'pending_approval', 'pending_approval']);
    expect((await desk.get<Payment>(`/v1/properties/${stay.propertyId}/payments/${payment.id}`)).body).toMatchObject({
      refunded: eur(40_000),
      pendingRefund: eur(60_000),
    });

    // Another payment of the same folio starts from the folio's total, not from zero.
    const second = (await pay(30_000)).body;
    const onSecond = await desk.post<Refund>(`/v1/properties/${stay.propertyId}/payments/${second.id}/refunds`, {
      amount: eur(5_000),
      reason: 'Small refund on another payment',
    });
    expect(onSecond.body.status).toBe('pending_approval');
  });

  it('holds advance deposits until check-in, then applies them to the folio', async () => {
    const stay = newStay();
    await produce(harness.producer, reservationCreated(stay));
    const desk = caller(harness.service, ['front_desk'], [stay.propertyId]);
    const folio = await guestFolio(desk, stay);
    const deposits = `/v1/properties/${stay.propertyId}/folios/${folio.id}/deposits`;
    expect(
      fieldsOf(await desk.post(deposits, { method: 'city_ledger', amount: eur(1), cityLedgerAccountId: randomUUID() })),
    ).toEqual(['method']);
    const deposit = await desk.post<Payment & { depositStatus: string }>(deposits, {
      method: 'bank_transfer',
      amount: eur(20_000),
    });
    expect(deposit.body.depositStatus).toBe('held');
    const refund = await desk.post(`/v1/properties/${stay.propertyId}/payments/${deposit.body.id}/refunds`, {
      amount: eur(1_000),
      reason: 'Changed plans',
    });
    expect(refund.status).toBe(409);
    expect(refund.body).toMatchObject({ code: 'deposit-held' });

    await produce(harness.producer, checkedIn(stay));
    const folioPath = `/v1/properties/${stay.propertyId}/folios/${folio.id}`;
    await eventually(async () => expect((await desk.get<FolioDetail>(folioPath)).body.balance).toEqual(eur(-20_000)));
    expect((await desk.get(`/v1/properties/${stay.propertyId}/payments/${deposit.body.id}`)).body).toMatchObject({
      depositStatus: 'applied',
    });
    expect((await desk.post(deposits, { method: 'bank_transfer', amount: eur(100) })).status).toBe(409);
  });

  it('keeps the folio balance equal to its postings and payments under concurrent charges, payments and refunds', async () => {
    const { stay, folio, desk, payment } = await paidStay();
    const base = `/v1/properties/${stay.propertyId}`;
    await Promise.all([
      ...Array.from({ length: 8 }, (_, index) =>
        desk.post(`${base}/folios/${folio.id}/charges`, {
          chargeType: index % 2 === 0 ? 'food_beverage' : 'other',
          amount: eur(1_001 + index),
          description: `Bar ${index}`,
        }),
      ),
      ...Array.from({ length: 4 }, () =>
        desk.post(`${base}/folios/${folio.id}/payments`, { method: 'bank_transfer', amount: eur(2_500) }),
      ),
      ...Array.from({ length: 4 }, (_, index) =>
        desk.post(`${base}/payments/${payment.id}/refunds`, { amount: eur(3_000), reason: `Split ${index}` }),
      ),
    ]);
    const detail = (await desk.get<FolioDetail>(`${base}/folios/${folio.id}`)).body;
    const movements = [
      ...detail.postings.map((posting) => ({ kind: 'posting' as const, amount: posting.amount.amountMinor })),
      ...detail.payments.map((line) => ({
        kind: 'payment' as const,
        amount: line.amount.amountMinor,
      })),
      ...detail.payments.map((line) => ({
        kind: 'refund' as const,
        amount: line.refunded.amountMinor,
      })),
    ];
    expect(detail.postings).toHaveLength(8);
    expect(detail.payments).toHaveLength(5);
    expect(detail.balance.amountMinor).toBe(folioBalance(movements));
    // 30.00 refunds against a 100.00 threshold: three are issued, the fourth passes it and waits for a manager.
    expect(detail.balance).toEqual(eur(8 * 1_001 + 28 - 50_000 - 4 * 2_500 + 3 * 3_000));
  });
});
