import { DEFAULT_CHART, isValidSiren, resolveChart } from './chart-of-accounts';
import type { FinancialFact } from './financial-fact';
import { journalLinesFor, journalRoleFor, totalsOf } from './journal-lines';

const base = {
  propertyId: '3b241101-e2bb-4255-8caf-4136c566a962',
  businessDate: '2026-03-10',
  currency: 'EUR',
  sourceId: 'src-1',
  label: 'Room 101, night of 2026-03-10',
  folioId: '0e7b5c1a-52a8-4f0f-8e0b-6c3f6c1f2a77',
  accountHolder: 'Camille Durand',
};

const brief = (fact: FinancialFact) =>
  journalLinesFor(fact, DEFAULT_CHART).map((line) => [line.account, line.debit, line.credit]);

describe('journalLinesFor', () => {
  it('books a room charge: guest ledger debited with the gross, rooms revenue, VAT and city tax credited', () => {
    const lines = journalLinesFor(
      { ...base, kind: 'charge', department: 'rooms', net: 10_909, vat: 1_091, cityTax: 400 },
      DEFAULT_CHART,
    );
    expect(lines.map((line) => [line.account, line.debit, line.credit])).toEqual([
      ['411', 12_400, 0],
      ['706', 0, 10_909],
      ['44571', 0, 1_091],
      ['4471', 0, 400],
    ]);
    expect(lines[0]).toMatchObject({ auxAccount: base.folioId, auxLabel: 'Camille Durand', role: 'guest_ledger' });
    expect(lines[1].auxAccount).toBeUndefined();
    expect(totalsOf(lines)).toEqual({ debit: 12_400, credit: 12_400 });
  });

  it('leaves out zero lines: a concierge charge without city tax has three lines', () => {
    expect(brief({ ...base, kind: 'charge', department: 'transport', net: 5_000, vat: 500, cityTax: 0 })).toEqual([
      ['411', 5_500, 0],
      ['708', 0, 5_000],
      ['44571', 0, 500],
    ]);
  });

  it('reverses a charge through the allowances account', () => {
    expect(
      brief({ ...base, kind: 'allowance', department: 'food_beverage', net: 1_000, vat: 100, cityTax: 0 }),
    ).toEqual([
      ['709', 1_000, 0],
      ['44571', 100, 0],
      ['411', 0, 1_100],
    ]);
  });

  it.each([
    ['cash', '530', 'cash'],
    ['card', '5112', 'bank'],
    ['bank_transfer', '512', 'bank'],
  ] as const)(
    'books a %s payment against %s in the %s journal, and its refund the other way',
    (method, account, journal) => {
      const payment: FinancialFact = { ...base, kind: 'payment', method, amount: 12_400 };
      expect(brief(payment)).toEqual([
        [account, 12_400, 0],
        ['411', 0, 12_400],
      ]);
      expect(journalRoleFor(payment)).toBe(journal);
      expect(brief({ ...base, kind: 'refund', method, amount: 2_000 })).toEqual([
        ['411', 2_000, 0],
        [account, 0, 2_000],
      ]);
    },
  );

  it('moves a balance to a company account on the city ledger, with the company as sub-ledger', () => {
    const lines = journalLinesFor(
      { ...base, kind: 'city_ledger_transfer', amount: 30_000, cityLedgerAccountId: 'acme', accountHolder: 'ACME SA' },
      DEFAULT_CHART,
    );
    expect(lines.map((line) => [line.account, line.auxAccount, line.debit, line.credit])).toEqual([
      ['4111', 'acme', 30_000, 0],
      ['411', base.folioId, 0, 30_000],
    ]);
    expect(
      brief({ ...base, kind: 'payment', method: 'city_ledger', amount: 500, cityLedgerAccountId: 'acme' }),
    ).toEqual([
      ['4111', 500, 0],
      ['411', 0, 500],
    ]);
  });

  it('holds a deposit as a liability, then applies it to the folio', () => {
    expect(brief({ ...base, kind: 'deposit_received', method: 'card', amount: 5_000 })).toEqual([
      ['5112', 5_000, 0],
      ['4191', 0, 5_000],
    ]);
    expect(brief({ ...base, kind: 'deposit_applied', amount: 5_000 })).toEqual([
      ['4191', 5_000, 0],
      ['411', 0, 5_000],
    ]);
  });

  it('books a short till to 658 and an over till to 758; an exact till makes no line', () => {
    const variance = (value: number): FinancialFact => ({
      ...base,
      kind: 'cash_variance',
      variance: value,
      cashierSessionId: 'till-1',
    });
    expect(brief(variance(-250))).toEqual([
      ['658', 250, 0],
      ['530', 0, 250],
    ]);
    expect(brief(variance(120))).toEqual([
      ['530', 120, 0],
      ['758', 0, 120],
    ]);
    expect(brief(variance(0))).toEqual([]);
    expect(journalRoleFor(variance(1))).toBe('cash');
  });

  it('books a paid-in to cash against the 471 sundry account and a paid-out the other way, in the cash journal', () => {
    const movement = (direction: 'paid_in' | 'paid_out'): FinancialFact => ({
      ...base,
      kind: 'cash_movement',
      direction,
      amount: 3_000,
      cashierSessionId: 'till-1',
    });
    expect(brief(movement('paid_in'))).toEqual([
      ['530', 3_000, 0],
      ['471', 0, 3_000],
    ]);
    expect(brief(movement('paid_out'))).toEqual([
      ['471', 3_000, 0],
      ['530', 0, 3_000],
    ]);
    expect(journalRoleFor(movement('paid_out'))).toBe('cash');
  });

  it('uses the property chart: overridden numbers and journals', () => {
    const chart = resolveChart({
      accounts: { guest_ledger: { number: '41100000', label: 'Clients hôtel' } },
      journals: { sales: { code: 'VE', label: 'Ventes hôtel' } },
    });
    const lines = journalLinesFor({ ...base, kind: 'payment', method: 'cash', amount: 100 }, chart);
    expect(lines.map((line) => line.account)).toEqual(['530', '41100000']);
    expect(chart.journals.sales.code).toBe('VE');
    expect(chart.accounts.cash).toEqual(DEFAULT_CHART.accounts.cash);
  });

  it('refuses amounts that are not non-negative integers of minor units', () => {
    expect(() => journalLinesFor({ ...base, kind: 'payment', method: 'cash', amount: 12.5 }, DEFAULT_CHART)).toThrow(
      RangeError,
    );
    expect(() =>
      journalLinesFor({ ...base, kind: 'charge', department: 'rooms', net: -1, vat: 0, cityTax: 0 }, DEFAULT_CHART),
    ).toThrow(/net/);
  });
});

describe('isValidSiren', () => {
  it('accepts 9 digits with a valid Luhn key and refuses the rest', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('552100554')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('73282932A')).toBe(false);
  });
});
