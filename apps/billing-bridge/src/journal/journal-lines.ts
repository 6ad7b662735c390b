import { AccountRole, ChartOfAccounts, JournalRole, REVENUE_ACCOUNT } from './chart-of-accounts';
import type { FinancialFact, PaymentMethod } from './financial-fact';

/** One side of a double entry, in integer minor units; exactly one of debit and credit is non-zero. */
export interface JournalLineDraft {
  role: AccountRole;
  account: string;
  accountLabel: string;
  /** Sub-ledger (FEC CompAuxNum): the folio on the guest ledger, the company on the city ledger. */
  auxAccount?: string;
  auxLabel?: string;
  debit: number;
  credit: number;
  label: string;
}

export class UnbalancedJournalError extends Error {
  constructor(
    readonly debit: number,
    readonly credit: number,
    context: string,
  ) {
    super(`${context} does not balance: debit ${debit} ≠ credit ${credit}`);
    this.name = 'UnbalancedJournalError';
  }
}

interface Side {
  role: AccountRole;
  amount: number;
  aux?: { account: string; label: string };
}

function assertAmount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Financial fact ${name} must be a non-negative integer in minor units, got ${value}`);
  }
}

function paymentAccount(method: PaymentMethod): AccountRole {
  switch (method) {
    case 'cash':
      return 'cash';
    case 'card':
      return 'card_clearing';
    case 'bank_transfer':
      return 'bank';
    case 'city_ledger':
      return 'city_ledger';
  }
}

/** Which journal a fact's entry is filed in. */
export function journalRoleFor(fact: FinancialFact): JournalRole {
  switch (fact.kind) {
    case 'charge':
    case 'allowance':
      return 'sales';
    case 'payment':
    case 'refund':
    case 'deposit_received':
      return fact.method === 'cash' ? 'cash' : fact.method === 'city_ledger' ? 'misc' : 'bank';
    case 'cash_variance':
    case 'cash_movement':
      return 'cash';
    case 'deposit_applied':
    case 'city_ledger_transfer':
      return 'misc';
  }
}

/** The debit and credit sides of a fact, by account role, before the chart gives them numbers. */
function sidesOf(fact: FinancialFact): { debits: Side[]; credits: Side[] } {
  const guest = fact.folioId ? { account: fact.folioId, label: fact.accountHolder ?? fact.label } : undefined;
  const company = (id: string | undefined) =>
    id ? { account: id, label: fact.accountHolder ?? fact.label } : undefined;
  switch (fact.kind) {
    case 'charge': {
      for (const [name, value] of [
        ['net', fact.net],
        ['vat', fact.vat],
        ['cityTax', fact.cityTax],
      ] as const) {
        assertAmount(name, value);
      }
      return {
        debits: [{ role: 'guest_ledger', amount: fact.net + fact.vat + fact.cityTax, aux: guest }],
        credits: [
          { role: REVENUE_ACCOUNT[fact.department], amount: fact.net },
          { role: 'vat_payable', amount: fact.vat },
          { role: 'city_tax_payable', amount: fact.cityTax },
        ],
      };
    }
    case 'allowance': {
      for (const [name, value] of [
        ['net', fact.net],
        ['vat', fact.vat],
        ['cityTax', fact.cityTax],
      ] as const) {
        assertAmount(name, value);
      }
      return {
        debits: [
          { role: 'allowances', amount: fact.net },
          { role: 'vat_payable', amount: fact.vat },
          { role: 'city_tax_payable', amount: fact.cityTax },
        ],
        credits: [{ role: 'guest_ledger', amount: fact.net + fact.vat + fact.cityTax, aux: guest }],
      };
    }
    case 'payment': {
      assertAmount('amount', fact.amount);
      return {
        debits: [{ role: paymentAccount(fact.method), amount: fact.amount, aux: company(fact.cityLedgerAccountId) }],
        credits: [{ role: 'guest_ledger', amount: fact.amount, aux: guest }],
      };
    }
    case 'refund': {
      assertAmount('amount', fact.amount);
      return {
        debits: [{ role: 'guest_ledger', amount: fact.amount, aux: guest }],
        credits: [{ role: paymentAccount(fact.method), amount: fact.amount, aux: company(fact.cityLedgerAccountId) }],
      };
    }
    case 'deposit_received': {
      assertAmount('amount', fact.amount);
      return {
        debits: [{ role: paymentAccount(fact.method), amount: fact.amount }],
        credits: [{ role: 'advance_deposits', amount: fact.amount, aux: guest }],
      };
    }
    case 'deposit_applied': {
      assertAmount('amount', fact.amount);
      return {
        debits: [{ role: 'advance_deposits', amount: fact.amount, aux: guest }],
        credits: [{ role: 'guest_ledger', amount: fact.amount, aux: guest }],
      };
    }
    case 'city_ledger_transfer': {
      assertAmount('amount', fact.amount);
      return {
        debits: [{ role: 'city_ledger', amount: fact.amount, aux: company(fact.cityLedgerAccountId) }],
        credits: [{ role: 'guest_ledger', amount: fact.amount, aux: guest }],
      };
    }
    case 'cash_variance': {
      if (!Number.isSafeInteger(fact.variance)) {
        throw new RangeError(`Financial fact variance must be an integer in minor units, got ${fact.variance}`);
      }
      const amount = Math.abs(fact.variance);
      return fact.variance < 0
        ? { debits: [{ role: 'cash_short', amount }], credits: [{ role: 'cash', amount }] }
        : { debits: [{ role: 'cash', amount }], credits: [{ role: 'cash_over', amount }] };
    }
    case 'cash_movement': {
      assertAmount('amount', fact.amount);
      const cash: Side = { role: 'cash', amount: fact.amount };
      const sundry: Side = { role: 'cash_sundry', amount: fact.amount };
      return fact.direction === 'paid_in'
        ? { debits: [cash], credits: [sundry] }
        : { debits: [sundry], credits: [cash] };
    }
  }
}

/** The sum of debits and of credits of some lines. */
export function totalsOf(lines: readonly Pick<JournalLineDraft, 'debit' | 'credit'>[]): {
  debit: number;
  credit: number;
} {
  return lines.reduce((totals, line) => ({ debit: totals.debit + line.debit, credit: totals.credit + line.credit }), {
    debit: 0,
    credit: 0,
  });
}

/**
 * The balanced double-entry lines of one financial fact in the property's chart of accounts. Zero amounts make no
 * line (a charge without city tax has no city-tax line); a fact worth nothing makes no lines at all.
 */
export function journalLinesFor(fact: FinancialFact, chart: ChartOfAccounts): JournalLineDraft[] {
  const { debits, credits } = sidesOf(fact);
  const toLine =
    (side: 'debit' | 'credit') =>
    ({ role, amount, aux }: Side): JournalLineDraft => ({
      role,
      account: chart.accounts[role].number,
      accountLabel: chart.accounts[role].label,
      ...(aux ? { auxAccount: aux.account, auxLabel: aux.label } : {}),
      debit: side === 'debit' ? amount : 0,
      credit: side === 'credit' ? amount : 0,
      label: fact.label,
    });
  const lines = [
    ...debits.filter((entry) => entry.amount > 0).map(toLine('debit')),
    ...credits.filter((entry) => entry.amount > 0).map(toLine('credit')),
  ];
  const totals = totalsOf(lines);
  if (totals.debit !== totals.credit) {
    throw new UnbalancedJournalError(totals.debit, totals.credit, `The ${fact.kind} ${fact.sourceId}`);
  }
  return lines;
}
