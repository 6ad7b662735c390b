/** Till arithmetic in integer minor units, free of the database. */

export interface TillMovements {
  float: number;
  /** Cash taken: payments and cash deposits into this till. */
  cashIn: number;
  /** Cash given back: refunds issued from this till. */
  cashOut: number;
  /** Cash put in that is not a folio payment (change from the safe, a petty-cash top-up). */
  paidIn: number;
  /** Cash taken out that is not a refund (a delivery paid at the desk, cash sent to the safe). */
  paidOut: number;
}

/** What should be in the drawer: the float, plus cash taken and paid in, minus cash given back and paid out. */
export function tillExpected({ float, cashIn, cashOut, paidIn, paidOut }: TillMovements): number {
  for (const value of [float, cashIn, cashOut, paidIn, paidOut]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Till amounts are non-negative minor units`);
  }
  return float + cashIn - cashOut + paidIn - paidOut;
}

export const CASH_MOVEMENT_TYPES = ['paid_in', 'paid_out'] as const;
export type CashMovementType = (typeof CASH_MOVEMENT_TYPES)[number];

/**
 * A paid-in or paid-out against the till's expected cash so far: the expected cash after it, or a refusal when
 * more would leave the drawer than should be in it (the drawer cannot go negative; the agent gets cash from the
 * safe with a paid-in first).
 */
export function applyCashMovement(
  expected: number,
  movement: { type: CashMovementType; amount: number },
): { expected: number } | { code: 'insufficient-cash'; reason: string } {
  if (!Number.isSafeInteger(movement.amount) || movement.amount <= 0) {
    throw new RangeError('A cash movement is a positive number of minor units');
  }
  if (movement.type === 'paid_in') return { expected: expected + movement.amount };
  if (movement.amount > expected) {
    return { code: 'insufficient-cash', reason: 'The till does not hold that much cash' };
  }
  return { expected: expected - movement.amount };
}

/**
 * Cash goes in and out of a till by its own agent only, as with the close: the agent answers for the drawer at
 * the blind count, so nobody else (a manager included) changes what it should hold. A manager moves cash in their
 * own till like any agent.
 */
export function cashMovementRefusal(till: {
  agentId: string;
  movedBy: string;
}): { code: string; reason: string } | undefined {
  if (till.agentId === till.movedBy) return undefined;
  return { code: 'not-your-till', reason: 'Cash is paid in or out of a till by its own agent only' };
}

/**
 * Blind close: whoever counts a till must not know beforehand what it should hold. The agent's view of their own
 * open till therefore carries nothing expected can be worked out from (the float plus totals would give it away);
 * a front-office manager, who checks counts at sign-off, sees the figures.
 */
export function seesTillFigures(roles: readonly string[]): boolean {
  return roles.includes('front_office_manager') || roles.includes('admin');
}

/** Counted minus expected: negative when the till is short, positive when over. */
export function tillVariance(expected: number, counted: number): number {
  if (!Number.isSafeInteger(counted) || counted < 0) throw new RangeError('A count is non-negative minor units');
  return counted - expected;
}

/**
 * Separation of duties at the cash desk: a till is counted by the agent who worked it, and a manager other than that
 * agent signs the count off. A manager closing someone else's till with their own count would be both the counter
 * and (at sign-off) the checker of cash they never handled, so it is refused. A till whose agent has gone home is
 * closed uncounted by the night audit and counted at sign-off.
 */
export function closeRefusal(till: {
  agentId: string;
  closedBy: string;
}): { code: string; reason: string } | undefined {
  if (till.agentId === till.closedBy) return undefined;
  return {
    code: 'not-your-till',
    reason: 'A till is counted and closed by its own agent; a manager counts it at sign-off after the night audit',
  };
}
