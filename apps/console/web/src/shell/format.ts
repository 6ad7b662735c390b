/** Locale-aware display helpers: amounts are integer minor units, dates are ISO local dates or instants. */
export type UiLanguage = 'en' | 'fr';

/** BCP 47 locale for a UI language and the property's country (fr + FR → fr-FR, en + FR → en-GB). */
export function localeFor(language: UiLanguage, country: string): string {
  if (language === 'fr') return country === 'CA' || country === 'BE' || country === 'CH' ? `fr-${country}` : 'fr-FR';
  return country === 'US' ? 'en-US' : 'en-GB';
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits =
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 10 ** digits);
}

/** Minor units from what a user typed ("129,50" or "129.50"); undefined when it is not an amount. */
export function parseMoney(text: string, currency: string): number | undefined {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  const [whole, fraction = ''] = normalised.replace('-', '').split('.');
  if (fraction.length > digits) return undefined;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  return normalised.startsWith('-') ? -minor : minor;
}

/** A local date (YYYY-MM-DD) as the user reads it; no time zone shift, it is already the property's date. */
export function formatLocalDate(date: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: style === 'long' ? 'full' : 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant shown in the property's time zone. */
export function formatInstant(instant: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
