import { isVip, welcomeDueAt } from './stay-tasks';

describe('stay tasks', () => {
  it('treats vip and vvip as VIPs', () => {
    expect(isVip('vip')).toBe(true);
    expect(isVip('vvip')).toBe(true);
    expect(isVip('none')).toBe(false);
  });

  it('makes a future VIP welcome due at check-in time in the property zone, a late one one SLA from now', () => {
    const now = new Date('2026-03-01T10:00:00.000Z');
    expect(welcomeDueAt('2026-03-10', 'Europe/Paris', now).toISOString()).toBe('2026-03-10T13:00:00.000Z');
    const soon = new Date('2026-03-10T15:30:00.000Z');
    expect(welcomeDueAt('2026-03-10', 'Europe/Paris', soon)).toBe(soon);
  });
});
