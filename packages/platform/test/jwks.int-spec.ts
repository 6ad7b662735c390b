import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { sign, SignOptions } from 'jsonwebtoken';
import { DEV_JWT_SECRET, signDevToken } from '../src';
import { GuardedApp, startGuardedApp } from './fixtures/guarded-app';

const AUDIENCE = 'frontoffice';
const PROPERTY_A = '8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01';
const PROPERTY_B = '5b2d1f0a-7e3c-4b8a-8c11-3d9e6f7a8b02';

interface SigningPair {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function signingPair(kid: string): SigningPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

function jwkOf(pair: SigningPair): Record<string, unknown> {
  return { ...pair.publicKey.export({ format: 'jwk' }), kid: pair.kid, use: 'sig', alg: 'RS256' };
}

/** A stand-in identity provider: its discovery document and key set, over real HTTP, with what it served counted. */
class KeySetServer {
  readonly server: Server;
  keys: SigningPair[] = [];
  /** When set, the key set answers this status with no keys (the provider is in trouble). */
  failWith?: number;
  keySetFetches = 0;
  discoveryFetches = 0;

  constructor() {
    this.server = createServer((request, response) => {
      if (request.url?.endsWith('/.well-known/openid-configuration')) {
        this.discoveryFetches += 1;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ issuer: this.issuer, jwks_uri: this.jwksUrl }));
        return;
      }
      if (request.url === '/jwks') {
        this.keySetFetches += 1;
        if (this.failWith) {
          response.statusCode = this.failWith;
          response.end('down for maintenance');
          return;
        }
        response.setHeader('content-type', 'application/jwk-set+json');
        response.end(JSON.stringify({ keys: this.keys.map(jwkOf) }));
        return;
      }
      response.statusCode = 404;
      response.end();
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get issuer(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function providerToken(
  pair: SigningPair,
  issuer: string,
  claims: object = { roles: ['front_desk'], properties: [PROPERTY_A] },
  options: SignOptions = {},
): string {
  return sign(claims, pair.privateKey, {
    algorithm: 'RS256',
    keyid: pair.kid,
    issuer,
    audience: AUDIENCE,
    subject: 'staff-1',
    expiresIn: 900,
    ...options,
  });
}

async function call(app: GuardedApp, token: string, path = '/v1/whoami'): Promise<Response> {
  return fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('RS256 tokens verified through the JWKS of the identity provider', () => {
  let idp: KeySetServer;
  let app: GuardedApp;
  const first = signingPair('key-1');
  const rotated = signingPair('key-2');
  const stranger = signingPair('key-1');

  beforeAll(async () => {
    idp = await new KeySetServer().start();
    idp.keys = [first];
    app = await startGuardedApp({
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_JWT_MAX_LIFETIME_SECONDS: '3600',
    });
  });

  afterAll(async () => {
    await app?.app.close();
    await idp?.stop();
  });

  it("accepts a token signed with the provider's key and hands its claims to the route", async () => {
    const response = await call(app, providerToken(first, idp.issuer), `/v1/properties/${PROPERTY_A}/whoami`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sub: 'staff-1', roles: ['front_desk'], properties: [PROPERTY_A] });
  });

  it('enforces roles and properties on provider tokens as on any other', async () => {
    expect((await call(app, providerToken(first, idp.issuer), `/v1/properties/${PROPERTY_B}/whoami`)).status).toBe(403);
    expect((await call(app, providerToken(first, idp.issuer), '/v1/refunds')).status).toBe(403);
  });

  it.each<[string, (issuer: string) => string]>([
    ['another audience', (issuer) => providerToken(first, issuer, undefined, { audience: 'another-app' })],
    ['another issuer', () => providerToken(first, 'http://evil.example')],
    ['an expired token', (issuer) => providerToken(first, issuer, undefined, { expiresIn: -120 })],
    [
      'a token without exp',
      (issuer) =>
        sign({ roles: ['front_desk'], properties: [PROPERTY_A] }, first.privateKey, {
          algorithm: 'RS256',
          keyid: first.kid,
          issuer,
          audience: AUDIENCE,
          subject: 'staff-1',
        }),
    ],
    ['a token living longer than allowed', (issuer) => providerToken(first, issuer, undefined, { expiresIn: 7200 })],
    ['a token signed by another key under a known kid', (issuer) => providerToken(stranger, issuer)],
    [
      'an HS256 token "signed" with the public key (algorithm confusion)',
      (issuer) =>
        sign(
          { roles: ['admin'], properties: ['*'] },
          first.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
          { algorithm: 'HS256', keyid: first.kid, issuer, audience: AUDIENCE, subject: 'x', expiresIn: 60 },
        ),
    ],
    ['an RS384 token from the right key', (issuer) => providerToken(first, issuer, undefined, { algorithm: 'RS384' })],
  ])('refuses %s with 401 problem+json', async (_label, token) => {
    const response = await call(app, token(idp.issuer));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('still accepts HS256 development tokens, which carry the configured issuer and audience as before', async () => {
    const dev = { roles: ['porter' as const], properties: [PROPERTY_A], secret: DEV_JWT_SECRET, expiresInSeconds: 600 };
    const response = await call(app, signDevToken({ ...dev, issuer: idp.issuer, audience: AUDIENCE }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ roles: ['porter'] });

    expect((await call(app, signDevToken(dev))).status).toBe(401);
  });

  it('refetches the key set for an unknown kid and refuses the token when the provider does not have it', async () => {
    const before = idp.keySetFetches;
    const response = await call(app, providerToken(signingPair('unknown-kid'), idp.issuer));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/no signing key "unknown-kid"/);
    expect(idp.keySetFetches).toBe(before + 1);
  });

  it('accepts a rotated key served later, without a restart, and keeps the cached key without refetching', async () => {
    idp.keys = [rotated, first];
    const before = idp.keySetFetches;

    const response = await call(app, providerToken(rotated, idp.issuer, { roles: ['finance'], properties: ['*'] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sub: 'staff-1', roles: ['finance'], properties: ['*'] });
    expect(idp.keySetFetches).toBe(before + 1);

    expect((await call(app, providerToken(rotated, idp.issuer))).status).toBe(200);
    expect((await call(app, providerToken(first, idp.issuer))).status).toBe(200);
    expect(idp.keySetFetches).toBe(before + 1);
  });

  it('keeps verifying with cached keys while the key set is down', async () => {
    idp.failWith = 500;
    try {
      expect((await call(app, providerToken(first, idp.issuer))).status).toBe(200);
    } finally {
      idp.failWith = undefined;
    }
  });
});

describe('RS256 tokens when the key set cannot be read', () => {
  let idp: KeySetServer;
  let app: GuardedApp;
  const pair = signingPair('key-1');

  beforeAll(async () => {
    idp = await new KeySetServer().start();
    idp.keys = [pair];
    app = await startGuardedApp({
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_JWKS_TIMEOUT_MS: '1000',
    });
  });

  afterAll(async () => {
    await app?.app.close();
    await idp?.stop();
  });

  it('answers 503 problem+json with Retry-After while the provider fails, then accepts once it is back', async () => {
    idp.failWith = 502;
    const response = await call(app, providerToken(pair, idp.issuer));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ code: 'identity-provider-unavailable', status: 503 });

    idp.failWith = undefined;
    expect((await call(app, providerToken(pair, idp.issuer))).status).toBe(200);
  });

  it('answers 503 when the discovery document is for another issuer, and does not use its keys', async () => {
    const misled = await startGuardedApp({
      AUTH_OIDC_DISCOVERY: 'true',
      AUTH_JWT_ISSUER: `${idp.issuer}/tenant-a`,
      AUTH_JWT_AUDIENCE: AUDIENCE,
    });
    try {
      const response = await call(misled, providerToken(pair, `${idp.issuer}/tenant-a`));
      expect(response.status).toBe(503);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/is for issuer/);
    } finally {
      await misled.app.close();
    }
  });

  it('answers 503, never 500, when nothing listens at the key set URL', async () => {
    const closed = await new KeySetServer().start();
    const url = closed.jwksUrl;
    await closed.stop();
    const orphan = await startGuardedApp({
      AUTH_JWKS_URL: url,
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: AUDIENCE,
    });
    try {
      const response = await call(orphan, providerToken(pair, idp.issuer));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'identity-provider-unavailable' });
    } finally {
      await orphan.app.close();
    }
  });
});

