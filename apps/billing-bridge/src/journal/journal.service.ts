import { Injectable } from '@nestjs/common';
import type { NightAuditCompletedV1 } from '@frontoffice/contracts';
import { ConflictError, OutboxService } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import type { FinancialFact } from './financial-fact';
import type { ChartOfAccounts } from './chart-of-accounts';
import { journalLinesFor, journalRoleFor, JournalLineDraft } from './journal-lines';
import { JournalSettingsRepository } from './journal-settings.repository';

export interface RecordedEntry {
  entryId: string;
  /** False when this (sourceId, kind) was already recorded: nothing was written the second time. */
  recorded: boolean;
  lines: JournalLineDraft[];
}

export interface JournalBatchSummary {
  batchId: string;
  propertyId: string;
  businessDate: string;
  currency: string;
  debit: number;
  credit: number;
  entryCount: number;
  lineCount: number;
  closedAt: Date;
  /** False when the date had been closed already: the first close is returned, nothing was published again. */
  closedNow: boolean;
}

interface BatchRow {
  id: string;
  property_id: string;
  business_date: string;
  currency: string;
  debit_minor: string;
  credit_minor: string;
  entry_count: number;
  line_count: number;
  closed_at: Date;
}

const BATCH_COLUMNS = `id, property_id, business_date::text AS business_date, currency, debit_minor, credit_minor,
  entry_count, line_count, closed_at`;

function toSummary(row: BatchRow, closedNow: boolean): JournalBatchSummary {
  return {
    batchId: row.id,
    propertyId: row.property_id,
    businessDate: row.business_date,
    currency: row.currency.trim(),
    debit: Number(row.debit_minor),
    credit: Number(row.credit_minor),
    entryCount: row.entry_count,
    lineCount: row.line_count,
    closedAt: row.closed_at,
    closedNow,
  };
}

/** What a fact books, whatever its wording: a replay must carry the same. */
function amountsOf(fact: FinancialFact): string {
  const { propertyId, businessDate, currency, kind } = fact;
  const amounts = journalAmounts(fact);
  return JSON.stringify({ propertyId, businessDate, currency, kind, amounts });
}

function journalAmounts(fact: FinancialFact): unknown[] {
  switch (fact.kind) {
    case 'charge':
    case 'allowance':
      return [fact.department, fact.net, fact.vat, fact.cityTax, fact.folioId ?? null];
    case 'payment':
    case 'refund':
      return [fact.method, fact.amount, fact.folioId ?? null, fact.cityLedgerAccountId ?? null];
    case 'deposit_received':
      return [fact.method, fact.amount, fact.folioId ?? null];
    case 'deposit_applied':
      return [fact.amount, fact.folioId ?? null];
    case 'city_ledger_transfer':
      return [fact.amount, fact.folioId ?? null, fact.cityLedgerAccountId];
    case 'cash_variance':
      return [fact.variance, fact.cashierSessionId];
    case 'cash_movement':
      return [fact.direction, fact.amount, fact.cashierSessionId];
  }
}

/**
 * The general-ledger journal. Both operations run in the caller's transaction, so a fact and the change it
 * describes (a payment, a posting) commit together, and a business date's close commits with the night audit.
 */
