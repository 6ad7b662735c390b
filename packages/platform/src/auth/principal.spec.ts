import { STAFF_ROLES } from '@frontoffice/contracts';
import {
  ALL_PROPERTIES,
  canAccessProperty,
  claimAt,
  hasAnyRole,
  isStaffRole,
  Principal,
  principalFromClaims,
} from './principal';

const PROPERTY_A = '8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01';
const PROPERTY_B = '5b2d1f0a-7e3c-4b8a-8c11-3d9e6f7a8b02';

function principal(overrides: Partial<Principal> = {}): Principal {
  return { sub: 'user-1', roles: ['front_desk'], properties: [PROPERTY_A], ...overrides };
}

describe('principalFromClaims', () => {
  it('narrows valid claims into a principal, keeping only sub, roles and properties', () => {
    const result = principalFromClaims({
      sub: 'user-42',
      roles: ['front_desk', 'concierge'],
      properties: [PROPERTY_A, PROPERTY_B],
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });

    expect(result).toEqual({
      sub: 'user-42',
      roles: ['front_desk', 'concierge'],
      properties: [PROPERTY_A, PROPERTY_B],
    });
  });

  it('accepts the chain-wide wildcard as a property', () => {
    expect(principalFromClaims({ sub: 'hq', roles: ['admin'], properties: ['*'] })).toEqual({
      sub: 'hq',
      roles: ['admin'],
      properties: ['*'],
    });
  });

  it.each([
    ['missing', {}],
    ['empty', { sub: '' }],
    ['not a string', { sub: 42 }],
  ])('explains a %s subject', (_label, subClaim) => {
    expect(principalFromClaims({ ...subClaim, roles: ['front_desk'], properties: [PROPERTY_A] })).toBe(
      'the token has no subject (sub)',
    );
  });

  it('refuses an empty roles list', () => {
    expect(principalFromClaims({ sub: 'u', roles: [], properties: [PROPERTY_A] })).toBe('the token has no roles');
  });

  it('refuses missing or non-array roles', () => {
    expect(principalFromClaims({ sub: 'u', properties: [PROPERTY_A] })).toBe('the token has no roles');
    expect(principalFromClaims({ sub: 'u', roles: 'admin', properties: [PROPERTY_A] })).toBe('the token has no roles');
  });

  it('names every unknown role', () => {
    expect(
      principalFromClaims({ sub: 'u', roles: ['front_desk', 'superuser', 'root'], properties: [PROPERTY_A] }),
    ).toBe('the token has unknown roles: superuser, root');
  });

  it('treats a non-string role as unknown', () => {
    const result = principalFromClaims({ sub: 'u', roles: ['admin', 7], properties: [PROPERTY_A] });
    expect(result).toBe('the token has unknown roles: 7');
  });

  it.each([
    ['missing', undefined],
    ['a string', PROPERTY_A],
    ['an object', { id: PROPERTY_A }],
    ['an array with a non-string', [PROPERTY_A, 12]],
    ['an array with null', [null]],
  ])('refuses properties that are %s', (_label, properties) => {
    expect(principalFromClaims({ sub: 'u', roles: ['front_desk'], properties })).toBe(
      'the token has no properties claim',
    );
  });
});

describe('isStaffRole', () => {
  it('accepts every catalogued role and nothing else', () => {
    for (const role of STAFF_ROLES) expect(isStaffRole(role)).toBe(true);
    expect(isStaffRole('Admin')).toBe(false);
    expect(isStaffRole('')).toBe(false);
    expect(isStaffRole(undefined)).toBe(false);
    expect(isStaffRole(['admin'])).toBe(false);
  });
});

