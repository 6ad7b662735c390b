import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Keyset, keyedPage, Page, type CursorKey } from '@frontoffice/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';

export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription {
  id: string;
  /** null for a chain-wide subscription. */
  propertyId: string | null;
  url: string;
  description: string | null;
  eventTypes: string[];
  includePersonalData: boolean;
  status: SubscriptionStatus;
  pausedReason: string | null;
  pausedAt: string | null;
  maxInFlight: number;
  consecutiveFailures: number;
  secretRotatedAt: string | null;
  previousSecretExpiresAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Deliveries waiting (including the ones being retried). */
  backlog: number;
}

interface SubscriptionRow {
  id: string;
  property_id: string | null;
  url: string;
  description: string | null;
  event_types: string[];
  include_personal_data: boolean;
  status: SubscriptionStatus;
  paused_reason: string | null;
  paused_at: Date | null;
  max_in_flight: number;
  consecutive_failures: number;
  secret_rotated_at: Date | null;
  previous_secret_expires_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  backlog: string;
}

export interface NewSubscription {
  id: string;
  propertyId: string | null;
  url: string;
  description: string | null;
  eventTypes: string[];
  includePersonalData: boolean;
  maxInFlight: number;
  sealedSecret: string;
  createdBy: string;
}

export type SubscriptionChanges = Partial<
  Pick<NewSubscription, 'url' | 'description' | 'eventTypes' | 'includePersonalData' | 'maxInFlight'>
>;

const COLUMNS = `s.id, s.property_id, s.url, s.description, s.event_types, s.include_personal_data, s.status,
  s.paused_reason, s.paused_at, s.max_in_flight, s.consecutive_failures, s.secret_rotated_at,
  CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_expires_at END AS previous_secret_expires_at,
  s.created_by, s.created_at, s.updated_at,
  (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'pending') AS backlog`;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    propertyId: row.property_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    includePersonalData: row.include_personal_data,
    status: row.status,
    pausedReason: row.paused_reason,
    pausedAt: iso(row.paused_at),
    maxInFlight: row.max_in_flight,
    consecutiveFailures: row.consecutive_failures,
    secretRotatedAt: iso(row.secret_rotated_at),
    previousSecretExpiresAt: iso(row.previous_secret_expires_at),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    backlog: Number(row.backlog),
  };
}

const BY_ID = new Keyset([{ sql: 's.id', kind: 'uuid' }]);

/** The webhook_subscription table; only the subscriptions feature writes it (the delivery worker counts failures). */
@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(subscription: NewSubscription): Promise<Subscription> {
    await this.dataSource.query(
      `INSERT INTO webhook_subscription (id, property_id, url, description, event_types, include_personal_data, status,
         max_in_flight, secret_ciphertext, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9)`,
      [
        subscription.id,
        subscription.propertyId,
        subscription.url,
        subscription.description,
        subscription.eventTypes,
        subscription.includePersonalData,
        subscription.maxInFlight,
        subscription.sealedSecret,
        subscription.createdBy,
      ],
    );
    return (await this.find(subscription.id, subscription.propertyId))!;
  }

  /** The subscription `id` within a scope: a property's own, or a chain-wide one (`propertyId` null). */
  async find(id: string, propertyId: string | null): Promise<Subscription | undefined> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription s WHERE s.id = $1 AND s.property_id IS NOT DISTINCT FROM $2`,
      [id, propertyId],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async list(propertyId: string | null, limit: number, cursor: string | undefined): Promise<Page<Subscription>> {
    const after = BY_ID.after(cursor, 3);
    const rows: (SubscriptionRow & { page_key: CursorKey })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, ${BY_ID.pageKey} FROM webhook_subscription s
        WHERE s.property_id IS NOT DISTINCT FROM $1 AND ${after.sql}
        ORDER BY ${BY_ID.orderBy} LIMIT $2`,
      [propertyId, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, toSubscription);
  }

  async update(id: string, propertyId: string | null, changes: SubscriptionChanges): Promise<Subscription | undefined> {
    const updated: unknown = await this.dataSource.query(
      `UPDATE webhook_subscription SET
         url = COALESCE($3, url),
         description = CASE WHEN $4::boolean THEN $5 ELSE description END,
         event_types = COALESCE($6, event_types),
         include_personal_data = COALESCE($7, include_personal_data),
         max_in_flight = COALESCE($8, max_in_flight),
         updated_at = now()
       WHERE id = $1 AND property_id IS NOT DISTINCT FROM $2
       RETURNING id`,
      [
        id,
        propertyId,
        changes.url ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.eventTypes ?? null,
        changes.includePersonalData ?? null,
        changes.maxInFlight ?? null,
      ],
    );
    return updatedRows(updated).length > 0 ? this.find(id, propertyId) : undefined;
  }

  async delete(id: string, propertyId: string | null): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM webhook_subscription WHERE id = $1 AND property_id IS NOT DISTINCT FROM $2',
      [id, propertyId],
    );
    return count > 0;
  }

  async pause(id: string, propertyId: string | null): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE webhook_subscription SET status = 'paused', paused_reason = 'manual', paused_at = now(), updated_at = now()
        WHERE id = $1 AND property_id IS NOT DISTINCT FROM $2 AND status = 'active' RETURNING id`,
      [id, propertyId],
    );
    return updatedRows(result).length > 0;
  }

  /** Active again with a clean failure count; every lane with work waiting is due at once. */
  async resume(manager: EntityManager, id: string, propertyId: string | null): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE webhook_subscription SET status = 'active', paused_reason = NULL, paused_at = NULL,
         consecutive_failures = 0, updated_at = now()
        WHERE id = $1 AND property_id IS NOT DISTINCT FROM $2 AND status = 'paused' RETURNING id`,
      [id, propertyId],
    );
    if (updatedRows(result).length === 0) return false;
    await manager.query(
      'UPDATE webhook_lane SET next_attempt_at = now() WHERE subscription_id = $1 AND next_attempt_at IS NOT NULL',
      [id],
    );
    return true;
  }

  /** The new secret signs from now on; the previous one keeps signing beside it until `previousExpiresAt`. */
  async rotateSecret(
    id: string,
    propertyId: string | null,
    sealedSecret: string,
    overlapSeconds: number,
  ): Promise<string | null | undefined> {
    const result: unknown = await this.dataSource.query(
      `UPDATE webhook_subscription SET
         previous_secret_ciphertext = CASE WHEN $4 > 0 THEN secret_ciphertext END,
         previous_secret_expires_at = CASE WHEN $4 > 0 THEN now() + make_interval(secs => $4) END,
         secret_ciphertext = $3, secret_rotated_at = now(), updated_at = now()
       WHERE id = $1 AND property_id IS NOT DISTINCT FROM $2
       RETURNING previous_secret_expires_at`,
      [id, propertyId, sealedSecret, overlapSeconds],
    );
    const [row] = updatedRows<{ previous_secret_expires_at: Date | null }>(result);
    return row ? iso(row.previous_secret_expires_at) : undefined;
  }
}
