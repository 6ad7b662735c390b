/** RFC 4180 CSV for the plain journal export. */
export const CSV_LINE_END = '\r\n';

/**
 * Quotes a field when it must be, and defuses spreadsheet formulas: text starting with = + - @ (or a tab/CR) is
 * prefixed with a quote mark, so a label typed at the desk never runs as a formula in the accountant's spreadsheet.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + CSV_LINE_END;
}

/** 12345 minor units with 2 digits → "123.45" (a plain decimal point for CSV readers). */
export function decimalAmount(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${magnitude}` : `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}
