import { postgresUrl } from '@frontoffice/platform';
import { testEnv } from '@frontoffice/platform/testing';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { OidcRefusal, type OidcClient, type OidcTokens } from '../../src/auth/oidc-client';
import { ConsoleEnv } from '../../src/config/console.env';
import { ConsoleApp, createConsoleApp } from '../../src/console-app';
import { SessionService } from '../../src/session/session.service';

export const TEST_DATABASE = 'frontoffice_console_test';

/** The console's test database on the real server (created once; migrations run when the app starts). */
export async function ensureTestDatabase(): Promise<void> {
  const client = new Client({ connectionString: postgresUrl('postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEST_DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${TEST_DATABASE}`);
  } catch (error) {
    // Another suite created it meanwhile.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/** An access token shaped like the provider's (a JWT); the console reads its claims, the services verify it. */
export function accessTokenFor(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'test', aud: 'frontoffice', ...claims })}.c2lnbmF0dXJl`;
}

export function tokensFor(
  user: { sub: string; name?: string; roles: string[]; properties: string[] },
  accessExpiresAt = new Date(Date.now() + 10 * 60_000),
): OidcTokens {
  return {
    accessToken: accessTokenFor({ sub: user.sub, roles: user.roles, properties: user.properties, jti: Math.random() }),
    refreshToken: `refresh-${user.sub}-${Math.random()}`,
    idToken: `id-token-${user.sub}`,
    accessExpiresAt,
    idClaims: { sub: user.sub, name: user.name ?? user.sub },
  };
}

/**
 * Stands in for the provider in suites about sessions, forwarding and live events (the sign-in itself is tested
 * against a real provider in oidc.int-spec.ts): refreshes hand out new tokens, counted, or fail when told to.
 */
export class ScriptedProvider implements OidcClient {
  refreshes = 0;
  refuseRefresh = false;
  /** The provider cannot be reached (a network failure, not an OAuth answer). */
  unreachable = false;
  refreshDelayMs = 0;

  startLogin(): Promise<never> {
    return Promise.reject(new Error('ScriptedProvider does not sign in'));
  }

  completeLogin(): Promise<never> {
    return Promise.reject(new Error('ScriptedProvider does not sign in'));
  }

  async refresh(refreshToken: string): Promise<OidcTokens> {
    this.refreshes += 1;
    await new Promise((resolve) => setTimeout(resolve, this.refreshDelayMs));
    if (this.unreachable) throw new TypeError('fetch failed');
    if (this.refuseRefresh) throw new OidcRefusal('The provider refused the refresh: invalid_grant');
    const sub = refreshToken.split('-')[1];
    return {
      accessToken: accessTokenFor({ sub, roles: ['front_desk'], properties: ['*'], refreshed: this.refreshes }),
      refreshToken: `refresh-${sub}-${Math.random()}`,
      accessExpiresAt: new Date(Date.now() + 10 * 60_000),
      idClaims: {},
    };
  }

  endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string> {
    return Promise.resolve(
      `https://idp.example/logout?id_token_hint=${idToken}&post_logout_redirect_uri=${encodeURIComponent(postLogoutRedirectUri)}`,
    );
  }
}

export interface RunningConsole extends ConsoleApp {
  url: string;
  env: ConsoleEnv;
  sessions: SessionService;
  provider: ScriptedProvider;
}

/** The console as production builds it, on a free port, with the real database and broker. */
export async function startConsole(overrides: Record<string, string> = {}): Promise<RunningConsole> {
  await ensureTestDatabase();
  const provider = new ScriptedProvider();
  const env = testEnv('console', ConsoleEnv, { DATABASE_URL: postgresUrl(TEST_DATABASE), ...overrides });
  const app = await createConsoleApp(AppModule.register(env, { oidcClient: provider }), env);
  await app.app.startAllMicroservices();
  await app.app.listen(0, '127.0.0.1');
  if (app.consumer.enabled) await app.consumer.whenAssigned();
  const url = await app.app.getUrl();
  return { ...app, url: url.replace('[::1]', '127.0.0.1'), env, sessions: app.app.get(SessionService), provider };
}
