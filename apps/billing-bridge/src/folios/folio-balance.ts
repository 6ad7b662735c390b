/**
 * Folio arithmetic on integer minor units, free of any database: the balance is derived from the folio's
 * movements. Positive balance: the guest (or the payer of the folio) owes the hotel.
 */
export type FolioMovement =
  /** A charge (positive) or an allowance / correction (negative): net + VAT + city tax. */
  | { kind: 'posting'; amount: number }
  /** Money received on the folio, a city-ledger transfer, or a deposit applied at check-in: reduces the balance. */
  | { kind: 'payment'; amount: number }
  /** Money given back on a payment: raises the balance again. */
  | { kind: 'refund'; amount: number }
  /** An advance deposit not yet applied: a liability of the hotel, outside the folio until check-in. */
  | { kind: 'deposit_held'; amount: number };

export function movementEffect(movement: FolioMovement): number {
  if (!Number.isSafeInteger(movement.amount)) throw new RangeError(`Amount ${movement.amount} is not minor units`);
  switch (movement.kind) {
    case 'posting':
      return movement.amount;
    case 'payment':
      return -movement.amount;
    case 'refund':
      return movement.amount;
    case 'deposit_held':
      return 0;
  }
}

export function folioBalance(movements: readonly FolioMovement[]): number {
  return movements.reduce((balance, movement) => balance + movementEffect(movement), 0);
}

/** What can still be given back on a payment: paid minus refunds issued and refunds waiting for approval. */
export function refundableAmount(paid: number, refunded: number, pending = 0): number {
  return Math.max(0, paid - refunded - pending);
}

/** A folio can be settled when nothing is owed either way, or when what is owed moves to a company's account. */
export function settlementOf(
  balance: number,
  cityLedgerAccountId?: string,
): { transfer: number } | { refused: string } {
  if (balance === 0) return { transfer: 0 };
  if (balance < 0) return { refused: 'The folio is in credit: refund the guest before settling' };
  if (!cityLedgerAccountId) {
    return { refused: 'The folio balance must be zero, or transferred to a city-ledger account' };
  }
  return { transfer: balance };
}
