import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope, InvoiceKind, StayCheckedOutV1 } from '@frontoffice/contracts';
import {
  ConflictError,
  cursorParameters,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  pageOf,
  Principal,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CityLedgerService } from '../city-ledger/city-ledger.service';
import { recordAudit } from '../folios/billing-audit';
import { settlementOf } from '../folios/folio-balance';
import { assertFolioOpen, FolioRecord, lockFolio } from '../folios/folio-store';
import { JournalService } from '../journal/journal.service';
import { PaymentsService } from '../payments/payments.service';
import { loadBillingProperty } from '../properties/billing-property';
import {
  composeInvoice,
  creditNoteOf,
  formatInvoiceNumber,
  InvoiceDocument,
  InvoiceLine,
  InvoicePosting,
} from './invoice-document';
import { InvoiceQuery, InvoiceView, SettleFolioDto } from './invoices.dto';

interface InvoiceRow {
  id: string;
  property_id: string;
  kind: InvoiceKind;
  sequence_number: number;
  invoice_number: string;
  folio_id: string;
  reservation_id: string;
  corrects_invoice_id: string | null;
  city_ledger_account_id: string | null;
  bill_to: string;
  currency: string;
  total_minor: string;
  net_minor: string;
  vat_minor: string;
  city_tax_minor: string;
  lines: InvoiceLine[];
  vat_breakdown: InvoiceDocument['vatBreakdown'];
  reason: string | null;
  business_date: string;
  issued_by: string;
  issued_at: Date;
}

const INVOICE_SELECT = 'SELECT *, business_date::text AS business_date FROM invoice';

function toView(row: InvoiceRow): InvoiceView {
  const currency = row.currency.trim();
  const money = (value: string | number) => ({ amountMinor: Number(value), currency });
  return {
    id: row.id,
    kind: row.kind,
    invoiceNumber: row.invoice_number,
    sequenceNumber: row.sequence_number,
    folioId: row.folio_id,
    reservationId: row.reservation_id,
    correctsInvoiceId: row.corrects_invoice_id ?? undefined,
    cityLedgerAccountId: row.city_ledger_account_id ?? undefined,
    billTo: row.bill_to,
    total: money(row.total_minor),
    net: money(row.net_minor),
    vat: money(row.vat_minor),
    cityTax: money(row.city_tax_minor),
    lines: row.lines.map((line) => ({
      postingId: line.postingId,
      businessDate: line.businessDate,
      chargeType: line.chargeType,
      description: line.description,
      amount: money(line.amount),
      net: money(line.net),
      vat: money(line.vat),
      cityTax: money(line.cityTax),
      vatRateBasisPoints: line.vatRateBasisPoints,
    })),
    vatBreakdown: row.vat_breakdown.map((line) => ({
      rateBasisPoints: line.rateBasisPoints,
      net: money(line.net),
      vat: money(line.vat),
    })),
    reason: row.reason ?? undefined,
    businessDate: row.business_date,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at.toISOString(),
  };
}

interface IssueInit {
  folio: FolioRecord;
  kind: InvoiceKind;
  document: InvoiceDocument;
  billTo: string;
  cityLedgerAccountId?: string;
  correctsInvoiceId?: string;
  reason?: string;
  issuedBy: string;
}

