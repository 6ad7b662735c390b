import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Money } from '@frontoffice/contracts';
import {
  ALL_PROPERTIES,
  canAccessProperty,
  cursorParameters,
  ForbiddenError,
  Page,
  pageOf,
  Principal,
} from '@frontoffice/platform';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ageReceivables, Receivable } from './aging';
import {
  FINANCE_DEFAULT_PAGE,
  type FinanceCityLedgerView,
  type FinanceFolioView,
  type FinancePaymentView,
  type FinanceRefundView,
} from './finance.dto';

/**
 * The properties a finance caller may read: the one asked for (403 if not in the token), else every property of the
 * token — `null` meaning all of them for chain-wide ('*') staff.
 */
export function propertyScope(principal: Principal, propertyId?: string): string[] | null {
  if (propertyId !== undefined) {
    if (!canAccessProperty(principal, propertyId)) {
      throw new ForbiddenError('property-forbidden', `Your token does not give access to property ${propertyId}`, {
        propertyId,
      });
    }
    return [propertyId];
  }
  if (principal.properties.includes(ALL_PROPERTIES)) return null;
  return principal.properties.filter((id) => isUUID(id));
}

const money = (amountMinor: number | string, currency: string): Money => ({
  amountMinor: Number(amountMinor),
  currency: currency.trim(),
});

interface PaymentRow {
  id: string;
  property_id: string;
  folio_id: string;
  reservation_id: string;
  method: string;
  currency: string;
  amount_minor: string;
  refunded_minor: string;
  pending_refund_minor: string;
  is_deposit: boolean;
  deposit_status: string | null;
  is_transfer: boolean;
  card_last4: string | null;
  processor_ref: string | null;
  city_ledger_account_id: string | null;
  cashier_session_id: string | null;
  business_date: string;
  seq: string;
  recorded_by: string;
  created_at: Date;
}

interface RefundRow {
  id: string;
  property_id: string;
  payment_id: string;
  folio_id: string;
  method: string;
  status: string;
  currency: string;
  amount_minor: string;
  reason: string;
  requested_by: string;
  approved_by: string | null;
  cashier_session_id: string | null;
  day: string;
  created_at: Date;
  cursor_at: string;
  issued_at: Date | null;
}

interface FolioRow {
  id: string;
  property_id: string;
  reservation_id: string;
  confirmation_number: string;
  guest_name: string;
  status: string;
  city_ledger_account_id: string | null;
  currency: string;
  balance_minor: string;
  opened_at: Date;
  cursor_at: string;
}

interface AccountRow {
  id: string;
  property_id: string;
  code: string;
  name: string;
  active: boolean;
  currency: string;
  credit_limit_minor: string | null;
  as_of: string;
}

export interface PaymentFilter {
  from: string;
  to: string;
  method?: string;
  cursor?: string;
  limit?: number;
}

/**
 * What the back office reads of the front desk's money, across the properties in the caller's token: payments and
 * refunds as the desk recorded them, folio balances, and what companies owe on the city ledger (from the journal).
 */
