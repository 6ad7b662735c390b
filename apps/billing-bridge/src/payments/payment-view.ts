import type { PaymentMethodName } from '@frontoffice/contracts';
import type { PaymentView } from './payments.dto';

/** A payment row as `SELECT *, business_date::text AS business_date FROM payment` reads it. */
export interface PaymentRow {
  id: string;
  property_id: string;
  folio_id: string;
  reservation_id: string;
  method: PaymentMethodName;
  currency: string;
  amount_minor: string;
  refunded_minor: string;
  pending_refund_minor: string;
  is_deposit: boolean;
  deposit_status: 'held' | 'applied' | null;
  is_transfer: boolean;
  card_last4: string | null;
  processor_ref: string | null;
  city_ledger_account_id: string | null;
  cashier_session_id: string | null;
  business_date: string;
  recorded_by: string;
  created_at: Date;
}

export const PAYMENT_SELECT = 'SELECT *, business_date::text AS business_date FROM payment';

export function toPaymentView(row: PaymentRow): PaymentView {
  const currency = row.currency.trim();
  const money = (value: string) => ({ amountMinor: Number(value), currency });
  return {
    id: row.id,
    propertyId: row.property_id,
    folioId: row.folio_id,
    reservationId: row.reservation_id,
    method: row.method,
    amount: money(row.amount_minor),
    refunded: money(row.refunded_minor),
    pendingRefund: money(row.pending_refund_minor),
    deposit: row.is_deposit,
    depositStatus: row.deposit_status ?? undefined,
    cityLedgerTransfer: row.is_transfer,
    cardLast4: row.card_last4 ?? undefined,
    processorRef: row.processor_ref ?? undefined,
    cityLedgerAccountId: row.city_ledger_account_id ?? undefined,
    cashierSessionId: row.cashier_session_id ?? undefined,
    businessDate: row.business_date,
    recordedBy: row.recorded_by,
    recordedAt: row.created_at.toISOString(),
  };
}
