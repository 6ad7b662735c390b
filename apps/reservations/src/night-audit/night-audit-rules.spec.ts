import { nightRate, noShowCutoff } from './night-audit-rules';

describe('night audit rules', () => {
  it('marks no-shows on the arrival date, or after the grace days of the policy', () => {
    expect(noShowCutoff('2027-03-28', 0)).toBe('2027-03-28');
    expect(noShowCutoff('2027-03-28', 1)).toBe('2027-03-27'); // across the Paris spring-forward night
    expect(noShowCutoff('2027-01-01', 2)).toBe('2026-12-30');
  });

  it("posts the night's booked rate", () => {
    const nights = [
      { date: '2027-10-30', amountMinor: 10_000 },
      { date: '2027-10-31', amountMinor: 12_000 },
    ];
    expect(nightRate(nights, '2027-10-31')).toBe(12_000);
    expect(nightRate(nights, '2027-11-01')).toBe(12_000);
    expect(() => nightRate([], '2027-11-01')).toThrow(RangeError);
  });
});