@Injectable()
export class FinanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async payments(scope: string[] | null, filter: PaymentFilter): Promise<Page<FinancePaymentView>> {
    const limit = filter.limit ?? FINANCE_DEFAULT_PAGE;
    const rows: PaymentRow[] = await this.dataSource.query(
      `SELECT p.id, p.property_id, p.folio_id, p.reservation_id, p.method, p.currency, p.amount_minor,
         p.refunded_minor, p.pending_refund_minor, p.is_deposit, p.deposit_status, p.is_transfer, p.card_last4,
         p.processor_ref, p.city_ledger_account_id, p.cashier_session_id, p.business_date::text AS business_date,
         p.seq, p.recorded_by, p.created_at
       FROM payment p
       WHERE p.business_date BETWEEN $1 AND $2
         AND ($3::uuid[] IS NULL OR p.property_id = ANY($3::uuid[]))
         AND ($4::text IS NULL OR p.method = $4)
         AND ($5::date IS NULL OR (p.business_date, p.seq) > ($5, $6::bigint))
       ORDER BY p.business_date, p.seq
       LIMIT $7`,
      [
        filter.from,
        filter.to,
        scope,
        filter.method ?? null,
        ...cursorParameters(filter.cursor, ['date', 'int']),
        limit + 1,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.business_date, Number(row.seq)],
      (row): FinancePaymentView => ({
        id: row.id,
        propertyId: row.property_id,
        folioId: row.folio_id,
        reservationId: row.reservation_id,
        method: row.method,
        kind: row.is_transfer ? 'city_ledger_transfer' : row.is_deposit ? 'deposit' : 'payment',
        amount: money(row.amount_minor, row.currency),
        refunded: money(row.refunded_minor, row.currency),
        pendingRefund: money(row.pending_refund_minor, row.currency),
        ...(row.deposit_status ? { depositStatus: row.deposit_status } : {}),
        ...(row.card_last4 ? { cardLast4: row.card_last4 } : {}),
        ...(row.processor_ref ? { processorRef: row.processor_ref } : {}),
        ...(row.city_ledger_account_id ? { cityLedgerAccountId: row.city_ledger_account_id } : {}),
        ...(row.cashier_session_id ? { cashierSessionId: row.cashier_session_id } : {}),
        businessDate: row.business_date,
        recordedBy: row.recorded_by,
        recordedAt: row.created_at.toISOString(),
      }),
    );
  }

  /** Refunds by the business date they were issued on (requested on, while still waiting for approval). */
  async refunds(scope: string[] | null, filter: PaymentFilter & { status?: string }): Promise<Page<FinanceRefundView>> {
    const limit = filter.limit ?? FINANCE_DEFAULT_PAGE;
    const rows: RefundRow[] = await this.dataSource.query(
      `WITH dated AS (
         SELECT r.*, COALESCE(r.business_date, (r.created_at AT TIME ZONE 'UTC')::date) AS day FROM refund r
       )
       SELECT r.id, r.property_id, r.payment_id, r.folio_id, r.method, r.status, r.currency, r.amount_minor, r.reason,
         r.requested_by, r.approved_by, r.cashier_session_id, r.day::text AS day, r.created_at,
         r.created_at::text AS cursor_at, r.issued_at
       FROM dated r
       WHERE r.day BETWEEN $1 AND $2
         AND ($3::uuid[] IS NULL OR r.property_id = ANY($3::uuid[]))
         AND ($4::text IS NULL OR r.method = $4)
         AND ($5::text IS NULL OR r.status = $5)
         AND ($6::date IS NULL OR (r.day, r.created_at, r.id) > ($6, $7::timestamptz, $8::uuid))
       ORDER BY r.day, r.created_at, r.id
       LIMIT $9`,
      [
        filter.from,
        filter.to,
        scope,
        filter.method ?? null,
        filter.status ?? null,
        ...cursorParameters(filter.cursor, ['date', 'timestamp', 'uuid']),
        limit + 1,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.day, row.cursor_at, row.id],
      (row): FinanceRefundView => ({
        id: row.id,
        propertyId: row.property_id,
        paymentId: row.payment_id,
        folioId: row.folio_id,
        method: row.method,
        status: row.status,
        amount: money(row.amount_minor, row.currency),
        reason: row.reason,
        requestedBy: row.requested_by,
        ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
        ...(row.cashier_session_id ? { cashierSessionId: row.cashier_session_id } : {}),
        businessDate: row.day,
        requestedAt: row.created_at.toISOString(),
        ...(row.issued_at ? { issuedAt: row.issued_at.toISOString() } : {}),
      }),
    );
  }

  async folios(
    scope: string[] | null,
    filter: { status?: string; nonZero?: boolean; cursor?: string; limit?: number },
  ): Promise<Page<FinanceFolioView>> {
    const limit = filter.limit ?? FINANCE_DEFAULT_PAGE;
    const rows: FolioRow[] = await this.dataSource.query(
      `SELECT f.id, f.property_id, f.reservation_id, f.confirmation_number, f.guest_name, f.status,
         f.city_ledger_account_id, f.currency, f.balance_minor, f.opened_at, f.opened_at::text AS cursor_at
       FROM folio f
       WHERE ($1::uuid[] IS NULL OR f.property_id = ANY($1::uuid[]))
         AND ($2::text IS NULL OR f.status = $2)
         AND (NOT $3::boolean OR f.balance_minor <> 0)
         AND ($4::timestamptz IS NULL OR (f.opened_at, f.id) > ($4, $5::uuid))
       ORDER BY f.opened_at, f.id
       LIMIT $6`,
      [
        scope,
        filter.status ?? null,
        filter.nonZero ?? false,
        ...cursorParameters(filter.cursor, ['timestamp', 'uuid']),
        limit + 1,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.cursor_at, row.id],
      (row): FinanceFolioView => ({
        folioId: row.id,
        propertyId: row.property_id,
        reservationId: row.reservation_id,
        confirmationNumber: row.confirmation_number,
        guestName: row.guest_name,
        status: row.status,
        ...(row.city_ledger_account_id ? { cityLedgerAccountId: row.city_ledger_account_id } : {}),
        balance: money(row.balance_minor, row.currency),
        openedAt: row.opened_at.toISOString(),
      }),
    );
  }

  /**
   * Every company account with what it owes by the city-ledger journal lines up to `asOf` (default: its property's
   * business date), aged with what was received settling the oldest debts first.
   */
  async cityLedger(
    scope: string[] | null,
    filter: { asOf?: string; cursor?: string; limit?: number },
  ): Promise<Page<FinanceCityLedgerView>> {
    const limit = filter.limit ?? FINANCE_DEFAULT_PAGE;
    const page: AccountRow[] = await this.dataSource.query(
      `SELECT a.id, a.property_id, a.code, a.name, a.active, a.currency, a.credit_limit_minor,
         COALESCE($2::date, p.business_date, (now() AT TIME ZONE 'UTC')::date)::text AS as_of
       FROM city_ledger_account a LEFT JOIN billing_property p ON p.property_id = a.property_id
       WHERE ($1::uuid[] IS NULL OR a.property_id = ANY($1::uuid[]))
         AND ($3::uuid IS NULL OR (a.property_id, a.code) > ($3::uuid, $4::text))
       ORDER BY a.property_id, a.code
       LIMIT $5`,
      [scope, filter.asOf ?? null, ...cursorParameters(filter.cursor, ['uuid', 'text']), limit + 1],
    );
    const accounts = page.slice(0, limit);
    const nextCursor = pageOf(page, limit, (row) => [row.property_id, row.code]).nextCursor;
    if (accounts.length === 0) return { items: [], nextCursor: null };
    const lines: { aux_account: string; business_date: string; debit_minor: string; credit_minor: string }[] =
      await this.dataSource.query(
        `SELECT l.aux_account, l.business_date::text AS business_date, l.debit_minor, l.credit_minor
         FROM journal_line l
         WHERE l.account_role = 'city_ledger' AND l.aux_account = ANY($1::text[])`,
        [accounts.map((account) => account.id)],
      );
    const byAccount = new Map<string, { debits: Receivable[]; credits: { date: string; amount: number }[] }>();
    for (const line of lines) {
      const entry = byAccount.get(line.aux_account) ?? { debits: [], credits: [] };
      if (Number(line.debit_minor) > 0) {
        entry.debits.push({ businessDate: line.business_date, amount: Number(line.debit_minor) });
      }
      if (Number(line.credit_minor) > 0) {
        entry.credits.push({ date: line.business_date, amount: Number(line.credit_minor) });
      }
      byAccount.set(line.aux_account, entry);
    }
    const items = accounts.map((account): FinanceCityLedgerView => {
      const currency = account.currency.trim();
      const entry = byAccount.get(account.id) ?? { debits: [], credits: [] };
      const debits = entry.debits.filter((debit) => debit.businessDate <= account.as_of);
      const credits = entry.credits
        .filter((credit) => credit.date <= account.as_of)
        .reduce((sum, credit) => sum + credit.amount, 0);
      const balance = debits.reduce((sum, debit) => sum + debit.amount, 0) - credits;
      const aging = ageReceivables(debits, credits, account.as_of);
      return {
        accountId: account.id,
        propertyId: account.property_id,
        code: account.code,
        name: account.name,
        active: account.active,
        ...(account.credit_limit_minor === null ? {} : { creditLimit: money(account.credit_limit_minor, currency) }),
        asOf: account.as_of,
        balance: money(balance, currency),
        aging: {
          current: money(aging.current, currency),
          days31to60: money(aging.days31to60, currency),
          days61to90: money(aging.days61to90, currency),
          over90: money(aging.over90, currency),
        },
      };
    });
    return { items, nextCursor };
  }
}
