import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { CashierSessionClosedV1 } from './cashier-session-closed.v1';
import { CashierSessionOpenedV1 } from './cashier-session-opened.v1';
import { FolioChargePostedV1 } from './folio-charge-posted.v1';
import { FolioOpenedV1 } from './folio-opened.v1';
import { InvoiceIssuedV1 } from './invoice-issued.v1';
import { JournalBatchClosedV1 } from './journal-batch-closed.v1';
import { PaymentRecordedV1 } from './payment-recorded.v1';
import { RefundApprovalRequestedV1 } from './refund-approval-requested.v1';
import { RefundIssuedV1 } from './refund-issued.v1';

export { FolioOpenedV1 } from './folio-opened.v1';
export { FolioChargePostedV1 } from './folio-charge-posted.v1';
export { PaymentRecordedV1 } from './payment-recorded.v1';
export { RefundIssuedV1 } from './refund-issued.v1';
export { RefundApprovalRequestedV1 } from './refund-approval-requested.v1';
export { CashierSessionOpenedV1 } from './cashier-session-opened.v1';
export { CashierSessionClosedV1 } from './cashier-session-closed.v1';
export { InvoiceIssuedV1 } from './invoice-issued.v1';
export { JournalBatchClosedV1 } from './journal-batch-closed.v1';
export * from './vocabulary';

const topic = TOPICS.billing;

export const BILLING_EVENTS = [
  defineEvent({
    type: 'folio.opened',
    version: 1,
    topic,
    payload: FolioOpenedV1,
    subject: 'folioId',
    summary: 'A guest account (folio) was opened for a reservation.',
  }),
  defineEvent({
    type: 'folio.charge-posted',
    version: 1,
    topic,
    payload: FolioChargePostedV1,
    subject: 'folioId',
    summary: 'A charge or an allowance was posted to a folio (net, VAT and city tax split out).',
  }),
  defineEvent({
    type: 'payment.recorded',
    version: 1,
    topic,
    payload: PaymentRecordedV1,
    subject: 'paymentId',
    summary: 'A payment, advance deposit or city-ledger transfer was recorded on a folio.',
  }),
  defineEvent({
    type: 'refund.issued',
    version: 1,
    topic,
    payload: RefundIssuedV1,
    subject: 'refundId',
    summary: 'Money was given back on a payment.',
  }),
  defineEvent({
    type: 'refund.approval-requested',
    version: 1,
    topic,
    payload: RefundApprovalRequestedV1,
    subject: 'refundId',
    summary: "A refund above the property's threshold waits for a front office manager's approval.",
  }),
  defineEvent({
    type: 'cashier-session.opened',
    version: 1,
    topic,
    payload: CashierSessionOpenedV1,
    subject: 'sessionId',
    summary: 'A desk agent opened a till with a float.',
  }),
  defineEvent({
    type: 'cashier-session.closed',
    version: 1,
    topic,
    payload: CashierSessionClosedV1,
    subject: 'sessionId',
    summary: 'A till was closed (blind count or automatically by the night audit) with its expected cash and variance.',
  }),
  defineEvent({
    type: 'invoice.issued',
    version: 1,
    topic,
    payload: InvoiceIssuedV1,
    subject: 'invoiceId',
    summary: 'An invoice or credit note was issued with the next gapless number of the property.',
  }),
  defineEvent({
    type: 'journal.batch-closed',
    version: 1,
    topic,
    payload: JournalBatchClosedV1,
    subject: 'batchId',
    summary: "A business date's balanced journal lines were closed into a batch, numbered per journal.",
  }),
] as const;

export interface BillingEventDataMap {
  'folio.opened': FolioOpenedV1;
  'folio.charge-posted': FolioChargePostedV1;
  'payment.recorded': PaymentRecordedV1;
  'refund.issued': RefundIssuedV1;
  'refund.approval-requested': RefundApprovalRequestedV1;
  'cashier-session.opened': CashierSessionOpenedV1;
  'cashier-session.closed': CashierSessionClosedV1;
  'invoice.issued': InvoiceIssuedV1;
  'journal.batch-closed': JournalBatchClosedV1;
}

export const BILLING_LATEST_PAYLOADS: LatestPayloads<BillingEventDataMap> = {
  'folio.opened': FolioOpenedV1,
  'folio.charge-posted': FolioChargePostedV1,
  'payment.recorded': PaymentRecordedV1,
  'refund.issued': RefundIssuedV1,
  'refund.approval-requested': RefundApprovalRequestedV1,
  'cashier-session.opened': CashierSessionOpenedV1,
  'cashier-session.closed': CashierSessionClosedV1,
  'invoice.issued': InvoiceIssuedV1,
  'journal.batch-closed': JournalBatchClosedV1,
};
