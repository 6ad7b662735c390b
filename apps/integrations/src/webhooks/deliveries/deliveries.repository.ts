import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope } from '@frontoffice/contracts';
import { Keyset, keyedPage, Page, type CursorKey } from '@frontoffice/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';
import { eventTypeMatchSql } from '../subscriptions/event-type-patterns';

/** One (subscription, property) queue: its deliveries go out one at a time, in order. */
export interface Lane {
  subscriptionId: string;
  propertyId: string;
}

/** The oldest waiting delivery of a claimed lane, with what it takes to sign and send it. */
export interface DueDelivery extends Lane {
  deliveryId: string;
  eventId: string;
  attempts: number;
  envelope: EventEnvelope;
  url: string;
  includePersonalData: boolean;
  sealedSecret: string;
  /** Set while a rotation's overlap lasts. */
  sealedPreviousSecret: string | null;
}

export interface AttemptRecord {
  deliveryId: string;
  lane: Lane;
  ok: boolean;
  startedAt: Date;
  durationMs: number;
  statusCode?: number;
  error?: string;
  responseExcerpt?: string;
  /** When the lane may try again after a failure. */
  retryDelayMs: number;
}

export interface SubscriptionHealth {
  consecutiveFailures: number;
  /** The attempt turned an active subscription into a paused one. */
  pausedNow: boolean;
  subscriptionPropertyId: string | null;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  propertyId: string;
  status: 'pending' | 'delivered';
  redelivery: boolean;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface AttemptView {
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: 'delivered' | 'failed';
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

export interface BacklogFigure {
  subscriptionId: string;
  pending: number;
  oldestPendingSeconds: number;
  paused: boolean;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  property_id: string;
  status: 'pending' | 'delivered';
  redelivery: boolean;
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function toDeliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: String(row.id),
    eventId: row.event_id,
    eventType: row.event_type,
    propertyId: row.property_id,
    status: row.status,
    redelivery: row.redelivery,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
  };
}

const NEWEST_FIRST = new Keyset([{ sql: 'd.id', kind: 'int' }], 'DESC');

/** Upper bound of one manual range redelivery; a wider range is split by the caller. */
export const MAX_REDELIVERY_EVENTS = 10_000;

/**
 * The delivery queue: webhook_event (one row per event any subscription wants), webhook_delivery (one per event and
 * subscription), webhook_lane (what workers claim) and webhook_delivery_attempt (the log). Only the webhooks
 * feature writes them.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Queues a batch of events for every subscription whose scope and filters take them, in one statement: stores
   * each wanted event once, opens or wakes the lanes, and appends the deliveries in the batch's order (ids follow
   * it, and a lane sends in id order). Paused subscriptions queue too, so resuming one loses nothing.
   */
  async fanOut(manager: EntityManager, events: readonly EventEnvelope[]): Promise<number> {
    if (events.length === 0) return 0;
    const input = events.map((event, position) => ({
      id: event.id,
      type: event.type,
      property_id: event.propertyId,
      occurred_at: event.time,
      position,
      envelope: event,
    }));
    const rows: unknown[] = await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS x(id uuid, type text, property_id uuid, occurred_at timestamptz, position int, envelope jsonb)
       ), matched AS (
         SELECT s.id AS subscription_id, i.*
           FROM input i
           JOIN webhook_subscription s ON (s.property_id IS NULL OR s.property_id = i.property_id)
          WHERE ${eventTypeMatchSql('s.event_types', 'i.type')}
       ), stored AS (
         INSERT INTO webhook_event (id, type, property_id, occurred_at, envelope)
         SELECT DISTINCT ON (id) id, type, property_id, occurred_at, envelope FROM matched
         ON CONFLICT (id) DO NOTHING
       ), lanes AS (
         INSERT INTO webhook_lane (subscription_id, property_id, next_attempt_at)
         SELECT DISTINCT subscription_id, property_id, now() FROM matched
         ON CONFLICT (subscription_id, property_id)
           DO UPDATE SET next_attempt_at = COALESCE(webhook_lane.next_attempt_at, now())
       )
       INSERT INTO webhook_delivery (subscription_id, property_id, event_id, event_type, next_attempt_at)
       SELECT subscription_id, property_id, id, type, now() FROM matched ORDER BY position, subscription_id
       RETURNING id`,
      [JSON.stringify(input)],
    );
    return rows.length;
  }

  /**
   * Leases up to `limit` due lanes of active subscriptions, at most `max_in_flight` leased lanes per subscription
   * across every instance. SKIP LOCKED lets instances claim side by side; a lease outlives the HTTP timeout, and an
   * instance that dies leaves lanes that fall due again when their lease ends.
   */
  async claimLanes(limit: number, leaseMs: number): Promise<Lane[]> {
    const result: unknown = await this.dataSource.query(
      `WITH candidates AS (
         SELECT l.subscription_id, l.property_id, l.next_attempt_at
           FROM webhook_lane l
           JOIN webhook_subscription s ON s.id = l.subscription_id AND s.status = 'active'
          WHERE l.next_attempt_at <= now() AND (l.lease_until IS NULL OR l.lease_until < now())
          ORDER BY l.next_attempt_at
          LIMIT $1 * 4
          FOR UPDATE OF l SKIP LOCKED
       ), ranked AS (
         SELECT c.subscription_id, c.property_id, c.next_attempt_at,
                row_number() OVER (PARTITION BY c.subscription_id ORDER BY c.next_attempt_at) AS rank,
                s.max_in_flight - (SELECT count(*) FROM webhook_lane busy
                                    WHERE busy.subscription_id = c.subscription_id AND busy.lease_until >= now()) AS free
           FROM candidates c JOIN webhook_subscription s ON s.id = c.subscription_id
       ), chosen AS (
         SELECT subscription_id, property_id FROM ranked WHERE rank <= free ORDER BY next_attempt_at LIMIT $1
       )
       UPDATE webhook_lane l SET lease_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM chosen
        WHERE l.subscription_id = chosen.subscription_id AND l.property_id = chosen.property_id
       RETURNING l.subscription_id, l.property_id`,
      [limit, leaseMs],
    );
    return updatedRows<{ subscription_id: string; property_id: string }>(result).map((row) => ({
      subscriptionId: row.subscription_id,
      propertyId: row.property_id,
    }));
  }

  /** The head (oldest waiting delivery) of each lane, in one query. */
  async heads(lanes: readonly Lane[]): Promise<DueDelivery[]> {
    if (lanes.length === 0) return [];
    const rows: {
      id: string;
      subscription_id: string;
      property_id: string;
      event_id: string;
      attempts: number;
      envelope: EventEnvelope;
      url: string;
      include_personal_data: boolean;
      secret_ciphertext: string;
      previous_secret_ciphertext: string | null;
    }[] = await this.dataSource.query(
      `SELECT d.id, d.subscription_id, d.property_id, d.event_id, d.attempts, e.envelope, s.url,
              s.include_personal_data, s.secret_ciphertext,
              CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_ciphertext END
                AS previous_secret_ciphertext
         FROM unnest($1::uuid[], $2::uuid[]) AS lane(subscription_id, property_id)
         -- One index probe per lane, however long its backlog.
         JOIN LATERAL (
           SELECT * FROM webhook_delivery d
            WHERE d.subscription_id = lane.subscription_id AND d.property_id = lane.property_id
              AND d.status = 'pending'
            ORDER BY d.id LIMIT 1
         ) d ON true
         JOIN webhook_event e ON e.id = d.event_id
         JOIN webhook_subscription s ON s.id = d.subscription_id`,
      [lanes.map((lane) => lane.subscriptionId), lanes.map((lane) => lane.propertyId)],
    );
    return rows.map((row) => ({
      deliveryId: String(row.id),
      subscriptionId: row.subscription_id,
      propertyId: row.property_id,
      eventId: row.event_id,
      attempts: row.attempts,
      envelope: row.envelope,
      url: row.url,
      includePersonalData: row.include_personal_data,
      sealedSecret: row.secret_ciphertext,
      sealedPreviousSecret: row.previous_secret_ciphertext,
    }));
  }

  /**
   * Ends a lease. The lane row is locked first, so the next statement sees any delivery a concurrent fan-out
   * committed meanwhile: the lane stays due while work waits and goes idle (next_attempt_at NULL) only when none does.
   */
  async releaseLane(manager: EntityManager, lane: Lane, retryDelayMs: number | null): Promise<void> {
    await manager.query('SELECT 1 FROM webhook_lane WHERE subscription_id = $1 AND property_id = $2 FOR UPDATE', [
      lane.subscriptionId,
      lane.propertyId,
    ]);
    await manager.query(
      `UPDATE webhook_lane SET lease_until = NULL,
         next_attempt_at = CASE
           WHEN $3::double precision IS NOT NULL THEN now() + make_interval(secs => $3::double precision / 1000)
           WHEN EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.subscription_id = $1 AND d.property_id = $2
                          AND d.status = 'pending') THEN now()
         END
       WHERE subscription_id = $1 AND property_id = $2`,
      [lane.subscriptionId, lane.propertyId, retryDelayMs],
    );
  }

  /**
   * Logs an attempt, marks the delivery delivered or schedules its retry, releases the lane, and keeps the
   * subscription's run of consecutive failures, pausing it at `pauseAfter`.
   */
  async recordAttempt(manager: EntityManager, record: AttemptRecord, pauseAfter: number): Promise<SubscriptionHealth> {
    await manager.query(
      `WITH delivery AS (
         UPDATE webhook_delivery SET
           attempts = attempts + 1,
           status = CASE WHEN $2 THEN 'delivered' ELSE status END,
           delivered_at = CASE WHEN $2 THEN now() END,
           next_attempt_at = CASE WHEN $2 THEN NULL ELSE now() + make_interval(secs => $8::double precision / 1000) END,
           last_status_code = $5, last_error = $6
         WHERE id = $1 AND status = 'pending'
         RETURNING id, attempts
       )
       INSERT INTO webhook_delivery_attempt
         (delivery_id, attempt, started_at, duration_ms, outcome, status_code, error, response_excerpt)
       SELECT id, attempts, $3, $4, CASE WHEN $2 THEN 'delivered' ELSE 'failed' END, $5, $6, $7 FROM delivery`,
      [
        record.deliveryId,
        record.ok,
        record.startedAt,
        record.durationMs,
        record.statusCode ?? null,
        record.error ?? null,
        record.responseExcerpt ?? null,
        record.retryDelayMs,
      ],
    );
    await this.releaseLane(manager, record.lane, record.ok ? null : record.retryDelayMs);
    const result: unknown = await manager.query(
      `WITH before AS (SELECT status FROM webhook_subscription WHERE id = $1 FOR UPDATE)
         UPDATE webhook_subscription s SET
           consecutive_failures = CASE WHEN $2 THEN 0 ELSE s.consecutive_failures + 1 END,
           status = CASE WHEN NOT $2 AND s.consecutive_failures + 1 >= $3 THEN 'paused' ELSE s.status END,
           paused_reason = CASE WHEN NOT $2 AND s.consecutive_failures + 1 >= $3 AND s.status = 'active'
                                THEN 'consecutive-failures' ELSE s.paused_reason END,
           paused_at = CASE WHEN NOT $2 AND s.consecutive_failures + 1 >= $3 AND s.status = 'active'
                            THEN now() ELSE s.paused_at END
         FROM before WHERE s.id = $1
         RETURNING s.consecutive_failures, s.status, before.status AS previous_status, s.property_id`,
      [record.lane.subscriptionId, record.ok, pauseAfter],
    );
    const [row] = updatedRows<{
      consecutive_failures: number;
      status: string;
      previous_status: string;
      property_id: string | null;
    }>(result);
    return {
      consecutiveFailures: row?.consecutive_failures ?? 0,
      pausedNow: row !== undefined && row.previous_status === 'active' && row.status === 'paused',
      subscriptionPropertyId: row?.property_id ?? null,
    };
  }

  async list(
    subscriptionId: string,
    filter: { status?: 'pending' | 'delivered'; eventType?: string; eventId?: string },
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<DeliveryView>> {
    const after = NEWEST_FIRST.after(cursor, 6);
    const rows: (DeliveryRow & { page_key: CursorKey })[] = await this.dataSource.query(
      `SELECT d.id, d.event_id, d.event_type, d.property_id, d.status, d.redelivery, d.attempts, d.next_attempt_at,
              d.last_status_code, d.last_error, d.created_at, d.delivered_at, ${NEWEST_FIRST.pageKey}
         FROM webhook_delivery d
        WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::text IS NULL OR d.event_type = $3)
          AND ($4::uuid IS NULL OR d.event_id = $4) AND ${after.sql}
        ORDER BY ${NEWEST_FIRST.orderBy} LIMIT $5`,
      [
        subscriptionId,
        filter.status ?? null,
        filter.eventType ?? null,
        filter.eventId ?? null,
        limit + 1,
        ...after.parameters,
      ],
    );
    return keyedPage(rows, limit, toDeliveryView);
  }

  async attempts(subscriptionId: string, deliveryId: string): Promise<AttemptView[] | undefined> {
    const exists: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM webhook_delivery WHERE id = $1 AND subscription_id = $2',
      [deliveryId, subscriptionId],
    );
    if (exists.length === 0) return undefined;
    const rows: {
      attempt: number;
      started_at: Date;
      duration_ms: number;
      outcome: 'delivered' | 'failed';
      status_code: number | null;
      error: string | null;
      response_excerpt: string | null;
    }[] = await this.dataSource.query(
      `SELECT attempt, started_at, duration_ms, outcome, status_code, error, response_excerpt
         FROM webhook_delivery_attempt WHERE delivery_id = $1 ORDER BY id`,
      [deliveryId],
    );
    return rows.map((row) => ({
      attempt: row.attempt,
      startedAt: row.started_at.toISOString(),
      durationMs: row.duration_ms,
      outcome: row.outcome,
      statusCode: row.status_code,
      error: row.error,
      responseExcerpt: row.response_excerpt,
    }));
  }

  /**
   * Queues again, at the end of their lanes, the events this subscription was sent: one event, or those that
   * happened in [from, to). Returns how many were queued; more than MAX_REDELIVERY_EVENTS queues nothing and
   * answers that count + 1.
   */
  async redeliver(
    manager: EntityManager,
    subscriptionId: string,
    selection: { eventId: string } | { from: string; to: string },
  ): Promise<number> {
    const eventId = 'eventId' in selection ? selection.eventId : null;
    const from = 'from' in selection ? selection.from : null;
    const to = 'to' in selection ? selection.to : null;
    const sourceSql = `
      SELECT DISTINCT ON (d.event_id) d.event_id, d.property_id, d.event_type, e.occurred_at, d.id
        FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
       WHERE d.subscription_id = $1
         AND (($2::uuid IS NOT NULL AND d.event_id = $2)
           OR ($2::uuid IS NULL AND e.occurred_at >= $3::timestamptz AND e.occurred_at < $4::timestamptz))
       ORDER BY d.event_id, d.id`;
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) FROM (${sourceSql} LIMIT ${MAX_REDELIVERY_EVENTS + 1}) source`,
      [subscriptionId, eventId, from, to],
    );
    if (Number(count) === 0 || Number(count) > MAX_REDELIVERY_EVENTS) return Number(count);
    const rows: unknown[] = await manager.query(
      `WITH source AS (${sourceSql}),
       lanes AS (
         INSERT INTO webhook_lane (subscription_id, property_id, next_attempt_at)
         SELECT DISTINCT $1::uuid, property_id, now() FROM source
         ON CONFLICT (subscription_id, property_id)
           DO UPDATE SET next_attempt_at = COALESCE(webhook_lane.next_attempt_at, now())
       )
       INSERT INTO webhook_delivery (subscription_id, property_id, event_id, event_type, redelivery, next_attempt_at)
       SELECT $1, property_id, event_id, event_type, true, now() FROM source ORDER BY id
       RETURNING id`,
      [subscriptionId, eventId, from, to],
    );
    return rows.length;
  }

  /**
   * Forgets delivered webhooks older than the retention, and the stored events no delivery refers to any more, a
   * bounded slice per call. Waiting deliveries are kept whatever their age. Returns how many deliveries went.
   */
  async purge(retentionDays: number, limit: number): Promise<number> {
    const [, purged]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM webhook_delivery WHERE id IN (
         SELECT id FROM webhook_delivery
          WHERE status = 'delivered' AND delivered_at < now() - make_interval(days => $1)
          ORDER BY id LIMIT $2)`,
      [retentionDays, limit],
    );
    await this.dataSource.query(
      `DELETE FROM webhook_event WHERE id IN (
         SELECT e.id FROM webhook_event e
          WHERE e.received_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)
          LIMIT $2)`,
      [retentionDays, limit],
    );
    return purged;
  }

  /**
   * Erasure on request: the stored events that mention one of the guest's ids (the guest, their reservations) keep
   * ids, dates, money and statuses, and lose every personal field — what a subscription without personal data gets.
   * Queued deliveries are sent from these rows, so nothing erased leaves afterwards either.
   */
  async stripPersonalDataOf(
    manager: EntityManager,
    ids: readonly string[],
    strip: (envelope: EventEnvelope) => EventEnvelope,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const rows: Array<{ id: string; envelope: EventEnvelope }> = await manager.query(
      `SELECT id, envelope FROM webhook_event WHERE envelope::text LIKE ANY ($1::text[]) FOR UPDATE`,
      [ids.map((id) => `%${id.replace(/[%_\\]/g, '')}%`)],
    );
    const changed = rows
      .map((row) => ({ id: row.id, before: JSON.stringify(row.envelope), after: JSON.stringify(strip(row.envelope)) }))
      .filter((row) => row.before !== row.after);
    if (changed.length === 0) return 0;
    await manager.query(
      `UPDATE webhook_event e SET envelope = u.envelope::jsonb
         FROM unnest($1::uuid[], $2::text[]) AS u(id, envelope) WHERE e.id = u.id`,
      [changed.map((row) => row.id), changed.map((row) => row.after)],
    );
    return changed.length;
  }

  async backlog(): Promise<BacklogFigure[]> {
    const rows: { id: string; pending: string; oldest_seconds: number | null; status: string }[] =
      await this.dataSource.query(
        `SELECT s.id, s.status, count(d.id) AS pending,
                extract(epoch FROM now() - min(d.created_at))::double precision AS oldest_seconds
           FROM webhook_subscription s
           LEFT JOIN webhook_delivery d ON d.subscription_id = s.id AND d.status = 'pending'
          GROUP BY s.id, s.status`,
      );
    return rows.map((row) => ({
      subscriptionId: row.id,
      pending: Number(row.pending),
      oldestPendingSeconds: row.oldest_seconds ?? 0,
      paused: row.status === 'paused',
    }));
  }
}