describe('RS256 key set found through OpenID discovery, with mapped claims', () => {
  let idp: KeySetServer;
  let app: GuardedApp;
  const pair = signingPair('kc-key');

  beforeAll(async () => {
    idp = await new KeySetServer().start();
    idp.keys = [pair];
    app = await startGuardedApp({
      AUTH_OIDC_DISCOVERY: 'true',
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_PROPERTIES_CLAIM: 'attributes.properties',
    });
  });

  afterAll(async () => {
    await app?.app.close();
    await idp?.stop();
  });

  it('discovers the key set once and reads roles and properties from the configured paths', async () => {
    const claims = {
      realm_access: { roles: ['default-roles-hotel', 'concierge', 'offline_access'] },
      attributes: { properties: [PROPERTY_B] },
    };
    const response = await call(app, providerToken(pair, idp.issuer, claims), `/v1/properties/${PROPERTY_B}/whoami`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sub: 'staff-1', roles: ['concierge'], properties: [PROPERTY_B] });

    expect((await call(app, providerToken(pair, idp.issuer, claims))).status).toBe(200);
    expect(idp.discoveryFetches).toBe(1);
  });

  it('refuses a provider token with the claims at the top level when they are mapped elsewhere', async () => {
    const response = await call(app, providerToken(pair, idp.issuer, { roles: ['admin'], properties: ['*'] }));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/no roles \(realm_access\.roles\)/);
  });
});
