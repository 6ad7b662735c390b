import { allowanceDraft, chargeDraft, correctionDraft } from './postings';

describe('posting drafts', () => {
  it('splits a room night sold 120.00 at 10 % and adds city tax for two adults', () => {
    expect(chargeDraft('room', 12_000, 1000, 520)).toEqual({
      kind: 'charge',
      chargeType: 'room',
      amount: 12_520,
      net: 10_909,
      vat: 1_091,
      cityTax: 520,
      vatRateBasisPoints: 1000,
    });
  });

  it('makes an allowance negative in every component, adding up', () => {
    const draft = allowanceDraft('food_beverage', 1_000, 1000);
    expect(draft).toMatchObject({ kind: 'allowance', amount: -1_000, net: -909, vat: -91, cityTax: 0 });
    expect(draft.net + draft.vat + draft.cityTax).toBe(draft.amount);
  });

  it('reverses a charge exactly', () => {
    const charge = chargeDraft('room', 9_999, 1000, 260);
    const correction = correctionDraft(charge);
    expect(correction.amount + charge.amount).toBe(0);
    expect(correction.net + charge.net).toBe(0);
    expect(correction.vat + charge.vat).toBe(0);
    expect(correction.cityTax + charge.cityTax).toBe(0);
    expect(() => correctionDraft(correction)).toThrow(RangeError);
  });

  it('refuses negative charges and non-positive allowances', () => {
    expect(() => chargeDraft('other', -1, 2000)).toThrow(RangeError);
    expect(() => allowanceDraft('other', 0, 2000)).toThrow(RangeError);
  });
});
