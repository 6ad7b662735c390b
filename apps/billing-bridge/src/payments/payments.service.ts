import { invalidField } from '../folios/money-input';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope, PaymentMethodName, StayCheckedInV1 } from '@frontoffice/contracts';
import {
  ConflictError,
  cursorParameters,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  pageLimit,
  pageOf,
  Principal,
  RequestValidationException,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CashierService } from '../cashier/cashier.service';
import { CityLedgerService } from '../city-ledger/city-ledger.service';
import { recordAudit } from '../folios/billing-audit';
import { refundableAmount } from '../folios/folio-balance';
import {
  adjustBalance,
  assertCurrency,
  assertFolioOpen,
  findFolios,
  FolioRecord,
  lockFolio,
  updateReturning,
} from '../folios/folio-store';
import { JournalService } from '../journal/journal.service';
import { loadBillingProperty } from '../properties/billing-property';
import { PAYMENT_SELECT, PaymentRow, toPaymentView } from './payment-view';
import { refundNeedsApproval } from './refund-approval';
import { PaymentView, RecordPaymentDto, RefundList, RefundQuery, RefundView, RequestRefundDto } from './payments.dto';

interface RefundRow {
  id: string;
  property_id: string;
  payment_id: string;
  folio_id: string;
  method: PaymentMethodName;
  currency: string;
  amount_minor: string;
  reason: string;
  status: 'pending_approval' | 'issued' | 'rejected';
  requested_by: string;
  approved_by: string | null;
  decision_note: string | null;
  cashier_session_id: string | null;
  business_date: string | null;
  created_at: Date;
  issued_at: Date | null;
}

const REFUND_SELECT = 'SELECT *, business_date::text AS business_date FROM refund';

export interface NewPayment {
  method: PaymentMethodName;
  amountMinor: number;
  deposit: boolean;
  transfer: boolean;
  cardLast4?: string;
  processorRef?: string;
  cityLedgerAccountId?: string;
  cashierSessionId?: string;
  businessDate: string;
  recordedBy: string;
}

function toRefundView(row: RefundRow): RefundView {
  return {
    id: row.id,
    status: row.status,
    paymentId: row.payment_id,
    folioId: row.folio_id,
    method: row.method,
    amount: { amountMinor: Number(row.amount_minor), currency: row.currency.trim() },
    reason: row.reason,
    requestedBy: row.requested_by,
    approvedBy: row.approved_by ?? undefined,
    decisionNote: row.decision_note ?? undefined,
    cashierSessionId: row.cashier_session_id ?? undefined,
    businessDate: row.business_date ?? undefined,
    requestedAt: row.created_at.toISOString(),
    issuedAt: row.issued_at?.toISOString(),
  };
}