@Injectable()
export class JournalService {
  constructor(
    private readonly settings: JournalSettingsRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Writes a fact's balanced lines; once per (sourceId, kind): a replay writes nothing and says so. */
  async record(manager: EntityManager, fact: FinancialFact): Promise<RecordedEntry> {
    const [entry] = await this.recordMany(manager, [fact]);
    return entry;
  }

  /**
   * Records many facts with one statement for their entries and one for all their lines (a night audit's room
   * nights arrive by the hundred). Each fact is recorded once per (sourceId, kind), as with `record`.
   */
  async recordMany(manager: EntityManager, facts: FinancialFact[]): Promise<RecordedEntry[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('JournalService.record must run inside the transaction of the change it records');
    }
    if (facts.length === 0) return [];
    const charts = new Map<string, ChartOfAccounts>();
    for (const propertyId of new Set(facts.map((fact) => fact.propertyId))) {
      charts.set(propertyId, (await this.settings.find(manager, propertyId)).chart);
    }
    const drafts = facts.map((fact) => {
      const chart = charts.get(fact.propertyId)!;
      return { fact, lines: journalLinesFor(fact, chart), journal: chart.journals[journalRoleFor(fact)] };
    });
    const inserted: { id: string; source_id: string; kind: string }[] = await manager.query(
      `INSERT INTO journal_entry (property_id, business_date, kind, source_id, journal_code, journal_label, currency,
         label, folio_id, fact)
       SELECT property_id, business_date, kind, source_id, journal_code, journal_label, currency, label, folio_id, fact
         FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::uuid[], $10::jsonb[]) WITH ORDINALITY
              AS e (property_id, business_date, kind, source_id, journal_code, journal_label, currency, label,
                    folio_id, fact, position)
        ORDER BY position
       ON CONFLICT (source_id, kind) DO NOTHING RETURNING id, source_id, kind`,
      [
        facts.map((fact) => fact.propertyId),
        facts.map((fact) => fact.businessDate),
        facts.map((fact) => fact.kind),
        facts.map((fact) => fact.sourceId),
        drafts.map(({ journal }) => journal.code),
        drafts.map(({ journal }) => journal.label),
        facts.map((fact) => fact.currency),
        facts.map((fact) => fact.label),
        facts.map((fact) => fact.folioId ?? null),
        facts.map((fact) => JSON.stringify(fact)),
      ],
    );
    const entryIds = new Map(inserted.map((row) => [`${row.kind}:${row.source_id}`, row.id]));
    const recorded: RecordedEntry[] = [];
    const lineRows: Array<{ entryId: string; no: number; fact: FinancialFact; line: JournalLineDraft }> = [];
    for (const { fact, lines } of drafts) {
      const entryId = entryIds.get(`${fact.kind}:${fact.sourceId}`);
      if (entryId === undefined) {
        recorded.push(await this.alreadyRecorded(manager, fact, lines));
        continue;
      }
      // Recorded now: a second fact with the same source in this call is a replay of this one.
      entryIds.delete(`${fact.kind}:${fact.sourceId}`);
      lines.forEach((line, index) => lineRows.push({ entryId, no: index + 1, fact, line }));
      recorded.push({ entryId, recorded: true, lines });
    }
    if (lineRows.length > 0) {
      await manager.query(
        `INSERT INTO journal_line (entry_id, line_no, property_id, business_date, account_role, account, account_label,
           aux_account, aux_label, debit_minor, credit_minor, currency, label)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::date[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::text[], $13::text[])`,
        [
          lineRows.map((row) => row.entryId),
          lineRows.map((row) => row.no),
          lineRows.map((row) => row.fact.propertyId),
          lineRows.map((row) => row.fact.businessDate),
          lineRows.map((row) => row.line.role),
          lineRows.map((row) => row.line.account),
          lineRows.map((row) => row.line.accountLabel),
          lineRows.map((row) => row.line.auxAccount ?? null),
          lineRows.map((row) => row.line.auxLabel ?? null),
          lineRows.map((row) => row.line.debit),
          lineRows.map((row) => row.line.credit),
          lineRows.map((row) => row.fact.currency),
          lineRows.map((row) => row.line.label),
        ],
      );
    }
    return recorded;
  }

  /** A replay is the same fact again; the same source with other amounts is a bug that must not pass silently. */
  private async alreadyRecorded(
    manager: EntityManager,
    fact: FinancialFact,
    lines: JournalLineDraft[],
  ): Promise<RecordedEntry> {
    const existing: { id: string; fact: FinancialFact }[] = await manager.query(
      'SELECT id, fact FROM journal_entry WHERE source_id = $1 AND kind = $2',
      [fact.sourceId, fact.kind],
    );
    if (amountsOf(existing[0].fact) !== amountsOf(fact)) {
      throw new ConflictError(
        'journal-fact-mismatch',
        `The ${fact.kind} ${fact.sourceId} was already recorded with other amounts`,
        { sourceId: fact.sourceId, kind: fact.kind },
      );
    }
    return { entryId: existing[0].id, recorded: false, lines };
  }

