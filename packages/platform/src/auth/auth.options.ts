import type { JwtVerifyOptions } from '@nestjs/jwt';
import type { ServiceEnv } from '../config/env';
import { isPublishedSecret } from '../config/service-defaults';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /**
   * HS256 with the shared secret: development, tests and services that mint their own tokens. Off in production
   * while the secret is still the documented development one (only possible when RS256 is configured).
   */
  hs256?: JwtVerifyOptions;
  /** RS256 with an identity provider's public key, when one is configured; `issuer` and `audience` are required. */
  rs256?: JwtVerifyOptions;
  /** Longest accepted token lifetime; every token must carry `exp`. Defaults to 12 hours. */
  maxLifetimeSeconds?: number;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`. Defaults to 30 seconds. */
  clockToleranceSeconds?: number;
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
  return {
    ...(publicSecret
      ? {}
      : { hs256: { secret: env.AUTH_JWT_SECRET, algorithms: ['HS256'] as const, clockTolerance, ...claims } }),
    ...(env.AUTH_JWT_PUBLIC_KEY
      ? { rs256: { publicKey: env.AUTH_JWT_PUBLIC_KEY, algorithms: ['RS256'] as const, clockTolerance, ...claims } }
      : {}),
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
  if (algorithm === 'RS256') return options.rs256?.issuer && options.rs256.audience ? options.rs256 : undefined;
  return undefined;
}
