import { zonedTimeToUtc } from './local-time';

describe('zonedTimeToUtc', () => {
  it('converts Paris wall-clock time in winter and in summer', () => {
    expect(zonedTimeToUtc('2026-01-15', '14:00', 'Europe/Paris').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-15', '14:00', 'Europe/Paris').toISOString()).toBe('2026-07-15T12:00:00.000Z');
  });

  it('is the identity for UTC and handles zones west of Greenwich', () => {
    expect(zonedTimeToUtc('2026-03-01', '09:30', 'UTC').toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-01', '09:30', 'America/New_York').toISOString()).toBe('2026-03-01T14:30:00.000Z');
  });
});
