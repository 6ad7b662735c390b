// The staff console's side of a running stack, shared by `npm start` and the console's Playwright set-up: the local
// OpenID provider with the demo staff, the settings that make the services accept its tokens, and the console's own.
import { join } from 'node:path';
import { CONSOLE_APP } from './infra.mjs';
import { ROOT } from './lib.mjs';

export const CONSOLE_CLIENT_ID = 'frontoffice-console';
/** The `aud` of every access token the provider issues, checked by the services (AUTH_JWT_AUDIENCE). */
export const TOKEN_AUDIENCE = 'frontoffice';
/**
 * The console's client secret at the local provider: the console's own development default (refused in production),
 * guarding only the provider this script starts on 127.0.0.1, whose accounts are the published demo staff.
 */
export const LOCAL_CLIENT_SECRET = 'frontoffice-console-local-secret';

export const CONSOLE_ENTRY = join(ROOT, CONSOLE_APP.dir, 'dist', 'main.js');
export const CONSOLE_MIGRATE = join(ROOT, CONSOLE_APP.dir, 'dist', 'migrate.js');

/** `billing-bridge` → `BILLING_BRIDGE`, the prefix of its *_URL and *_PORT variables. */
export function envPrefix(serviceName) {
  return serviceName.toUpperCase().replaceAll('-', '_');
}

/**
 * What every service needs to accept the provider's RS256 access tokens (the HS256 dev tokens keep working). The
 * JWKS address is given rather than discovered: the services start before the provider, which needs the demo
 * property's id (created through those services) for its accounts. `/jwks` is oidc-provider's route for it;
 * `startLocalProvider` checks the discovery document says the same.
 */
export function tokenVerificationEnv(issuer) {
  return {
    AUTH_JWKS_URL: `${issuer}/jwks`,
    AUTH_JWT_ISSUER: issuer,
    AUTH_JWT_AUDIENCE: TOKEN_AUDIENCE,
  };
}

/**
 * Starts infra/oidc/local-idp.mjs on 127.0.0.1:`port` with the demo staff of `propertyId`, the console registered as
 * its client. Resolves with `{ issuer, accounts, stop() }`.
 */
export async function startLocalProvider({ port, consoleUrl, propertyId, clientSecret = LOCAL_CLIENT_SECRET }) {
  const { startLocalIdentityProvider } = await import('../infra/oidc/local-idp.mjs');
  const { demoStaff } = await import('../infra/oidc/demo-staff.mjs');
  const accounts = demoStaff(propertyId);
  const issuer = `http://127.0.0.1:${port}`;
  const provider = await startLocalIdentityProvider({
    port,
    issuer,
    audience: TOKEN_AUDIENCE,
    accounts,
    clients: [
      {
        clientId: CONSOLE_CLIENT_ID,
        clientSecret,
        redirectUris: [`${consoleUrl}/auth/callback`],
        postLogoutRedirectUris: [`${consoleUrl}/`],
      },
    ],
  });
  try {
    const discovery = await fetch(`${provider.issuer}/.well-known/openid-configuration`).then((response) =>
      response.json(),
    );
    const expected = tokenVerificationEnv(provider.issuer).AUTH_JWKS_URL;
    if (discovery.jwks_uri !== expected) {
      throw new Error(
        `the local provider publishes its keys at ${discovery.jwks_uri}, the services look at ${expected}`,
      );
    }
  } catch (error) {
    await provider.stop();
    throw error;
  }
  return { issuer: provider.issuer, accounts, stop: () => provider.stop() };
}

/**
 * The console's environment: where it is reached, its provider and client, its database, and the services it
 * forwards `/api/<service>/…` to.
 */
export function consoleEnv({ consoleUrl, port, issuer, clientSecret = LOCAL_CLIENT_SECRET, databaseUrl, serviceUrls }) {
  return {
    CONSOLE_PORT: String(port),
    CONSOLE_PUBLIC_URL: consoleUrl,
    DATABASE_URL: databaseUrl,
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENT_ID: CONSOLE_CLIENT_ID,
    OIDC_CLIENT_SECRET: clientSecret,
    ...tokenVerificationEnv(issuer),
    ...Object.fromEntries(Object.entries(serviceUrls).map(([name, url]) => [`${envPrefix(name)}_URL`, url])),
  };
}
