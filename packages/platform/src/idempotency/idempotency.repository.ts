import type { EntityManager } from 'typeorm';

/** A stored `Idempotency-Key` record: the request's fingerprint and, once its transaction committed, the answer. */
export interface IdempotencyRecord {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

/** Anything that runs a parameterised query: a DataSource (own connection) or a transaction's EntityManager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The SQL of `idempotency_record` (the platform's idempotency feature owns the table). */
export const idempotencyRecords = {
  async find(db: Queryable, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const rows = (await db.query(
      'SELECT request_hash, status_code, response_body FROM idempotency_record WHERE scope = $1 AND idempotency_key = $2',
      [scope, key],
    )) as IdempotencyRecord[];
    return rows[0];
  },

  /**
   * Claims the key inside the caller's transaction. A concurrent transaction holding the same key makes this wait
   * until it commits (then the key is taken) or rolls back (then the claim succeeds). True when claimed.
   */
  async claim(manager: EntityManager, scope: string, key: string, requestHash: string): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO idempotency_record (scope, idempotency_key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
      [scope, key, requestHash],
    )) as unknown[];
    return inserted.length > 0;
  },

  /** Stores the answer of a claimed key; run in the transaction that claimed it, so both commit together. */
  async complete(db: Queryable, scope: string, key: string, statusCode: number, body: string): Promise<void> {
    await db.query(
      `UPDATE idempotency_record SET status_code = $3, response_body = $4::jsonb, completed_at = now()
        WHERE scope = $1 AND idempotency_key = $2`,
      [scope, key, statusCode, body],
    );
  },

  /** Records the answer of a request that wrote nothing transactional; keeps the first one if another got there. */
  async insertCompleted(
    db: Queryable,
    scope: string,
    key: string,
    requestHash: string,
    statusCode: number,
    body: string,
  ): Promise<void> {
    await db.query(
      `INSERT INTO idempotency_record (scope, idempotency_key, request_hash, status_code, response_body, completed_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, now()) ON CONFLICT DO NOTHING`,
      [scope, key, requestHash, statusCode, body],
    );
  },
};
