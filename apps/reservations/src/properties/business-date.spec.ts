import { localDateIn } from './business-date';

describe('localDateIn', () => {
  const instant = new Date('2026-11-29T22:30:00Z');

  it('gives the calendar date in the property time zone, not in UTC', () => {
    expect(localDateIn('UTC', instant)).toBe('2026-11-29');
    expect(localDateIn('Pacific/Kiritimati', instant)).toBe('2026-11-30'); // UTC+14
    expect(localDateIn('Pacific/Pago_Pago', new Date('2026-11-29T05:00:00Z'))).toBe('2026-11-28'); // UTC-11
  });
});
