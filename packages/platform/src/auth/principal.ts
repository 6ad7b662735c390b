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

/** Where an identity provider puts the roles and properties: dot paths into the token's claims. */
export interface ClaimPaths {
  roles: string;
  properties: string;
}

export const DEFAULT_CLAIM_PATHS: ClaimPaths = { roles: 'roles', properties: 'properties' };

/**
 * Reads a claim by dot path (`realm_access.roles`). A claim whose own name holds the whole path wins, because some
 * providers name custom claims with URLs (`https://frontoffice.example/roles`), dots included.
 */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Narrows verified JWT claims into a principal, or explains what is missing. */
export function principalFromClaims(
  claims: Record<string, unknown>,
  paths: ClaimPaths = DEFAULT_CLAIM_PATHS,
): Principal | string {
  const { sub } = claims;
  const roles = claimAt(claims, paths.roles);
  const properties = claimAt(claims, paths.properties);
  const mappedRoles = paths.roles !== DEFAULT_CLAIM_PATHS.roles;
  const where = (path: string, mapped: boolean) => (mapped ? ` (${path})` : '');
  if (typeof sub !== 'string' || sub.length === 0) return 'the token has no subject (sub)';
  if (!Array.isArray(roles) || roles.length === 0) return `the token has no roles${where(paths.roles, mappedRoles)}`;
  // A mapped claim is the provider's list of every role of the user (Keycloak's realm_access.roles holds
  // offline_access, uma_authorization...): the ones this platform does not know are not ours to judge there. Our own
  // `roles` claim holds only front-office roles, so anything else in it is a mistake worth refusing.
  const staffRoles = roles.filter(isStaffRole);
  if (!mappedRoles) {
    const unknownRoles = roles.filter((role) => !isStaffRole(role));
    if (unknownRoles.length > 0) return `the token has unknown roles: ${unknownRoles.join(', ')}`;
  }
  if (staffRoles.length === 0) return `the token has no front-office role in ${paths.roles}`;
  if (!Array.isArray(properties) || properties.some((property) => typeof property !== 'string')) {
    return `the token has no properties claim${where(paths.properties, paths.properties !== DEFAULT_CLAIM_PATHS.properties)}`;
  }
  return { sub, roles: [...new Set(staffRoles)], properties: properties as string[] };
}
