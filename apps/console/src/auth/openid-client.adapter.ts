import { Logger } from '@nestjs/common';
import type * as OpenId from 'openid-client';
import { OidcRefusal, type LoginChecks, type OidcClient, type OidcTokens } from './oidc-client';

export interface OpenIdClientSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  allowHttp: boolean;
}

/**
 * `OidcClient` on `openid-client` (loaded when first needed: ESM, which Node requires but Jest cannot). Discovery
 * happens on first use and is retried on the next one after a failure, so the console starts while the provider
 * is still booting.
 */
export class OpenIdClientAdapter implements OidcClient {
  private readonly logger = new Logger(OpenIdClientAdapter.name);
  private configuration?: Promise<{ lib: typeof OpenId; config: OpenId.Configuration }>;

  constructor(private readonly settings: OpenIdClientSettings) {}

  async startLogin(redirectUri: string): Promise<{ url: string; checks: LoginChecks }> {
    const { lib, config } = await this.configured();
    const checks: LoginChecks = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      codeVerifier: lib.randomPKCECodeVerifier(),
    };
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await lib.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
      // offline_access needs consent with most providers.
      ...(this.settings.scopes.split(' ').includes('offline_access') ? { prompt: 'consent' } : {}),
    });
    return { url: url.href, checks };
  }

  async completeLogin(callbackUrl: URL, checks: LoginChecks): Promise<OidcTokens> {
    const { lib, config } = await this.configured();
    const response = await lib.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    return toTokens(response);
  }

  async refresh(refreshToken: string): Promise<OidcTokens> {
    const { lib, config } = await this.configured();
    let response;
    try {
      response = await lib.refreshTokenGrant(config, refreshToken);
    } catch (error) {
      // openid-client's ResponseBodyError carries the OAuth error code; a network failure does not.
      const code = (error as { error?: unknown } | null)?.error;
      if (typeof code === 'string') throw new OidcRefusal(`The provider refused the refresh: ${code}`);
      throw error;
    }
    return { ...toTokens(response), refreshToken: response.refresh_token ?? refreshToken };
  }

  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | undefined> {
    const { lib, config } = await this.configured();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return lib.buildEndSessionUrl(config, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      client_id: this.settings.clientId,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }

  private configured(): Promise<{ lib: typeof OpenId; config: OpenId.Configuration }> {
    this.configuration ??= (async () => {
      const lib = await import('openid-client');
      const config = await lib.discovery(
        new URL(this.settings.issuerUrl),
        this.settings.clientId,
        undefined,
        lib.ClientSecretPost(this.settings.clientSecret),
        this.settings.allowHttp ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      this.logger.log({ issuer: config.serverMetadata().issuer }, 'OpenID provider discovered');
      return { lib, config };
    })();
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }
}

function toTokens(response: OpenId.TokenEndpointResponse & OpenId.TokenEndpointResponseHelpers): OidcTokens {
  const expiresIn = response.expiresIn() ?? 300;
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    idToken: response.id_token,
    accessExpiresAt: new Date(Date.now() + expiresIn * 1000),
    idClaims: { ...(response.claims() ?? {}) },
  };
}
