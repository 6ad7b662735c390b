// A local OpenID Connect provider for development and tests only: authorization code + PKCE (S256), refresh
// tokens, RS256 JWT access tokens for the front-office services, RP-initiated logout, a plain sign-in page and
// automatic consent for the configured (first-party) clients. Everything lives in memory — signing keys are generated
// at each start, so tokens of an earlier run are refused (services pick the new key up from the JWKS by its kid).
//
//   import { startLocalIdentityProvider } from './infra/oidc/local-idp.mjs';
//   const idp = await startLocalIdentityProvider({ port, issuer, clients, accounts, audience });  // … idp.stop()
//
//   node infra/oidc/local-idp.mjs [accounts.json]     (settings from OIDC_* variables, see cliSettings below)
import { createHash, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, URLSearchParams } from 'node:url';
import Provider, { errors } from 'oidc-provider';
import { demoStaff } from './demo-staff.mjs';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const SHIFT_SECONDS = 12 * 3600;
const PROFILE_CLAIMS = ['name', 'preferred_username', 'roles', 'properties'];

/**
 * @typedef {{ clientId: string, clientSecret?: string, redirectUris: string[], postLogoutRedirectUris?: string[],
 *   tokenEndpointAuthMethod?: 'client_secret_post' | 'client_secret_basic' | 'none', clientName?: string }} LocalClient
 * @typedef {{ sub: string, username: string, password: string, name: string, roles: string[], properties: string[] }} LocalAccount
 */

/**
 * Starts the provider on 127.0.0.1:`port` (0: any free port).
 * @param {{ port?: number, host?: string, issuer?: string, clients: LocalClient[], accounts: LocalAccount[],
 *   audience?: string, resource?: string }} options
 * @returns {Promise<{ issuer: string, jwksUri: string, stop: () => Promise<void> }>}
 */
export async function startLocalIdentityProvider(options) {
  const { clients, accounts, audience = 'frontoffice', host = '127.0.0.1' } = options;
  if (!Array.isArray(clients) || clients.length === 0) throw new TypeError('startLocalIdentityProvider needs clients');
  if (!Array.isArray(accounts) || accounts.length === 0)
    throw new TypeError('startLocalIdentityProvider needs accounts');
  for (const account of accounts) checkAccount(account);
  // A resource indicator must be a URI; the token's `aud` is the plain audience the services expect.
  const resource = options.resource ?? `urn:${audience}`;

  const server = createServer();
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done(undefined));
  });
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const issuer = (options.issuer ?? `http://${host}:${port}`).replace(/\/+$/, '');

  const bySub = new Map(accounts.map((account) => [account.sub, account]));
  const byUsername = new Map(accounts.map((account) => [account.username.toLowerCase(), account]));
  const clientIds = new Set(clients.map((client) => client.clientId));
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: `local-${randomBytes(6).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
      client_name: client.clientName ?? client.clientId,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // openid-client's default when it has a secret; set tokenEndpointAuthMethod for another client library.
      token_endpoint_auth_method:
        client.tokenEndpointAuthMethod ?? (client.clientSecret ? 'client_secret_post' : 'none'),
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: PROFILE_CLAIMS },
    // The console reads name, roles and properties from the ID token; no userinfo call is needed.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        async claims() {
          return {
            sub: account.sub,
            name: account.name,
            preferred_username: account.username,
            roles: account.roles,
            properties: account.properties,
          };
        },
      };
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken') return undefined;
      const account = bySub.get(token.accountId);
      return account ? { roles: account.roles, properties: account.properties } : undefined;
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 3600,
      Session: SHIFT_SECONDS,
      Grant: SHIFT_SECONDS,
      RefreshToken: SHIFT_SECONDS,
    },
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        // Code and refresh token exchanges carry no `resource`: the token is still for the services.
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, indicator) {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: '',
            audience,
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'Signing out',
            `<h1>Signing out</h1>${form}
