import fc from 'fast-check';
import { cityTaxForNight, splitTaxIncluded, vatBreakdown } from './tax-split';

describe('splitTaxIncluded', () => {
  it('splits a room night at 10 % as sold', () => {
    expect(splitTaxIncluded(12_000, 1000)).toEqual({ net: 10_909, vat: 1_091 });
    expect(splitTaxIncluded(9_900, 1000)).toEqual({ net: 9_000, vat: 900 });
  });

  it('splits at 20 % and 5.5 %', () => {
    expect(splitTaxIncluded(1_000, 2000)).toEqual({ net: 833, vat: 167 });
    expect(splitTaxIncluded(1_055, 550)).toEqual({ net: 1_000, vat: 55 });
  });

  it('has no VAT at 0 % and mirrors credits', () => {
    expect(splitTaxIncluded(777, 0)).toEqual({ net: 777, vat: 0 });
    expect(splitTaxIncluded(-12_000, 1000)).toEqual({ net: -10_909, vat: -1_091 });
  });

  it('never loses or invents a cent: net + vat == gross for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (gross, rate) => {
          const { net, vat } = splitTaxIncluded(gross, rate);
          expect(net + vat).toBe(gross);
          expect(Number.isSafeInteger(net) && Number.isSafeInteger(vat)).toBe(true);
          // The VAT is within a cent of the exact value.
          expect(Math.abs(vat - (gross * rate) / (10_000 + rate))).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });

  it('refuses floats and impossible rates', () => {
    expect(() => splitTaxIncluded(10.5, 1000)).toThrow(RangeError);
    expect(() => splitTaxIncluded(100, -1)).toThrow(RangeError);
    expect(() => splitTaxIncluded(100, 10_001)).toThrow(RangeError);
  });
});

describe('cityTaxForNight and vatBreakdown', () => {
  it('charges city tax per adult', () => {
    expect(cityTaxForNight(260, 2)).toBe(520);
    expect(cityTaxForNight(260, 0)).toBe(0);
  });

  it('sums nets and VAT by rate', () => {
    expect(
      vatBreakdown([
        { rateBasisPoints: 2000, net: 833, vat: 167 },
        { rateBasisPoints: 1000, net: 10_909, vat: 1_091 },
        { rateBasisPoints: 1000, net: 9_000, vat: 900 },
      ]),
    ).toEqual([
      { rateBasisPoints: 1000, net: 19_909, vat: 1_991 },
      { rateBasisPoints: 2000, net: 833, vat: 167 },
    ]);
  });
});
