import { DEV_JWT_SECRET } from '../config/service-defaults';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { StaffRole } from '@frontoffice/contracts';
import { sign } from 'jsonwebtoken';
import { AuthGuard } from './auth.guard';
import { AuthOptions, authOptionsFromEnv, verifyOptionsFor } from './auth.options';
import { Public, PUBLIC_ROUTE, REQUIRED_ROLES, Roles } from './decorators';
import type { Principal } from './principal';
import { signDevToken } from './tokens';
import { ServiceEnv } from '../config/env';

const SECRET = 'unit-test-secret-0123456789abcdef';
const OTHER_SECRET = 'another-secret-0123456789abcdef!';
const PROPERTY_A = '8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01';
const PROPERTY_B = '5b2d1f0a-7e3c-4b8a-8c11-3d9e6f7a8b02';

const { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const HS256_ONLY: AuthOptions = { hs256: { secret: SECRET, algorithms: ['HS256'] } };
const IDP = { issuer: 'https://idp.example', audience: 'frontoffice' };
const IDP_ENV = { AUTH_JWT_ISSUER: IDP.issuer, AUTH_JWT_AUDIENCE: IDP.audience };
const WITH_RS256: AuthOptions = {
  ...HS256_ONLY,
  rs256: { publicKey: PUBLIC_KEY, algorithms: ['RS256'], ...IDP },
};

class ReservationsController {
  list(): void {}

  @Roles('front_office_manager', 'finance')
  refund(): void {}

  @Public()
  health(): void {}
}

@Public()
class DocsController {
  index(): void {}
}

class LegacyController {
  secret(): void {}
}
// Metadata set by hand, as another decorator library would.
Reflect.defineMetadata(REQUIRED_ROLES, ['finance'], LegacyController);
Reflect.defineMetadata(PUBLIC_ROUTE, false, LegacyController.prototype.secret);

type FakeRequest = {
  headers: Record<string, string | undefined>;
  params?: Record<string, string>;
  principal?: Principal;
};

function contextFor(
  controller: Function,
  handler: Function,
  request: FakeRequest,
  type: 'http' | 'rpc' = 'http',
): ExecutionContext {
  const http = {
    getRequest: <T>() => request as unknown as T,
    getResponse: <T>() => ({}) as T,
    getNext: <T>() => (() => undefined) as unknown as T,
  };
  return {
    getType: <T extends string>() => type as T,
    getHandler: () => handler,
    getClass: <T>() => controller as T,
    getArgs: <T extends unknown[]>() => [request] as unknown as T,
    getArgByIndex: <T>(index: number) => [request][index] as T,
    switchToHttp: () => http,
    switchToRpc: () => {
      throw new Error('not an rpc context');
    },
    switchToWs: () => {
      throw new Error('not a ws context');
    },
  };
}

function bearer(token: string): FakeRequest['headers'] {
  return { authorization: `Bearer ${token}` };
}

function devToken(
  roles: StaffRole[],
  properties: string[] = [PROPERTY_A],
  secret = SECRET,
  expiresInSeconds?: number,
): string {
  return signDevToken({ sub: 'user-1', roles, properties, secret, expiresInSeconds });
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function guardWith(options: AuthOptions): AuthGuard {
  return new AuthGuard(new Reflector(), new JwtService({}), options);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the guard to refuse the request');
}

describe('verifyOptionsFor', () => {
  it('uses the HS256 options for an HS256 token', () => {
    expect(verifyOptionsFor(WITH_RS256, 'HS256')).toBe(WITH_RS256.hs256);
  });

  it('has nothing for an RS256 token when the key comes without issuer and audience checks', () => {
    expect(verifyOptionsFor({ rs256: { publicKey: PUBLIC_KEY, algorithms: ['RS256'] } }, 'RS256')).toBeUndefined();
    expect(
      verifyOptionsFor({ rs256: { publicKey: PUBLIC_KEY, algorithms: ['RS256'], issuer: IDP.issuer } }, 'RS256'),
    ).toBeUndefined();
  });

  it('has nothing for an RS256 token when no public key is configured', () => {
    expect(verifyOptionsFor(HS256_ONLY, 'RS256')).toBeUndefined();
  });

  it('has nothing for an RS256 token when issuer and audience are set but neither a key nor a key set', () => {
    expect(verifyOptionsFor({ rs256: { algorithms: ['RS256'], ...IDP } }, 'RS256')).toBeUndefined();
  });

  it('uses the RS256 options for an RS256 token when a public key is configured', () => {
    expect(verifyOptionsFor(WITH_RS256, 'RS256')).toBe(WITH_RS256.rs256);
  });

  it.each(['none', 'HS512', 'RS512', 'ES256', 'hs256', '', undefined, null, 256])(
    'refuses algorithm %p',
    (algorithm) => {
      expect(verifyOptionsFor(WITH_RS256, algorithm)).toBeUndefined();
    },
  );
});

describe('authOptionsFromEnv', () => {
  function env(overrides: Partial<ServiceEnv>): ServiceEnv {
    return Object.assign(new ServiceEnv(), { AUTH_JWT_SECRET: SECRET }, overrides);
  }

  it('only configures HS256 without a public key', () => {
    expect(authOptionsFromEnv(env({}))).toEqual({
      hs256: { secret: SECRET, algorithms: ['HS256'], clockTolerance: 30 },
      claimPaths: { roles: 'roles', properties: 'properties' },
      maxLifetimeSeconds: 12 * 3600,
      clockToleranceSeconds: 30,
    });
  });

  it('turns HS256 off in production while the secret is still the public development one', () => {
    const options = authOptionsFromEnv(
      env({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET, AUTH_JWT_PUBLIC_KEY: PUBLIC_KEY }),
    );
    expect(options.hs256).toBeUndefined();
    expect(verifyOptionsFor(options, 'HS256')).toBeUndefined();
    expect(options.rs256).toEqual({ publicKey: PUBLIC_KEY, algorithms: ['RS256'], clockTolerance: 30 });
  });

  it('adds RS256 with the public key, and issuer/audience to both when set', () => {
    const options = authOptionsFromEnv(
      env({
        AUTH_JWT_PUBLIC_KEY: PUBLIC_KEY,
        AUTH_JWT_ISSUER: 'https://idp.example',
        AUTH_JWT_AUDIENCE: 'frontoffice',
      }),
    );
    expect(options).toEqual({
      hs256: { secret: SECRET, algorithms: ['HS256'], clockTolerance: 30, ...IDP },
      rs256: { publicKey: PUBLIC_KEY, algorithms: ['RS256'], clockTolerance: 30, ...IDP },
      claimPaths: { roles: 'roles', properties: 'properties' },
      maxLifetimeSeconds: 12 * 3600,
      clockToleranceSeconds: 30,
    });
    expect(options.jwks).toBeUndefined();
  });

  it('takes RS256 keys from the key set URL, with the cache, rate limit and claim paths from the settings', () => {
    const options = authOptionsFromEnv(
      env({
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        AUTH_JWT_ISSUER: 'https://idp.example',
        AUTH_JWT_AUDIENCE: 'frontoffice',
        AUTH_JWKS_CACHE_SECONDS: 120,
        AUTH_JWKS_STALE_SECONDS: 0,
        AUTH_JWKS_REQUESTS_PER_MINUTE: 4,
        AUTH_JWKS_TIMEOUT_MS: 1500,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_PROPERTIES_CLAIM: 'attributes.properties',
      }),
    );
    expect(options.rs256).toEqual({ algorithms: ['RS256'], clockTolerance: 30, ...IDP });
    expect(options.jwks).toEqual({
      uri: 'https://idp.example/jwks',
      cacheMaxAgeMs: 120_000,
      staleFallbackMs: 0,
      requestsPerMinute: 4,
      timeoutMs: 1500,
    });
    expect(options.claimPaths).toEqual({ roles: 'realm_access.roles', properties: 'attributes.properties' });
    expect(verifyOptionsFor(options, 'RS256')).toBe(options.rs256);
  });

  it('discovers the key set from the issuer when asked to and no URL is given', () => {
    const options = authOptionsFromEnv(env({ AUTH_OIDC_DISCOVERY: true, ...IDP_ENV }));
    expect(options.jwks).toMatchObject({ discoveryIssuer: 'https://idp.example' });
    expect(options.jwks?.uri).toBeUndefined();
  });

  it('keeps HS256 off in production with a published secret when RS256 comes from a key set', () => {
    const options = authOptionsFromEnv(
      env({
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: DEV_JWT_SECRET,
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        ...IDP_ENV,
      }),
    );
    expect(options.hs256).toBeUndefined();
    expect(verifyOptionsFor(options, 'RS256')).toBe(options.rs256);
  });

  it('turns HS256 off in production for every secret published in the repository', () => {
    const options = authOptionsFromEnv(
      env({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'compose-local-insecure-secret-change-me' }),
    );
    expect(options.hs256).toBeUndefined();
  });
});

describe('AuthGuard', () => {
  const listHandler = ReservationsController.prototype.list;
  const refundHandler = ReservationsController.prototype.refund;

  describe('authentication', () => {
    it('refuses a request without an Authorization header', async () => {
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, { headers: {} })),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/bearer token is required/);
    });

    it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Token abc'])(
      'refuses the header %p',
      async (authorization) => {
        const error = await rejection(
          guardWith(HS256_ONLY).canActivate(
            contextFor(ReservationsController, listHandler, { headers: { authorization } }),
          ),
        );
        expect(error).toBeInstanceOf(UnauthorizedException);
      },
    );

    it('accepts a valid HS256 token and puts the principal on the request', async () => {
      const request: FakeRequest = { headers: bearer(devToken(['front_desk'])) };

      await expect(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
      expect(request.principal).toEqual({ sub: 'user-1', roles: ['front_desk'], properties: [PROPERTY_A] });
    });

    it('accepts a lower-case "bearer" scheme', async () => {
      const request: FakeRequest = { headers: { authorization: `bearer ${devToken(['front_desk'])}` } };
      await expect(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
    });

    it('refuses a token signed with another secret', async () => {
      const request: FakeRequest = { headers: bearer(devToken(['admin'], ['*'], OTHER_SECRET)) };
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/invalid signature/);
      expect(request.principal).toBeUndefined();
    });

    it('refuses an expired token', async () => {
      const request: FakeRequest = { headers: bearer(devToken(['admin'], ['*'], SECRET, -60)) };
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/jwt expired/);
    });

    it('refuses an unsigned alg "none" token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
        sub: 'attacker',
        roles: ['admin'],
        properties: ['*'],
        iat: now,
        exp: now + 3600,
      })}.`;
      const error = await rejection(
        guardWith(WITH_RS256).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/unsupported or missing algorithm/);
    });

    it('refuses a token that is not a JWT at all', async () => {
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer('not-a-jwt') }),
        ),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
    });

    it('refuses a verified token whose claims do not make a principal', async () => {
      const token = sign({ roles: ['front_desk'] }, SECRET, { algorithm: 'HS256', subject: 'user-1', expiresIn: 60 });
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/no properties claim/);
    });

    it('enforces the configured issuer and audience', async () => {
      const options: AuthOptions = {
        hs256: { secret: SECRET, algorithms: ['HS256'], issuer: 'https://idp.example', audience: 'fo' },
      };
      const claims = { roles: ['front_desk'], properties: [PROPERTY_A] };
      const good = sign(claims, SECRET, {
        algorithm: 'HS256',
        subject: 'u',
        issuer: 'https://idp.example',
        audience: 'fo',
        expiresIn: 60,
      });
      const wrongIssuer = sign(claims, SECRET, {
        algorithm: 'HS256',
        subject: 'u',
        issuer: 'https://evil.example',
        audience: 'fo',
        expiresIn: 60,
      });

      await expect(
        guardWith(options).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(good) })),
      ).resolves.toBe(true);
      const error = await rejection(
        guardWith(options).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer(wrongIssuer) }),
        ),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/jwt issuer invalid/);
    });
  });

  describe('claim paths', () => {
    const mapped: AuthOptions = {
      ...WITH_RS256,
      claimPaths: { roles: 'realm_access.roles', properties: 'attributes.properties' },
    };
    const keycloakLike = {
      realm_access: { roles: ['offline_access', 'front_desk', 'uma_authorization'] },
      attributes: { properties: [PROPERTY_A] },
    };

    function providerToken(claims: object): string {
      return sign(claims, PRIVATE_KEY, { algorithm: 'RS256', subject: 'kc-user', expiresIn: 300, ...IDP });
    }

    it("reads the provider's roles and properties where the settings say, ignoring its other roles", async () => {
      const request: FakeRequest = { headers: bearer(providerToken(keycloakLike)), params: { propertyId: PROPERTY_A } };
      await expect(
        guardWith(mapped).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
      expect(request.principal).toEqual({ sub: 'kc-user', roles: ['front_desk'], properties: [PROPERTY_A] });
    });

    it('refuses a provider token whose mapped claims hold no front-office role, naming the claim', async () => {
      const token = providerToken({ ...keycloakLike, realm_access: { roles: ['offline_access'] } });
      const error = await rejection(
        guardWith(mapped).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/no front-office role in realm_access\.roles/);
    });

    it('refuses a provider token with the roles at the top level when the settings point elsewhere', async () => {
      const token = providerToken({ roles: ['admin'], properties: ['*'] });
      const error = await rejection(
        guardWith(mapped).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error.message).toMatch(/no roles \(realm_access\.roles\)/);
    });

    it('keeps reading HS256 development tokens from roles and properties', async () => {
      const request: FakeRequest = { headers: bearer(devToken(['concierge'])) };
      await expect(
        guardWith(mapped).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
      expect(request.principal).toEqual({ sub: 'user-1', roles: ['concierge'], properties: [PROPERTY_A] });
    });
  });

  describe('lifetime', () => {
    const claims = { roles: ['admin'], properties: ['*'] };

    it('refuses a token without exp, however well signed', async () => {
      const token = sign(claims, SECRET, { algorithm: 'HS256', subject: 'forever' });
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/no expiry \(exp\)/);
    });

    it('refuses a token living longer than the configured maximum', async () => {
      const token = sign(claims, SECRET, { algorithm: 'HS256', subject: 'u', expiresIn: 3601 });
      const error = await rejection(
        guardWith({ ...HS256_ONLY, maxLifetimeSeconds: 3600, clockToleranceSeconds: 0 }).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer(token) }),
        ),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/longer than the allowed 3600 s/);
      const fine = sign(claims, SECRET, { algorithm: 'HS256', subject: 'u', expiresIn: 3600 });
      await expect(
        guardWith({ ...HS256_ONLY, maxLifetimeSeconds: 3600 }).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer(fine) }),
        ),
      ).resolves.toBe(true);
    });

    it('caps a token without iat by its remaining time', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = sign({ ...claims, exp: now + 48 * 3600 }, SECRET, {
        algorithm: 'HS256',
        subject: 'u',
        noTimestamp: true,
      });
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error.message).toMatch(/longer than the allowed 43200 s/);
    });

    it('refuses a token issued in the future beyond the clock tolerance', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = sign({ ...claims, iat: now + 600, exp: now + 900 }, SECRET, { algorithm: 'HS256', subject: 'u' });
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error.message).toMatch(/issued in the future/);
    });

    it('tolerates the configured clock difference on exp, and no more', async () => {
      const now = Math.floor(Date.now() / 1000);
      const justExpired = sign({ ...claims, iat: now - 300, exp: now - 10 }, SECRET, {
        algorithm: 'HS256',
        subject: 'u',
      });
      const options: AuthOptions = { hs256: { ...HS256_ONLY.hs256, clockTolerance: 30 }, clockToleranceSeconds: 30 };
      await expect(
        guardWith(options).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer(justExpired) }),
        ),
      ).resolves.toBe(true);
      const longExpired = sign({ ...claims, iat: now - 300, exp: now - 60 }, SECRET, {
        algorithm: 'HS256',
        subject: 'u',
      });
      const error = await rejection(
        guardWith(options).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer(longExpired) }),
        ),
      );
      expect(error.message).toMatch(/jwt expired/);
    });

    it('mints dev tokens that always expire', () => {
      const payload = JSON.parse(Buffer.from(devToken(['front_desk']).split('.')[1]!, 'base64url').toString()) as {
        iat: number;
        exp: number;
      };
      expect(payload.exp - payload.iat).toBe(12 * 3600);
    });
  });

  describe('RS256', () => {
    const rsToken = (): string =>
      sign({ roles: ['front_desk'], properties: [PROPERTY_A] }, PRIVATE_KEY, {
        algorithm: 'RS256',
        subject: 'idp-user',
        expiresIn: 300,
        ...IDP,
      });

    it('verifies an RS256 token with the configured public key', async () => {
      const request: FakeRequest = { headers: bearer(rsToken()) };
      await expect(
        guardWith(WITH_RS256).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
      expect(request.principal).toEqual({ sub: 'idp-user', roles: ['front_desk'], properties: [PROPERTY_A] });
    });

    it('refuses an RS256 token from the same identity provider issued for another audience or issuer', async () => {
      for (const claims of [
        { issuer: IDP.issuer, audience: 'another-app' },
        { issuer: 'https://other-idp.example', audience: IDP.audience },
      ]) {
        const token = sign({ roles: ['front_desk'], properties: [PROPERTY_A] }, PRIVATE_KEY, {
          algorithm: 'RS256',
          subject: 'idp-user',
          expiresIn: 300,
          ...claims,
        });
        const error = await rejection(
          guardWith(WITH_RS256).canActivate(
            contextFor(ReservationsController, listHandler, { headers: bearer(token) }),
          ),
        );
        expect(error).toBeInstanceOf(UnauthorizedException);
        expect(error.message).toMatch(/jwt (audience|issuer) invalid/);
      }
    });

    it('refuses an RS256 token when no public key is configured', async () => {
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(
          contextFor(ReservationsController, listHandler, { headers: bearer(rsToken()) }),
        ),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/unsupported or missing algorithm/);
    });

    it('refuses an RS256 token signed by another key pair', async () => {
      const other = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const token = sign({ roles: ['admin'], properties: ['*'] }, other.privateKey, {
        algorithm: 'RS256',
        subject: 'x',
        expiresIn: 60,
        ...IDP,
      });
      const error = await rejection(
        guardWith(WITH_RS256).canActivate(contextFor(ReservationsController, listHandler, { headers: bearer(token) })),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(error.message).toMatch(/invalid signature/);
    });

    it('refuses an HS256 token forged with the RSA public key PEM as the HMAC secret (algorithm confusion)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({
        sub: 'attacker',
        roles: ['admin'],
        properties: ['*'],
        iat: now,
        exp: now + 3600,
      })}`;
      const forged = `${signingInput}.${createHmac('sha256', PUBLIC_KEY).update(signingInput).digest('base64url')}`;
      const request: FakeRequest = { headers: bearer(forged) };

      const error = await rejection(
        guardWith(WITH_RS256).canActivate(contextFor(ReservationsController, listHandler, request)),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect(request.principal).toBeUndefined();
    });
  });

  describe('roles', () => {
    it('refuses a caller without any of the route roles with 403', async () => {
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(
          contextFor(ReservationsController, refundHandler, { headers: bearer(devToken(['front_desk'])) }),
        ),
      );
      expect(error).toBeInstanceOf(ForbiddenException);
      expect(error.message).toBe('This action needs one of the roles: front_office_manager, finance');
    });

    it('lets a caller with one of the roles through', async () => {
      await expect(
        guardWith(HS256_ONLY).canActivate(
          contextFor(ReservationsController, refundHandler, { headers: bearer(devToken(['finance'])) }),
        ),
      ).resolves.toBe(true);
    });

    it('lets admin through a role-restricted route', async () => {
      await expect(
        guardWith(HS256_ONLY).canActivate(
          contextFor(ReservationsController, refundHandler, { headers: bearer(devToken(['admin'])) }),
        ),
      ).resolves.toBe(true);
    });

    it('reads class-level roles set with Reflect.defineMetadata', async () => {
      const handler = LegacyController.prototype.secret;
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(
          contextFor(LegacyController, handler, { headers: bearer(devToken(['porter'])) }),
        ),
      );
      expect(error).toBeInstanceOf(ForbiddenException);
      await expect(
        guardWith(HS256_ONLY).canActivate(
          contextFor(LegacyController, handler, { headers: bearer(devToken(['finance'])) }),
        ),
      ).resolves.toBe(true);
    });
  });

  describe('property scope', () => {
    it('refuses a :propertyId the token does not list with 403', async () => {
      const request: FakeRequest = {
        headers: bearer(devToken(['admin'], [PROPERTY_A])),
        params: { propertyId: PROPERTY_B },
      };
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      );
      expect(error).toBeInstanceOf(ForbiddenException);
      expect(error.message).toBe(`Your token does not give access to property ${PROPERTY_B}`);
    });

    it('allows a :propertyId the token lists', async () => {
      const request: FakeRequest = {
        headers: bearer(devToken(['front_desk'], [PROPERTY_B, PROPERTY_A])),
        params: { propertyId: PROPERTY_A },
      };
      await expect(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
    });

    it("allows any :propertyId for a '*' token", async () => {
      const request: FakeRequest = {
        headers: bearer(devToken(['front_desk'], ['*'])),
        params: { propertyId: PROPERTY_B },
      };
      await expect(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, request)),
      ).resolves.toBe(true);
    });
  });

  describe('public routes and other transports', () => {
    it('lets a @Public() handler through without a token', async () => {
      const request: FakeRequest = { headers: {} };
      await expect(
        guardWith(HS256_ONLY).canActivate(
          contextFor(ReservationsController, ReservationsController.prototype.health, request),
        ),
      ).resolves.toBe(true);
      expect(request.principal).toBeUndefined();
    });

    it('lets every handler of a @Public() class through without a token', async () => {
      await expect(
        guardWith(HS256_ONLY).canActivate(contextFor(DocsController, DocsController.prototype.index, { headers: {} })),
      ).resolves.toBe(true);
    });

    it('does not treat PUBLIC_ROUTE=false as public', async () => {
      const error = await rejection(
        guardWith(HS256_ONLY).canActivate(
          contextFor(LegacyController, LegacyController.prototype.secret, { headers: {} }),
        ),
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
    });

    it('does not apply to non-HTTP contexts (Kafka handlers)', async () => {
      await expect(
        guardWith(HS256_ONLY).canActivate(contextFor(ReservationsController, listHandler, { headers: {} }, 'rpc')),
      ).resolves.toBe(true);
    });
  });
});
