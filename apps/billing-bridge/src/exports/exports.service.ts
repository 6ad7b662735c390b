import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { JournalSettingsRepository } from '../journal/journal-settings.repository';
import { csvLine, decimalAmount } from './csv-format';
import { forEachRowBatch } from './cursor-stream';
import { fecFileName, fecHeader, fecLine } from './fec-format';
import { minorDigits } from './fec-format';

/** Where an export writes: a response that reports back-pressure and whether the client is still there. */
export interface ExportSink {
  /** Resolves when the chunk may be followed by another (the socket drained). */
  write(chunk: string): Promise<void>;
  aborted(): boolean;
}

interface FecRow {
  journal_code: string;
  journal_label: string;
  entry_number: number;
  entry_date: string;
  account: string;
  account_label: string;
  aux_account: string | null;
  aux_label: string | null;
  piece_ref: string;
  piece_date: string;
  label: string;
  debit_minor: string;
  credit_minor: string;
  currency: string;
}

interface CsvRow {
  business_date: string;
  journal_code: string;
  entry_number: number | null;
  kind: string;
  source_id: string;
  folio_id: string | null;
  account: string;
  account_label: string;
  aux_account: string | null;
  aux_label: string | null;
  label: string;
  debit_minor: string;
  credit_minor: string;
  currency: string;
  batch_id: string | null;
}

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

  async streamFec(propertyId: string, from: string, to: string, sink: ExportSink): Promise<number> {
    await sink.write(fecHeader());
    return forEachRowBatch<FecRow>(
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
      async (rows) => {
        let chunk = '';
        for (const row of rows) {
          chunk += fecLine({
            journalCode: row.journal_code,
            journalLabel: row.journal_label,
            entryNumber: row.entry_number,
            entryDate: row.entry_date,
            account: row.account,
            accountLabel: row.account_label,
            auxAccount: row.aux_account,
            auxLabel: row.aux_label,
            pieceRef: row.piece_ref,
            pieceDate: row.piece_date,
            label: row.label,
            debitMinor: Number(row.debit_minor),
            creditMinor: Number(row.credit_minor),
            validDate: row.entry_date,
            currency: row.currency.trim(),
          });
        }
        await sink.write(chunk);
      },
      { aborted: sink.aborted },
    );
  }

  async streamCsv(propertyId: string, from: string, to: string, sink: ExportSink): Promise<number> {
    await sink.write(csvLine(CSV_COLUMNS));
    return forEachRowBatch<CsvRow>(
      this.dataSource,
      `SELECT e.business_date::text AS business_date, e.journal_code, e.entry_number, e.kind, e.source_id, e.folio_id,
         l.account, l.account_label, l.aux_account, l.aux_label, l.label, l.debit_minor, l.credit_minor, l.currency,
         e.batch_id
       FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
       WHERE e.property_id = $1 AND e.business_date BETWEEN $2 AND $3
       ORDER BY e.business_date, e.seq, l.line_no`,
      [propertyId, from, to],
      async (rows) => {
        let chunk = '';
        for (const row of rows) {
          const currency = row.currency.trim();
          const digits = minorDigits(currency);
          chunk += csvLine([
            row.business_date,
            row.journal_code,
            row.entry_number,
            row.kind,
            row.source_id,
            row.folio_id,
            row.account,
            row.account_label,
            row.aux_account,
            row.aux_label,
            row.label,
            decimalAmount(Number(row.debit_minor), digits),
            decimalAmount(Number(row.credit_minor), digits),
            currency,
            row.batch_id,
          ]);
        }
        await sink.write(chunk);
      },
      { aborted: sink.aborted },
    );
  }
}
