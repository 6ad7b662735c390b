/**
 * Tax arithmetic on integer minor units. Prices are sold tax included: a gross amount is split into net and VAT so
 * that net + vat === gross exactly, whatever the rate; rounding (half away from zero) goes to the net, and the
 * VAT is the remainder, so no cent is ever lost or invented.
 */

/** 10000 basis points = 100 %. */
export const BASIS_POINTS = 10_000;

export interface TaxSplit {
  net: number;
  vat: number;
}

function assertMinorUnits(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer of minor units, got ${value}`);
}

/** Splits a tax-included amount (negative for a credit) at `rateBasisPoints` (1000 = 10 %). */
export function splitTaxIncluded(gross: number, rateBasisPoints: number): TaxSplit {
  assertMinorUnits(gross, 'gross');
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > BASIS_POINTS) {
    throw new RangeError(`VAT rate must be 0..10000 basis points, got ${rateBasisPoints}`);
  }
  const sign = gross < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(gross));
  const divisor = BigInt(BASIS_POINTS + rateBasisPoints);
  // net = round(gross * 10000 / (10000 + rate)), half up on the magnitude, in exact integer arithmetic.
  const net = (magnitude * BigInt(BASIS_POINTS) * 2n + divisor) / (2n * divisor);
  const netMinor = Number(sign * net);
  return { net: netMinor, vat: gross - netMinor };
}

/** City tax of one night: a flat amount per taxable person (adults; children are exempt in France). */
export function cityTaxForNight(perPersonPerNight: number, adults: number): number {
  assertMinorUnits(perPersonPerNight, 'perPersonPerNight');
  if (!Number.isInteger(adults) || adults < 0) throw new RangeError(`adults must be a non-negative integer`);
  return perPersonPerNight * adults;
}

export interface VatLine {
  rateBasisPoints: number;
  net: number;
  vat: number;
}

/** VAT summary by rate, as an invoice prints it; each line's net + vat is the gross of its postings. */
export function vatBreakdown(lines: readonly VatLine[]): VatLine[] {
  const byRate = new Map<number, VatLine>();
  for (const line of lines) {
    const current = byRate.get(line.rateBasisPoints) ?? { rateBasisPoints: line.rateBasisPoints, net: 0, vat: 0 };
    current.net += line.net;
    current.vat += line.vat;
    byRate.set(line.rateBasisPoints, current);
  }
  return [...byRate.values()].sort((a, b) => a.rateBasisPoints - b.rateBasisPoints);
}
