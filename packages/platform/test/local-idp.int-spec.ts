import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GuardedApp, startGuardedApp } from './fixtures/guarded-app';

/**
 * The local OpenID provider (infra/oidc/local-idp.mjs) end to end: a real authorization-code + PKCE flow through its
 * sign-in page, then its access tokens on a platform-guarded app that knows nothing but the provider's JWKS URL.
 * The provider is an ES module (Jest here loads CommonJS), so it runs as its own process, as `npm start` runs it.
 */
const ROOT = resolve(__dirname, '../../..');
const PROPERTY = '8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01';
const CLIENT_ID = 'frontoffice-console';
const CLIENT_SECRET = 'local-idp-test-secret';
const REDIRECT_URI = 'http://127.0.0.1:3999/auth/callback';
const POST_LOGOUT_URI = 'http://127.0.0.1:3999/';

interface Provider {
  process: ChildProcess;
  issuer: string;
  output: string[];
}

async function startProvider(env: Record<string, string>, args: string[] = []): Promise<Provider> {
  const child = spawn(process.execPath, [join(ROOT, 'infra/oidc/local-idp.mjs'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      OIDC_PORT: '0',
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URIS: REDIRECT_URI,
      OIDC_POST_LOGOUT_REDIRECT_URIS: POST_LOGOUT_URI,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const issuer = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`local-idp did not start:\n${output.join('')}`)), 20_000);
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString());
      const ready = /local-idp ready (\S+)/.exec(output.join(''));
      if (ready) {
        clearTimeout(timer);
        done(ready[1]!);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`local-idp exited with ${code}:\n${output.join('')}`));
    });
  });
  return { process: child, issuer, output };
}

async function stopProvider(provider: Provider | undefined): Promise<void> {
  if (!provider || provider.process.exitCode !== null) return;
  const exited = new Promise((done) => provider.process.once('exit', done));
  provider.process.kill('SIGTERM');
  await exited;
}

/** A browser reduced to what the flow needs: cookies per provider, redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
    return response;
  }

  /** Follows redirects on the provider until one leaves it (to the application) or a page is shown. */
  async follow(response: Response, base: string): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return current;
      const next = new URL(location, base);
      if (next.origin !== new URL(base).origin) return current;
      current = await this.request(next.toString());
    }
    throw new Error('too many redirects');
  }
}

interface Pkce {
  verifier: string;
  challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(issuer: string, challenge: string | undefined, state = randomBytes(8).toString('hex')): string {
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile offline_access',
    state,
    nonce: randomBytes(8).toString('hex'),
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  });
  return `${issuer}/auth?${params}`;
}

interface SignInResult {
  /** The last answer: a redirect to the application, or the sign-in page shown again. */
  response: Response;
  page?: string;
}

async function signIn(browser: Browser, issuer: string, username: string, password: string, challenge: string) {
  const form = await browser.follow(await browser.request(authorizeUrl(issuer, challenge, 'state-1')), issuer);
  expect(form.status).toBe(200);
  const page = await form.text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  expect(action).toBeDefined();
  const submitted = await browser.request(new URL(action!, issuer).toString(), { form: { username, password } });
  const response = await browser.follow(submitted, issuer);
  const result: SignInResult = { response };
  if (response.status === 200) result.page = await response.text();
  return result;
}

interface TokenResponse {
  access_token: string;
  id_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

async function tokenRequest(issuer: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...form }).toString(),
  });
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

function headerOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
}

async function whoAmI(app: GuardedApp, accessToken: string, path: string): Promise<Response> {
  return fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
}

