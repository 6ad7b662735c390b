import { RunningTestService } from '@frontoffice/platform/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { folioBalance, FolioMovement, refundableAmount, settlementOf } from '../src/folios/folio-balance';
import type { FinancialFact, PaymentMethod } from '../src/journal/financial-fact';
import { JournalService } from '../src/journal/journal.service';
import { splitTaxIncluded } from '../src/taxes/tax-split';
import { auditFigures, startJournalService } from './journal-kit';

type Step =
  | { op: 'charge'; folio: number; gross: number; rate: number; cityTax: number }
  | { op: 'allowance'; folio: number; gross: number }
  | { op: 'payment'; folio: number; amount: number; method: PaymentMethod }
  | { op: 'refund'; payment: number; amount: number }
  | { op: 'transfer'; folio: number }
  | { op: 'audit' };

/** A fact without what the test fills in; distributive, so each kind keeps its own fields. */
type FactInput<F = FinancialFact> = F extends FinancialFact
  ? Omit<F, 'propertyId' | 'businessDate' | 'currency' | 'sourceId' | 'label'>
  : never;

const folio = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('charge' as const),
    folio,
    gross: fc.integer({ min: 1, max: 90_000 }),
    rate: fc.constantFrom(550, 1000, 2000),
    cityTax: fc.integer({ min: 0, max: 500 }),
  }),
  fc.record({ op: fc.constant('allowance' as const), folio, gross: fc.integer({ min: 1, max: 9_000 }) }),
  fc.record({
    op: fc.constant('payment' as const),
    folio,
    amount: fc.integer({ min: 1, max: 90_000 }),
    method: fc.constantFrom<PaymentMethod>('cash', 'card', 'bank_transfer', 'city_ledger'),
  }),
  fc.record({ op: fc.constant('refund' as const), payment: fc.nat(), amount: fc.integer({ min: 1, max: 90_000 }) }),
  fc.record({ op: fc.constant('transfer' as const), folio }),
  fc.constant({ op: 'audit' as const }),
);

/**
 * Acceptance 1 against the real database: any sequence of postings, payments, refunds, transfers and night audits,
 * recorded through JournalService and closed into batches, leaves every batch balanced and each folio's balance equal
 * to its guest-ledger balance in the stored lines.
 */
describe('billing-bridge journal (property, real database)', () => {
  let service: RunningTestService;
  let journal: JournalService;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ service, journal, dataSource } = await startJournalService());
  });

  afterAll(async () => {
    await service?.shutdown();
  });

  it('keeps batches balanced and the guest ledger equal to the folio balances', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const propertyId = randomUUID();
        const folios = [randomUUID(), randomUUID()];
        const movements = new Map<string, FolioMovement[]>(folios.map((id) => [id, []]));
        const payments: { folioId: string; method: PaymentMethod; amount: number; refunded: number }[] = [];
        let day = new Date(Date.UTC(2027, 0, 1));
        const date = () => day.toISOString().slice(0, 10);
        const record = (fact: FactInput) =>
          dataSource.transaction((manager) =>
            journal.record(manager, {
              ...fact,
              propertyId,
              businessDate: date(),
              currency: 'EUR',
              sourceId: randomUUID(),
              label: fact.kind,
            } as FinancialFact),
          );
        const audit = async () => {
          const businessDate = date();
          day = new Date(day.getTime() + 86_400_000);
          await dataSource.transaction((manager) =>
            journal.closeBusinessDate(
              manager,
              propertyId,
              businessDate,
              auditFigures(businessDate, date(), { roomsSold: 0, roomRevenue: { amountMinor: 0, currency: 'EUR' } }),
            ),
          );
        };

        for (const current of steps) {
          if (current.op === 'audit') {
            await audit();
            continue;
          }
          if (current.op === 'refund') {
            if (payments.length === 0) continue;
            const payment = payments[current.payment % payments.length];
            const amount = Math.min(current.amount, refundableAmount(payment.amount, payment.refunded));
            if (amount === 0) continue;
            payment.refunded += amount;
            movements.get(payment.folioId)!.push({ kind: 'refund', amount });
            await record({
              kind: 'refund',
              folioId: payment.folioId,
              method: payment.method,
              amount,
              ...(payment.method === 'city_ledger' ? { cityLedgerAccountId: 'acme' } : {}),
            });
            continue;
          }
          const folioId = folios[current.folio];
          const folioMovements = movements.get(folioId)!;
          if (current.op === 'charge') {
            const { net, vat } = splitTaxIncluded(current.gross, current.rate);
            folioMovements.push({ kind: 'posting', amount: current.gross + current.cityTax });
            await record({ kind: 'charge', folioId, department: 'rooms', net, vat, cityTax: current.cityTax });
          } else if (current.op === 'allowance') {
            const { net, vat } = splitTaxIncluded(current.gross, 1000);
            folioMovements.push({ kind: 'posting', amount: -current.gross });
            await record({ kind: 'allowance', folioId, department: 'rooms', net, vat, cityTax: 0 });
          } else if (current.op === 'payment') {
            payments.push({ folioId, method: current.method, amount: current.amount, refunded: 0 });
            folioMovements.push({ kind: 'payment', amount: current.amount });
            await record({
              kind: 'payment',
              folioId,
              method: current.method,
              amount: current.amount,
              ...(current.method === 'city_ledger' ? { cityLedgerAccountId: 'acme' } : {}),
            });
          } else {
            const settlement = settlementOf(folioBalance(folioMovements), 'acme');
            if (!('transfer' in settlement) || settlement.transfer === 0) continue;
            folioMovements.push({ kind: 'payment', amount: settlement.transfer });
            await record({
              kind: 'city_ledger_transfer',
              folioId,
              amount: settlement.transfer,
              cityLedgerAccountId: 'acme',
            });
          }
        }
        await audit();

        const batches: { debit_minor: string; credit_minor: string; line_count: number }[] = await dataSource.query(
          'SELECT debit_minor, credit_minor, line_count FROM journal_batch WHERE property_id = $1',
          [propertyId],
        );
        for (const batch of batches) expect(batch.debit_minor).toBe(batch.credit_minor);
        const unbatched: { count: string }[] = await dataSource.query(
          `SELECT count(*) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
           WHERE e.property_id = $1 AND e.batch_id IS NULL`,
          [propertyId],
        );
        expect(Number(unbatched[0].count)).toBe(0);
        const ledger: { aux_account: string; balance: string }[] = await dataSource.query(
          `SELECT aux_account, sum(debit_minor - credit_minor) AS balance FROM journal_line
           WHERE property_id = $1 AND account_role = 'guest_ledger' GROUP BY aux_account`,
          [propertyId],
        );
        const byFolio = new Map(ledger.map((row) => [row.aux_account, Number(row.balance)]));
        for (const folioId of folios) {
          expect(byFolio.get(folioId) ?? 0).toBe(folioBalance(movements.get(folioId)!));
        }
      }),
      { numRuns: 25 },
    );
  });
});
