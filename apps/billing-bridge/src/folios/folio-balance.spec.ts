import fc from 'fast-check';
import { folioBalance, FolioMovement, refundableAmount, settlementOf } from './folio-balance';

describe('folioBalance', () => {
  it('is charges minus payments plus refunds; held deposits stay outside', () => {
    const movements: FolioMovement[] = [
      { kind: 'posting', amount: 12_400 },
      { kind: 'posting', amount: -1_000 },
      { kind: 'deposit_held', amount: 5_000 },
      { kind: 'payment', amount: 10_000 },
      { kind: 'refund', amount: 500 },
    ];
    expect(folioBalance(movements)).toBe(1_900);
    expect(folioBalance([])).toBe(0);
  });

  it('does not depend on the order of movements', () => {
    const movement = fc.oneof(
      fc.record({ kind: fc.constant<'posting'>('posting'), amount: fc.integer({ min: -1e7, max: 1e7 }) }),
      fc.record({
        kind: fc.constantFrom<'payment' | 'refund' | 'deposit_held'>('payment', 'refund', 'deposit_held'),
        amount: fc.integer({ min: 1, max: 1e7 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(movement), (movements) => {
        expect(folioBalance([...movements].reverse())).toBe(folioBalance(movements));
      }),
    );
  });

  it('refuses a float', () => {
    expect(() => folioBalance([{ kind: 'posting', amount: 0.1 }])).toThrow(RangeError);
  });
});

describe('refundableAmount and settlementOf', () => {
  it('never lets refunds exceed what was paid', () => {
    expect(refundableAmount(10_000, 3_000, 2_000)).toBe(5_000);
    expect(refundableAmount(10_000, 10_000)).toBe(0);
  });

  it('settles a zero folio, transfers a debit to a city ledger, refuses otherwise', () => {
    expect(settlementOf(0)).toEqual({ transfer: 0 });
    expect(settlementOf(5_000, 'acct')).toEqual({ transfer: 5_000 });
    expect(settlementOf(5_000)).toHaveProperty('refused');
    expect(settlementOf(-100, 'acct')).toHaveProperty('refused');
  });
});
