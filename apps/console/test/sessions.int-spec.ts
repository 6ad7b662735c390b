import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SessionEndedError } from '../src/session/session.service';
import { RunningConsole, startConsole, tokensFor } from './support/console-test-app';

describe('sessions (real PostgreSQL)', () => {
  let console_: RunningConsole;
  let db: DataSource;

  beforeAll(async () => {
    console_ = await startConsole({
      KAFKA_CONSUMER_ENABLED: 'false',
      SESSION_IDLE_TIMEOUT_SECONDS: '600',
      SESSION_ABSOLUTE_TIMEOUT_SECONDS: '3600',
    });
    db = console_.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(() => console_.shutdown());

  const user = { sub: 'demo-desk-1', name: 'Dana Desk', roles: ['front_desk'], properties: ['p-1'] };

  it('stores only the hash of the session id and the tokens sealed; finds the session by its id', async () => {
    const tokens = tokensFor(user);
    const { sessionId } = await console_.sessions.create(tokens);
    expect(Buffer.from(sessionId, 'base64url')).toHaveLength(32);

    const rows: { id_hash: Buffer; tokens_sealed: string; expires_at: Date; created_at: Date }[] = await db.query(
      `SELECT id_hash, tokens_sealed, expires_at, created_at FROM console_session WHERE subject = $1
        ORDER BY created_at DESC LIMIT 1`,
      [user.sub],
    );
    const row = rows[0];
    expect(row.id_hash.toString('base64url')).not.toBe(sessionId);
    expect(row.tokens_sealed).not.toContain(tokens.accessToken.split('.')[1]);
    expect(row.tokens_sealed).not.toContain(tokens.refreshToken);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeCloseTo(3600_000, -3);

    const found = await console_.sessions.resolve(sessionId);
    expect(found?.user).toEqual({ sub: user.sub, name: 'Dana Desk', roles: ['front_desk'], properties: ['p-1'] });
    expect(found?.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await console_.sessions.accessToken(found!)).toBe(tokens.accessToken);
    expect(await console_.sessions.resolve(`${sessionId}x`)).toBeUndefined();
    expect(await console_.sessions.resolve(undefined)).toBeUndefined();
  });

  it('ends a session idle for longer than the idle timeout, and one past its absolute lifetime however busy', async () => {
    const idle = await console_.sessions.create(tokensFor(user));
    const old = await console_.sessions.create(tokensFor(user));
    await db.query(`UPDATE console_session SET last_seen_at = now() - interval '601 seconds' WHERE id_hash = $1`, [
      idle.session.idHash,
    ]);
    await db.query(`UPDATE console_session SET expires_at = now() - interval '1 second' WHERE id_hash = $1`, [
      old.session.idHash,
    ]);
    expect(await console_.sessions.resolve(idle.sessionId)).toBeUndefined();
    expect(await console_.sessions.resolve(old.sessionId)).toBeUndefined();

    // A use moves the idle deadline: 500 s idle, used, is fine 200 s later.
    const busy = await console_.sessions.create(tokensFor(user));
    await db.query(`UPDATE console_session SET last_seen_at = now() - interval '500 seconds' WHERE id_hash = $1`, [
      busy.session.idHash,
    ]);
    expect(await console_.sessions.resolve(busy.sessionId)).toBeDefined();
    const [{ seen }]: { seen: Date }[] = await db.query(
      'SELECT last_seen_at AS seen FROM console_session WHERE id_hash = $1',
      [busy.session.idHash],
    );
    expect(Date.now() - seen.getTime()).toBeLessThan(5000);
  });

  it('refreshes an access token about to expire once for concurrent calls, and keeps the new one', async () => {
    const { sessionId } = await console_.sessions.create(tokensFor(user, new Date(Date.now() + 5_000)));
    const session = (await console_.sessions.resolve(sessionId))!;
    const before = console_.provider.refreshes;
    console_.provider.refreshDelayMs = 200;
    const tokens = await Promise.all(Array.from({ length: 5 }, () => console_.sessions.accessToken(session)));
    console_.provider.refreshDelayMs = 0;
    expect(console_.provider.refreshes - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);

    const again = (await console_.sessions.resolve(sessionId))!;
    expect(again.accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(await console_.sessions.accessToken(again)).toBe(tokens[0]);
    expect(console_.provider.refreshes - before).toBe(1);
  });

  it('refreshes once across instances too: the row lock makes a concurrent refresh use the fresh token', async () => {
    const { session } = await console_.sessions.create(tokensFor(user, new Date(Date.now() + 5_000)));
    const before = console_.provider.refreshes;
    console_.provider.refreshDelayMs = 300;
    // What two instances do: each its own refresh, without the in-process single flight.
    const refreshNow = (
      console_.sessions as unknown as { refreshNow(idHash: Buffer, marginMs: number): Promise<string> }
    ).refreshNow.bind(console_.sessions);
    const tokens = await Promise.all([refreshNow(session.idHash, 60_000), refreshNow(session.idHash, 60_000)]);
    console_.provider.refreshDelayMs = 0;
    expect(console_.provider.refreshes - before).toBe(1);
    expect(tokens[0]).toBe(tokens[1]);
  });

  it('ends the session when the provider refuses the refresh', async () => {
    const { sessionId } = await console_.sessions.create(tokensFor(user, new Date(Date.now() - 1000)));
    const session = (await console_.sessions.resolve(sessionId))!;
    console_.provider.refuseRefresh = true;
    try {
      await expect(console_.sessions.accessToken(session)).rejects.toBeInstanceOf(SessionEndedError);
    } finally {
      console_.provider.refuseRefresh = false;
    }
    expect(await console_.sessions.resolve(sessionId)).toBeUndefined();
  });

  it('keeps the session when the provider cannot be reached, and refreshes once it can', async () => {
    const { sessionId } = await console_.sessions.create(tokensFor(user, new Date(Date.now() - 1000)));
    const session = (await console_.sessions.resolve(sessionId))!;
    console_.provider.unreachable = true;
    try {
      await expect(console_.sessions.accessToken(session)).rejects.toThrow('fetch failed');
    } finally {
      console_.provider.unreachable = false;
    }
    const still = await console_.sessions.resolve(sessionId);
    expect(still).toBeDefined();
    expect(await console_.sessions.accessToken(still!)).toMatch(/^eyJ/);
  });

  it('keeps a pending sign-in sealed and hands it out once, and not after its timeout', async () => {
    const checks = { state: `state-${Math.random()}`, nonce: 'nonce-1', codeVerifier: 'verifier-value-one' };
    await console_.sessions.savePendingLogin(checks, '/arrivals');
    const [{ sealed }]: { sealed: string }[] = await db.query(
      'SELECT checks_sealed AS sealed FROM console_pending_login ORDER BY created_at DESC LIMIT 1',
    );
    expect(sealed).not.toContain('verifier-value-one');
    expect(await console_.sessions.takePendingLogin(checks.state)).toEqual({ checks, returnTo: '/arrivals' });
    expect(await console_.sessions.takePendingLogin(checks.state)).toBeUndefined();

    const late = { ...checks, state: `state-${Math.random()}` };
    await console_.sessions.savePendingLogin(late, '/');
    await db.query(`UPDATE console_pending_login SET expires_at = now() - interval '1 second'`);
    expect(await console_.sessions.takePendingLogin(late.state)).toBeUndefined();
  });
});