describe('local OpenID provider with the demo staff, tokens checked by a platform-guarded app', () => {
  let provider: Provider;
  let app: GuardedApp;
  let tokens: TokenResponse;

  beforeAll(async () => {
    provider = await startProvider({ OIDC_DEMO_PROPERTY_ID: PROPERTY });
    app = await startGuardedApp({
      AUTH_JWKS_URL: `${provider.issuer}/jwks`,
      AUTH_JWT_ISSUER: provider.issuer,
      AUTH_JWT_AUDIENCE: 'frontoffice',
    });
  });

  afterAll(async () => {
    await app?.app.close();
    await stopProvider(provider);
  });

  it('publishes discovery with S256 PKCE, the JWKS and the end-session endpoint', async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({
      issuer: provider.issuer,
      jwks_uri: `${provider.issuer}/jwks`,
      end_session_endpoint: `${provider.issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('shows an accessible, self-contained sign-in page', async () => {
    const browser = new Browser();
    const form = await browser.follow(
      await browser.request(authorizeUrl(provider.issuer, pkce().challenge)),
      provider.issuer,
    );
    const page = await form.text();
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toMatch(/<label for="username">Username<\/label>\s*<input id="username"/);
    expect(page).toMatch(/<label for="password">Password<\/label>\s*<input id="password"[^>]*type="password"/);
    expect(page).toMatch(/<button type="submit">Sign in<\/button>/);
    expect(page).not.toMatch(/(src|href)="?https?:|@import|url\(/);
  });

  it('refuses a wrong password with an error on the page and no code', async () => {
    const browser = new Browser();
    const { response, page } = await signIn(browser, provider.issuer, 'desk', 'not-the-password', pkce().challenge);
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(page).toMatch(/<p class="error" id="sign-in-error" role="alert">Wrong username or password\.<\/p>/);
    expect(page).toMatch(/aria-describedby="sign-in-error"/);
    expect(page).toMatch(/value="desk"/);
  });

  it('refuses an authorization request without PKCE', async () => {
    const response = await new Browser().request(authorizeUrl(provider.issuer, undefined));
    const location = new URL(response.headers.get('location')!, provider.issuer);
    expect(location.toString().startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('signs the desk agent in (code + PKCE, automatic consent) and the app sees their role and property', async () => {
    const { verifier, challenge } = pkce();
    const { response } = await signIn(new Browser(), provider.issuer, 'desk', 'desk', challenge);
    expect(response.status).toBe(303);
    const callback = new URL(response.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const exchange = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    expect(exchange.status).toBe(200);
    tokens = (await exchange.json()) as TokenResponse;

    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBeLessThanOrEqual(900);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(headerOf(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const access = claimsOf(tokens.access_token);
    expect(access).toMatchObject({
      iss: provider.issuer,
      aud: 'frontoffice',
      sub: 'demo-desk-1',
      roles: ['front_desk'],
      properties: [PROPERTY],
    });
    expect((access.exp as number) - (access.iat as number)).toBe(900);
    expect(claimsOf(tokens.id_token)).toMatchObject({
      sub: 'demo-desk-1',
      aud: CLIENT_ID,
      name: 'Louis Bernard',
      preferred_username: 'desk',
      roles: ['front_desk'],
      properties: [PROPERTY],
    });

    const seen = await whoAmI(app, tokens.access_token, `/v1/properties/${PROPERTY}/whoami`);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toEqual({ sub: 'demo-desk-1', roles: ['front_desk'], properties: [PROPERTY] });
    expect((await whoAmI(app, tokens.access_token, '/v1/refunds')).status).toBe(403);
    expect((await whoAmI(app, tokens.id_token, '/v1/whoami')).status).toBe(401);
  });

  it('refuses to exchange a code with another PKCE verifier', async () => {
    const { response } = await signIn(new Browser(), provider.issuer, 'porter', 'porter', pkce().challenge);
    const exchange = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code: new URL(response.headers.get('location')!).searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce().verifier,
    });
    expect(exchange.status).toBe(400);
    expect(await exchange.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refreshes the access token, and the app accepts the new one', async () => {
    const response = await tokenRequest(provider.issuer, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as TokenResponse;
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const seen = await whoAmI(app, refreshed.access_token, '/v1/whoami');
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ sub: 'demo-desk-1', roles: ['front_desk'] });
  });

  it('gives finance every property, and their token opens finance routes of any property', async () => {
    const { verifier, challenge } = pkce();
    const { response } = await signIn(new Browser(), provider.issuer, 'finance', 'finance', challenge);
    const exchange = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code: new URL(response.headers.get('location')!).searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    const finance = (await exchange.json()) as TokenResponse;
    const seen = await whoAmI(app, finance.access_token, '/v1/properties/5b2d1f0a-7e3c-4b8a-8c11-3d9e6f7a8b02/whoami');
    expect(await seen.json()).toEqual({ sub: 'demo-finance', roles: ['finance'], properties: ['*'] });
    expect((await whoAmI(app, finance.access_token, '/v1/refunds')).status).toBe(200);
  });

  it('signs out through the end-session endpoint back to the registered post-logout URI', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const { response } = await signIn(browser, provider.issuer, 'concierge', 'concierge', challenge);
    const exchange = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code: new URL(response.headers.get('location')!).searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    const { id_token: idToken } = (await exchange.json()) as TokenResponse;

    const endSession = await browser.request(
      `${provider.issuer}/session/end?${new URLSearchParams({
        id_token_hint: idToken,
        post_logout_redirect_uri: POST_LOGOUT_URI,
        state: 'bye',
      })}`,
    );
    expect(endSession.status).toBe(200);
    const page = await endSession.text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    const confirmed = await browser.request(action!, { form: { xsrf: xsrf!, logout: 'yes' } });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${POST_LOGOUT_URI}?state=bye`);

    // Signed out: the next authorization asks for the password again.
    const next = await browser.follow(
      await browser.request(authorizeUrl(provider.issuer, pkce().challenge)),
      provider.issuer,
    );
    expect(await next.text()).toMatch(/<button type="submit">Sign in<\/button>/);
  });
});

describe('local OpenID provider with an accounts file, keys found through discovery', () => {
  let provider: Provider;
  let app: GuardedApp;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'local-idp-'));
    const accounts = join(directory, 'accounts.json');
    writeFileSync(
      accounts,
      JSON.stringify([
        {
          sub: 'night-auditor',
          username: 'Night',
          password: 'audit-2026',
          name: 'Night Auditor',
          roles: ['front_office_manager', 'finance'],
          properties: [PROPERTY],
        },
      ]),
    );
    provider = await startProvider({}, [accounts]);
    app = await startGuardedApp({
      AUTH_OIDC_DISCOVERY: 'true',
      AUTH_JWT_ISSUER: provider.issuer,
      AUTH_JWT_AUDIENCE: 'frontoffice',
    });
  });

  afterAll(async () => {
    await app?.app.close();
    await stopProvider(provider);
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it("signs in an account of the file (username in any case) and the app sees that account's claims", async () => {
    const { verifier, challenge } = pkce();
    const { response } = await signIn(new Browser(), provider.issuer, 'night', 'audit-2026', challenge);
    expect(response.status).toBe(303);
    const exchange = await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code: new URL(response.headers.get('location')!).searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    const { access_token: accessToken } = (await exchange.json()) as TokenResponse;
    const seen = await whoAmI(app, accessToken, `/v1/properties/${PROPERTY}/whoami`);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toEqual({
      sub: 'night-auditor',
      roles: ['front_office_manager', 'finance'],
      properties: [PROPERTY],
    });
  });

  it('refuses the demo accounts, which this provider does not have', async () => {
    const { response, page } = await signIn(new Browser(), provider.issuer, 'desk', 'desk', pkce().challenge);
    expect(response.status).toBe(200);
    expect(page).toMatch(/Wrong username or password/);
  });
});
