import { UnauthorizedException } from '@nestjs/common';
import type { JwksClient, SigningKey } from 'jwks-rsa';
import { createPublicKey, KeyObject } from 'node:crypto';
import { DomainError } from '../http/domain-errors';
import type { JwksOptions } from './auth.options';

/** Seconds a client waits before retrying while the identity provider's keys cannot be read. */
export const KEYS_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The provider's keys cannot be read (its key set or discovery document is unreachable or broken). The token may
 * be perfectly valid, so this is not a 401 — which would make a client throw its session away — but a "retry soon".
 */
export class IdentityProviderUnavailableError extends DomainError {
  readonly status = 503;
  constructor(message: string) {
    super('identity-provider-unavailable', message, { retryAfterSeconds: KEYS_UNAVAILABLE_RETRY_AFTER_SECONDS });
  }
}

/** A failed discovery is not retried sooner than this, so an outage does not turn every request into a fetch. */
const DISCOVERY_RETRY_MS = 5000;

interface DiscoveryDocument {
  issuer?: unknown;
  jwks_uri?: unknown;
}

/**
 * The identity provider's signing keys, by `kid`. jwks-rsa caches each key, fetches the set again for a `kid` it has
 * not seen (a rotated key is picked up without a restart) and rate-limits those fetches.
 */
export class JwksKeySource {
  private client?: Promise<JwksClient>;
  private discoveryFailure?: { at: number; error: IdentityProviderUnavailableError };
  // jwks-rsa hands back the same cached SigningKey object; parsing its PEM on every request costs CPU.
  private readonly keyObjects = new WeakMap<SigningKey, KeyObject>();

  constructor(private readonly options: JwksOptions) {}

  /** The key that verifies a token with this `kid`; 401 when the provider has no such key, 503 when unreachable. */
  async keyFor(kid: string | undefined): Promise<KeyObject> {
    const client = await this.jwksClient();
    let signingKey: SigningKey;
    try {
      signingKey = await client.getSigningKey(kid);
    } catch (error) {
      const { name } = error as Error;
      if (name === 'SigningKeyNotFoundError') {
        throw new UnauthorizedException(
          `The bearer token is not valid: the identity provider has no signing key ${kid === undefined ? 'without a kid' : `"${kid}"`}`,
        );
      }
      if (name === 'JwksRateLimitError') {
        throw new UnauthorizedException(
          `The bearer token is not valid: its signing key "${kid ?? ''}" is unknown, and the key set was read too often to read it again now`,
        );
      }
      throw new IdentityProviderUnavailableError(
        `The identity provider's signing keys cannot be read right now (${(error as Error).message ?? String(error)})`,
      );
    }
    let keyObject = this.keyObjects.get(signingKey);
    if (!keyObject) {
      keyObject = createPublicKey(signingKey.getPublicKey());
      this.keyObjects.set(signingKey, keyObject);
    }
    return keyObject;
  }

  private jwksClient(): Promise<JwksClient> {
    if (this.client) return this.client;
    const failure = this.discoveryFailure;
    if (failure && Date.now() - failure.at < DISCOVERY_RETRY_MS) return Promise.reject(failure.error);
    const pending = this.jwksUri().then(async (uri) => this.clientFor(uri));
    this.client = pending;
    pending.catch((error: unknown) => {
      // Discovery is retried later: a provider that was down at start-up must not need a restart of the service.
      this.client = undefined;
      this.discoveryFailure = {
        at: Date.now(),
        error:
          error instanceof IdentityProviderUnavailableError
            ? error
            : new IdentityProviderUnavailableError(String(error)),
      };
    });
    return pending;
  }

  private async clientFor(jwksUri: string): Promise<JwksClient> {
    // Loaded on first use: jwks-rsa needs jose, an ES module, which CommonJS test runners of services that never
    // configure a key set could not load.
    const { JwksClient } = await import('jwks-rsa');
    const { cacheMaxAgeMs, staleFallbackMs, requestsPerMinute, timeoutMs } = this.options;
    return new JwksClient({
      jwksUri,
      cache: true,
      cacheMaxEntries: 20,
      cacheMaxAge: cacheMaxAgeMs,
      ...(staleFallbackMs > 0 ? { cacheMaxAgeFallback: staleFallbackMs } : {}),
      rateLimit: true,
      jwksRequestsPerMinute: requestsPerMinute,
      timeout: timeoutMs,
    });
  }

  private async jwksUri(): Promise<string> {
    if (this.options.uri) return this.options.uri;
    const issuer = this.options.discoveryIssuer;
    if (!issuer) throw new IdentityProviderUnavailableError('No key set URL and no issuer to discover it from');
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: DiscoveryDocument;
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = (await response.json()) as DiscoveryDocument;
    } catch (error) {
      throw new IdentityProviderUnavailableError(
        `The identity provider's discovery document ${url} cannot be read (${(error as Error).message})`,
      );
    }
    // OpenID Connect Discovery 1.0 §4.3: a document for another issuer must not be used.
    if (document.issuer !== issuer) {
      throw new IdentityProviderUnavailableError(
        `The discovery document at ${url} is for issuer ${JSON.stringify(document.issuer)}, not ${issuer}`,
      );
    }
    if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//.test(document.jwks_uri)) {
      throw new IdentityProviderUnavailableError(`The discovery document at ${url} has no http(s) jwks_uri`);
    }
    return document.jwks_uri;
  }
}
