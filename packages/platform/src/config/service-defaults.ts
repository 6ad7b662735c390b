import type { ServiceName } from '@frontoffice/contracts';

/** What the platform runs: the event-producing services, and the console's backend-for-frontend (no topic of its own). */
export type AppName = ServiceName | 'console';

/** Local defaults per service; every one of them can be overridden from the environment. */
export const SERVICE_DEFAULTS: Readonly<Record<AppName, { port: number; database: string }>> = {
  reservations: { port: 3001, database: 'frontoffice_reservations' },
  concierge: { port: 3002, database: 'frontoffice_concierge' },
  staffing: { port: 3003, database: 'frontoffice_staffing' },
  'billing-bridge': { port: 3004, database: 'frontoffice_billing' },
  integrations: { port: 3005, database: 'frontoffice_integrations' },
  console: { port: 3000, database: 'frontoffice_console' },
};

/** Documented development secret. A production start with it (and no public key) is refused. */
export const DEV_JWT_SECRET = 'dev-only-insecure-secret-change-me';

/**
 * Every HS256 secret written anywhere in this repository (defaults, compose, examples, tests). They are public, so
 * a production start with any of them (and no public key) is refused; `published-secrets.spec.ts` fails when a new
 * one appears in the repository without being listed here.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  DEV_JWT_SECRET,
  'compose-local-insecure-secret-change-me',
  'unit-test-secret-0123456789abcdef',
  'another-secret-0123456789abcdef!',
  // concierge's opt-out link signing and integrations' webhook-secret sealing: their development defaults
  'dev-only-opt-out-secret-change-me',
  'ZGV2LW9ubHktd2ViaG9vay1zZWNyZXRzLWtleS0zMmI=',
  'Y29tcG9zZS1sb2NhbC13ZWJob29rLXNlY3JldHMtMzI=',
  // unit tests of the opt-out tokens
  'a-test-secret-of-some-length',
  'another-secret-entirely',
  // the local OpenID provider's default console client secret (infra/oidc, also the console's default) and its test's
  'frontoffice-console-local-secret',
  'local-idp-test-secret',
  // the console's session-token sealing key: its development default
  'ZGV2LW9ubHktY29uc29sZS1zZXNzaW9uLWtleS0zMmI=',
];

export function isPublishedSecret(secret: string): boolean {
  return PUBLISHED_SECRETS.includes(secret.trim());
}
