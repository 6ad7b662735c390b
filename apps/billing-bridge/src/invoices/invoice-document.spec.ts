import { composeInvoice, creditNoteOf, formatInvoiceNumber, InvoicePosting } from './invoice-document';

const posting = (overrides: Partial<InvoicePosting>): InvoicePosting => ({
  postingId: 'p',
  businessDate: '2026-03-10',
  chargeType: 'room',
  description: 'Room',
  amount: 12_520,
  net: 10_909,
  vat: 1_091,
  cityTax: 520,
  vatRateBasisPoints: 1000,
  ...overrides,
});

describe('invoice documents', () => {
  it('totals the postings and summarises VAT by rate', () => {
    const invoice = composeInvoice([
      posting({}),
      posting({ amount: 12_520 }),
      posting({ chargeType: 'amenity', amount: 1_000, net: 833, vat: 167, cityTax: 0, vatRateBasisPoints: 2000 }),
      posting({ chargeType: 'amenity', amount: -1_000, net: -833, vat: -167, cityTax: 0, vatRateBasisPoints: 2000 }),
    ]);
    expect(invoice).toMatchObject({ total: 25_040, net: 21_818, vat: 2_182, cityTax: 1_040 });
    expect(invoice.net + invoice.vat + invoice.cityTax).toBe(invoice.total);
    expect(invoice.vatBreakdown).toEqual([
      { rateBasisPoints: 1000, net: 21_818, vat: 2_182 },
      { rateBasisPoints: 2000, net: 0, vat: 0 },
    ]);
  });

  it('credits an invoice exactly', () => {
    const invoice = composeInvoice([posting({})]);
    const credit = creditNoteOf(invoice);
    expect(credit.total + invoice.total).toBe(0);
    expect(credit.lines[0].vat).toBe(-1_091);
    expect(credit.vatBreakdown[0]).toEqual({ rateBasisPoints: 1000, net: -10_909, vat: -1_091 });
  });

  it('numbers invoices with the property code', () => {
    expect(formatInvoiceNumber('PAR-OPERA', 42)).toBe('PAR-OPERA-000042');
  });
});