/**
 * Payments, advance deposits and refunds. A payment locks its folio; a refund locks its payment row, so two refunds
 * of one payment serialise, and a CHECK (refunded + pending <= amount) refuses anything beyond what was paid.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly journal: JournalService,
    private readonly cashier: CashierService,
    private readonly cityLedger: CityLedgerService,
  ) {}

  /** Writes a payment row on a locked folio and its event; the caller records the journal fact. */
  async insertPayment(manager: EntityManager, folio: FolioRecord, payment: NewPayment): Promise<PaymentView> {
    const rows: PaymentRow[] = await manager.query(
      `INSERT INTO payment (property_id, folio_id, reservation_id, method, currency, amount_minor, is_deposit,
         deposit_status, is_transfer, card_last4, processor_ref, city_ledger_account_id, cashier_session_id,
         business_date, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       RETURNING *, business_date::text AS business_date`,
      [
        folio.propertyId,
        folio.id,
        folio.reservationId,
        payment.method,
        folio.currency,
        payment.amountMinor,
        payment.deposit,
        payment.deposit ? 'held' : null,
        payment.transfer,
        payment.cardLast4 ?? null,
        payment.processorRef ?? null,
        payment.cityLedgerAccountId ?? null,
        payment.cashierSessionId ?? null,
        payment.businessDate,
        payment.recordedBy,
      ],
    );
    const view = toPaymentView(rows[0]);
    if (!payment.deposit) await adjustBalance(manager, folio.id, -payment.amountMinor);
    await this.outbox.publish(manager, 'payment.recorded', {
      propertyId: folio.propertyId,
      subject: view.id,
      data: {
        paymentId: view.id,
        folioId: folio.id,
        reservationId: folio.reservationId,
        method: view.method,
        amount: view.amount,
        deposit: view.deposit,
        ...(view.cardLast4 ? { cardLast4: view.cardLast4 } : {}),
        ...(view.processorRef ? { processorRef: view.processorRef } : {}),
        ...(view.cityLedgerAccountId ? { cityLedgerAccountId: view.cityLedgerAccountId } : {}),
        ...(view.cashierSessionId ? { cashierSessionId: view.cashierSessionId } : {}),
        businessDate: view.businessDate,
        recordedBy: view.recordedBy,
        recordedAt: view.recordedAt,
      },
    });
    return view;
  }

  /** A payment on the folio, or (deposit) an advance deposit held as a liability until check-in. */
  async record(
    propertyId: string,
    folioId: string,
    input: RecordPaymentDto,
    principal: Principal,
    deposit = false,
  ): Promise<PaymentView> {
    const misplaced = [
      ...(input.method !== 'card' ? (['cardLast4', 'processorRef'] as const) : []),
      ...(input.method !== 'city_ledger' ? (['cityLedgerAccountId'] as const) : []),
    ].filter((field) => input[field] !== undefined);
    if (misplaced.length > 0) {
      throw new RequestValidationException(
        misplaced.map((field) => ({ field, messages: [`${field} does not apply to a ${input.method} payment`] })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const folio = await lockFolio(manager, propertyId, folioId);
      assertFolioOpen(folio);
      assertCurrency(folio, input.amount.currency, 'amount.currency');
      if (deposit && folio.checkedInAt) {
        throw new ConflictError('guest-checked-in', 'The guest has checked in: take a payment, not a deposit', {
          folioId,
        });
      }
      const session =
        input.method === 'cash' ? await this.cashier.lockOpenSessionOf(manager, propertyId, principal.sub) : undefined;
      let holder = folio.guestName;
      if (input.method === 'city_ledger') {
        const account = await this.cityLedger.assertCanTake(
          manager,
          propertyId,
          input.cityLedgerAccountId!,
          input.amount.amountMinor,
        );
        assertCurrency(folio, account.currency, 'cityLedgerAccountId');
        holder = account.name;
      }
      const { businessDate } = await loadBillingProperty(manager, propertyId);
      const payment = await this.insertPayment(manager, folio, {
        method: input.method,
        amountMinor: input.amount.amountMinor,
        deposit,
        transfer: false,
        cardLast4: input.cardLast4,
        processorRef: input.processorRef,
        cityLedgerAccountId: input.cityLedgerAccountId,
        cashierSessionId: session?.id,
        businessDate,
        recordedBy: principal.sub,
      });
      const base = {
        propertyId,
        businessDate,
        currency: folio.currency,
        sourceId: payment.id,
        folioId: folio.id,
        accountHolder: holder,
        label: `${folio.confirmationNumber} ${deposit ? 'deposit' : 'payment'} ${input.method}`,
      };
      if (deposit) {
        await this.journal.record(manager, {
          ...base,
          kind: 'deposit_received',
          method: input.method as Exclude<PaymentMethodName, 'city_ledger'>,
          amount: payment.amount.amountMinor,
        });
      } else {
        await this.journal.record(manager, {
          ...base,
          kind: 'payment',
          method: input.method,
          amount: payment.amount.amountMinor,
          ...(input.cityLedgerAccountId ? { cityLedgerAccountId: input.cityLedgerAccountId } : {}),
        });
      }
      return payment;
    });
  }

  async getPayment(propertyId: string, paymentId: string): Promise<PaymentView> {
    const rows: PaymentRow[] = await this.dataSource.query(`${PAYMENT_SELECT} WHERE id = $1 AND property_id = $2`, [
      paymentId,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('payment', paymentId);
    return toPaymentView(rows[0]);
  }

  /**
   * A refund on a payment: at most what was paid on it minus refunds issued or waiting, decided under the payment's
   * row lock. While everything refunded on the payment and its folio (this one included) stays within the
   * property's threshold it is issued at once; beyond, it waits for a manager's approval.
   */
  async requestRefund(
    propertyId: string,
    paymentId: string,
    input: RequestRefundDto,
    principal: Principal,
  ): Promise<RefundView> {
    return this.dataSource.transaction(async (manager) => {
      // Locks in one order everywhere (folio, payment, refund, till), so concurrent money moves never deadlock.
      await this.lockFolioOfPayment(manager, propertyId, paymentId);
      const rows: PaymentRow[] = await manager.query(
        `${PAYMENT_SELECT} WHERE id = $1 AND property_id = $2 FOR UPDATE`,
        [paymentId, propertyId],
      );
      const payment = rows[0];
      if (!payment) throw new NotFoundError('payment', paymentId);
      assertFolioOpen(await lockFolio(manager, propertyId, payment.folio_id));
      if (payment.is_transfer) {
        throw new ConflictError('transfer-not-refundable', 'A city-ledger transfer is not refunded to the guest', {
          paymentId,
        });
      }
      if (payment.deposit_status === 'held') {
        throw new ConflictError(
          'deposit-held',
          'The deposit is held until check-in; it is refunded from the folio after',
          {
            paymentId,
          },
        );
      }
      const currency = payment.currency.trim();
      if (input.amount.currency !== currency) {
        throw invalidField('amount.currency', `The payment was in ${currency}`);
      }
      const available = refundableAmount(
        Number(payment.amount_minor),
        Number(payment.refunded_minor),
        Number(payment.pending_refund_minor),
      );
      if (input.amount.amountMinor > available) {
        throw new ConflictError(
          'refund-exceeds-payment',
          `At most ${available} can still be refunded on this payment`,
          { paymentId, refundable: { amountMinor: available, currency } },
        );
      }
      const session =
        payment.method === 'cash'
          ? await this.cashier.lockOpenSessionOf(manager, propertyId, principal.sub)
          : undefined;
      const property = await loadBillingProperty(manager, propertyId);
      // The folio is locked: refunds of its other payments cannot slip in between this sum and the insert.
      const folioRefunds: { total: string }[] = await manager.query(
        `SELECT COALESCE(sum(amount_minor), 0)::text AS total FROM refund
         WHERE folio_id = $1 AND status IN ('issued', 'pending_approval')`,
        [payment.folio_id],
      );
      const needsApproval = refundNeedsApproval({
        amount: input.amount.amountMinor,
        refundedOnPayment: Number(payment.refunded_minor) + Number(payment.pending_refund_minor),
        refundedOnFolio: Number(folioRefunds[0].total),
        threshold: property.refundApprovalThresholdMinor,
      });
      const inserted: RefundRow[] = await manager.query(
        `INSERT INTO refund (property_id, payment_id, folio_id, method, currency, amount_minor, reason, status,
           requested_by, cashier_session_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending_approval', $8, $9) RETURNING *, business_date::text AS business_date`,
        [
          propertyId,
          paymentId,
          payment.folio_id,
          payment.method,
          currency,
          input.amount.amountMinor,
          input.reason,
          principal.sub,
          session?.id ?? null,
        ],
      );
      const refund = inserted[0];
      await manager.query('UPDATE payment SET pending_refund_minor = pending_refund_minor + $2 WHERE id = $1', [
        paymentId,
        input.amount.amountMinor,
      ]);
      await recordAudit(manager, {
        propertyId,
        actor: principal.sub,
        action: 'refund.requested',
        subjectId: refund.id,
        reason: input.reason,
        details: { paymentId, amountMinor: input.amount.amountMinor, needsApproval },
      });
      if (!needsApproval) return this.issue(manager, refund, undefined);
      await this.outbox.publish(manager, 'refund.approval-requested', {
        propertyId,
        subject: refund.id,
        data: {
          refundId: refund.id,
          paymentId,
          folioId: payment.folio_id,
          method: payment.method,
          amount: { amountMinor: input.amount.amountMinor, currency },
          threshold: { amountMinor: property.refundApprovalThresholdMinor, currency },
          reason: input.reason,
          requestedBy: principal.sub,
          requestedAt: refund.created_at.toISOString(),
        },
      });
      return toRefundView(refund);
    });
  }

  /** Issues a pending refund whose payment row the caller has locked: moves it from pending to refunded. */
  private async issue(manager: EntityManager, refund: RefundRow, approvedBy: string | undefined): Promise<RefundView> {
    if (refund.cashier_session_id) {
      await this.cashier.lockOpenSession(manager, refund.property_id, refund.cashier_session_id);
    }
    const amount = Number(refund.amount_minor);
    await manager.query(
      `UPDATE payment SET pending_refund_minor = pending_refund_minor - $2, refunded_minor = refunded_minor + $2
       WHERE id = $1`,
      [refund.payment_id, amount],
    );
    const { businessDate } = await loadBillingProperty(manager, refund.property_id);
    const updated = await updateReturning<RefundRow>(
      manager,
      `UPDATE refund SET status = 'issued', approved_by = $2, business_date = $3, issued_at = now(),
         decided_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
       WHERE id = $1 AND status = 'pending_approval' RETURNING *, business_date::text AS business_date`,
      [refund.id, approvedBy ?? null, businessDate],
    );
    const issued = updated[0];
    const folio = await lockFolio(manager, refund.property_id, refund.folio_id);
    // A settled folio is closed by its invoice: credit it (the folio reopens) before giving money back.
    assertFolioOpen(folio);
    await adjustBalance(manager, folio.id, amount);
    const payments: { city_ledger_account_id: string | null }[] = await manager.query(
      'SELECT city_ledger_account_id FROM payment WHERE id = $1',
      [refund.payment_id],
    );
    const cityLedgerAccountId = payments[0]?.city_ledger_account_id ?? undefined;
    await this.journal.record(manager, {
      kind: 'refund',
      propertyId: refund.property_id,
      businessDate,
      currency: folio.currency,
      sourceId: refund.id,
      folioId: folio.id,
      accountHolder: folio.guestName,
      label: `${folio.confirmationNumber} refund ${refund.method}`,
      method: refund.method,
      amount,
      ...(cityLedgerAccountId ? { cityLedgerAccountId } : {}),
    });
    const view = toRefundView(issued);
    await this.outbox.publish(manager, 'refund.issued', {
      propertyId: refund.property_id,
      subject: refund.id,
      data: {
        refundId: refund.id,
        paymentId: refund.payment_id,
        folioId: refund.folio_id,
        method: refund.method,
        amount: view.amount,
        reason: refund.reason,
        requestedBy: refund.requested_by,
        ...(approvedBy ? { approvedBy } : {}),
        ...(refund.cashier_session_id ? { cashierSessionId: refund.cashier_session_id } : {}),
        businessDate,
        issuedAt: view.issuedAt!,
      },
    });
    await recordAudit(manager, {
      propertyId: refund.property_id,
      actor: approvedBy ?? refund.requested_by,
      action: approvedBy ? 'refund.approved' : 'refund.issued',
      subjectId: refund.id,
      reason: refund.reason,
      details: { paymentId: refund.payment_id, amountMinor: amount },
    });
    return view;
  }

  private async lockFolioOfPayment(manager: EntityManager, propertyId: string, paymentId: string): Promise<void> {
    const found: { folio_id: string }[] = await manager.query(
      'SELECT folio_id FROM payment WHERE id = $1 AND property_id = $2',
      [paymentId, propertyId],
    );
    if (!found[0]) throw new NotFoundError('payment', paymentId);
    await lockFolio(manager, propertyId, found[0].folio_id);
  }

  /** Folio, then payment, then refund: the order requestRefund locks them in, so decisions never deadlock. */
  private async lockForDecision(manager: EntityManager, propertyId: string, refundId: string): Promise<RefundRow> {
    const found: { payment_id: string; folio_id: string }[] = await manager.query(
      'SELECT payment_id, folio_id FROM refund WHERE id = $1 AND property_id = $2',
      [refundId, propertyId],
    );
    if (!found[0]) throw new NotFoundError('refund', refundId);
    await lockFolio(manager, propertyId, found[0].folio_id);
    await manager.query('SELECT 1 FROM payment WHERE id = $1 FOR UPDATE', [found[0].payment_id]);
    const rows: RefundRow[] = await manager.query(`${REFUND_SELECT} WHERE id = $1 AND property_id = $2 FOR UPDATE`, [
      refundId,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('refund', refundId);
    return rows[0];
  }

  /**
   * A front office manager other than the requester approves: the refund is issued, once. Approving an issued
   * refund again changes nothing and answers it as it is.
   */
  async approveRefund(propertyId: string, refundId: string, principal: Principal): Promise<RefundView> {
    return this.dataSource.transaction(async (manager) => {
      const refund = await this.lockForDecision(manager, propertyId, refundId);
      if (refund.status === 'issued') return toRefundView(refund);
      if (refund.status === 'rejected') {
        throw new ConflictError('refund-rejected', `Refund ${refundId} was rejected`, { refundId });
      }
      if (refund.requested_by === principal.sub) {
        throw new ForbiddenError('own-refund', 'A refund is approved by a manager other than the one who asked for it');
      }
      return this.issue(manager, refund, principal.sub);
    });
  }

  async rejectRefund(propertyId: string, refundId: string, reason: string, principal: Principal): Promise<RefundView> {
    return this.dataSource.transaction(async (manager) => {
      const refund = await this.lockForDecision(manager, propertyId, refundId);
      if (refund.status !== 'pending_approval') {
        throw new ConflictError('refund-not-pending', `Refund ${refundId} is ${refund.status}`, { refundId });
      }
      if (refund.requested_by === principal.sub) {
        throw new ForbiddenError('own-refund', 'A refund is decided by a manager other than the one who asked for it');
      }
      await manager.query('UPDATE payment SET pending_refund_minor = pending_refund_minor - $2 WHERE id = $1', [
        refund.payment_id,
        Number(refund.amount_minor),
      ]);
      const rows = await updateReturning<RefundRow>(
        manager,
        `UPDATE refund SET status = 'rejected', approved_by = $2, decision_note = $3, decided_at = now()
         WHERE id = $1 RETURNING *, business_date::text AS business_date`,
        [refundId, principal.sub, reason],
      );
      await recordAudit(manager, {
        propertyId,
        actor: principal.sub,
        action: 'refund.rejected',
        subjectId: refundId,
        reason,
      });
      return toRefundView(rows[0]);
    });
  }

  async listRefunds(propertyId: string, query: RefundQuery): Promise<RefundList> {
    const limit = pageLimit(query);
    const rows: (RefundRow & { cursor_at: string })[] = await this.dataSource.query(
      `SELECT *, business_date::text AS business_date, created_at::text AS cursor_at FROM refund
       WHERE property_id = $1 AND ($2::text IS NULL OR status = $2)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $5`,
      [propertyId, query.status ?? null, ...cursorParameters(query.cursor, ['timestamp', 'uuid']), limit + 1],
    );
    return pageOf(rows, limit, (row) => [row.cursor_at, row.id], toRefundView);
  }

  async getRefund(propertyId: string, refundId: string): Promise<RefundView> {
    const rows: RefundRow[] = await this.dataSource.query(`${REFUND_SELECT} WHERE id = $1 AND property_id = $2`, [
      refundId,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('refund', refundId);
    return toRefundView(rows[0]);
  }

  /** At check-in the held deposits move onto the stay's folios: the liability becomes a payment. */
  async applyDeposits(manager: EntityManager, event: EventEnvelope<StayCheckedInV1>): Promise<void> {
    const folios = await findFolios(
      manager,
      'property_id = $1 AND reservation_id = $2',
      [event.propertyId, event.data.reservationId],
      true,
    );
    await manager.query(
      'UPDATE folio SET checked_in_at = COALESCE(checked_in_at, $2) WHERE property_id = $1 AND reservation_id = $3',
      [event.propertyId, event.data.checkedInAt, event.data.reservationId],
    );
    for (const folio of folios) {
      const held = await updateReturning<PaymentRow>(
        manager,
        `UPDATE payment SET deposit_status = 'applied' WHERE folio_id = $1 AND deposit_status = 'held'
         RETURNING *, business_date::text AS business_date`,
        [folio.id],
      );
      for (const deposit of held) {
        const amount = Number(deposit.amount_minor);
        await adjustBalance(manager, folio.id, -amount);
        await this.journal.record(manager, {
          kind: 'deposit_applied',
          propertyId: folio.propertyId,
          businessDate: event.data.businessDate,
          currency: folio.currency,
          sourceId: deposit.id,
          folioId: folio.id,
          accountHolder: folio.guestName,
          label: `${folio.confirmationNumber} deposit applied`,
          amount,
        });
      }
    }
  }
}
