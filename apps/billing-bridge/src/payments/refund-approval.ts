/** The four-eyes rule of refunds, in integer minor units, free of the database. */

export interface RefundApprovalInput {
  /** The refund being asked for now. */
  amount: number;
  /** Already issued or waiting for approval on the same payment. */
  refundedOnPayment: number;
  /** Already issued or waiting for approval on the same folio, whatever payment they came from. */
  refundedOnFolio: number;
  /** The property's threshold above which a manager other than the requester must approve. */
  threshold: number;
}

/**
 * The threshold bounds what leaves the hotel without a second pair of eyes, not the size of one refund: five
 * refunds of 200.00 on a 1,000.00 payment are 1,000.00 given back. So the new refund counts together with what was
 * already refunded (or is waiting) on its payment and on its folio; once that total passes the threshold, every
 * further refund waits for a manager.
 */
export function refundNeedsApproval({ amount, refundedOnPayment, refundedOnFolio, threshold }: RefundApprovalInput) {
  for (const value of [amount, refundedOnPayment, refundedOnFolio, threshold]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('Refund amounts are non-negative minor units');
  }
  return Math.max(refundedOnPayment, refundedOnFolio) + amount > threshold;
}