  /**
   * Closes a business date: every entry of that date (and any late entry of an earlier, closed date) goes into the
   * date's batch, numbered without gaps per journal; the night-audit figures are kept for the flash report; and
   * `journal.batch-closed` is published. Closing a date twice returns the first batch and changes nothing.
   */
  async closeBusinessDate(
    manager: EntityManager,
    propertyId: string,
    businessDate: string,
    figures: NightAuditCompletedV1,
  ): Promise<JournalBatchSummary> {
    // One close at a time per property: numbering and the choice of entries must not interleave.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('journal-close:' || $1, 0))`, [propertyId]);
    const existing: BatchRow[] = await manager.query(
      `SELECT ${BATCH_COLUMNS} FROM journal_batch WHERE property_id = $1 AND business_date = $2`,
      [propertyId, businessDate],
    );
    if (existing.length > 0) return toSummary(existing[0], false);

    const currency = figures.roomRevenue.currency;
    const created: { id: string }[] = await manager.query(
      `INSERT INTO journal_batch (property_id, business_date, currency, debit_minor, credit_minor, entry_count,
         line_count, figures)
       VALUES ($1, $2, $3, 0, 0, 0, 0, $4) RETURNING id`,
      [propertyId, businessDate, currency, JSON.stringify(figures)],
    );
    const batchId = created[0].id;
    // Entries without lines (a fact worth nothing) stay out of the batch: they have nothing to number or export.
    await manager.query(
      `UPDATE journal_entry e SET batch_id = $1
       WHERE e.property_id = $2 AND e.batch_id IS NULL AND e.business_date <= $3
         AND EXISTS (SELECT 1 FROM journal_line l WHERE l.entry_id = e.id)`,
      [batchId, propertyId, businessDate],
    );
    const totals: { currency: string; debit: string; credit: string; entries: string; lines: string }[] =
      await manager.query(
        `SELECT l.currency, sum(l.debit_minor) AS debit, sum(l.credit_minor) AS credit,
           count(DISTINCT l.entry_id) AS entries, count(*) AS lines
         FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
         WHERE e.batch_id = $1 GROUP BY l.currency`,
        [batchId],
      );
    for (const total of totals) {
      if (total.currency.trim() !== currency) {
        throw new ConflictError(
          'journal-batch-mixed-currency',
          `Business date ${businessDate} has ${total.currency.trim()} lines in a ${currency} property`,
          { businessDate, currency: total.currency.trim() },
        );
      }
      if (total.debit !== total.credit) {
        throw new ConflictError(
          'journal-batch-unbalanced',
          `Business date ${businessDate} does not balance: debit ${total.debit}, credit ${total.credit}`,
          { businessDate, debit: Number(total.debit), credit: Number(total.credit) },
        );
      }
    }
    const debit = Number(totals[0]?.debit ?? 0);
    const credit = Number(totals[0]?.credit ?? 0);
    const entryCount = Number(totals[0]?.entries ?? 0);
    const lineCount = Number(totals[0]?.lines ?? 0);

    await manager.query(
      `INSERT INTO journal_sequence (property_id, journal_code)
       SELECT DISTINCT property_id, journal_code FROM journal_entry WHERE batch_id = $1
       ON CONFLICT DO NOTHING`,
      [batchId],
    );
    await manager.query(
      `WITH numbered AS (
         SELECT e.id, s.last_number + row_number() OVER (PARTITION BY e.journal_code ORDER BY e.business_date, e.seq)
           AS entry_number
         FROM journal_entry e
         JOIN journal_sequence s ON s.property_id = e.property_id AND s.journal_code = e.journal_code
         WHERE e.batch_id = $1
       )
       UPDATE journal_entry e SET entry_number = numbered.entry_number FROM numbered WHERE e.id = numbered.id`,
      [batchId],
    );
    await manager.query(
      `UPDATE journal_sequence s SET last_number = s.last_number + counted.entries
       FROM (SELECT journal_code, count(*) AS entries FROM journal_entry WHERE batch_id = $1 GROUP BY journal_code)
         AS counted
       WHERE s.property_id = $2 AND s.journal_code = counted.journal_code`,
      [batchId, propertyId],
    );
    await manager.query(
      `UPDATE journal_batch SET debit_minor = $2, credit_minor = $3, entry_count = $4, line_count = $5 WHERE id = $1`,
      [batchId, debit, credit, entryCount, lineCount],
    );
    const closed: BatchRow[] = await manager.query(`SELECT ${BATCH_COLUMNS} FROM journal_batch WHERE id = $1`, [
      batchId,
    ]);
    const summary = toSummary(closed[0], true);
    await this.outbox.publish(manager, 'journal.batch-closed', {
      propertyId,
      subject: batchId,
      data: {
        batchId,
        businessDate,
        debit: { amountMinor: debit, currency },
        credit: { amountMinor: credit, currency },
        entryCount,
        lineCount,
        closedAt: summary.closedAt.toISOString(),
      },
    });
    return summary;
  }
}
