import {
  addDays,
  clockMinutes,
  dateRange,
  daysBetween,
  isoDayOfWeek,
  localDateIn,
  zonedInstant,
  zonedTimeToUtc,
} from './local-calendar';

const iso = (instant: number) => new Date(instant).toISOString();

describe('localDateIn', () => {
  const instant = new Date('2026-11-29T22:30:00Z');

  it('gives the calendar date in the property time zone, not in UTC', () => {
    expect(localDateIn('UTC', instant)).toBe('2026-11-29');
    expect(localDateIn('Pacific/Kiritimati', instant)).toBe('2026-11-30'); // UTC+14
    expect(localDateIn('Pacific/Pago_Pago', new Date('2026-11-29T05:00:00Z'))).toBe('2026-11-28'); // UTC-11
  });

  it('turns at local midnight in Kiritimati (UTC+14) and Pago Pago (UTC-11)', () => {
    expect(localDateIn('Pacific/Kiritimati', new Date('2027-06-14T09:59:59Z'))).toBe('2027-06-14');
    expect(localDateIn('Pacific/Kiritimati', new Date('2027-06-14T10:00:00Z'))).toBe('2027-06-15');
    expect(localDateIn('Pacific/Pago_Pago', new Date('2027-06-15T10:59:59Z'))).toBe('2027-06-14');
    expect(localDateIn('Pacific/Pago_Pago', new Date('2027-06-15T11:00:00Z'))).toBe('2027-06-15');
  });

  it('crosses month and year boundaries ahead of or behind UTC', () => {
    expect(localDateIn('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
    expect(localDateIn('Pacific/Pago_Pago', new Date('2027-01-01T10:00:00Z'))).toBe('2026-12-31');
    expect(localDateIn('Pacific/Pago_Pago', new Date('2028-03-01T05:00:00Z'))).toBe('2028-02-29');
  });

  it('follows a half-hour offset (St John’s, UTC-3:30)', () => {
    expect(localDateIn('America/St_Johns', new Date('2027-01-15T03:29:00Z'))).toBe('2027-01-14');
    expect(localDateIn('America/St_Johns', new Date('2027-01-15T03:30:00Z'))).toBe('2027-01-15');
  });

  it('accepts epoch milliseconds and rejects an unknown zone', () => {
    expect(localDateIn('Europe/Paris', Date.parse('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
    expect(() => localDateIn('Mars/Olympus_Mons', instant)).toThrow(RangeError);
  });
});

describe('zonedInstant / zonedTimeToUtc', () => {
  it('converts Paris wall-clock time in winter and in summer', () => {
    expect(zonedTimeToUtc('2026-01-15', '14:00', 'Europe/Paris').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-15', '14:00', 'Europe/Paris').toISOString()).toBe('2026-07-15T12:00:00.000Z');
  });

  it('is the identity for UTC and handles zones west of Greenwich', () => {
    expect(zonedTimeToUtc('2026-03-01', '09:30', 'UTC').toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-01', '09:30', 'America/New_York').toISOString()).toBe('2026-03-01T14:30:00.000Z');
  });

  it('moves a time skipped by the spring-forward change forward by the gap (Paris, 28 March 2027)', () => {
    // Clocks jump from 02:00 CET to 03:00 CEST: 02:30 does not exist and is read as 03:30 CEST.
    expect(iso(zonedInstant('2027-03-28', '02:30', 'Europe/Paris'))).toBe('2027-03-28T01:30:00.000Z');
    expect(iso(zonedInstant('2027-03-28', '01:59', 'Europe/Paris'))).toBe('2027-03-28T00:59:00.000Z');
    expect(iso(zonedInstant('2027-03-28', '03:00', 'Europe/Paris'))).toBe('2027-03-28T01:00:00.000Z');
    // The day has 23 hours.
    expect(
      zonedInstant('2027-03-29', '00:00', 'Europe/Paris') - zonedInstant('2027-03-28', '00:00', 'Europe/Paris'),
    ).toBe(23 * 3_600_000);
  });

  it('picks the first of a time that occurs twice on the fall-back day (Paris, 31 October 2027)', () => {
    // Clocks go back from 03:00 CEST to 02:00 CET: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(iso(zonedInstant('2027-10-31', '02:30', 'Europe/Paris'))).toBe('2027-10-31T00:30:00.000Z');
    expect(iso(zonedInstant('2027-10-31', '01:59', 'Europe/Paris'))).toBe('2027-10-30T23:59:00.000Z');
    expect(iso(zonedInstant('2027-10-31', '03:00', 'Europe/Paris'))).toBe('2027-10-31T02:00:00.000Z');
    // The day has 25 hours.
    expect(
      zonedInstant('2027-11-01', '00:00', 'Europe/Paris') - zonedInstant('2027-10-31', '00:00', 'Europe/Paris'),
    ).toBe(25 * 3_600_000);
  });

  it('handles the half-hour offset of St John’s, including its own changes', () => {
    expect(iso(zonedInstant('2027-01-15', '00:00', 'America/St_Johns'))).toBe('2027-01-15T03:30:00.000Z');
    expect(iso(zonedInstant('2027-07-15', '14:00', 'America/St_Johns'))).toBe('2027-07-15T16:30:00.000Z');
    // 14 March 2027, 02:00 NST -> 03:00 NDT: 02:30 is skipped and read as 03:30 NDT.
    expect(iso(zonedInstant('2027-03-14', '02:30', 'America/St_Johns'))).toBe('2027-03-14T06:00:00.000Z');
    // 7 November 2027, 02:00 NDT -> 01:00 NST: 01:30 happens twice, the first is in NDT.
    expect(iso(zonedInstant('2027-11-07', '01:30', 'America/St_Johns'))).toBe('2027-11-07T04:00:00.000Z');
  });

  it('puts local midnight of Kiritimati (UTC+14) and Pago Pago (UTC-11) on the right UTC day', () => {
    expect(iso(zonedInstant('2027-01-01', '00:00', 'Pacific/Kiritimati'))).toBe('2026-12-31T10:00:00.000Z');
    expect(iso(zonedInstant('2026-12-31', '23:59', 'Pacific/Kiritimati'))).toBe('2026-12-31T09:59:00.000Z');
    expect(iso(zonedInstant('2027-01-01', '00:00', 'Pacific/Pago_Pago'))).toBe('2027-01-01T11:00:00.000Z');
    expect(iso(zonedInstant('2026-12-31', '23:59', 'Pacific/Pago_Pago'))).toBe('2027-01-01T10:59:00.000Z');
  });

  it('round-trips with localDateIn', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Europe/Paris']) {
      expect(localDateIn(timeZone, zonedInstant('2028-02-29', '00:00', timeZone))).toBe('2028-02-29');
      expect(localDateIn(timeZone, zonedInstant('2028-02-29', '23:59', timeZone))).toBe('2028-02-29');
    }
  });

  it('rejects an unknown zone', () => {
    expect(() => zonedInstant('2027-01-01', '00:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('moves by calendar days across DST changes, months, years and leap days', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-10-31', 1)).toBe('2027-11-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-01-01', -1)).toBe('2027-12-31');
    expect(addDays('2027-01-31', 30)).toBe('2027-03-02');
    expect(addDays('2027-06-15', 0)).toBe('2027-06-15');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative backwards, unaffected by DST', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    expect(daysBetween('2027-12-31', '2028-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2027-03-01', '2027-02-01')).toBe(-28);
    expect(daysBetween('2027-06-15', '2027-06-15')).toBe(0);
  });
});

describe('isoDayOfWeek', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoDayOfWeek('2027-03-22')).toBe(1);
    expect(isoDayOfWeek('2027-03-27')).toBe(6);
    expect(isoDayOfWeek('2027-03-28')).toBe(7);
    expect(isoDayOfWeek('2028-02-29')).toBe(2);
  });
});

describe('dateRange', () => {
  it('lists consecutive dates across a month and a year end', () => {
    expect(dateRange('2027-12-30', 4)).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
    expect(dateRange('2028-02-28', 2)).toEqual(['2028-02-28', '2028-02-29']);
    expect(dateRange('2027-03-27', 0)).toEqual([]);
  });
});

describe('clockMinutes', () => {
  it('counts minutes after midnight', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('07:30')).toBe(450);
    expect(clockMinutes('23:59')).toBe(1439);
    expect(clockMinutes('24:00')).toBe(1440);
  });
});
