import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The console's browser tests: a real stack (services, local OpenID provider, console) started by global-setup.ts on
 * ports of its own and the *_test databases, driven through Debian's Chromium. `npm test` runs them after Jest:
 * `npx playwright test -c apps/console/playwright.config.ts`.
 */
export default defineConfig({
  testDir: join(__dirname, 'playwright'),
  testMatch: '**/*.pw.ts',
  globalSetup: join(__dirname, 'playwright', 'global-setup.ts'),
  outputDir: join(ROOT, '.local', 'playwright', 'artifacts'),
  // One worker: the specs share one demo property and one stack on a small machine; a second browser buys little.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(ROOT, '.local', 'test-results', 'console.json') }]],
  use: {
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    // Failed tests keep a trace; screenshots of failures come from fixtures.ts, whose `screenshot` replaces the option.
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      // Debian's package, not Playwright's download: CI installs it with apt-get (.ci/run).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
