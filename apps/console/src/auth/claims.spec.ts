import { claimAt, coversProperty, userFromTokens } from './claims';

function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.signature`;
}

describe('claims', () => {
  it('reads a claim at a dot path, and nothing through arrays or scalars', () => {
    const claims = { realm_access: { roles: ['front_desk'] }, roles: 'x' };
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['front_desk']);
    expect(claimAt(claims, 'roles.length')).toBeUndefined();
    expect(claimAt(claims, 'missing.deep')).toBeUndefined();
  });

  it('takes roles and properties from the access token at the configured paths, the name from the id token', () => {
    const access = jwt({ sub: 'u1', realm_access: { roles: ['front_desk', 7] }, hotel: { ids: ['p1', 'p2'] } });
    const user = userFromTokens({ sub: 'u1', name: 'Ada Desk' }, access, {
      rolesClaim: 'realm_access.roles',
      propertiesClaim: 'hotel.ids',
    });
    expect(user).toEqual({ sub: 'u1', name: 'Ada Desk', roles: ['front_desk'], properties: ['p1', 'p2'] });
  });

  it('falls back to the username, then the subject, for the name; an opaque access token gives no roles', () => {
    expect(userFromTokens({ sub: 'u2', preferred_username: 'desk' }, 'opaque', defaults).name).toBe('desk');
    const user = userFromTokens({ sub: 'u3' }, 'opaque', defaults);
    expect(user).toEqual({ sub: 'u3', name: 'u3', roles: [], properties: [] });
  });

  it("covers a property listed, or every property with '*'", () => {
    expect(coversProperty(['p1'], 'p1')).toBe(true);
    expect(coversProperty(['p1'], 'p2')).toBe(false);
    expect(coversProperty(['*'], 'p2')).toBe(true);
    expect(coversProperty([], 'p1')).toBe(false);
  });
});

const defaults = { rolesClaim: 'roles', propertiesClaim: 'properties' };
