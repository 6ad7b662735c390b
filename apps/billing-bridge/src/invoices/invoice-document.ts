import { vatBreakdown, VatLine } from '../taxes/tax-split';

export interface InvoicePosting {
  postingId: string;
  businessDate: string;
  chargeType: string;
  description: string;
  amount: number;
  net: number;
  vat: number;
  cityTax: number;
  vatRateBasisPoints: number;
}

export type InvoiceLine = InvoicePosting;

export interface InvoiceDocument {
  lines: InvoiceLine[];
  vatBreakdown: VatLine[];
  total: number;
  net: number;
  vat: number;
  cityTax: number;
}

/** The invoice of a folio's postings: totals add up line by line (total = net + vat + city tax). */
export function composeInvoice(postings: readonly InvoicePosting[]): InvoiceDocument {
  const lines = postings.map((posting) => ({ ...posting }));
  const sum = (pick: (line: InvoiceLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    lines,
    vatBreakdown: vatBreakdown(
      lines.map(({ vatRateBasisPoints, net, vat }) => ({ rateBasisPoints: vatRateBasisPoints, net, vat })),
    ),
    total: sum((line) => line.amount),
    net: sum((line) => line.net),
    vat: sum((line) => line.vat),
    cityTax: sum((line) => line.cityTax),
  };
}

/** A credit note cancels an invoice exactly: every line and total negated. */
export function creditNoteOf(invoice: InvoiceDocument): InvoiceDocument {
  const negate = (value: number) => (value === 0 ? 0 : -value);
  return {
    lines: invoice.lines.map((line) => ({
      ...line,
      amount: negate(line.amount),
      net: negate(line.net),
      vat: negate(line.vat),
      cityTax: negate(line.cityTax),
    })),
    vatBreakdown: invoice.vatBreakdown.map((line) => ({ ...line, net: negate(line.net), vat: negate(line.vat) })),
    total: negate(invoice.total),
    net: negate(invoice.net),
    vat: negate(invoice.vat),
    cityTax: negate(invoice.cityTax),
  };
}

/** What is printed: the property code and the zero-padded sequence number, e.g. PAR-OPERA-000042. */
export function formatInvoiceNumber(propertyCode: string, sequenceNumber: number): string {
  return `${propertyCode}-${String(sequenceNumber).padStart(6, '0')}`;
}
