import { stayNights } from '../reservations/stay';
import { available, firstShortNight, lockOrder, NightCounts, sellable } from './inventory-arithmetic';

const night = (date: string, counts: Partial<NightCounts> = {}): NightCounts => ({
  date,
  rooms: 10,
  outOfOrder: 0,
  overbookingAllowance: 0,
  booked: 0,
  blocked: 0,
  ...counts,
});

describe('availability arithmetic', () => {
  it('sells rooms − out of order − booked − held in blocks, plus the overbooking allowance', () => {
    expect(sellable({ rooms: 10, outOfOrder: 2, overbookingAllowance: 0 })).toBe(8);
    expect(sellable({ rooms: 10, outOfOrder: 2, overbookingAllowance: 3 })).toBe(11);
    expect(available(night('2027-01-01', { outOfOrder: 2, booked: 5, blocked: 2 }))).toBe(1);
    expect(available(night('2027-01-01', { outOfOrder: 2, booked: 5, blocked: 2, overbookingAllowance: 1 }))).toBe(2);
  });

  it('never reports less than zero, even when rooms went out of order after the night was sold', () => {
    expect(available(night('2027-01-01', { outOfOrder: 3, booked: 10 }))).toBe(0);
    expect(sellable({ rooms: 2, outOfOrder: 5, overbookingAllowance: 1 })).toBe(1);
  });

  it('names the first night in date order that cannot take another room', () => {
    const nights = [
      night('2027-03-29', { booked: 10 }),
      night('2027-03-27', { booked: 9 }),
      night('2027-03-28', { booked: 9, blocked: 1 }),
    ];
    expect(firstShortNight(nights)).toBe('2027-03-28');
    expect(firstShortNight(nights.slice(1))).toBe('2027-03-28');
    expect(firstShortNight([night('2027-03-27', { booked: 9 })])).toBeUndefined();
    expect(firstShortNight([night('2027-03-27', { booked: 8 })], 3)).toBe('2027-03-27');
  });

  it('locks nights in one global order, without duplicates', () => {
    expect(lockOrder(['2027-11-02', '2027-10-31', '2027-11-02', '2027-11-01'])).toEqual([
      '2027-10-31',
      '2027-11-01',
      '2027-11-02',
    ]);
  });

  it('holds exactly seven nights for a week across the Paris clock changes', () => {
    // 2027-03-28 has 23 hours in Europe/Paris and 2027-10-31 has 25: stays count calendar nights, not hours.
    for (const [arrival, departure] of [
      ['2027-03-25', '2027-04-01'],
      ['2027-10-28', '2027-11-04'],
    ]) {
      const nights = lockOrder(stayNights(arrival, departure));
      expect(nights).toHaveLength(7);
      expect(nights.map((date) => available(night(date, { booked: 9 })))).toEqual([1, 1, 1, 1, 1, 1, 1]);
    }
  });

  it('uses the property-local date far from UTC (Pacific/Auckland, Pacific/Kiritimati)', () => {
    // Auckland's clocks go back on 2027-04-04 and forward on 2027-09-26; Kiritimati has no DST but is UTC+14.
    expect(stayNights('2027-04-03', '2027-04-06')).toEqual(['2027-04-03', '2027-04-04', '2027-04-05']);
    expect(stayNights('2027-09-25', '2027-09-28')).toHaveLength(3);
    expect(stayNights('2027-12-31', '2028-01-01')).toEqual(['2027-12-31']);
  });
});