/**
 * Check-out settlement, invoices and credit notes. Numbers come from a per-property counter row updated in the
 * issuing transaction: a rolled-back settlement releases its number, so the sequence has no gaps; issued documents
 * are immutable (a trigger refuses updates), corrections are credit notes.
 */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly journal: JournalService,
    private readonly payments: PaymentsService,
    private readonly cityLedger: CityLedgerService,
  ) {}

  /** The guest left: the stay's open folios are due for settlement. */
  async markDue(manager: EntityManager, event: EventEnvelope<StayCheckedOutV1>): Promise<void> {
    await manager.query(
      `UPDATE folio SET status = CASE WHEN status = 'open' THEN 'due' ELSE status END,
         checked_out_at = COALESCE(checked_out_at, $3)
       WHERE property_id = $1 AND reservation_id = $2`,
      [event.propertyId, event.data.reservationId, event.data.checkedOutAt],
    );
  }

  /**
   * A cancelled or no-show booking: its open folios with nothing ever posted or paid close; any other (a deposit,
   * a cancellation fee) becomes due, to be settled or refunded by the desk like a departure.
   */
  async closeForStayNotTaken(manager: EntityManager, propertyId: string, reservationId: string): Promise<void> {
    await manager.query(
      `UPDATE folio f SET status = CASE
          WHEN f.balance_minor = 0
           AND NOT EXISTS (SELECT 1 FROM posting p WHERE p.folio_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM payment m WHERE m.folio_id = f.id) THEN 'closed'
          ELSE 'due' END
       WHERE f.property_id = $1 AND f.reservation_id = $2 AND f.status = 'open'`,
      [propertyId, reservationId],
    );
  }

  private async issue(manager: EntityManager, init: IssueInit): Promise<InvoiceView> {
    const { folio, document } = init;
    const property = await loadBillingProperty(manager, folio.propertyId);
    // The counter row stays locked until commit: numbers are handed out one transaction at a time, and a rollback
    // gives the number back.
    const counter: { last_number: number }[] = await manager.query(
      `INSERT INTO invoice_counter (property_id, last_number) VALUES ($1, 1)
       ON CONFLICT (property_id) DO UPDATE SET last_number = invoice_counter.last_number + 1 RETURNING last_number`,
      [folio.propertyId],
    );
    const sequenceNumber = counter[0].last_number;
    const invoiceNumber = formatInvoiceNumber(property.code, sequenceNumber);
    const rows: InvoiceRow[] = await manager.query(
      `INSERT INTO invoice (property_id, kind, sequence_number, invoice_number, folio_id, reservation_id,
         corrects_invoice_id, city_ledger_account_id, bill_to, currency, total_minor, net_minor, vat_minor,
         city_tax_minor, lines, vat_breakdown, reason, business_date, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING *, business_date::text AS business_date`,
      [
        folio.propertyId,
        init.kind,
        sequenceNumber,
        invoiceNumber,
        folio.id,
        folio.reservationId,
        init.correctsInvoiceId ?? null,
        init.cityLedgerAccountId ?? null,
        init.billTo,
        folio.currency,
        document.total,
        document.net,
        document.vat,
        document.cityTax,
        JSON.stringify(document.lines),
        JSON.stringify(document.vatBreakdown),
        init.reason ?? null,
        property.businessDate,
        init.issuedBy,
      ],
    );
    const view = toView(rows[0]);
    await this.outbox.publish(manager, 'invoice.issued', {
      propertyId: folio.propertyId,
      subject: view.id,
      data: {
        invoiceId: view.id,
        kind: view.kind,
        invoiceNumber: view.invoiceNumber,
        sequenceNumber: view.sequenceNumber,
        folioId: folio.id,
        reservationId: folio.reservationId,
        ...(view.correctsInvoiceId ? { correctsInvoiceId: view.correctsInvoiceId } : {}),
        ...(view.cityLedgerAccountId ? { cityLedgerAccountId: view.cityLedgerAccountId } : {}),
        total: view.total,
        net: view.net,
        vat: view.vat,
        cityTax: view.cityTax,
        businessDate: view.businessDate,
        issuedAt: view.issuedAt,
      },
    });
    await recordAudit(manager, {
      propertyId: folio.propertyId,
      actor: init.issuedBy,
      action: init.kind === 'invoice' ? 'invoice.issued' : 'credit-note.issued',
      subjectId: view.id,
      reason: init.reason,
      details: { invoiceNumber, folioId: folio.id, totalMinor: document.total },
    });
    return view;
  }

  /**
   * Settles a folio: its balance must be zero, or what is owed moves to a city-ledger account (the one given, or
   * the company's the folio belongs to); then the invoice is issued and the folio is settled.
   */
  async settle(propertyId: string, folioId: string, input: SettleFolioDto, principal: Principal): Promise<InvoiceView> {
    return this.dataSource.transaction(async (manager) => {
      const folio = await lockFolio(manager, propertyId, folioId);
      assertFolioOpen(folio);
      const accountId = input.cityLedgerAccountId ?? folio.cityLedgerAccountId ?? undefined;
      const outcome = settlementOf(folio.balanceMinor, accountId);
      if ('refused' in outcome) {
        throw new ConflictError('folio-not-settleable', outcome.refused, {
          folioId,
          balance: { amountMinor: folio.balanceMinor, currency: folio.currency },
        });
      }
      let billTo = folio.guestName;
      if (accountId) {
        const account = await this.cityLedger.assertCanTake(manager, propertyId, accountId, outcome.transfer);
        if (account.currency !== folio.currency) {
          throw new ConflictError('currency-mismatch', `The account is kept in ${account.currency}`, { accountId });
        }
        billTo = account.name;
        if (outcome.transfer > 0) {
          const { businessDate } = await loadBillingProperty(manager, propertyId);
          const transfer = await this.payments.insertPayment(manager, folio, {
            method: 'city_ledger',
            amountMinor: outcome.transfer,
            deposit: false,
            transfer: true,
            cityLedgerAccountId: accountId,
            businessDate,
            recordedBy: principal.sub,
          });
          await this.journal.record(manager, {
            kind: 'city_ledger_transfer',
            propertyId,
            businessDate,
            currency: folio.currency,
            sourceId: transfer.id,
            folioId: folio.id,
            accountHolder: account.name,
            label: `${folio.confirmationNumber} to city ledger ${account.name}`,
            amount: outcome.transfer,
            cityLedgerAccountId: accountId,
          });
        }
      }
      const postings: Array<Record<string, string | number>> = await manager.query(
        `SELECT id, business_date::text AS business_date, charge_type, description, amount_minor, net_minor, vat_minor,
           city_tax_minor, vat_rate_bp
         FROM posting WHERE folio_id = $1 ORDER BY seq`,
        [folio.id],
      );
      const document = composeInvoice(
        postings.map((row): InvoicePosting => ({
          postingId: String(row.id),
          businessDate: String(row.business_date),
          chargeType: String(row.charge_type),
          description: String(row.description),
          amount: Number(row.amount_minor),
          net: Number(row.net_minor),
          vat: Number(row.vat_minor),
          cityTax: Number(row.city_tax_minor),
          vatRateBasisPoints: Number(row.vat_rate_bp),
        })),
      );
      const invoice = await this.issue(manager, {
        folio,
        kind: 'invoice',
        document,
        billTo,
        cityLedgerAccountId: accountId,
        issuedBy: principal.sub,
      });
      await manager.query(`UPDATE folio SET status = 'settled', settled_at = now(), invoice_id = $2 WHERE id = $1`, [
        folio.id,
        invoice.id,
      ]);
      return invoice;
    });
  }

  /** Cancels an invoice with a credit note (once); the folio reopens so the desk can correct and settle again. */
  async creditNote(propertyId: string, invoiceId: string, reason: string, principal: Principal): Promise<InvoiceView> {
    return this.dataSource.transaction(async (manager) => {
      const found: InvoiceRow[] = await manager.query(`${INVOICE_SELECT} WHERE id = $1 AND property_id = $2`, [
        invoiceId,
        propertyId,
      ]);
      const original = found[0];
      if (!original) throw new NotFoundError('invoice', invoiceId);
      if (original.kind !== 'invoice') {
        throw new ConflictError('not-an-invoice', 'A credit note is not credited again', { invoiceId });
      }
      const folio = await lockFolio(manager, propertyId, original.folio_id);
      const existing: unknown[] = await manager.query('SELECT 1 FROM invoice WHERE corrects_invoice_id = $1', [
        invoiceId,
      ]);
      if (existing.length > 0) {
        throw new ConflictError('invoice-already-credited', `Invoice ${original.invoice_number} was credited already`, {
          invoiceId,
        });
      }
      const document = creditNoteOf({
        lines: original.lines,
        vatBreakdown: original.vat_breakdown,
        total: Number(original.total_minor),
        net: Number(original.net_minor),
        vat: Number(original.vat_minor),
        cityTax: Number(original.city_tax_minor),
      });
      const credit = await this.issue(manager, {
        folio,
        kind: 'credit_note',
        document,
        billTo: original.bill_to,
        cityLedgerAccountId: original.city_ledger_account_id ?? undefined,
        correctsInvoiceId: invoiceId,
        reason,
        issuedBy: principal.sub,
      });
      if (folio.invoiceId === invoiceId) {
        await manager.query(
          `UPDATE folio SET status = CASE WHEN checked_out_at IS NULL THEN 'open' ELSE 'due' END, settled_at = NULL,
             invoice_id = NULL WHERE id = $1`,
          [folio.id],
        );
      }
      return credit;
    });
  }

  /** Newest first, by the gapless per-property sequence (unique, so it is the whole keyset). */
  async list(propertyId: string, query: InvoiceQuery): Promise<Page<InvoiceView>> {
    const limit = pageLimit(query);
    const [sequence] = cursorParameters(query.cursor, ['int']);
    const rows: InvoiceRow[] = await this.dataSource.query(
      `${INVOICE_SELECT} WHERE property_id = $1 AND ($2::uuid IS NULL OR folio_id = $2)
         AND ($3::int IS NULL OR sequence_number < $3)
       ORDER BY sequence_number DESC LIMIT $4`,
      [propertyId, query.folioId ?? null, sequence, limit + 1],
    );
    return pageOf(rows, limit, (row) => [Number(row.sequence_number)], toView);
  }

  async get(propertyId: string, invoiceId: string): Promise<InvoiceView> {
    const rows: InvoiceRow[] = await this.dataSource.query(`${INVOICE_SELECT} WHERE id = $1 AND property_id = $2`, [
      invoiceId,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('invoice', invoiceId);
    return toView(rows[0]);
  }
}
