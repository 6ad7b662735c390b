import fc from 'fast-check';
import { folioBalance, FolioMovement, refundableAmount, settlementOf } from '../folios/folio-balance';
import { splitTaxIncluded } from '../taxes/tax-split';
import { ACCOUNT_ROLES, resolveChart } from './chart-of-accounts';
import type { FinancialFact, PaymentMethod, RevenueDepartment } from './financial-fact';
import { journalLinesFor, JournalLineDraft, totalsOf } from './journal-lines';

/** What the desk can do to a folio; amounts are drawn, then bounded by the folio's rules when applied. */
type Operation =
  | {
      op: 'charge';
      folio: number;
      day: number;
      gross: number;
      rate: number;
      cityTax: number;
      department: RevenueDepartment;
    }
  | { op: 'allowance'; folio: number; day: number; gross: number; rate: number; department: RevenueDepartment }
  | { op: 'payment'; folio: number; day: number; amount: number; method: PaymentMethod }
  | { op: 'refund'; folio: number; day: number; payment: number; amount: number }
  | { op: 'transfer'; folio: number; day: number }
  | { op: 'deposit'; folio: number; day: number; amount: number; method: Exclude<PaymentMethod, 'city_ledger'> }
  | { op: 'variance'; folio: number; day: number; variance: number };

const FOLIOS = ['f0', 'f1', 'f2'];
const DAYS = ['2026-03-10', '2026-03-11', '2026-03-12'];
const departments = fc.constantFrom<RevenueDepartment>(
  'rooms',
  'food_beverage',
  'local_booking',
  'transport',
  'amenity',
  'other',
);
const folio = fc.integer({ min: 0, max: FOLIOS.length - 1 });
const day = fc.integer({ min: 0, max: DAYS.length - 1 });
const rate = fc.constantFrom(0, 550, 1000, 2000);

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant('charge' as const),
    folio,
    day,
    gross: fc.integer({ min: 0, max: 500_000 }),
    rate,
    cityTax: fc.integer({ min: 0, max: 2_000 }),
    department: departments,
  }),
  fc.record({
    op: fc.constant('allowance' as const),
    folio,
    day,
    gross: fc.integer({ min: 1, max: 50_000 }),
    rate,
    department: departments,
  }),
  fc.record({
    op: fc.constant('payment' as const),
    folio,
    day,
    amount: fc.integer({ min: 1, max: 300_000 }),
    method: fc.constantFrom<PaymentMethod>('cash', 'card', 'bank_transfer', 'city_ledger'),
  }),
  fc.record({
    op: fc.constant('refund' as const),
    folio,
    day,
    payment: fc.nat(),
    amount: fc.integer({ min: 1, max: 300_000 }),
  }),
  fc.record({ op: fc.constant('transfer' as const), folio, day }),
  fc.record({
    op: fc.constant('deposit' as const),
    folio,
    day,
    amount: fc.integer({ min: 1, max: 100_000 }),
    method: fc.constantFrom<'cash' | 'card' | 'bank_transfer'>('cash', 'card', 'bank_transfer'),
  }),
  fc.record({ op: fc.constant('variance' as const), folio, day, variance: fc.integer({ min: -5_000, max: 5_000 }) }),
);

/** Any chart a property could configure: every role gets some account number. */
const chart = fc
  .array(fc.tuple(fc.constantFrom(...ACCOUNT_ROLES), fc.stringMatching(/^[1-7][0-9]{2,7}$/)), { maxLength: 6 })
  .map((overrides) =>
    resolveChart({
      accounts: Object.fromEntries(overrides.map(([role, number]) => [role, { number, label: `Compte ${number}` }])),
    }),
  );

interface Payment {
  folio: string;
  method: PaymentMethod;
  amount: number;
  refunded: number;
  cityLedgerAccountId?: string;
}

