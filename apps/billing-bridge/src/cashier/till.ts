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
