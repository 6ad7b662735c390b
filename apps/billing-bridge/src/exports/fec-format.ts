/**
 * The FEC (fichier des écritures comptables, article A47 A-1 of the French Livre des procédures fiscales): one line per
 * journal line, these 18 columns in this order, a header line, `|` separated, dates AAAAMMJJ, amounts with a comma.
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export const FEC_SEPARATOR = '|';
export const FEC_LINE_END = '\r\n';

/** One journal line as the FEC needs it (amounts in minor units). */
export interface FecRecord {
  journalCode: string;
  journalLabel: string;
  entryNumber: number;
  /** The batch's business date: when the entry was booked and validated. */
  entryDate: string;
  account: string;
  accountLabel: string;
  auxAccount: string | null;
  auxLabel: string | null;
  pieceRef: string;
  /** The business date of the fact itself (the voucher's date). */
  pieceDate: string;
  label: string;
  debitMinor: number;
  creditMinor: number;
  validDate: string;
  currency: string;
}

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY), as ISO 4217 defines them. */
export function minorDigits(currency: string): number {
  let digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) {
    // Building a NumberFormat is slow: once per currency, not once per exported line.
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    MINOR_DIGITS.set(currency, digits);
  }
  return digits;
}

const MINOR_DIGITS = new Map<string, number>();

/** 12345 EUR cents → "123,45"; integer arithmetic only, never a float. */
export function fecAmount(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount ${minor} is not an integer of minor units`);
  const sign = minor < 0 ? '-' : '';
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${magnitude}`;
  return `${sign}${magnitude.slice(0, -digits)},${magnitude.slice(-digits)}`;
}

/** YYYY-MM-DD → AAAAMMJJ. */
export function fecDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`${date} is not a YYYY-MM-DD date`);
  return date.replaceAll('-', '');
}

/** What `fecText` would change: a separator, a tab or line break, a run of spaces, whitespace at either end. */
const NEEDS_CLEANING = /[|\t\r\n]| {2}|^\s|\s$/;

/** Free text may not carry the separator or a line break; runs of whitespace become one space. */
export function fecText(value: string | null | undefined): string {
  if (!value) return '';
  // Most text is clean: answering it as is spares a million-line export three new strings per field.
  if (!NEEDS_CLEANING.test(value)) return value;
  return value
    .replace(/[|\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function fecHeader(): string {
  return FEC_COLUMNS.join(FEC_SEPARATOR) + FEC_LINE_END;
}

export function fecLine(record: FecRecord): string {
  const digits = minorDigits(record.currency);
  const auxAccount = fecText(record.auxAccount);
  // One template rather than an array joined: the export formats a million of these, and each array is garbage.
  // CompAuxLib goes with CompAuxNum, and EcritureLib is mandatory: never leave them blank.
  return (
    `${fecText(record.journalCode)}|${fecText(record.journalLabel)}|${record.entryNumber}|` +
    `${fecDate(record.entryDate)}|${fecText(record.account)}|${fecText(record.accountLabel)}|${auxAccount}|` +
    `${record.auxAccount ? fecText(record.auxLabel) || auxAccount : ''}|${fecText(record.pieceRef)}|` +
    `${fecDate(record.pieceDate)}|${fecText(record.label) || fecText(record.accountLabel)}|` +
    `${fecAmount(record.debitMinor, digits)}|${fecAmount(record.creditMinor, digits)}|||` +
    `${fecDate(record.validDate)}||${FEC_LINE_END}`
  );
}

/** SIRENFECAAAAMMJJ.txt, the date being the end of the period (the closing date of the fiscal year). */
export function fecFileName(siren: string, periodEnd: string): string {
  return `${siren}FEC${fecDate(periodEnd)}.txt`;
}
