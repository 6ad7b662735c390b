import { expect, test } from './fixtures';
import { readStack } from './stack';

/** A compact JWS (header.payload.signature, base64url): what an access, ID or refresh token looks like. */
const JWT = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/;

test('desk staff sign in through the OpenID provider; the browser holds an opaque HttpOnly cookie and no token', async ({
  page,
  context,
  stack,
  signIn,
  checkA11y,
  screenshot,
}) => {
  // Every answer of the console during the whole visit, to prove no token travels to the page.
  const consoleOrigin = new URL(stack.consoleUrl).origin;
  const bodies: Array<{ url: string; body: string }> = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).origin !== consoleOrigin) return;
    const type = response.headers()['content-type'] ?? '';
    if (!/json|text|javascript|html/.test(type)) return;
    const body = await response.text().catch(() => '');
    bodies.push({ url: response.url(), body });
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Front office console' })).toBeVisible();
  await checkA11y(page);
  await screenshot(page, 'sign-in');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  expect(new URL(page.url()).origin).not.toBe(consoleOrigin);

  await signIn(page, 'desk');
  const desk = readStack().accounts.find((account) => account.username === 'desk')!;
  await expect(page.getByText(desk.name)).toBeVisible();

  const cookies = await context.cookies(stack.consoleUrl);
  const session = cookies.find((cookie) => cookie.name === 'fo_session');
  expect(session, 'the fo_session cookie').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.path).toBe('/');
  expect(session!.value).not.toMatch(JWT);

  const seenByScripts = await page.evaluate(() => ({
    cookie: document.cookie,
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
  }));
  expect(seenByScripts.cookie).not.toContain('fo_session');
  for (const [key, value] of [...seenByScripts.local, ...seenByScripts.session]) {
    expect(`${key}=${value}`).not.toMatch(JWT);
    expect(key.toLowerCase()).not.toMatch(/token/);
  }
  expect(seenByScripts.cookie).not.toMatch(JWT);

  const answer = await page.request.get('/api/session');
  expect(answer.status()).toBe(200);
  const text = await answer.text();
  expect(text).not.toMatch(JWT);
  expect(text).not.toMatch(/access_?token|id_?token|refresh_?token/i);
  const info = JSON.parse(text) as {
    authenticated: boolean;
    user: { sub: string; name: string; roles: string[]; properties: string[] };
    csrfToken?: string;
  };
  expect(info.authenticated).toBe(true);
  expect(info.user).toEqual({
    sub: 'demo-desk-1',
    name: desk.name,
    roles: ['front_desk'],
    properties: [stack.propertyId],
  });
  expect(info.csrfToken).toEqual(expect.any(String));

  for (const { url, body } of bodies) expect(body, `answer of ${url}`).not.toMatch(JWT);
  await checkA11y(page);

  // A state-changing call without the CSRF header is refused even with the cookie, and changes nothing: the
  // browser keeps its session cookie and the session stays open.
  const forged = await page.request.post('/auth/logout');
  expect(forged.status()).toBe(403);
  const afterForgery = (await context.cookies(stack.consoleUrl)).find((cookie) => cookie.name === 'fo_session');
  expect(afterForgery?.value, 'the session cookie after a refused logout').toBe(session!.value);
  const stillSignedIn = await page.request.get('/api/session');
  expect(((await stillSignedIn.json()) as { authenticated: boolean }).authenticated).toBe(true);

  // Signing out ends the provider's session too: the browser passes through its end-session page (which submits
  // itself) and comes back to the console's sign-in screen.
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).origin).toBe(consoleOrigin);
  expect(visited.some((url) => url.startsWith(`${readStack().issuer}/session/end`))).toBe(true);
  expect((await context.cookies(stack.consoleUrl)).map((cookie) => cookie.name)).not.toContain('fo_session');

  // The old cookie no longer opens anything: the session is gone on the server, not just in this browser.
  const replay = await page.request.get('/api/session', { headers: { cookie: `fo_session=${session!.value}` } });
  expect(((await replay.json()) as { authenticated: boolean }).authenticated).toBe(false);
  const forwarded = await page.request.get(`/api/reservations/v1/properties/${stack.propertyId}`, {
    headers: { cookie: `fo_session=${session!.value}` },
  });
  expect(forwarded.status()).toBe(401);
});
