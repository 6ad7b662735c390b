import { STAFF_ROLES, StaffRole } from '@frontoffice/contracts';

/** Who is calling, from the verified bearer token. */
export interface Principal {
  sub: string;
  roles: StaffRole[];
  /** Property ids the caller may act on; `['*']` for chain-wide staff. */
  properties: string[];
}

export const ALL_PROPERTIES = '*';

export function canAccessProperty(principal: Principal, propertyId: string): boolean {
  return principal.properties.includes(ALL_PROPERTIES) || principal.properties.includes(propertyId);
}

/** `admin` may do what any role may; otherwise the caller needs one of the route's roles. */
export function hasAnyRole(principal: Principal, required: readonly StaffRole[]): boolean {
  if (required.length === 0) return true;
  return principal.roles.includes('admin') || required.some((role) => principal.roles.includes(role));
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Narrows verified JWT claims into a principal, or explains what is missing. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | string {
  const { sub, roles, properties } = claims;
  if (typeof sub !== 'string' || sub.length === 0) return 'the token has no subject (sub)';
  if (!Array.isArray(roles) || roles.length === 0) return 'the token has no roles';
  const unknownRoles = roles.filter((role) => !isStaffRole(role));
  if (unknownRoles.length > 0) return `the token has unknown roles: ${unknownRoles.join(', ')}`;
  if (!Array.isArray(properties) || properties.some((property) => typeof property !== 'string')) {
    return 'the token has no properties claim';
  }
  return { sub, roles: roles as StaffRole[], properties: properties as string[] };
}
