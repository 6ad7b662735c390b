import type { StaffRole } from '@frontoffice/contracts';
import { Page, Principal } from '@frontoffice/platform';

/** Everyone who works at the front desk of a property (finance is back office). */
export const DESK_ROLES: StaffRole[] = ['front_desk', 'front_office_manager', 'concierge', 'porter'];
/** Desk roles that dispatch and follow up guest requests (porters only carry luggage). */
export const DISPATCH_ROLES: StaffRole[] = ['front_desk', 'front_office_manager', 'concierge'];

export function isManager(principal: Principal): boolean {
  return principal.roles.includes('front_office_manager') || principal.roles.includes('admin');
}

/** A porter with no other desk role: sees and updates luggage only. */
export function isPorterOnly(principal: Principal): boolean {
  return (
    principal.roles.includes('porter') &&
    !principal.roles.some((role) => role === 'admin' || (DISPATCH_ROLES as string[]).includes(role))
  );
}

export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * `{ items, nextCursor: null }` for the few lists bounded by their own key, never by a row cap: message templates
 * (one per purpose and language) and desk procedures (one per code, or the versions of one code). Lists that grow
 * with activity page by keyset instead (`Keyset` in ./paging).
 */
export function boundedList<T>(items: T[]): Page<T> {
  return { items, nextCursor: null };
}
