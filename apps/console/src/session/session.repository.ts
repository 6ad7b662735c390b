import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ConsoleUser } from '../auth/claims';

/** A session as stored: the tokens stay sealed until a forwarded call needs them. */
export interface StoredSession {
  idHash: Buffer;
  user: ConsoleUser;
  tokensSealed: string;
  accessExpiresAt: Date;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

interface SessionRow {
  id_hash: Buffer;
  user_claims: ConsoleUser;
  tokens_sealed: string;
  access_expires_at: Date;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

function toSession(row: SessionRow): StoredSession {
  return {
    idHash: row.id_hash,
    user: row.user_claims,
    tokensSealed: row.tokens_sealed,
    accessExpiresAt: row.access_expires_at,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** A session row held under lock, with what may be done to it meanwhile. */
export interface LockedSession {
  stored: StoredSession | undefined;
  updateTokens(tokensSealed: string, accessExpiresAt: Date, user: ConsoleUser): Promise<void>;
  delete(): Promise<void>;
}

export interface PendingLoginRow {
  checksSealed: string;
  returnTo: string;
}

const SESSION_COLUMNS =
  'id_hash, user_claims, tokens_sealed, access_expires_at, csrf_token, created_at, last_seen_at, expires_at';

/** Owns the console's tables: sessions and sign-ins in progress. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(session: Omit<StoredSession, 'createdAt' | 'lastSeenAt' | 'expiresAt'>, lifetimeSeconds: number) {
    await this.dataSource.query(
      `INSERT INTO console_session (id_hash, subject, user_claims, tokens_sealed, access_expires_at, csrf_token, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [
        session.idHash,
        session.user.sub,
        JSON.stringify(session.user),
        session.tokensSealed,
        session.accessExpiresAt,
        session.csrfToken,
        lifetimeSeconds,
      ],
    );
  }

  /**
   * The live session with this hash, its last use moved to now; none once idle for `idleSeconds` or past its
   * absolute expiry. One statement, so a request costs one round trip to find and keep its session.
   */
  async touch(idHash: Buffer, idleSeconds: number): Promise<StoredSession | undefined> {
    const rows: [SessionRow[], number] = await this.dataSource.query(
      `UPDATE console_session SET last_seen_at = now()
        WHERE id_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
        RETURNING ${SESSION_COLUMNS}`,
      [idHash, idleSeconds],
    );
    const row = rows[0][0];
    return row ? toSession(row) : undefined;
  }

  /** Whether the session is still live, without counting as a use (a live stream must not keep it awake). */
  async isLive(idHash: Buffer, idleSeconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM console_session
        WHERE id_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)`,
      [idHash, idleSeconds],
    );
    return rows.length > 0;
  }

  async find(idHash: Buffer): Promise<StoredSession | undefined> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM console_session WHERE id_hash = $1`,
      [idHash],
    );
    return rows[0] ? toSession(rows[0]) : undefined;
  }

  /**
   * Runs `work` holding the session's row lock, so one refresh at a time happens per session across every console
   * instance: with rotating refresh tokens, a second concurrent refresh would present a spent token and end the
   * session. The lock lasts one call to the provider's token endpoint.
   */
  async withLockedSession<T>(idHash: Buffer, work: (locked: LockedSession) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const rows: SessionRow[] = await manager.query(
        `SELECT ${SESSION_COLUMNS} FROM console_session WHERE id_hash = $1 FOR UPDATE`,
        [idHash],
      );
      return work({
        stored: rows[0] ? toSession(rows[0]) : undefined,
        updateTokens: async (tokensSealed, accessExpiresAt, user) => {
          await manager.query(
            `UPDATE console_session SET tokens_sealed = $2, access_expires_at = $3, user_claims = $4 WHERE id_hash = $1`,
            [idHash, tokensSealed, accessExpiresAt, JSON.stringify(user)],
          );
        },
        delete: async () => {
          await manager.query('DELETE FROM console_session WHERE id_hash = $1', [idHash]);
        },
      });
    });
  }

  async delete(idHash: Buffer): Promise<void> {
    await this.dataSource.query('DELETE FROM console_session WHERE id_hash = $1', [idHash]);
  }

  async insertPendingLogin(stateHash: Buffer, checksSealed: string, returnTo: string, ttlSeconds: number) {
    await this.dataSource.query(
      `INSERT INTO console_pending_login (state_hash, checks_sealed, return_to, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [stateHash, checksSealed, returnTo, ttlSeconds],
    );
  }

  /** Takes the sign-in away as it is read: a callback URL replayed finds nothing. */
  async takePendingLogin(stateHash: Buffer): Promise<PendingLoginRow | undefined> {
    const rows: [{ checks_sealed: string; return_to: string }[], number] = await this.dataSource.query(
      `DELETE FROM console_pending_login WHERE state_hash = $1 AND expires_at > now()
        RETURNING checks_sealed, return_to`,
      [stateHash],
    );
    const row = rows[0][0];
    return row ? { checksSealed: row.checks_sealed, returnTo: row.return_to } : undefined;
  }

  /** Forgets ended sessions and abandoned sign-ins; returns how many rows went. */
  async purgeExpired(idleSeconds: number): Promise<number> {
    const [, sessions]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM console_session
        WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)`,
      [idleSeconds],
    );
    const [, logins]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM console_pending_login WHERE expires_at <= now()',
    );
    return sessions + logins;
  }
}
