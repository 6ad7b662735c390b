import type { JwtVerifyOptions } from '@nestjs/jwt';
import type { ServiceEnv } from '../config/env';
import { DEV_JWT_SECRET } from '../config/service-defaults';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /**
   * HS256 with the shared secret: development, tests and services that mint their own tokens. Off in production
   * while the secret is still the documented development one (only possible when RS256 is configured).
   */
  hs256?: JwtVerifyOptions;
  /** RS256 with an identity provider's public key, when one is configured. */
  rs256?: JwtVerifyOptions;
}

export function authOptionsFromEnv(env: ServiceEnv): AuthOptions {
  const claims = {
    ...(env.AUTH_JWT_ISSUER ? { issuer: env.AUTH_JWT_ISSUER } : {}),
    ...(env.AUTH_JWT_AUDIENCE ? { audience: env.AUTH_JWT_AUDIENCE } : {}),
  };
  const publicDevSecret = env.NODE_ENV === 'production' && env.AUTH_JWT_SECRET === DEV_JWT_SECRET;
  return {
    ...(publicDevSecret ? {} : { hs256: { secret: env.AUTH_JWT_SECRET, algorithms: ['HS256'] as const, ...claims } }),
    ...(env.AUTH_JWT_PUBLIC_KEY
      ? { rs256: { publicKey: env.AUTH_JWT_PUBLIC_KEY, algorithms: ['RS256'] as const, ...claims } }
      : {}),
  } as AuthOptions;
}

/**
 * The key is chosen from the token's declared algorithm, and each key only verifies its own algorithm, so a token
 * "signed" with the public key as an HMAC secret (algorithm confusion) is refused.
 */
export function verifyOptionsFor(options: AuthOptions, algorithm: unknown): JwtVerifyOptions | undefined {
  if (algorithm === 'HS256') return options.hs256;
  if (algorithm === 'RS256') return options.rs256;
  return undefined;
}
