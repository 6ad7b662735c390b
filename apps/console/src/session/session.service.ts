import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { SERVICE_ENV } from '@frontoffice/platform';
import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { ConsoleUser, userFromTokens } from '../auth/claims';
import { OIDC_CLIENT, OidcRefusal, type LoginChecks, type OidcClient, type OidcTokens } from '../auth/oidc-client';
import type { ConsoleEnv } from '../config/console.env';
import { SessionRepository, StoredSession } from './session.repository';
import { TokenSealer } from './token-sealer';

export const SESSION_COOKIE = 'fo_session';
export const LOGIN_COOKIE = 'fo_login';
const PURGE_INTERVAL_MS = 10 * 60_000;

interface SealedTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
}

/** A session found for a request: what the routes need, and the key to its row. */
export interface ActiveSession {
  idHash: Buffer;
  user: ConsoleUser;
  csrfToken: string;
  accessExpiresAt: Date;
  /** The tokens as stored (sealed), so a forwarded call needs no second read; never sent anywhere. */
  tokensSealed: string;
}

/** The session ended while in use (refresh refused, row gone): the browser must sign in again. */
export class SessionEndedError extends Error {
  override readonly name = 'SessionEndedError';
}

function hashOf(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/**
 * Server-side sessions: the browser holds a random 256-bit id, the database its hash, the user's claims and the
 * tokens sealed with CONSOLE_SESSION_KEY. Sessions end when idle or at their absolute lifetime.
 */
@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionService.name);
  private readonly sealer: TokenSealer;
  /** One refresh at a time per session in this instance: concurrent calls wait for it instead of racing the provider. */
  private readonly refreshing = new Map<string, Promise<string>>();
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly repository: SessionRepository,
    @Inject(OIDC_CLIENT) private readonly oidc: OidcClient,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
  ) {
    this.sealer = new TokenSealer(env.CONSOLE_SESSION_KEY);
  }

  onModuleInit(): void {
    this.purgeTimer = setInterval(() => {
      this.repository
        .purgeExpired(this.env.SESSION_IDLE_TIMEOUT_SECONDS)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not purge ended sessions'));
    }, PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  get cookieSecure(): boolean {
    return new URL(this.env.CONSOLE_PUBLIC_URL).protocol === 'https:';
  }

  /** Stores a new session for these tokens; the returned id goes into the cookie and nowhere else. */
  async create(tokens: OidcTokens): Promise<{ sessionId: string; session: ActiveSession }> {
    const sessionId = randomBytes(32).toString('base64url');
    const idHash = hashOf(sessionId);
    const user = userFromTokens(tokens.idClaims, tokens.accessToken, this.claimPaths());
    const csrfToken = randomBytes(32).toString('base64url');
    const tokensSealed = this.sealTokens(idHash, tokens);
    await this.repository.insert(
      { idHash, user, tokensSealed, accessExpiresAt: tokens.accessExpiresAt, csrfToken },
      this.env.SESSION_ABSOLUTE_TIMEOUT_SECONDS,
    );
    return { sessionId, session: { idHash, user, csrfToken, accessExpiresAt: tokens.accessExpiresAt, tokensSealed } };
  }

  /** The live session of this cookie value, counting this request as a use. */
  async resolve(sessionId: string | undefined): Promise<ActiveSession | undefined> {
    if (!sessionId || sessionId.length > 100) return undefined;
    const stored = await this.repository.touch(hashOf(sessionId), this.env.SESSION_IDLE_TIMEOUT_SECONDS);
    return stored ? toActive(stored) : undefined;
  }

  resolveRequest(request: Request): Promise<ActiveSession | undefined> {
    const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
    return this.resolve(cookies?.[SESSION_COOKIE]);
  }

  isLive(session: ActiveSession): Promise<boolean> {
    return this.repository.isLive(session.idHash, this.env.SESSION_IDLE_TIMEOUT_SECONDS);
  }

  /**
   * A usable access token: the stored one, or a refreshed one when it expires within the margin. A refresh the
   * provider refuses ends the session; one that cannot reach the provider throws and leaves the session.
   */
  async accessToken(session: ActiveSession): Promise<string> {
    const marginMs = this.env.OIDC_REFRESH_MARGIN_SECONDS * 1000;
    if (session.accessExpiresAt.getTime() - marginMs > Date.now()) {
      return this.openTokens(session).accessToken;
    }
    const key = session.idHash.toString('hex');
    const inFlight = this.refreshing.get(key);
    if (inFlight) return inFlight;
    const refresh = this.refreshNow(session.idHash, marginMs).finally(() => this.refreshing.delete(key));
    this.refreshing.set(key, refresh);
    return refresh;
  }

  /** Ends the session; returns its id token (for the provider's end-session hint). */
  async destroy(session: ActiveSession): Promise<string | undefined> {
    const stored = await this.repository.find(session.idHash);
    await this.repository.delete(session.idHash);
    return stored ? this.openTokens(stored).idToken : undefined;
  }

  async savePendingLogin(checks: LoginChecks, returnTo: string): Promise<void> {
    const stateHash = hashOf(checks.state);
    await this.repository.insertPendingLogin(
      stateHash,
      this.sealer.seal(JSON.stringify(checks), stateHash),
      returnTo,
      this.env.OIDC_LOGIN_TIMEOUT_SECONDS,
    );
  }

  async takePendingLogin(state: string): Promise<{ checks: LoginChecks; returnTo: string } | undefined> {
    const stateHash = hashOf(state);
    const row = await this.repository.takePendingLogin(stateHash);
    if (!row) return undefined;
    return { checks: JSON.parse(this.sealer.open(row.checksSealed, stateHash)) as LoginChecks, returnTo: row.returnTo };
  }

  private async refreshNow(idHash: Buffer, marginMs: number): Promise<string> {
    // The outcome leaves the transaction as a value: thrown inside, it would roll back the deletion of the session.
    const outcome = await this.repository.withLockedSession(
      idHash,
      async (locked): Promise<{ accessToken: string } | { ended: string }> => {
        const stored = locked.stored;
        if (!stored) return { ended: 'The session has ended' };
        const current = this.openTokens(stored);
        // Another instance (or an earlier call here) refreshed it while this one waited for the lock.
        if (stored.accessExpiresAt.getTime() - marginMs > Date.now()) return { accessToken: current.accessToken };
        if (!current.refreshToken) {
          if (stored.accessExpiresAt.getTime() > Date.now()) return { accessToken: current.accessToken };
          await locked.delete();
          return { ended: 'The access token expired and there is no refresh token' };
        }
        let fresh: OidcTokens;
        try {
          fresh = await this.oidc.refresh(current.refreshToken);
        } catch (error) {
          if (!(error instanceof OidcRefusal)) throw error;
          this.logger.warn({ err: error }, 'The provider refused to refresh a session; it ends');
          await locked.delete();
          return { ended: 'The provider refused to refresh the session' };
        }
        const tokens: OidcTokens = {
          ...fresh,
          idToken: fresh.idToken ?? current.idToken,
          idClaims: Object.keys(fresh.idClaims).length > 0 ? fresh.idClaims : { ...stored.user },
        };
        const user = userFromTokens(tokens.idClaims, tokens.accessToken, this.claimPaths());
        await locked.updateTokens(this.sealTokens(idHash, tokens), tokens.accessExpiresAt, user);
        return { accessToken: tokens.accessToken };
      },
    );
    if ('ended' in outcome) throw new SessionEndedError(outcome.ended);
    return outcome.accessToken;
  }

  private claimPaths() {
    return { rolesClaim: this.env.AUTH_ROLES_CLAIM, propertiesClaim: this.env.AUTH_PROPERTIES_CLAIM };
  }

  private sealTokens(idHash: Buffer, tokens: SealedTokens): string {
    const sealed: SealedTokens = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      idToken: tokens.idToken,
    };
    return this.sealer.seal(JSON.stringify(sealed), idHash);
  }

  private openTokens(stored: Pick<StoredSession, 'tokensSealed' | 'idHash'>): SealedTokens {
    return JSON.parse(this.sealer.open(stored.tokensSealed, stored.idHash)) as SealedTokens;
  }
}

function toActive(stored: StoredSession): ActiveSession {
  return {
    idHash: stored.idHash,
    user: stored.user,
    csrfToken: stored.csrfToken,
    accessExpiresAt: stored.accessExpiresAt,
    tokensSealed: stored.tokensSealed,
  };
}
