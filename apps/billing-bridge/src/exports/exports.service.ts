import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { JournalSettingsRepository } from '../journal/journal-settings.repository';
import { csvLine, decimalAmount } from './csv-format';
import { cursorBatches } from './cursor-stream';
import { fecFileName, fecHeader, fecLine, minorDigits } from './fec-format';
import { LinePacker } from './line-packer';

/** A FEC row as the cursor gives it, columns in SELECT order (bigint amounts come as text). */
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

/** A CSV row, columns in SELECT order: the CSV's own order, amounts and currency still to format. */
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
 * The back-office exports, streamed from a database cursor to the response: memory stays constant whatever the
 * period. The FEC holds the closed (validated, numbered) entries of the batches of the period; the CSV holds every
 * line of the period's business dates, closed or not.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: JournalSettingsRepository,
  ) {}

  /** The FEC file name; refuses (409) while the property has no SIREN, which the legal file name needs. */
  async fecFileName(propertyId: string, to: string): Promise<string> {
    const { siren } = await this.settings.find(this.dataSource.manager, propertyId);
    if (!siren) {
      throw new ConflictError(
        'siren-missing',
        'Set the property SIREN (PATCH /v1/properties/{propertyId}/journal/settings) before exporting a FEC',
        { propertyId },
      );
    }
    return fecFileName(siren, to);
  }

  /**
   * The FEC as UTF-8 chunks: the header, then the lines packed as they are formatted. Pull-driven: lines are
   * formatted only when the reader asks for more, so a slow client holds the cursor, not memory.
   */
  async *fecChunks(propertyId: string, from: string, to: string): AsyncGenerator<Buffer> {
    const packer = new LinePacker();
    packer.add(fecHeader());
    const batches = cursorBatches(
      this.dataSource,
      `SELECT e.journal_code, e.journal_label, e.entry_number, b.business_date::text AS entry_date, l.account,
         l.account_label, l.aux_account, l.aux_label, e.source_id AS piece_ref, e.business_date::text AS piece_date,
         l.label, l.debit_minor, l.credit_minor, l.currency
       FROM journal_entry e
       JOIN journal_batch b ON b.id = e.batch_id
       JOIN journal_line l ON l.entry_id = e.id
       WHERE e.property_id = $1 AND b.business_date BETWEEN $2 AND $3 AND e.entry_number IS NOT NULL
       ORDER BY e.journal_code, e.entry_number, l.line_no`,
      [propertyId, from, to],
    );
    for await (const rows of batches) {
      for (const row of rows as FecColumns[]) {
        const [
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
          debitMinor,
          creditMinor,
          currency,
        ] = row;
        const full = packer.add(
          fecLine({
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
          }),
        );
        if (full) yield full;
      }
    }
    const rest = packer.take();
    if (rest) yield rest;
  }

  /** Every journal line of the period's business dates as CSV chunks, pulled like `fecChunks`. */
  async *csvChunks(propertyId: string, from: string, to: string): AsyncGenerator<Buffer> {
    const packer = new LinePacker();
    packer.add(csvLine(CSV_COLUMNS));
    const batches = cursorBatches(
      this.dataSource,
      `SELECT e.business_date::text AS business_date, e.journal_code, e.entry_number, e.kind, e.source_id, e.folio_id,
         l.account, l.account_label, l.aux_account, l.aux_label, l.label, l.debit_minor, l.credit_minor, l.currency,
         e.batch_id
       FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
       WHERE e.property_id = $1 AND e.business_date BETWEEN $2 AND $3
       ORDER BY e.business_date, e.seq, l.line_no`,
      [propertyId, from, to],
    );
    for await (const rows of batches) {
      for (const row of rows as CsvColumns[]) {
        const currency = row[13].trim();
        const digits = minorDigits(currency);
        const full = packer.add(
          csvLine([
            ...row.slice(0, 11),
            decimalAmount(Number(row[11]), digits),
            decimalAmount(Number(row[12]), digits),
            currency,
            row[14],
          ]),
        );
        if (full) yield full;
      }
    }
    const rest = packer.take();
    if (rest) yield rest;
  }
}
