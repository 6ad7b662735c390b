import { addDays } from '@frontoffice/platform';

/**
 * No-show policy: a confirmed booking not checked in is a no-show at the audit of arrival + grace days, i.e. every
 * confirmed booking arriving on or before this date.
 */
export function noShowCutoff(businessDate: string, graceDays: number): string {
  return addDays(businessDate, -graceDays);
}

/**
 * The rate of the night being closed: the price booked for that date. A night added to a stay without a price of
 * its own (never by this service, but the desk may extend) takes the last booked night's price.
 */
export function nightRate(nights: readonly { date: string; amountMinor: number }[], businessDate: string): number {
  const exact = nights.find((night) => night.date === businessDate);
  if (exact) return exact.amountMinor;
  const earlier = nights.filter((night) => night.date < businessDate);
  const fallback = earlier.at(-1) ?? nights[0];
  if (!fallback) throw new RangeError(`No price for the night of ${businessDate}`);
  return fallback.amountMinor;
}