describe('canAccessProperty', () => {
  it('allows a listed property and refuses one that is not listed', () => {
    const caller = principal({ properties: [PROPERTY_A] });
    expect(canAccessProperty(caller, PROPERTY_A)).toBe(true);
    expect(canAccessProperty(caller, PROPERTY_B)).toBe(false);
  });

  it('allows any property for the chain-wide wildcard', () => {
    const caller = principal({ properties: [ALL_PROPERTIES] });
    expect(ALL_PROPERTIES).toBe('*');
    expect(canAccessProperty(caller, PROPERTY_A)).toBe(true);
    expect(canAccessProperty(caller, PROPERTY_B)).toBe(true);
  });

  it('refuses everything when the token lists no property', () => {
    expect(canAccessProperty(principal({ properties: [] }), PROPERTY_A)).toBe(false);
  });

  it('does not treat the wildcard as a prefix or pattern inside a listed id', () => {
    expect(canAccessProperty(principal({ properties: [`${PROPERTY_A}*`] }), PROPERTY_A)).toBe(false);
  });
});

describe('hasAnyRole', () => {
  it('lets any authenticated caller through when the route requires no role', () => {
    expect(hasAnyRole(principal({ roles: ['porter'] }), [])).toBe(true);
  });

  it('passes when the caller holds one of the required roles', () => {
    expect(hasAnyRole(principal({ roles: ['porter', 'finance'] }), ['finance', 'front_office_manager'])).toBe(true);
  });

  it('refuses when the caller holds none of the required roles', () => {
    expect(hasAnyRole(principal({ roles: ['porter', 'concierge'] }), ['finance', 'front_office_manager'])).toBe(false);
  });

  it('lets admin pass any role requirement', () => {
    const admin = principal({ roles: ['admin'] });
    for (const role of STAFF_ROLES) expect(hasAnyRole(admin, [role])).toBe(true);
    expect(hasAnyRole(admin, ['finance', 'porter'])).toBe(true);
  });
});

describe('claimAt', () => {
  it('follows a dot path into nested claims', () => {
    expect(claimAt({ realm_access: { roles: ['finance'] } }, 'realm_access.roles')).toEqual(['finance']);
  });

  it('prefers a claim named with the whole path, as URL-named custom claims are', () => {
    const claims = { 'https://frontoffice.example/roles': ['porter'], https: { other: true } };
    expect(claimAt(claims, 'https://frontoffice.example/roles')).toEqual(['porter']);
  });

  it.each([
    ['a missing segment', { realm_access: {} }],
    ['a scalar on the way', { realm_access: 'admin' }],
    ['an array on the way', { realm_access: [{ roles: ['admin'] }] }],
    ['an inherited property', Object.create({ realm_access: { roles: ['admin'] } }) as Record<string, unknown>],
  ])('has nothing for %s', (_label, claims) => {
    expect(claimAt(claims, 'realm_access.roles')).toBeUndefined();
  });
});

describe('principalFromClaims with claim paths', () => {
  const paths = { roles: 'realm_access.roles', properties: 'attributes.properties' };

  it('keeps the front-office roles of a provider role list and drops the others', () => {
    expect(
      principalFromClaims(
        {
          sub: 'kc-1',
          realm_access: { roles: ['default-roles-hotel', 'finance', 'offline_access', 'finance'] },
          attributes: { properties: ['*'] },
        },
        paths,
      ),
    ).toEqual({ sub: 'kc-1', roles: ['finance'], properties: ['*'] });
  });

  it('explains which claim is missing', () => {
    expect(principalFromClaims({ sub: 'kc-1', realm_access: { roles: ['porter'] } }, paths)).toBe(
      'the token has no properties claim (attributes.properties)',
    );
    expect(principalFromClaims({ sub: 'kc-1', attributes: { properties: [] } }, paths)).toBe(
      'the token has no roles (realm_access.roles)',
    );
  });

  it('still refuses unknown roles in its own default roles claim', () => {
    expect(principalFromClaims({ sub: 'u', roles: ['front_desk', 'root'], properties: [PROPERTY_A] })).toBe(
      'the token has unknown roles: root',
    );
  });
});
