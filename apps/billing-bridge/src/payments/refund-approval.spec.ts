import { refundNeedsApproval } from './refund-approval';

describe('refund four-eyes threshold', () => {
  const threshold = 10_000;

  it('issues a refund at once while everything refunded stays within the threshold', () => {
    expect(refundNeedsApproval({ amount: 10_000, refundedOnPayment: 0, refundedOnFolio: 0, threshold })).toBe(false);
    expect(refundNeedsApproval({ amount: 4_000, refundedOnPayment: 6_000, refundedOnFolio: 6_000, threshold })).toBe(
      false,
    );
  });

  it('counts what was already refunded on the payment, so splitting a large refund does not get around it', () => {
    const decisions: boolean[] = [];
    let refunded = 0;
    for (let index = 0; index < 5; index += 1) {
      decisions.push(
        refundNeedsApproval({ amount: 4_000, refundedOnPayment: refunded, refundedOnFolio: refunded, threshold }),
      );
      refunded += 4_000;
    }
    expect(decisions).toEqual([false, false, true, true, true]);
  });

  it('counts refunds of the folio made on its other payments', () => {
    expect(refundNeedsApproval({ amount: 2_000, refundedOnPayment: 0, refundedOnFolio: 9_000, threshold })).toBe(true);
  });

  it('refuses amounts that are not minor units', () => {
    expect(() => refundNeedsApproval({ amount: 1.5, refundedOnPayment: 0, refundedOnFolio: 0, threshold })).toThrow(
      RangeError,
    );
  });
});
