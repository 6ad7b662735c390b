/** The environment variable through which global-setup.ts hands the running stack to the specs' workers. */
export const STACK_ENV = 'CONSOLE_PLAYWRIGHT_STACK';

export type ServiceName = 'reservations' | 'concierge' | 'staffing' | 'billing-bridge' | 'integrations';

/** What global-setup.ts started: addresses, the seeded property and the demo staff's sign-in credentials. */
export interface StackDescription {
  consoleUrl: string;
  issuer: string;
  propertyId: string;
  serviceUrls: Record<string, string>;
  accounts: Array<{ username: string; password: string; sub: string; name: string }>;
}

export function readStack(): StackDescription {
  const raw = process.env[STACK_ENV];
  if (!raw) {
    throw new Error(
      `${STACK_ENV} is not set: run the specs through the config, which starts the stack ` +
        '(npx playwright test -c apps/console/playwright.config.ts)',
    );
  }
  return JSON.parse(raw) as StackDescription;
}
