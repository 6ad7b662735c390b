import { DEFAULT_SLA_MINUTES } from '../settings/settings-rules';
import {
  canBeAssigned,
  effectivePriority,
  nextStatus,
  porterMayHandle,
  ROLE_FOR_CATEGORY,
  shouldEscalate,
  slaDueAt,
} from './request-rules';

const created = new Date('2026-03-10T10:00:00.000Z');

describe('request lifecycle', () => {
  it('goes open → assigned → in progress → done', () => {
    expect(nextStatus('open', 'assign')).toBe('assigned');
    expect(nextStatus('assigned', 'start')).toBe('in_progress');
    expect(nextStatus('in_progress', 'complete')).toBe('done');
  });

  it('can be cancelled or deferred while not finished, and a deferred request comes back', () => {
    expect(nextStatus('in_progress', 'cancel')).toBe('cancelled');
    expect(nextStatus('open', 'defer')).toBe('deferred');
    expect(nextStatus('deferred', 'assign')).toBe('assigned');
    expect(nextStatus('deferred', 'reopen')).toBe('open');
  });

  it('refuses skipping steps and touching finished requests', () => {
    expect(nextStatus('open', 'start')).toEqual({ refused: 'A open request cannot be started' });
    expect(nextStatus('open', 'complete')).toHaveProperty('refused');
    expect(nextStatus('done', 'cancel')).toHaveProperty('refused');
    expect(nextStatus('cancelled', 'assign')).toHaveProperty('refused');
    expect(nextStatus('in_progress', 'defer')).toHaveProperty('refused');
  });
});

describe('SLA', () => {
  it('uses the category policy, shortened for higher priority', () => {
    expect(slaDueAt('luggage', 'normal', DEFAULT_SLA_MINUTES, created).toISOString()).toBe('2026-03-10T10:15:00.000Z');
    expect(slaDueAt('local_booking', 'high', DEFAULT_SLA_MINUTES, created).toISOString()).toBe(
      '2026-03-10T10:30:00.000Z',
    );
    expect(slaDueAt('local_booking', 'low', DEFAULT_SLA_MINUTES, created).toISOString()).toBe(
      '2026-03-10T11:30:00.000Z',
    );
  });

  it('never gives less than a minute, and an explicit due time wins', () => {
    const policy = { ...DEFAULT_SLA_MINUTES, wake_up: 1 };
    expect(slaDueAt('wake_up', 'urgent', policy, created).toISOString()).toBe('2026-03-10T10:01:00.000Z');
    const at = new Date('2026-03-11T05:30:00.000Z');
    expect(slaDueAt('wake_up', 'normal', policy, created, at)).toBe(at);
  });
});

describe('VIP priority', () => {
  it('raises VIP requests, never lowers an urgent one', () => {
    expect(effectivePriority(undefined, 'none')).toBe('normal');
    expect(effectivePriority('low', 'vip')).toBe('high');
    expect(effectivePriority('normal', 'vvip')).toBe('urgent');
    expect(effectivePriority('urgent', 'vip')).toBe('urgent');
  });
});

describe('escalation choice', () => {
  const now = new Date('2026-03-10T11:00:00.000Z');
  const past = new Date('2026-03-10T10:59:59.000Z');

  it('escalates an active request past its due time, once', () => {
    expect(shouldEscalate({ status: 'open', dueAt: past, escalatedAt: null }, now)).toBe(true);
    expect(shouldEscalate({ status: 'in_progress', dueAt: now, escalatedAt: null }, now)).toBe(true);
    expect(shouldEscalate({ status: 'open', dueAt: past, escalatedAt: past }, now)).toBe(false);
  });

  it('leaves requests not yet due, finished, cancelled or deferred alone', () => {
    expect(shouldEscalate({ status: 'open', dueAt: new Date('2026-03-10T11:00:01Z'), escalatedAt: null }, now)).toBe(
      false,
    );
    for (const status of ['done', 'cancelled', 'deferred'] as const) {
      expect(shouldEscalate({ status, dueAt: past, escalatedAt: null }, now)).toBe(false);
    }
  });
});

describe('assignment', () => {
  it('gives luggage to porters and bookings to the concierge, only', () => {
    expect(ROLE_FOR_CATEGORY.luggage).toBe('porter');
    expect(ROLE_FOR_CATEGORY.local_booking).toBe('concierge');
    expect(canBeAssigned({ active: true, roles: ['porter'] }, 'porter')).toEqual({ ok: true });
    expect(canBeAssigned({ active: true, roles: ['concierge'] }, 'porter')).toMatchObject({ ok: false });
    expect(canBeAssigned({ active: true, roles: ['porter'] }, 'concierge')).toMatchObject({ ok: false });
  });

  it('refuses unknown and departed employees; the manager may take anything', () => {
    expect(canBeAssigned(undefined, 'porter')).toMatchObject({ ok: false });
    expect(canBeAssigned({ active: false, roles: ['porter'] }, 'porter')).toMatchObject({ ok: false });
    expect(canBeAssigned({ active: true, roles: ['front_office_manager'] }, 'porter')).toEqual({ ok: true });
  });

  it('lets porters handle luggage only', () => {
    expect(porterMayHandle('luggage')).toBe(true);
    expect(porterMayHandle('complaint')).toBe(false);
  });
});
