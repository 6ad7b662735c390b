/** Tokens of one sign-in or refresh, as the console keeps them (sealed) in the session. */
export interface OidcTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** When the access token stops working. */
  accessExpiresAt: Date;
  /** The id token's claims, verified by the OpenID client (signature, issuer, audience, nonce); empty on refresh without one. */
  idClaims: Record<string, unknown>;
}

/** What a callback must match: kept server-side between the redirect to the provider and the way back. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The OpenID provider as the console uses it (authorization code + PKCE S256). Behind an interface because
 * `openid-client` is ESM-only: the built app loads it, unit tests replace it.
 */
export interface OidcClient {
  /** The provider's authorization URL and the checks the callback must match. */
  startLogin(redirectUri: string): Promise<{ url: string; checks: LoginChecks }>;
  /** Exchanges the code of the callback URL; refuses a wrong state, nonce or PKCE verifier. */
  completeLogin(callbackUrl: URL, checks: LoginChecks): Promise<OidcTokens>;
  refresh(refreshToken: string): Promise<OidcTokens>;
  /** The provider's end-session URL, or undefined when it has none. */
  endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | undefined>;
}

export const OIDC_CLIENT = Symbol('OIDC_CLIENT');

/**
 * The provider answered with an OAuth error (`invalid_grant`: the refresh token is revoked, expired or spent): the
 * session cannot go on. Any other failure (provider unreachable) leaves the session as it is.
 */
export class OidcRefusal extends Error {
  override readonly name = 'OidcRefusal';
}
