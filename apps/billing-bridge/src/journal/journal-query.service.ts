import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cursorParameters, Page, pageLimit, pageOf } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import type { JournalBatchQuery, JournalBatchView, JournalLineView, JournalView } from './journal.dto';

interface LineRow {
  entry_id: string;
  entry_number: number | null;
  journal_code: string;
  kind: string;
  source_id: string;
  business_date: string;
  line_no: number;
  account_role: string;
  account: string;
  account_label: string;
  aux_account: string | null;
  aux_label: string | null;
  label: string;
  folio_id: string | null;
  debit_minor: string;
  credit_minor: string;
  currency: string;
  batch_id: string | null;
}

interface BatchRow {
  id: string;
  business_date: string;
  currency: string;
  debit_minor: string;
  credit_minor: string;
  entry_count: number;
  line_count: number;
  closed_at: Date;
}

function toBatchView(row: BatchRow): JournalBatchView {
  const currency = row.currency.trim();
  return {
    batchId: row.id,
    businessDate: row.business_date,
    debit: { amountMinor: Number(row.debit_minor), currency },
    credit: { amountMinor: Number(row.credit_minor), currency },
    entryCount: row.entry_count,
    lineCount: row.line_count,
    closedAt: row.closed_at.toISOString(),
  };
}

const BATCH_COLUMNS = `id, business_date::text AS business_date, currency, debit_minor, credit_minor, entry_count,
  line_count, closed_at`;

/** Reads of the journal for people: a business date's lines with totals, and the closed batches. */
@Injectable()
export class JournalQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forBusinessDate(propertyId: string, businessDate: string): Promise<JournalView> {
    const rows: LineRow[] = await this.dataSource.query(
      `SELECT l.entry_id, e.entry_number, e.journal_code, e.kind, e.source_id, l.business_date::text AS business_date,
         l.line_no, l.account_role, l.account, l.account_label, l.aux_account, l.aux_label, l.label, e.folio_id,
         l.debit_minor, l.credit_minor, l.currency, e.batch_id
       FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
       WHERE l.property_id = $1 AND l.business_date = $2
       ORDER BY e.seq, l.line_no`,
      [propertyId, businessDate],
    );
    const batches: BatchRow[] = await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM journal_batch WHERE property_id = $1 AND business_date = $2`,
      [propertyId, businessDate],
    );
    const currency = rows[0]?.currency.trim() ?? batches[0]?.currency.trim() ?? (await this.currencyOf(propertyId));
    let debit = 0;
    let credit = 0;
    const lines = rows.map((row): JournalLineView => {
      const lineCurrency = row.currency.trim();
      debit += Number(row.debit_minor);
      credit += Number(row.credit_minor);
      return {
        entryId: row.entry_id,
        entryNumber: row.entry_number,
        journalCode: row.journal_code,
        kind: row.kind,
        sourceId: row.source_id,
        businessDate: row.business_date,
        lineNo: row.line_no,
        accountRole: row.account_role,
        account: row.account,
        accountLabel: row.account_label,
        ...(row.aux_account ? { auxAccount: row.aux_account } : {}),
        ...(row.aux_label ? { auxLabel: row.aux_label } : {}),
        label: row.label,
        ...(row.folio_id ? { folioId: row.folio_id } : {}),
        debit: { amountMinor: Number(row.debit_minor), currency: lineCurrency },
        credit: { amountMinor: Number(row.credit_minor), currency: lineCurrency },
        batchId: row.batch_id,
      };
    });
    return {
      businessDate,
      lines,
      totals: { debit: { amountMinor: debit, currency }, credit: { amountMinor: credit, currency } },
      batch: batches[0] ? toBatchView(batches[0]) : null,
    };
  }

  /** By business date, one batch per date (so the date is the whole keyset). */
  async batches(propertyId: string, query: JournalBatchQuery): Promise<Page<JournalBatchView>> {
    const limit = pageLimit(query);
    const [after] = cursorParameters(query.cursor, ['date']);
    const rows: BatchRow[] = await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM journal_batch
       WHERE property_id = $1 AND business_date BETWEEN $2 AND $3 AND ($4::date IS NULL OR business_date > $4)
       ORDER BY business_date LIMIT $5`,
      [propertyId, query.from, query.to, after, limit + 1],
    );
    return pageOf(rows, limit, (row) => [row.business_date], toBatchView);
  }

  /** A date without lines answers zero totals in the property's currency (as billing knows the property). */
  private async currencyOf(propertyId: string): Promise<string> {
    const rows: { currency: string }[] = await this.dataSource.query(
      `SELECT currency FROM billing_property WHERE property_id = $1
       UNION ALL (SELECT currency FROM journal_entry WHERE property_id = $1 ORDER BY seq DESC LIMIT 1)`,
      [propertyId],
    );
    return rows[0]?.currency.trim() ?? 'EUR';
  }
}
