import type { StaffRole } from '@frontoffice/contracts';
import { BusinessRuleViolation, ForbiddenError } from '@frontoffice/platform';
import {
  anonymisedProfile,
  ERASED_FIRST_NAME,
  mayChangeVip,
  normalizeEmail,
  planBookingUpdate,
  planProfileChange,
  ProfileFields,
  profileScope,
} from './guest-rules';

const desk = { roles: ['front_desk'] as StaffRole[] };
const manager = { roles: ['front_office_manager'] as StaffRole[] };

const camille = (): ProfileFields & { erasedAt: Date | null } => ({
  firstName: 'Camille',
  lastName: 'Durand',
  email: 'camille@example.com',
  phone: '+33612345678',
  language: 'fr',
  vipLevel: 'none',
  vipNotes: null,
  preferences: ['high floor'],
  erasedAt: null,
});

describe('guest profile rules', () => {
  it('keeps profiles per property, or chain-wide for chain-wide staff', () => {
    expect(profileScope({ properties: ['p-1'] }, 'p-1')).toBe('p-1');
    expect(profileScope({ properties: ['*'] }, 'p-1')).toBe('*');
  });

  it('matches emails whatever their case and spaces', () => {
    expect(normalizeEmail('  Camille@Example.COM ')).toBe('camille@example.com');
    expect(normalizeEmail('   ')).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
  });

  it('lets only a front office manager (or admin) change VIP level and notes', () => {
    expect(mayChangeVip(manager)).toBe(true);
    expect(mayChangeVip({ roles: ['admin'] })).toBe(true);
    expect(mayChangeVip(desk)).toBe(false);
    expect(() => planProfileChange(camille(), { vipLevel: 'vip' }, desk, 'regular')).toThrow(ForbiddenError);
    expect(() => planProfileChange(camille(), { vipNotes: 'CEO' }, desk, 'regular')).toThrow(ForbiddenError);
  });

  it('audits a VIP change with old and new values, and needs a reason', () => {
    expect(() => planProfileChange(camille(), { vipLevel: 'vvip' }, manager, undefined)).toThrow(BusinessRuleViolation);
    expect(() => planProfileChange(camille(), { vipLevel: 'vvip' }, manager, '  ')).toThrow(BusinessRuleViolation);
    const plan = planProfileChange(
      camille(),
      { vipLevel: 'vvip', vipNotes: 'Minister', language: 'en' },
      manager,
      'visit',
    );
    expect(plan.changes).toEqual(['vipLevel', 'vipNotes', 'language']);
    expect(plan.audit).toEqual([
      { field: 'vipLevel', oldValue: 'none', newValue: 'vvip' },
      { field: 'vipNotes', oldValue: null, newValue: 'Minister' },
    ]);
  });

  it('changes nothing for values given as they are, and lets the desk change contact details', () => {
    expect(planProfileChange(camille(), { vipLevel: 'none', language: 'fr' }, desk, undefined).changes).toEqual([]);
    const plan = planProfileChange(camille(), { email: 'NEW@example.com', phone: null }, desk, undefined);
    expect(plan.updates).toEqual({ email: 'new@example.com', phone: null });
    expect(plan.audit).toEqual([]);
  });

  it('refuses to change an erased profile', () => {
    expect(() => planProfileChange({ ...camille(), erasedAt: new Date() }, { firstName: 'X' }, manager, 'x')).toThrow(
      BusinessRuleViolation,
    );
  });

  it("a desk booking updates a known guest's contact details but never their VIP level", () => {
    const fromDesk = planBookingUpdate(
      { ...camille(), vipLevel: 'vip' },
      { firstName: 'Camille', lastName: 'Durand-Martin', language: 'en', vipLevel: 'none' },
      desk,
    );
    expect(fromDesk.updates).toEqual({ lastName: 'Durand-Martin', language: 'en' });
    expect(fromDesk.audit).toEqual([]);
    const fromManager = planBookingUpdate(
      camille(),
      { firstName: 'Camille', lastName: 'Durand', vipLevel: 'vip' },
      manager,
    );
    expect(fromManager.audit).toEqual([{ field: 'vipLevel', oldValue: 'none', newValue: 'vip' }]);
  });

  it('anonymises everything that identifies the guest', () => {
    const scrubbed = { ...camille(), ...anonymisedProfile() };
    expect(scrubbed).toMatchObject({
      firstName: ERASED_FIRST_NAME,
      email: null,
      phone: null,
      vipLevel: 'none',
      vipNotes: null,
      preferences: [],
    });
    expect(JSON.stringify(scrubbed)).not.toMatch(/Camille|Durand|example\.com|\+336/);
  });
});
