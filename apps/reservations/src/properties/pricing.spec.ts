import { datesFrom, priceNights, totalOf } from './pricing';
import { stayNights } from '../reservations/stay';

describe('nightly pricing', () => {
  it('prices every night at the plan rate, with date overrides winning', () => {
    const nights = priceNights(['2027-06-11', '2027-06-12', '2027-06-13'], {
      nightlyMinor: 15_000,
      overrides: new Map([['2027-06-12', 21_000]]),
    });
    expect(nights).toEqual([
      { date: '2027-06-11', amountMinor: 15_000 },
      { date: '2027-06-12', amountMinor: 21_000 },
      { date: '2027-06-13', amountMinor: 15_000 },
    ]);
    expect(totalOf(nights)).toBe(51_000);
  });

  it('charges exactly seven nights for a week across the Paris spring and autumn clock changes', () => {
    // Europe/Paris: 2027-03-28 02:00 -> 03:00 (a 23-hour day); 2027-10-31 03:00 -> 02:00 (a 25-hour day).
    for (const [arrival, departure] of [
      ['2027-03-25', '2027-04-01'],
      ['2027-10-28', '2027-11-04'],
    ]) {
      const nights = priceNights(stayNights(arrival, departure), {
        nightlyMinor: 10_000,
        overrides: new Map([['2027-03-28', 12_500]]),
      });
      expect(nights).toHaveLength(7);
      expect(new Set(nights.map((night) => night.date)).size).toBe(7);
      expect(nights[0].date).toBe(arrival);
    }
    expect(
      totalOf(
        priceNights(stayNights('2027-03-25', '2027-04-01'), {
          nightlyMinor: 10_000,
          overrides: new Map([['2027-03-28', 12_500]]),
        }),
      ),
    ).toBe(72_500);
  });

  it('works on property-local dates even far from UTC (Pacific/Kiritimati, UTC+14)', () => {
    // New Year's Eve in Kiritimati starts at 10:00 UTC on 31 December: the date is the property's, not the server's.
    const nights = priceNights(stayNights('2027-12-31', '2028-01-02'), {
      nightlyMinor: 30_000,
      overrides: new Map([['2027-12-31', 90_000]]),
    });
    expect(nights).toEqual([
      { date: '2027-12-31', amountMinor: 90_000 },
      { date: '2028-01-01', amountMinor: 30_000 },
    ]);
  });

  it('refuses fractional or negative amounts', () => {
    expect(() => priceNights(['2027-01-01'], { nightlyMinor: 99.5 })).toThrow(RangeError);
    expect(() => priceNights(['2027-01-01'], { nightlyMinor: 100, overrides: new Map([['2027-01-01', -1]]) })).toThrow(
      RangeError,
    );
  });

  it('expands inclusive override ranges day by day across a DST change', () => {
    expect(datesFrom('2027-10-30', '2027-11-01')).toEqual(['2027-10-30', '2027-10-31', '2027-11-01']);
    expect(datesFrom('2027-03-27', '2027-03-29')).toHaveLength(3);
    expect(datesFrom('2027-03-29', '2027-03-27')).toEqual([]);
  });
});
