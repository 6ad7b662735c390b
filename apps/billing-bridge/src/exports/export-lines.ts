import { csvLine, decimalAmount } from './csv-format';
import { fecHeader, fecLine, minorDigits } from './fec-format';

export type ExportKind = 'fec' | 'csv';

/** What an export reads (one query, parameters $1 property, $2 first and $3 last business date) and how it writes. */
export interface ExportDefinition {
  header: string;
  sql: string;
  /** One row, columns in SELECT order as the cursor gives them (bigint amounts as text), to one line. */
  line(row: unknown[]): string;
}

/** A FEC row as the cursor gives it. */
type FecColumns = [
  journalCode: string,
  journalLabel: string,
  entryNumber: number,
  entryDate: string,
  account: string,
  accountLabel: string,
  auxAccount: string | null,
  auxLabel: string | null,
  pieceRef: string,
  pieceDate: string,
  label: string,
  debitMinor: string,
  creditMinor: string,
  currency: string,
];

/** A CSV row: the CSV's own column order, amounts and currency still to format. */
type CsvColumns = [
  businessDate: string,
  journalCode: string,
  entryNumber: number | null,
  kind: string,
  sourceId: string,
  folioId: string | null,
  account: string,
  accountLabel: string,
  auxAccount: string | null,
  auxLabel: string | null,
  label: string,
  debitMinor: string,
  creditMinor: string,
  currency: string,
  batchId: string | null,
];

export const CSV_COLUMNS = [
  'businessDate',
  'journalCode',
  'entryNumber',
  'kind',
  'sourceId',
  'folioId',
  'account',
  'accountLabel',
  'auxAccount',
  'auxLabel',
  'label',
  'debit',
  'credit',
  'currency',
  'batchId',
];

/**
 * The FEC holds the closed (validated, numbered) entries of the batches of the period; the CSV holds every line of
 * the period's business dates, closed or not.
 */
export const EXPORTS: Record<ExportKind, ExportDefinition> = {
  fec: {
    header: fecHeader(),
    sql: `SELECT e.journal_code, e.journal_label, e.entry_number, b.business_date::text AS entry_date, l.account,
            l.account_label, l.aux_account, l.aux_label, e.source_id AS piece_ref, e.business_date::text AS piece_date,
            l.label, l.debit_minor, l.credit_minor, l.currency
          FROM journal_entry e
          JOIN journal_batch b ON b.id = e.batch_id
          JOIN journal_line l ON l.entry_id = e.id
          WHERE e.property_id = $1 AND b.business_date BETWEEN $2 AND $3 AND e.entry_number IS NOT NULL
          ORDER BY e.journal_code, e.entry_number, l.line_no`,
    line(row) {
      const [journalCode, journalLabel, entryNumber, entryDate, account, accountLabel, auxAccount, auxLabel, pieceRef] =
        row as FecColumns;
      const [, , , , , , , , , pieceDate, label, debitMinor, creditMinor, currency] = row as FecColumns;
      return fecLine({
        journalCode,
        journalLabel,
        entryNumber,
        entryDate,
        account,
        accountLabel,
        auxAccount,
        auxLabel,
        pieceRef,
        pieceDate,
        label,
        debitMinor: Number(debitMinor),
        creditMinor: Number(creditMinor),
        validDate: entryDate,
        currency: currency.trim(),
      });
    },
  },
  csv: {
    header: csvLine(CSV_COLUMNS),
    sql: `SELECT e.business_date::text AS business_date, e.journal_code, e.entry_number, e.kind, e.source_id,
            e.folio_id, l.account, l.account_label, l.aux_account, l.aux_label, l.label, l.debit_minor, l.credit_minor,
            l.currency, e.batch_id
          FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
          WHERE e.property_id = $1 AND e.business_date BETWEEN $2 AND $3
          ORDER BY e.business_date, e.seq, l.line_no`,
    line(row) {
      const columns = row as CsvColumns;
      const currency = columns[13].trim();
      const digits = minorDigits(currency);
      return csvLine([
        ...columns.slice(0, 11),
        decimalAmount(Number(columns[11]), digits),
        decimalAmount(Number(columns[12]), digits),
        currency,
        columns[14],
      ]);
    },
  },
};
