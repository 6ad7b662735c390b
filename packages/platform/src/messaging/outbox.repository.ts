import type { Client } from 'pg';

/** An outbox row ready to send, with its size as the broker will count it (roughly: key, value, headers). */
export interface PendingOutboxRow {
  id: string;
  topic: string;
  messageKey: string;
  /** The envelope as JSON text, sent as is. */
  value: string;
  headers: Record<string, string>;
  bytes: number;
}

export interface ParkedOutboxEvent {
  id: string;
  seq: string;
  topic: string;
  type: string;
  messageKey: string;
  bytes: number;
  attempts: number;
  createdAt: Date;
  parkedAt: Date;
  reason: string;
}

/** What a record costs in a produce request besides its key, value and headers (lengths, offsets, timestamps). */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * The next pending rows in commit order: at most `maxRows`, and no more than `maxBytes` together — except the first
 * row, returned even when it alone is larger, so the caller can park it. Sizes are computed in the database, so
 * rows beyond the budget are never transferred.
 */
export async function selectPendingOutboxRows(
  client: Client,
  maxRows: number,
  maxBytes: number,
): Promise<{ rows: PendingOutboxRow[]; more: boolean }> {
  const { rows } = await client.query<{
    id: string;
    topic: string;
    message_key: string;
    value: string;
    headers: Record<string, string>;
    bytes: number;
    candidates: number;
  }>(
    `WITH pending AS (
       SELECT id, seq,
              octet_length(envelope::text) + octet_length(message_key) + octet_length(headers::text) + $3 AS bytes
         FROM outbox_event
        WHERE published_at IS NULL AND parked_at IS NULL
        ORDER BY seq
        LIMIT $1),
     budget AS (
       SELECT id, seq, bytes, sum(bytes) OVER (ORDER BY seq) AS running, row_number() OVER (ORDER BY seq) AS n
         FROM pending)
     SELECT o.id, o.topic, o.message_key, o.envelope::text AS value, o.headers, b.bytes::int AS bytes,
            (SELECT count(*)::int FROM pending) AS candidates
       FROM budget b JOIN outbox_event o ON o.id = b.id
      WHERE b.running <= $2 OR b.n = 1
      ORDER BY b.seq`,
    [maxRows, maxBytes, RECORD_OVERHEAD_BYTES],
  );
  const candidates = rows[0]?.candidates ?? 0;
  return {
    rows: rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      messageKey: row.message_key,
      value: row.value,
      headers: row.headers,
      bytes: row.bytes,
    })),
    more: candidates === maxRows || candidates > rows.length,
  };
}

export async function markOutboxPublished(client: Client, ids: string[]): Promise<void> {
  await client.query(
    `UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

export async function recordOutboxFailure(client: Client, ids: string[], error: string): Promise<void> {
  await client.query(`UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
    ids,
    error,
  ]);
}

export async function parkOutboxEvent(client: Client, id: string, reason: string): Promise<void> {
  await client.query(
    `UPDATE outbox_event SET parked_at = now(), parked_reason = $2, attempts = attempts + 1, last_error = $2
      WHERE id = $1`,
    [id, reason],
  );
}

export async function deletePublishedOutboxRows(client: Client, olderThanHours: number): Promise<void> {
  await client.query(`DELETE FROM outbox_event WHERE published_at < now() - make_interval(hours => $1)`, [
    olderThanHours,
  ]);
}

export async function listParkedOutboxEvents(client: Client): Promise<ParkedOutboxEvent[]> {
  const { rows } = await client.query<{
    id: string;
    seq: string;
    topic: string;
    type: string;
    message_key: string;
    bytes: number;
    attempts: number;
    created_at: Date;
    parked_at: Date;
    parked_reason: string | null;
  }>(
    `SELECT id, seq, topic, type, message_key, octet_length(envelope::text) AS bytes, attempts, created_at, parked_at,
            parked_reason
       FROM outbox_event WHERE published_at IS NULL AND parked_at IS NOT NULL ORDER BY seq`,
  );
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    topic: row.topic,
    type: row.type,
    messageKey: row.message_key,
    bytes: row.bytes,
    attempts: row.attempts,
    createdAt: row.created_at,
    parkedAt: row.parked_at,
    reason: row.parked_reason ?? '',
  }));
}

/** Puts parked events back in line (all of them when `ids` is omitted); returns how many. */
export async function requeueParkedOutboxEvents(client: Client, ids?: string[]): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE outbox_event SET parked_at = NULL, parked_reason = NULL
      WHERE published_at IS NULL AND parked_at IS NOT NULL AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))`,
    [ids ?? null],
  );
  return rowCount ?? 0;
}
