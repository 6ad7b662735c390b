import { dateRange, daysBetween } from '@frontoffice/platform';

/**
 * Nightly pricing: each night costs the rate plan's price for the room type (the room type's base rate when no plan
 * applies), unless the plan overrides that date. Integer minor units only, so no rounding can creep in.
 */
export interface NightPrice {
  date: string;
  amountMinor: number;
}

export interface RateSource {
  /** Nightly price of the plan for the room type, or the room type's base rate. */
  nightlyMinor: number;
  /** Date-specific prices (events, seasons, weekends) keyed by YYYY-MM-DD. */
  overrides?: ReadonlyMap<string, number>;
}

function assertMinor(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

export function priceNights(nights: readonly string[], source: RateSource): NightPrice[] {
  assertMinor(source.nightlyMinor, 'The nightly rate');
  return nights.map((date) => {
    const amountMinor = source.overrides?.get(date) ?? source.nightlyMinor;
    assertMinor(amountMinor, `The rate of ${date}`);
    return { date, amountMinor };
  });
}

export function totalOf(nights: readonly NightPrice[]): number {
  return nights.reduce((sum, night) => sum + night.amountMinor, 0);
}

/** Expands an inclusive date range into the dates it covers (property-local calendar dates, DST-proof). */
export function datesFrom(first: string, last: string): string[] {
  return dateRange(first, daysBetween(first, last) + 1);
}
