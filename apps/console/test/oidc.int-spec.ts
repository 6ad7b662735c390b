import { freePort, spawnServiceProcess, waitUntilReady, type ServiceProcess } from '@frontoffice/platform/testing';
import { postgresUrl } from '@frontoffice/platform';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Browser } from './support/browser';
import { ensureTestDatabase, TEST_DATABASE } from './support/console-test-app';
import { Upstream } from './support/upstream';

const ROOT = join(__dirname, '..', '..', '..');
const CONSOLE_DIR = join(__dirname, '..');
const CLIENT_SECRET = 'oidc-int-spec-client-password';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * The sign-in end to end, as a browser does it: the built console (openid-client is ESM, which Node loads and Jest
 * cannot) in its own process, the local OpenID provider (infra/oidc/local-idp.mjs) in another, its sign-in page
 * filled in with a demo account.
 */
describe('OpenID Connect sign-in against the local provider', () => {
  const propertyId = randomUUID();
  let idp: ChildProcess;
  let issuer: string;
  let consoleProcess: ServiceProcess;
  let consoleUrl: string;
  let upstream: Upstream;

  beforeAll(async () => {
    execFileSync(process.execPath, [
      require.resolve('typescript/bin/tsc'),
      '-p',
      join(CONSOLE_DIR, 'tsconfig.build.json'),
    ]);
    await ensureTestDatabase();
    upstream = await new Upstream().start();
    const port = await freePort();
    consoleUrl = `http://127.0.0.1:${port}`;

    idp = spawn(process.execPath, [join(ROOT, 'infra/oidc/local-idp.mjs')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        OIDC_PORT: '0',
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URIS: `${consoleUrl}/auth/callback`,
        OIDC_POST_LOGOUT_REDIRECT_URIS: `${consoleUrl}/`,
        OIDC_DEMO_PROPERTY_ID: propertyId,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    issuer = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`local-idp did not start:\n${output}`)), 20_000);
      idp.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /local-idp ready (\S+)/.exec(output);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
      idp.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });

    consoleProcess = spawnServiceProcess({
      name: 'console',
      entry: join(CONSOLE_DIR, 'dist', 'main.js'),
      port,
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        DATABASE_URL: postgresUrl(TEST_DATABASE),
        KAFKA_CONSUMER_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        CONSOLE_PUBLIC_URL: consoleUrl,
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        RESERVATIONS_URL: upstream.url,
        // Every forwarded call refreshes (the provider's access tokens live 15 minutes): the refresh grant, for real.
        OIDC_REFRESH_MARGIN_SECONDS: '1800',
      },
    });
    await waitUntilReady(consoleUrl, 60_000).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${consoleProcess.output.join('\n')}`);
    });
  }, 120_000);

  afterAll(async () => {
    await consoleProcess?.stop();
    if (idp && idp.exitCode === null) {
      const exited = new Promise((resolve) => idp.once('exit', resolve));
      idp.kill('SIGTERM');
      await exited;
    }
    await upstream?.stop();
  });

  async function signIn(browser: Browser, username: string, returnTo: string): Promise<Response> {
    const login = await browser.request(`${consoleUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    expect(authorize.origin).toBe(new URL(issuer).origin);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${consoleUrl}/auth/callback`);

    const form = await browser.follow(await browser.request(authorize.href), issuer);
    const page = await form.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    expect(action).toBeDefined();
    const submitted = await browser.request(new URL(action!, issuer).href, {
      form: { username, password: username },
    });
    const back = await browser.follow(submitted, issuer);
    const callback = back.headers.get('location')!;
    expect(callback.startsWith(`${consoleUrl}/auth/callback?`)).toBe(true);
    return browser.request(callback);
  }

  it('signs a desk agent in with code + PKCE, keeps the tokens server-side, and calls a service with them', async () => {
    const browser = new Browser();
    const landed = await signIn(browser, 'desk', '/arrivals?date=today');
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/arrivals?date=today');
    const sessionCookie = browser.setCookies.find((cookie) => cookie.startsWith('fo_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).toMatch(/Path=\//);
    expect(sessionCookie).not.toMatch(/Secure/);

    const session = (await (await browser.request(`${consoleUrl}/api/session`)).json()) as {
      authenticated: boolean;
      user: unknown;
      csrfToken: string;
    };
    expect(session.authenticated).toBe(true);
    expect(session.user).toEqual({
      sub: 'demo-desk-1',
      name: 'Louis Bernard',
      roles: ['front_desk'],
      properties: [propertyId],
    });
    expect(JSON.stringify(session)).not.toMatch(/eyJ/);

    upstream.answer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('[]'));
    const first = await browser.request(`${consoleUrl}/api/reservations/properties/${propertyId}/arrivals`);
    expect(first.status).toBe(200);
    const second = await browser.request(`${consoleUrl}/api/reservations/properties/${propertyId}/arrivals`);
    expect(second.status).toBe(200);
    const [a, b] = upstream.received.slice(-2).map((request) => String(request.headers.authorization));
    expect(a).toMatch(/^Bearer eyJ/);
    const claims = claimsOf(a.slice('Bearer '.length));
    expect(claims).toMatchObject({ iss: issuer, aud: 'frontoffice', sub: 'demo-desk-1', roles: ['front_desk'] });
    // Refreshed in between: another token for the same user.
    expect(b).not.toBe(a);
    expect(claimsOf(b.slice('Bearer '.length))).toMatchObject({ iss: issuer, sub: 'demo-desk-1' });

    const logout = await browser.request(`${consoleUrl}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': session.csrfToken, origin: consoleUrl },
    });
    expect(logout.status).toBe(200);
    const { redirectTo } = (await logout.json()) as { redirectTo: string };
    const endSession = new URL(redirectTo);
    expect(endSession.origin).toBe(new URL(issuer).origin);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${consoleUrl}/`);
    expect(await (await browser.request(`${consoleUrl}/api/session`)).json()).toEqual({ authenticated: false });
  });

  it('refuses a replayed callback, a callback from another browser, and never redirects off the console', async () => {
    const browser = new Browser();
    const login = await browser.request(`${consoleUrl}/auth/login?returnTo=${encodeURIComponent('//evil.example')}`);
    const form = await browser.follow(await browser.request(login.headers.get('location')!), issuer);
    const action = /<form method="post" action="([^"]+)"/.exec(await form.text())![1];
    const back = await browser.follow(
      await browser.request(new URL(action, issuer).href, { form: { username: 'finance', password: 'finance' } }),
      issuer,
    );
    const callback = back.headers.get('location')!;

    const elsewhere = await new Browser().request(callback);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const landed = await browser.request(callback);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/');
    const user = ((await (await browser.request(`${consoleUrl}/api/session`)).json()) as { user: unknown }).user;
    expect(user).toMatchObject({ sub: 'demo-finance', properties: ['*'] });

    browser.cookies.set('fo_login', new URL(callback).searchParams.get('state')!);
    const replayed = await browser.request(callback);
    expect(replayed.status).toBe(400);
  });
});