<p>You are being signed out of the front office.</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>document.querySelector('button[name="logout"]').click();</script>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('Signed out', '<h1>Signed out</h1><p>You are signed out of the front office.</p>');
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in problem',
        `<h1>Sign-in problem</h1><p role="alert">${escapeHtml(out.error_description ?? out.error ?? 'Unknown error')}</p>`,
      );
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  // OpenID Connect drops offline_access from a request without prompt=consent, which oidc-provider enforces; other
  // providers (Keycloak, Entra ID, Okta) hand refresh tokens out without it. So that the console works the same against
  // all of them, a request from a configured client that asks for offline_access gets prompt=consent added — consent
  // is automatic for those clients anyway. prompt=none is left alone.
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/auth') {
      const query = new URLSearchParams(ctx.querystring);
      const prompts = new Set((query.get('prompt') ?? '').split(' ').filter(Boolean));
      const scopes = (query.get('scope') ?? '').split(' ');
      if (clientIds.has(query.get('client_id') ?? '') && scopes.includes('offline_access') && !prompts.has('none')) {
        prompts.add('consent');
        query.set('prompt', [...prompts].join(' '));
        ctx.querystring = query.toString();
      }
    }
    await next();
  });

  // Client mistakes (a wrong code, a reused refresh token) are answered to the client; only the provider's own
  // failures are worth a log line.
  provider.on('server_error', (_ctx, error) => console.error('local-idp server error:', error));

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?\/?(?:\?.*)?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    interact(req, res, Boolean(match[2])).catch((error) => {
      res.statusCode = error instanceof errors.SessionNotFound ? 400 : 500;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        page(
          'Sign-in problem',
          `<h1>Sign-in problem</h1><p role="alert">${escapeHtml(error.message)}. Start again from the application.</p>`,
        ),
      );
    });
  });

  async function interact(req, res, submitted) {
    const interaction = await provider.interactionDetails(req, res);
    const { prompt, params, session } = interaction;
    const client = await provider.Client.find(String(params.client_id));

    if (prompt.name === 'login') {
      if (req.method === 'POST' && submitted) {
        const form = new URLSearchParams(await readBody(req));
        const account = authenticate(form.get('username') ?? '', form.get('password') ?? '');
        if (!account) {
          return sendHtml(res, 200, signInPage(interaction.uid, client, form.get('username') ?? '', true));
        }
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      return sendHtml(res, 200, signInPage(interaction.uid, client, '', false));
    }

    if (prompt.name === 'consent' && session?.accountId && clientIds.has(String(params.client_id))) {
      // The configured clients are this platform's own applications: staff are not asked to consent to them.
      const grant = interaction.grantId
        ? await provider.Grant.find(interaction.grantId)
        : new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
      const { details } = prompt;
      if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
      if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: interaction.grantId ? {} : { grantId } },
        { mergeWithLastSubmission: true },
      );
    }

    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: `The local provider cannot complete the "${prompt.name}" step` },
      { mergeWithLastSubmission: false },
    );
  }

  function authenticate(username, password) {
    const account = byUsername.get(username.trim().toLowerCase());
    // Compared as digests, so the time taken does not tell how much of the password was right.
    const digest = (value) => createHash('sha256').update(value).digest();
    const matches = timingSafeEqual(digest(account?.password ?? randomBytes(16).toString('hex')), digest(password));
    return account && matches ? account : undefined;
  }

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    stop: () =>
      new Promise((done) => {
        server.close(() => done(undefined));
        server.closeAllConnections();
      }),
  };
}

function checkAccount(account) {
  for (const field of ['sub', 'username', 'password', 'name']) {
    if (typeof account?.[field] !== 'string' || account[field].length === 0) {
      throw new TypeError(`Every account needs a ${field} (got ${JSON.stringify(account)})`);
    }
  }
  if (!Array.isArray(account.roles) || !Array.isArray(account.properties)) {
    throw new TypeError(`Account ${account.username} needs roles and properties arrays`);
  }
}

