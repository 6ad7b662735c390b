import AxeBuilder from '@axe-core/playwright';
import type { StaffRole } from '@frontoffice/contracts';
import { DEV_JWT_SECRET, signDevToken } from '@frontoffice/platform';
import { expect, type Page, test as base } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readStack, type ServiceName } from './stack';

export { expect } from '@playwright/test';
export type { ServiceName } from './stack';

/** The demo staff's usernames at the local OpenID provider (infra/oidc/demo-staff.mjs). */
/**
 * A value unique to this run, in letters only: the services refuse any field holding a long digit run that could be
 * a card number (a 13-digit `Date.now()` passes the Luhn check one time in ten).
 */
export function uniqueLetters(): string {
  return Date.now()
    .toString(36)
    .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)]);
}

/** Calls a service directly with a dev token (`stack.devToken`), to arrange what a scenario starts from. */
export async function serviceCall<T>(url: string, token: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export type DemoLogin = 'desk' | 'manager' | 'concierge' | 'porter' | 'finance';

export interface Stack {
  /** Where the console answers, e.g. http://127.0.0.1:41234 (also the tests' baseURL). */
  consoleUrl: string;
  /** The demo property seeded for this run; the demo staff (but finance, on '*') are assigned to it alone. */
  propertyId: string;
  serviceUrls: Record<ServiceName, string>;
  /** An HS256 dev token with these roles on the stack's property, to arrange data through the services' APIs. */
  devToken(roles: string[]): string;
}

/** Saves the viewport as docs/screenshots/<name>.png (the README shows them). */
export type SaveScreenshot = (page: Page, name: string) => Promise<void>;

export interface ConsoleFixtures {
  /**
   * Signs `who` in through the provider's real sign-in page and waits for the console's shell. The property picker
   * starts on the stack's property (chain-wide finance staff see every property of the test databases).
   */
  signIn(page: Page, who: DemoLogin, returnTo?: string): Promise<void>;
  /** Runs axe-core on the page as it is; fails listing every serious or critical violation. */
  checkA11y(page: Page): Promise<void>;
}

interface ConsoleWorkerFixtures {
  stack: Stack;
  screenshot: SaveScreenshot;
}

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const PROPERTY_STORAGE_KEY = 'console.propertyId';

/**
 * `screenshot` is also the name of Playwright's own option (screenshots of failed tests), which its artifacts
 * recorder reads from this fixture: a non-enumerable `mode` keeps that working while specs call the function.
 */
function alsoScreenshotOption(save: SaveScreenshot): SaveScreenshot & { mode: 'only-on-failure' } {
  return Object.defineProperty(save, 'mode', { value: 'only-on-failure', enumerable: false }) as SaveScreenshot & {
    mode: 'only-on-failure';
  };
}

export const test = base.extend<ConsoleFixtures, ConsoleWorkerFixtures>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const description = readStack();
      const secret = process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET;
      await use({
        consoleUrl: description.consoleUrl,
        propertyId: description.propertyId,
        serviceUrls: description.serviceUrls as Record<ServiceName, string>,
        devToken: (roles) =>
          signDevToken({
            roles: roles as StaffRole[],
            properties: [description.propertyId],
            sub: 'console-playwright',
            secret,
            expiresInSeconds: 3600,
            // The stack's services check issuer and audience on every token, dev tokens included.
            issuer: description.issuer,
            audience: 'frontoffice',
          }),
      });
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ stack }, use) => {
    await use(stack.consoleUrl);
  },

  signIn: async ({ stack }, use) => {
    const { accounts } = readStack();
    await use(async (page, who, returnTo = '/') => {
      const account = accounts.find((candidate) => candidate.username === who);
      if (!account) throw new Error(`no demo account "${who}" at the local provider`);
      const consoleOrigin = new URL(stack.consoleUrl).origin;
      await page.addInitScript(
        ([key, propertyId, origin]) => {
          if (window.location.origin === origin && !localStorage.getItem(key)) localStorage.setItem(key, propertyId);
        },
        [PROPERTY_STORAGE_KEY, stack.propertyId, consoleOrigin] as const,
      );
      await page.goto(`${stack.consoleUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      await page.getByLabel('Username').fill(account.username);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin === consoleOrigin, { timeout: 30_000 });
      // The shell is up once it offers to sign out (English or French, whichever this browser last chose).
      await expect(page.getByRole('button', { name: /^(Sign out|Se déconnecter)$/ })).toBeVisible();
    });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  checkA11y: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const blocking = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.impact} ${violation.id}: ${violation.help} — ` +
            violation.nodes.map((node) => node.target.join(' ')).join(', '),
        );
      expect(blocking, `accessibility of ${page.url()}`).toEqual([]);
    });
  },

  screenshot: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      await use(
        alsoScreenshotOption(async (page: Page, name: string) => {
          if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`screenshot name "${name}": lower-case words and -`);
          await mkdir(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
        }),
      );
    },
    { scope: 'worker' },
  ],
});
