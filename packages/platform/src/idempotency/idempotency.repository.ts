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

  /** Replaces the stored answer (the handler shaped its response after the transaction that stored it). */
  async replaceAnswer(db: Queryable, scope: string, key: string, statusCode: number, body: string): Promise<void> {
    await db.query(
      `UPDATE idempotency_record SET status_code = $3, response_body = $4::jsonb, completed_at = now()
        WHERE scope = $1 AND idempotency_key = $2`,
      [scope, key, statusCode, body],
    );
  },

  /**
   * Records the answer of a key; false when the key already has a record, which stays as it is. Inside a transaction
   * a concurrent one holding the same key makes this wait until it commits (the key is then taken) or rolls back.
   */
  async insertAnswer(
    db: Queryable,
    scope: string,
    key: string,
    requestHash: string,
    statusCode: number,
    body: string,
  ): Promise<boolean> {
    const inserted = (await db.query(
      `INSERT INTO idempotency_record (scope, idempotency_key, request_hash, status_code, response_body, completed_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, now()) ON CONFLICT DO NOTHING RETURNING 1 AS stored`,
      [scope, key, requestHash, statusCode, body],
    )) as unknown[];
    return inserted.length > 0;
  },
};
