import type { JwtVerifyOptions } from '@nestjs/jwt';
import type { ServiceEnv } from '../config/env';
import { isPublishedSecret } from '../config/service-defaults';
import type { ClaimPaths } from './principal';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /**
   * HS256 with the shared secret: development, tests and services that mint their own tokens. Off in production
   * while the secret is still the documented development one (only possible when RS256 is configured).
   */
  hs256?: JwtVerifyOptions;
  /**
   * RS256 tokens of an identity provider; `issuer` and `audience` are required. The key is `publicKey`, or, with
   * `jwks`, the key of the provider's key set named by the token's `kid`.
   */
  rs256?: JwtVerifyOptions;
  /** Where RS256 keys come from when the provider publishes a key set (and rotates its keys). */
  jwks?: JwksOptions;
  /** Where RS256 tokens carry roles and properties; HS256 development tokens always use `roles` and `properties`. */
  claimPaths?: ClaimPaths;
  /** Longest accepted token lifetime; every token must carry `exp`. Defaults to 12 hours. */
  maxLifetimeSeconds?: number;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`. Defaults to 30 seconds. */
  clockToleranceSeconds?: number;
}

export interface JwksOptions {
  /** The key set's URL; without it, `discoveryIssuer` + /.well-known/openid-configuration names it (`jwks_uri`). */
  uri?: string;
  discoveryIssuer?: string;
  /** A fetched key is trusted this long before the set is read again. */
  cacheMaxAgeMs: number;
  /** While the set cannot be fetched, a known key keeps working this much longer (0: no grace). */
  staleFallbackMs: number;
  /** Fetches of the set a minute at most, however many unknown `kid`s arrive. */
  requestsPerMinute: number;
  timeoutMs: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

export function authOptionsFromEnv(env: ServiceEnv): AuthOptions {
  const claims = {
    ...(env.AUTH_JWT_ISSUER ? { issuer: env.AUTH_JWT_ISSUER } : {}),
    ...(env.AUTH_JWT_AUDIENCE ? { audience: env.AUTH_JWT_AUDIENCE } : {}),
  };
  const publicSecret = env.NODE_ENV === 'production' && isPublishedSecret(env.AUTH_JWT_SECRET);
  const clockTolerance = env.AUTH_JWT_CLOCK_TOLERANCE_SECONDS;
  const jwks: JwksOptions | undefined =
    env.AUTH_JWKS_URL || env.AUTH_OIDC_DISCOVERY
      ? {
          ...(env.AUTH_JWKS_URL ? { uri: env.AUTH_JWKS_URL } : { discoveryIssuer: env.AUTH_JWT_ISSUER }),
          cacheMaxAgeMs: env.AUTH_JWKS_CACHE_SECONDS * 1000,
          staleFallbackMs: env.AUTH_JWKS_STALE_SECONDS * 1000,
          requestsPerMinute: env.AUTH_JWKS_REQUESTS_PER_MINUTE,
          timeoutMs: env.AUTH_JWKS_TIMEOUT_MS,
        }
      : undefined;
  return {
    ...(publicSecret
      ? {}
      : { hs256: { secret: env.AUTH_JWT_SECRET, algorithms: ['HS256'] as const, clockTolerance, ...claims } }),
    ...(env.AUTH_JWT_PUBLIC_KEY
      ? { rs256: { publicKey: env.AUTH_JWT_PUBLIC_KEY, algorithms: ['RS256'] as const, clockTolerance, ...claims } }
      : {}),
    ...(jwks ? { rs256: { algorithms: ['RS256'] as const, clockTolerance, ...claims }, jwks } : {}),
    claimPaths: { roles: env.AUTH_ROLES_CLAIM, properties: env.AUTH_PROPERTIES_CLAIM },
    maxLifetimeSeconds: env.AUTH_JWT_MAX_LIFETIME_SECONDS,
    clockToleranceSeconds: clockTolerance,
  } as AuthOptions;
}

/**
 * The key is chosen from the token's declared algorithm, and each key only verifies its own algorithm, so a token
 * "signed" with the public key as an HMAC secret (algorithm confusion) is refused.
 */
export function verifyOptionsFor(options: AuthOptions, algorithm: unknown): JwtVerifyOptions | undefined {
  if (algorithm === 'HS256') return options.hs256;
  // An RS256 key without both claim checks would accept any token the identity provider signs for anyone.
  if (algorithm !== 'RS256' || !options.rs256?.issuer || !options.rs256.audience) return undefined;
  return options.rs256.publicKey || options.jwks ? options.rs256 : undefined;
}