function readBody(req) {
  return new Promise((done, fail) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) fail(new Error('The form is too large'));
    });
    req.on('end', () => done(body));
    req.on('error', fail);
  });
}

function sendHtml(res, status, html) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1b1f24;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.5rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{box-sizing:border-box;width:100%;padding:.5rem;font-size:1rem;border:1px solid #59636e;border-radius:.25rem}
input:focus,button:focus{outline:3px solid #0b5cad;outline-offset:2px}
button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;color:#fff;background:#0b5cad;border:0;border-radius:.25rem;cursor:pointer}
.error{color:#a4161a;background:#fde8e8;border-left:4px solid #a4161a;padding:.5rem .75rem;margin:1rem 0 0}
.note{color:#4a525c;font-size:.875rem}`;

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Front office (local)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function signInPage(uid, client, username, failed) {
  const describedBy = failed ? ' aria-describedby="sign-in-error" aria-invalid="true"' : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p class="note">to ${escapeHtml(client?.clientName ?? 'the front office')} — local development provider</p>
${failed ? '<p class="error" id="sign-in-error" role="alert">Wrong username or password.</p>' : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${describedBy}${failed ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${failed ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** Settings of the command-line mode, from the environment, with the defaults `npm start` uses. */
function cliSettings(env, accountsFile) {
  const consoleUrl = (env.CONSOLE_PUBLIC_URL ?? `http://127.0.0.1:${env.CONSOLE_PORT ?? 3000}`).replace(/\/+$/, '');
  const list = (value, fallback) =>
    value
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : fallback;
  let accounts;
  if (accountsFile) {
    accounts = JSON.parse(readFileSync(resolve(accountsFile), 'utf8'));
  } else if (env.OIDC_DEMO_PROPERTY_ID) {
    accounts = demoStaff(env.OIDC_DEMO_PROPERTY_ID);
  } else {
    throw new Error(
      'Give an accounts JSON file (node infra/oidc/local-idp.mjs accounts.json) or OIDC_DEMO_PROPERTY_ID',
    );
  }
  const port = Number(env.OIDC_PORT ?? 3009);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`OIDC_PORT must be a port (got ${env.OIDC_PORT})`);
  return {
    port,
    issuer: env.OIDC_ISSUER_URL || undefined,
    audience: env.OIDC_AUDIENCE || 'frontoffice',
    accounts,
    clients: [
      {
        clientId: env.OIDC_CLIENT_ID || 'frontoffice-console',
        clientSecret: env.OIDC_CLIENT_SECRET || 'frontoffice-console-local-secret',
        redirectUris: list(env.OIDC_REDIRECT_URIS, [`${consoleUrl}/auth/callback`]),
        postLogoutRedirectUris: list(env.OIDC_POST_LOGOUT_REDIRECT_URIS, [`${consoleUrl}/`]),
        ...(env.OIDC_TOKEN_ENDPOINT_AUTH_METHOD
          ? { tokenEndpointAuthMethod: env.OIDC_TOKEN_ENDPOINT_AUTH_METHOD }
          : {}),
      },
    ],
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const settings = cliSettings(process.env, process.argv[2]);
    const idp = await startLocalIdentityProvider(settings);
    // One line a parent process can wait for; the rest is for people.
    console.log(`local-idp ready ${idp.issuer}`);
    console.log(`  discovery: ${idp.issuer}/.well-known/openid-configuration`);
    console.log(`  client: ${settings.clients[0].clientId}, redirect: ${settings.clients[0].redirectUris.join(' ')}`);
    console.log(`  accounts: ${settings.accounts.map((account) => account.username).join(', ')}`);
    const stop = async () => {
      await idp.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`local-idp: ${error.message}`);
    process.exit(1);
  }
}
