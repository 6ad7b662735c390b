/**
 * What the front desk records that accounting must see. The folio side (folios, payments, refunds, tills) records
 * one FinancialFact per money movement, in the same transaction, through JournalService.record; the journal side
 * turns each fact into balanced double-entry lines with the property's chart of accounts.
 *
 * All amounts are positive integers in minor units of `currency`; the kind says which way money moves.
 */
export type PaymentMethod = 'cash' | 'card' | 'bank_transfer' | 'city_ledger';

/** Revenue departments a charge can belong to; each maps to a revenue account and a VAT rate per property. */
export type RevenueDepartment = 'rooms' | 'food_beverage' | 'local_booking' | 'transport' | 'amenity' | 'other';

interface FactBase {
  propertyId: string;
  /** The property's business date the fact belongs to: its journal batch. */
  businessDate: string;
  currency: string;
  /** The record that caused the fact (posting, payment, refund id…): one fact per source and kind. */
  sourceId: string;
  /** What a bookkeeper reads on the journal line. */
  label: string;
  folioId?: string;
  /** Whose account it is (the guest's or company's name): the sub-ledger label accounting sees (FEC CompAuxLib). */
  accountHolder?: string;
}

/** A charge on a guest folio: debit guest ledger, credit revenue (net), VAT payable and city tax payable. */
export interface ChargeFact extends FactBase {
  kind: 'charge';
  department: RevenueDepartment;
  net: number;
  vat: number;
  cityTax: number;
}

/** An allowance or correction reducing a folio: the reverse of a charge, through the allowances account. */
export interface AllowanceFact extends FactBase {
  kind: 'allowance';
  department: RevenueDepartment;
  net: number;
  vat: number;
  cityTax: number;
}

/** A guest paid on a folio: debit cash / card clearing / bank, credit guest ledger (city_ledger: debit city ledger). */
export interface PaymentFact extends FactBase {
  kind: 'payment';
  method: PaymentMethod;
  amount: number;
  cityLedgerAccountId?: string;
}

/** Money given back on a payment: the reverse of that payment. */
export interface RefundFact extends FactBase {
  kind: 'refund';
  method: PaymentMethod;
  amount: number;
  cityLedgerAccountId?: string;
}

/** A deposit taken before arrival: debit cash/card/bank, credit advance deposits (a liability). */
export interface DepositReceivedFact extends FactBase {
  kind: 'deposit_received';
  method: Exclude<PaymentMethod, 'city_ledger'>;
  amount: number;
}

/** At check-in the deposit moves onto the folio: debit advance deposits, credit guest ledger. */
export interface DepositAppliedFact extends FactBase {
  kind: 'deposit_applied';
  amount: number;
}

/** A folio balance moved to a company's account: debit city ledger, credit guest ledger. */
export interface CityLedgerTransferFact extends FactBase {
  kind: 'city_ledger_transfer';
  amount: number;
  cityLedgerAccountId: string;
}

/** A till's counted cash differs from what was expected: the variance against cash over/short. */
export interface CashVarianceFact extends FactBase {
  kind: 'cash_variance';
  /** counted − expected: negative when the till is short. */
  variance: number;
  cashierSessionId: string;
}

/**
 * Cash paid into or out of a till that is neither a folio payment nor a refund: against a sundry account, for the
 * bookkeeper to reclassify (a delivery paid out is an expense, change from the safe an internal transfer).
 */
export interface CashMovementFact extends FactBase {
  kind: 'cash_movement';
  direction: 'paid_in' | 'paid_out';
  amount: number;
  cashierSessionId: string;
}

export type FinancialFact =
  | ChargeFact
  | AllowanceFact
  | PaymentFact
  | RefundFact
  | DepositReceivedFact
  | DepositAppliedFact
  | CityLedgerTransferFact
  | CashVarianceFact
  | CashMovementFact;

export type FinancialFactKind = FinancialFact['kind'];
