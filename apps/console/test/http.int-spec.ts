import { freePort } from '@frontoffice/platform/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningConsole, startConsole, tokensFor } from './support/console-test-app';
import { Upstream } from './support/upstream';

/**
 * The console's HTTP surface against a real service stand-in (node:http): forwarding, CSRF, logout, the SPA.
 * Sessions are real rows, created the way the callback creates them.
 */
describe('console HTTP (forwarding, CSRF, logout, SPA)', () => {
  const publicUrl = 'http://console.test:8080';
  let console_: RunningConsole;
  let upstream: Upstream;
  let hanging: Upstream;
  let web: string;

  beforeAll(async () => {
    upstream = await new Upstream().start();
    hanging = await new Upstream().start();
    hanging.answer(() => undefined);
    web = mkdtempSync(join(tmpdir(), 'console-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Console</title>');
    writeFileSync(join(web, 'assets', 'app-3f2a.js'), 'console.log(1)');
    console_ = await startConsole({
      KAFKA_CONSUMER_ENABLED: 'false',
      CONSOLE_PUBLIC_URL: publicUrl,
      CONSOLE_WEB_DIR: web,
      RESERVATIONS_URL: upstream.url,
      BILLING_BRIDGE_URL: `${upstream.url}/base/`,
      CONCIERGE_URL: hanging.url,
      STAFFING_URL: `http://127.0.0.1:${await freePort()}`,
      FORWARD_TIMEOUT_MS: '500',
    });
  });

  afterAll(async () => {
    await console_.shutdown();
    await upstream.stop();
    await hanging.stop();
    rmSync(web, { recursive: true, force: true });
  });

  async function signedIn(properties = ['p-1']) {
    const tokens = tokensFor({ sub: 'demo-fom', roles: ['front_office_manager'], properties });
    const { sessionId, session } = await console_.sessions.create(tokens);
    return { cookie: `fo_session=${sessionId}`, csrf: session.csrfToken, accessToken: tokens.accessToken };
  }

  const call = (path: string, init: RequestInit = {}) => fetch(`${console_.url}${path}`, init);

  it('tells the SPA who is signed in and its CSRF token, never a token of the provider', async () => {
    const { cookie, csrf, accessToken } = await signedIn();
    const answer = await call('/api/session', { headers: { cookie } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({
      authenticated: true,
      user: { sub: 'demo-fom', name: 'demo-fom', roles: ['front_office_manager'], properties: ['p-1'] },
      csrfToken: csrf,
    });
    expect(text).not.toContain(accessToken.split('.')[1]);
    expect(await (await call('/api/session')).json()).toEqual({ authenticated: false });
  });

  it('forwards a read with the bearer, query and accepted headers, never the cookie, and passes the answer back', async () => {
    const { cookie, accessToken } = await signedIn();
    upstream.answer((_request, response) =>
      response
        .writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="arrivals.csv"',
          'set-cookie': 'evil=1',
        })
        .end('room,guest\n101,Martin\n'),
    );
    const answer = await call('/api/reservations/properties/p-1/arrivals?date=2026-12-02&limit=5', {
      headers: { cookie, accept: 'text/csv', 'accept-language': 'fr' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="arrivals.csv"');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await answer.text()).toBe('room,guest\n101,Martin\n');
    const seen = upstream.received.at(-1)!;
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe('/properties/p-1/arrivals?date=2026-12-02&limit=5');
    expect(seen.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.accept).toBe('text/csv');
    expect(seen.headers['x-correlation-id']).toBeDefined();
  });

  it('forwards a write with its JSON body and Idempotency-Key when the CSRF token and origin are right', async () => {
    const { cookie, csrf } = await signedIn();
    upstream.answer((_request, response) =>
      response
        .writeHead(409, { 'content-type': 'application/problem+json' })
        .end('{"type":"urn:frontoffice:problem:room-occupied","status":409}'),
    );
    const answer = await call('/api/billing-bridge/folios/f-1/payments', {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrf,
        origin: publicUrl,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        'idempotency-key': 'key-123',
      },
      body: JSON.stringify({ amount: { amount: '10.00', currency: 'EUR' } }),
    });
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await answer.json()).toEqual({ type: 'urn:frontoffice:problem:room-occupied', status: 409 });
    const seen = upstream.received.at(-1)!;
    expect(seen.url).toBe('/base/folios/f-1/payments');
    expect(seen.headers['idempotency-key']).toBe('key-123');
    expect(seen.headers['x-csrf-token']).toBeUndefined();
    expect(seen.headers.origin).toBeUndefined();
    expect(JSON.parse(seen.body)).toEqual({ amount: { amount: '10.00', currency: 'EUR' } });
  });

  it('keeps every forwarded call on the service host, whatever the path looks like', async () => {
    const { cookie } = await signedIn();
    let elsewhere = 0;
    const other = await new Upstream().start();
    other.answer((_request, response) => {
      elsewhere += 1;
      response.writeHead(200).end();
    });
    upstream.answer((_request, response) => response.writeHead(204).end());
    try {
      const host = new URL(other.url).host;
      const tries: [string, number][] = [
        [`/api/reservations//${host}/steal?q=1`, 204],
        [`/api/reservations/%2f%2f${host}/steal?q=1`, 204],
        // Normalised to /api//host/steal (no service named): not forwarded at all.
        [`/api/reservations/..//${host}/steal?q=1`, 404],
      ];
      const statuses = [];
      for (const [path] of tries) statuses.push((await call(path, { headers: { cookie } })).status);
      expect(statuses).toEqual(tries.map(([, status]) => status));
      expect(elsewhere).toBe(0);
      expect(upstream.received.slice(-2).map((request) => request.url)).toEqual([
        `//${host}/steal?q=1`,
        `/%2f%2f${host}/steal?q=1`,
      ]);
    } finally {
      await other.stop();
    }
  });

  it('refuses a write without the CSRF token, with a wrong one, or from another origin, before any service sees it', async () => {
    const { cookie, csrf } = await signedIn();
    const before = upstream.received.length;
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, 'x-csrf-token': `${csrf.slice(0, -1)}x` },
      { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
      { cookie, 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const answer = await call('/api/reservations/reservations', { method: 'POST', headers, body: '{}' });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await answer.json()) as { code: string }).code).toBe('csrf-refused');
    }
    expect(upstream.received.length).toBe(before);
  });

  it('answers 401 without a session, 404 for a service not on the list, 502 when it is down, 504 when it hangs', async () => {
    const none = await call('/api/reservations/properties');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const { cookie } = await signedIn();
    const unknown = await call('/api/payroll/runs', { headers: { cookie } });
    expect(unknown.status).toBe(404);

    const down = await call('/api/staffing/shifts', { headers: { cookie } });
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ status: 502, code: 'bad-gateway' });

    const started = Date.now();
    const slow = await call('/api/concierge/requests', { headers: { cookie } });
    expect(slow.status).toBe(504);
    expect(await slow.json()).toMatchObject({ status: 504, code: 'gateway-timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('streams an answer: the first rows arrive before the service has finished', async () => {
    const { cookie } = await signedIn();
    let finish: () => void = () => undefined;
    upstream.answer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first-chunk\n');
      finish = () => response.end('last-chunk\n');
    });
    const answer = await call('/api/reservations/exports/fec', { headers: { cookie } });
    const reader = answer.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('first-chunk\n');
    finish();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += Buffer.from(chunk.value).toString();
    }
    expect(rest).toBe('last-chunk\n');
  });

  it('signs out with the CSRF token only, ends the session and points to the provider end-session URL', async () => {
    const { cookie, csrf } = await signedIn();
    const refused = await call('/auth/logout', { method: 'POST', headers: { cookie } });
    expect(refused.status).toBe(403);
    const still = (await (await call('/api/session', { headers: { cookie } })).json()) as { authenticated: boolean };
    expect(still.authenticated).toBe(true);

    const answer = await call('/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toMatch(/^fo_session=;/);
    const { redirectTo } = (await answer.json()) as { redirectTo: string };
    expect(redirectTo).toBe(
      `https://idp.example/logout?id_token_hint=id-token-demo-fom&post_logout_redirect_uri=${encodeURIComponent(`${publicUrl}/`)}`,
    );
    expect(await (await call('/api/session', { headers: { cookie } })).json()).toEqual({ authenticated: false });
    expect((await call('/api/reservations/properties', { headers: { cookie } })).status).toBe(401);
  });

  it('serves the SPA: hashed assets cached for good, index.html revalidated, history fallback, security headers', async () => {
    const asset = await call('/assets/app-3f2a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const deepLink = await call('/arrivals/today');
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    expect(await deepLink.text()).toContain('<title>Console</title>');
    expect(deepLink.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(deepLink.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(deepLink.headers.get('referrer-policy')).toBe('same-origin');

    expect((await call('/auth/nothing-here')).status).toBe(404);
    expect((await call('/health/live')).status).toBe(200);
    const metrics = await call('/metrics');
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# HELP/m);
  });
});
