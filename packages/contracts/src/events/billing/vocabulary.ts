/** How a payment was made. `city_ledger` moves the amount to a company's account instead of collecting it. */
export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'city_ledger'] as const;
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

/** What a folio charge is for; each maps to a revenue department and a VAT rate per property. */
export const CHARGE_TYPES = ['room', 'food_beverage', 'local_booking', 'transport', 'amenity', 'other'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

/** Where a posting came from. */
export const POSTING_SOURCES = ['night_audit', 'concierge', 'desk', 'compensation', 'correction'] as const;
export type PostingSource = (typeof POSTING_SOURCES)[number];

export const POSTING_KINDS = ['charge', 'allowance'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
