/** What `/api/session` tells the browser about the signed-in user; the tokens themselves never leave the server. */
export interface ConsoleUser {
  sub: string;
  name: string;
  roles: string[];
  /** Property ids, or `['*']` for chain-wide staff. */
  properties: string[];
}

/** A claim at a dot path (`realm_access.roles` for Keycloak), or undefined. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let current: unknown = claims;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.length > 0);
}

/**
 * The payload of a JWT, not verified: the console received it straight from the provider's token endpoint, and the
 * services verify its signature on every call. Undefined when the token is not a JWT (an opaque access token).
 */
export function unverifiedJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export interface ClaimPaths {
  rolesClaim: string;
  propertiesClaim: string;
}

/**
 * Roles and properties come from the access token (what the services will check), the name from the id token.
 * The subject is the id token's, which the OpenID client has verified.
 */
export function userFromTokens(idClaims: Record<string, unknown>, accessToken: string, paths: ClaimPaths): ConsoleUser {
  const access = unverifiedJwtClaims(accessToken) ?? {};
  const sub = typeof idClaims.sub === 'string' ? idClaims.sub : String(access.sub ?? '');
  const name = [idClaims.name, idClaims.preferred_username, access.name, sub].find(
    (value): value is string => typeof value === 'string' && value.length > 0,
  )!;
  return {
    sub,
    name,
    roles: stringList(claimAt(access, paths.rolesClaim)),
    properties: stringList(claimAt(access, paths.propertiesClaim)),
  };
}

/** Whether the user may see events of this property. */
export function coversProperty(properties: readonly string[], propertyId: string): boolean {
  return properties.includes('*') || properties.includes(propertyId);
}
