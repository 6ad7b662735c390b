import { EnvValidationError, loadServiceEnv } from '@frontoffice/platform';
import { randomBytes } from 'node:crypto';
import { ConsoleEnv, DEV_CONSOLE_SESSION_KEY, DEV_OIDC_CLIENT_SECRET } from './console.env';

function load(source: Record<string, string>): ConsoleEnv {
  return loadServiceEnv('console', ConsoleEnv, source);
}

function problemsOf(source: Record<string, string>): string[] {
  try {
    load(source);
  } catch (error) {
    if (error instanceof EnvValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('ConsoleEnv', () => {
  it('runs locally with no settings: port 3000, its own database, the local provider, no outbox relay', () => {
    const env = load({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/\/frontoffice_console$/);
    expect(env.CONSOLE_PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(env.OIDC_CLIENT_ID).toBe('frontoffice-console');
    expect(env.OIDC_SCOPES).toBe('openid profile offline_access');
    expect(env.AUTH_ROLES_CLAIM).toBe('roles');
    expect(env.OUTBOX_RELAY_ENABLED).toBe(false);
    expect(env.KAFKA_FROM_BEGINNING).toBe(false);
    expect(env.SESSION_IDLE_TIMEOUT_SECONDS).toBe(1800);
  });

  it('reads every setting from the environment', () => {
    const env = load({
      CONSOLE_PORT: 'ignored',
      PORT: '13200',
      CONSOLE_PUBLIC_URL: 'https://console.hotel.example',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      SESSION_IDLE_TIMEOUT_SECONDS: '900',
      RESERVATIONS_URL: 'http://reservations:3001',
    });
    expect(env.PORT).toBe(13200);
    expect(env.AUTH_ROLES_CLAIM).toBe('realm_access.roles');
    expect(env.SESSION_IDLE_TIMEOUT_SECONDS).toBe(900);
    expect(env.RESERVATIONS_URL).toBe('http://reservations:3001');
  });

  it('refuses bad values with the setting named', () => {
    const problems = problemsOf({
      CONSOLE_SESSION_KEY: 'short',
      AUTH_PROPERTIES_CLAIM: 'a..b',
      OIDC_SCOPES: 'profile',
      STAFFING_URL: 'staffing:3003',
      SESSION_IDLE_TIMEOUT_SECONDS: '5',
    });
    for (const name of [
      'CONSOLE_SESSION_KEY',
      'AUTH_PROPERTIES_CLAIM',
      'OIDC_SCOPES',
      'STAFFING_URL',
      'SESSION_IDLE_TIMEOUT_SECONDS',
    ]) {
      expect(problems.some((problem) => problem.startsWith(`${name}:`))).toBe(true);
    }
  });

  it('refuses the development session key and client secret in production', () => {
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: randomBytes(24).toString('hex') };
    const problems = problemsOf(production);
    expect(problems).toContain(
      'CONSOLE_SESSION_KEY: this secret is published in the repository and is refused when NODE_ENV=production',
    );
    expect(problems).toContain(
      'OIDC_CLIENT_SECRET: this secret is published in the repository and is refused when NODE_ENV=production',
    );
    expect(
      problemsOf({
        ...production,
        CONSOLE_SESSION_KEY: randomBytes(32).toString('base64'),
        OIDC_CLIENT_SECRET: randomBytes(24).toString('hex'),
      }),
    ).toEqual([]);
    expect(DEV_CONSOLE_SESSION_KEY).not.toBe(DEV_OIDC_CLIENT_SECRET);
  });
});
