/** Till arithmetic in integer minor units, free of the database. */

export interface TillMovements {
  float: number;
  /** Cash taken: payments and cash deposits into this till. */
  cashIn: number;
  /** Cash given back: refunds issued from this till. */
  cashOut: number;
}

/** What should be in the drawer: the float, plus cash taken, minus cash given back. */
export function tillExpected({ float, cashIn, cashOut }: TillMovements): number {
  for (const value of [float, cashIn, cashOut]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Till amounts are non-negative minor units`);
  }
  return float + cashIn - cashOut;
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
