import { addDays } from '@frontoffice/platform';
import { confirmationNumber, priceStay, stayNights } from './stay';

describe('stay arithmetic', () => {
  it('counts nights from arrival to the day before departure', () => {
    expect(stayNights('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('neither adds nor loses a night across daylight-saving changes', () => {
    // Europe switches on the last Sunday of March and October; the US on other Sundays: plain dates ignore both.
    expect(stayNights('2026-03-28', '2026-03-31')).toHaveLength(3);
    expect(stayNights('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25']);
    expect(stayNights('2026-03-07', '2026-03-14')).toHaveLength(7);
  });

  it('handles leap days', () => {
    expect(stayNights('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29']);
  });

  it('prices each night in integer minor units', () => {
    const { nights, totalMinor } = priceStay('2026-05-01', '2026-05-04', 12_345);
    expect(nights).toEqual([
      { date: '2026-05-01', amountMinor: 12_345 },
      { date: '2026-05-02', amountMinor: 12_345 },
      { date: '2026-05-03', amountMinor: 12_345 },
    ]);
    expect(totalMinor).toBe(37_035);
  });

  it('refuses a fractional rate', () => {
    expect(() => priceStay('2026-05-01', '2026-05-02', 10.5)).toThrow(RangeError);
  });

  it('makes confirmation numbers without ambiguous characters', () => {
    const samples = Array.from({ length: 200 }, () => confirmationNumber());
    for (const sample of samples) expect(sample).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(new Set(samples).size).toBeGreaterThan(195);
  });
});

describe('addDays', () => {
  it('moves by calendar days, never by 24-hour steps that a clock change could shift', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-10-31', 1)).toBe('2027-11-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });
});
