import { assertDateSpan, dateRange, daysBetween } from '@frontoffice/platform';

/**
 * Stay arithmetic on property-local calendar dates. Dates are handled as plain calendar days (never instants), so
 * a daylight-saving change can neither add nor lose a night.
 */

/** The longest stay one booking may hold. */
export const MAX_STAY_NIGHTS = 365;

/** Departure after arrival, and no longer than a year: checked on the two dates, before any night is listed. */
export function assertStayDates(arrival: string, departure: string): void {
  assertDateSpan(arrival, departure, {
    maxDays: MAX_STAY_NIGHTS,
    field: 'departure',
    backwardsCode: 'departure-not-after-arrival',
    backwardsMessage: 'departure must be after arrival',
    tooLongCode: 'stay-too-long',
    tooLongMessage: `A stay is at most ${MAX_STAY_NIGHTS} nights`,
  });
}

/** The nights of a stay: arrival included, departure excluded. */
export function stayNights(arrival: string, departure: string): string[] {
  return dateRange(arrival, daysBetween(arrival, departure));
}

export interface NightPrice {
  date: string;
  amountMinor: number;
}

/** Prices every night of a stay at the nightly rate. Integer minor units only: no rounding can creep in. */
export function priceStay(
  arrival: string,
  departure: string,
  nightlyRateMinor: number,
): { nights: NightPrice[]; totalMinor: number } {
  if (!Number.isSafeInteger(nightlyRateMinor) || nightlyRateMinor < 0)
    throw new RangeError('The nightly rate must be a non-negative integer');
  const nights = stayNights(arrival, departure).map((date) => ({ date, amountMinor: nightlyRateMinor }));
  return { nights, totalMinor: nights.reduce((sum, night) => sum + night.amountMinor, 0) };
}

const CONFIRMATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Short, readable over the phone (no 0/O, 1/I/L), and unique enough per property with a database constraint behind it. */
export function confirmationNumber(random: () => number = Math.random): string {
  let code = '';
  for (let index = 0; index < 8; index += 1)
    code += CONFIRMATION_ALPHABET[Math.floor(random() * CONFIRMATION_ALPHABET.length)];
  return code;
}
