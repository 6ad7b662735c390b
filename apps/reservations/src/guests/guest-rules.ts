import type { VipLevel } from '@frontoffice/contracts';
import { ALL_PROPERTIES, BusinessRuleViolation, ForbiddenError, Principal } from '@frontoffice/platform';

/** The name an erased guest keeps in the profile and in reservation snapshots, so records stay readable. */
export const ERASED_FIRST_NAME = 'Erased';
export const ERASED_LAST_NAME = 'Guest';

/** Where a caller's profiles live: chain-wide ('*') for chain-wide staff, otherwise the property itself. */
export function profileScope(principal: Pick<Principal, 'properties'>, propertyId: string): string {
  return principal.properties.includes(ALL_PROPERTIES) ? ALL_PROPERTIES : propertyId;
}

export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

/** VIP level and VIP notes are the front office manager's to set (admin may do anything). */
export function mayChangeVip(principal: Pick<Principal, 'roles'>): boolean {
  return principal.roles.includes('front_office_manager') || principal.roles.includes('admin');
}

/** The parts of a profile a change may touch. */
export interface ProfileFields {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  vipLevel: VipLevel;
  vipNotes: string | null;
  preferences: string[];
}

export type ProfilePatch = Partial<ProfileFields>;

export interface AuditEntry {
  /** null for actions on the whole profile (export, erasure). */
  field: 'vipLevel' | 'vipNotes' | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface ProfileChangePlan {
  /** Only the fields whose value really changes. */
  updates: ProfilePatch;
  /** Names of the changed fields, as `guest.profile-updated` reports them. */
  changes: (keyof ProfileFields)[];
  /** Sensitive changes to record, with their old and new values. */
  audit: AuditEntry[];
}

const SENSITIVE: readonly (keyof ProfileFields)[] = ['vipLevel', 'vipNotes'];

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * What a PATCH changes. VIP level and notes need a front office manager and a reason; an erased profile cannot
 * be changed. Fields given with their current value change nothing.
 */
export function planProfileChange(
  current: ProfileFields & { erasedAt: Date | null },
  patch: ProfilePatch,
  principal: Pick<Principal, 'roles'>,
  reason: string | undefined,
): ProfileChangePlan {
  const plan: ProfileChangePlan = { updates: {}, changes: [], audit: [] };
  for (const field of Object.keys(patch) as (keyof ProfileFields)[]) {
    const next = field === 'email' ? normalizeEmail(patch.email) : patch[field];
    if (next === undefined || same(next, current[field])) continue;
    (plan.updates as Record<string, unknown>)[field] = next;
    plan.changes.push(field);
    if (SENSITIVE.includes(field)) {
      plan.audit.push({
        field: field as 'vipLevel' | 'vipNotes',
        oldValue: current[field] as string | null,
        newValue: next as string | null,
      });
    }
  }
  if (plan.changes.length > 0 && current.erasedAt) {
    throw new BusinessRuleViolation('guest-erased', 'This guest was erased on request; the profile cannot change');
  }
  if (plan.audit.length > 0 && !mayChangeVip(principal)) {
    throw new ForbiddenError('vip-change-not-allowed', 'Only a front office manager may change VIP level or notes');
  }
  if (plan.audit.length > 0 && !reason?.trim()) {
    throw new BusinessRuleViolation('reason-required', 'A VIP change needs a reason, for the audit trail', 'reason');
  }
  return plan;
}

/** The booking's guest details, applied to a profile found by email: contact details follow the latest booking. */
export function planBookingUpdate(
  current: ProfileFields,
  input: { firstName: string; lastName: string; phone?: string; language?: string; vipLevel?: VipLevel },
  principal: Pick<Principal, 'roles'>,
): ProfileChangePlan {
  const patch: ProfilePatch = { firstName: input.firstName, lastName: input.lastName };
  if (input.phone) patch.phone = input.phone;
  if (input.language) patch.language = input.language;
  // A desk agent's booking never changes a known guest's VIP level; a manager's booking may.
  if (input.vipLevel && mayChangeVip(principal)) patch.vipLevel = input.vipLevel;
  const plan: ProfileChangePlan = { updates: {}, changes: [], audit: [] };
  for (const field of Object.keys(patch) as (keyof ProfileFields)[]) {
    if (same(patch[field], current[field])) continue;
    (plan.updates as Record<string, unknown>)[field] = patch[field];
    plan.changes.push(field);
    if (field === 'vipLevel') plan.audit.push({ field, oldValue: current.vipLevel, newValue: patch.vipLevel! });
  }
  return plan;
}

/**
 * The scrubbed profile: the id and the language (not personal on its own) stay; names, contact details, notes,
 * preferences and the VIP level (which can tell who someone is) go.
 */
export function anonymisedProfile(): Omit<ProfileFields, 'language'> {
  return {
    firstName: ERASED_FIRST_NAME,
    lastName: ERASED_LAST_NAME,
    email: null,
    phone: null,
    vipLevel: 'none',
    vipNotes: null,
    preferences: [],
  };
}