/** Replays operations the way the folio side does, keeping the folio movements and the facts it records. */
function replay(operations: Operation[]): { movements: Map<string, FolioMovement[]>; facts: FinancialFact[] } {
  const movements = new Map(FOLIOS.map((id) => [id, [] as FolioMovement[]]));
  const payments: Payment[] = [];
  const facts: FinancialFact[] = [];
  operations.forEach((operation, index) => {
    const folioId = FOLIOS[operation.folio];
    const base = {
      propertyId: 'p',
      businessDate: DAYS[operation.day],
      currency: 'EUR',
      sourceId: `s${index}`,
      label: operation.op,
      folioId,
    };
    const folioMovements = movements.get(folioId)!;
    switch (operation.op) {
      case 'charge': {
        const { net, vat } = splitTaxIncluded(operation.gross, operation.rate);
        folioMovements.push({ kind: 'posting', amount: operation.gross + operation.cityTax });
        facts.push({ ...base, kind: 'charge', department: operation.department, net, vat, cityTax: operation.cityTax });
        break;
      }
      case 'allowance': {
        const { net, vat } = splitTaxIncluded(operation.gross, operation.rate);
        folioMovements.push({ kind: 'posting', amount: -operation.gross });
        facts.push({ ...base, kind: 'allowance', department: operation.department, net, vat, cityTax: 0 });
        break;
      }
      case 'payment': {
        const cityLedgerAccountId = operation.method === 'city_ledger' ? 'acme' : undefined;
        payments.push({
          folio: folioId,
          method: operation.method,
          amount: operation.amount,
          refunded: 0,
          cityLedgerAccountId,
        });
        folioMovements.push({ kind: 'payment', amount: operation.amount });
        facts.push({
          ...base,
          kind: 'payment',
          method: operation.method,
          amount: operation.amount,
          cityLedgerAccountId,
        });
        break;
      }
      case 'refund': {
        if (payments.length === 0) return;
        const payment = payments[operation.payment % payments.length];
        const amount = Math.min(operation.amount, refundableAmount(payment.amount, payment.refunded));
        if (amount === 0) return;
        payment.refunded += amount;
        movements.get(payment.folio)!.push({ kind: 'refund', amount });
        facts.push({
          ...base,
          folioId: payment.folio,
          kind: 'refund',
          method: payment.method,
          amount,
          cityLedgerAccountId: payment.cityLedgerAccountId,
        });
        break;
      }
      case 'transfer': {
        const settlement = settlementOf(folioBalance(folioMovements), 'acme');
        if (!('transfer' in settlement) || settlement.transfer === 0) return;
        folioMovements.push({ kind: 'payment', amount: settlement.transfer });
        facts.push({ ...base, kind: 'city_ledger_transfer', amount: settlement.transfer, cityLedgerAccountId: 'acme' });
        break;
      }
      case 'deposit': {
        folioMovements.push({ kind: 'deposit_held', amount: operation.amount });
        facts.push({ ...base, kind: 'deposit_received', method: operation.method, amount: operation.amount });
        folioMovements.push({ kind: 'payment', amount: operation.amount });
        facts.push({
          ...base,
          sourceId: `${base.sourceId}-applied`,
          kind: 'deposit_applied',
          amount: operation.amount,
        });
        break;
      }
      case 'variance':
        facts.push({
          ...base,
          folioId: undefined,
          kind: 'cash_variance',
          variance: operation.variance,
          cashierSessionId: 'till',
        });
        break;
    }
  });
  return { movements, facts };
}

describe('journal lines of any sequence of folio operations (property)', () => {
  it('balance in every batch, put each line on one side, and keep the guest ledger equal to the folio balances', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), chart, (operations, accounts) => {
        const { movements, facts } = replay(operations);
        const batches = new Map<string, JournalLineDraft[]>();
        const guestLedger = new Map<string, number>();
        for (const fact of facts) {
          const lines = journalLinesFor(fact, accounts);
          const totals = totalsOf(lines);
          expect(totals.debit).toBe(totals.credit);
          batches.set(fact.businessDate, [...(batches.get(fact.businessDate) ?? []), ...lines]);
          for (const line of lines) {
            expect(Number.isSafeInteger(line.debit) && Number.isSafeInteger(line.credit)).toBe(true);
            expect(line.debit >= 0 && line.credit >= 0 && (line.debit === 0) !== (line.credit === 0)).toBe(true);
            expect(line.account).toBe(accounts.accounts[line.role].number);
            if (line.role === 'guest_ledger') {
              guestLedger.set(line.auxAccount!, (guestLedger.get(line.auxAccount!) ?? 0) + line.debit - line.credit);
            }
          }
        }
        for (const lines of batches.values()) {
          const totals = totalsOf(lines);
          expect(totals.debit).toBe(totals.credit);
        }
        for (const [folioId, folioMovements] of movements) {
          expect(guestLedger.get(folioId) ?? 0).toBe(folioBalance(folioMovements));
        }
      }),
      { numRuns: 300 },
    );
  });
});
