import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AvailabilityNight, ChannelCodes, RateNight } from './ota-push-messages';

export interface MappingUpdate extends ChannelCodes {
  channelId: string;
  propertyId: string;
  channelCode: string;
  active: boolean;
}

export interface EndpointRow {
  channelId: string;
  url: string;
  username: string | null;
  passwordCiphertext: string | null;
  active: boolean;
  updatedBy: string;
  updatedAt: Date;
}

export interface PushLane {
  channelId: string;
  propertyId: string;
  pushedSeq: string;
  failures: number;
}

export interface PushStatusRow {
  propertyId: string;
  hotelCode: string;
  active: boolean;
  failures: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  lastSuccessAt: Date | null;
  pending: boolean;
}

/** The channel-push tables: channel_endpoint, channel_mapping, channel_*_night, channel_push. */
@Injectable()
export class ChannelPushRepository {
  /**
   * Change numbers of one property are taken under its lock, so they are committed in the order they were taken: a
   * push that saw change N has seen every earlier change of that property (none can commit later with a lower N).
   */
  async lockProperties(manager: EntityManager, propertyIds: string[]): Promise<void> {
    const unique = [...new Set(propertyIds)].sort();
    if (unique.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('channel-feed:' || p, 0))
         FROM unnest($1::text[]) WITH ORDINALITY AS u(p, n) ORDER BY n`,
      [unique],
    );
  }

  /** Latest state wins: the batch is in partition order and `nights` keeps the last value per night. */
  async upsertAvailability(manager: EntityManager, propertyIds: string[], nights: AvailabilityNight[]): Promise<void> {
    if (nights.length === 0) return;
    await manager.query(
      `INSERT INTO channel_availability_night (room_type_id, date, property_id, available, change_seq)
       SELECT n.room_type_id, n.date, n.property_id, n.available, nextval('channel_change_seq')
         FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::int[]) AS n(room_type_id, date, property_id, available)
       ON CONFLICT (room_type_id, date)
       DO UPDATE SET available = EXCLUDED.available, property_id = EXCLUDED.property_id, change_seq = EXCLUDED.change_seq`,
      [
        nights.map((night) => night.roomTypeId),
        nights.map((night) => night.date),
        propertyIds,
        nights.map((night) => night.available),
      ],
    );
  }

  async upsertRates(manager: EntityManager, propertyIds: string[], nights: RateNight[]): Promise<void> {
    if (nights.length === 0) return;
    await manager.query(
      `INSERT INTO channel_rate_night (room_type_id, rate_plan_id, date, property_id, amount_minor, currency, change_seq)
       SELECT n.room_type_id, n.rate_plan_id, n.date, n.property_id, n.amount_minor, n.currency, nextval('channel_change_seq')
         FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::uuid[], $5::bigint[], $6::text[])
              AS n(room_type_id, rate_plan_id, date, property_id, amount_minor, currency)
       ON CONFLICT (room_type_id, rate_plan_id, date)
       DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
                     property_id = EXCLUDED.property_id, change_seq = EXCLUDED.change_seq`,
      [
        nights.map((night) => night.roomTypeId),
        nights.map((night) => night.ratePlanId),
        nights.map((night) => night.date),
        propertyIds,
        nights.map((night) => night.amountMinor),
        nights.map((night) => night.currency),
      ],
    );
  }

  /**
   * Keeps the latest mapping per (channel, property). A new or changed mapping pushes everything known again (its
   * codes may have changed); a removed one stops the lane.
   */
  async applyMappings(manager: EntityManager, mappings: MappingUpdate[]): Promise<void> {
    if (mappings.length === 0) return;
    await manager.query(
      `INSERT INTO channel_mapping (channel_id, property_id, channel_code, hotel_code, room_types, rate_plans, active)
       SELECT m.channel_id, m.property_id, m.channel_code, m.hotel_code, m.room_types, m.rate_plans, m.active
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::boolean[])
              AS m(channel_id, property_id, channel_code, hotel_code, room_types, rate_plans, active)
       ON CONFLICT (channel_id, property_id)
       DO UPDATE SET channel_code = EXCLUDED.channel_code, hotel_code = EXCLUDED.hotel_code,
                     room_types = EXCLUDED.room_types, rate_plans = EXCLUDED.rate_plans, active = EXCLUDED.active,
                     updated_at = now()`,
      [
        mappings.map((mapping) => mapping.channelId),
        mappings.map((mapping) => mapping.propertyId),
        mappings.map((mapping) => mapping.channelCode),
        mappings.map((mapping) => mapping.hotelCode),
        mappings.map((mapping) => JSON.stringify(mapping.roomTypes)),
        mappings.map((mapping) => JSON.stringify(mapping.ratePlans)),
        mappings.map((mapping) => mapping.active),
      ],
    );
    const active = mappings.filter((mapping) => mapping.active);
    const removed = mappings.filter((mapping) => !mapping.active);
    await manager.query(
      `INSERT INTO channel_push (channel_id, property_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])
       ON CONFLICT (channel_id, property_id)
       DO UPDATE SET pushed_seq = 0, failures = 0, next_attempt_at = now()`,
      [active.map((mapping) => mapping.channelId), active.map((mapping) => mapping.propertyId)],
    );
    await manager.query(
      `DELETE FROM channel_push p USING unnest($1::uuid[], $2::uuid[]) AS r(channel_id, property_id)
        WHERE p.channel_id = r.channel_id AND p.property_id = r.property_id`,
      [removed.map((mapping) => mapping.channelId), removed.map((mapping) => mapping.propertyId)],
    );
  }

  /**
   * Claims lanes with something new to push (a change after `pushed_seq`), due, unleased, of an active endpoint and
   * mapping; SKIP LOCKED so instances share the work and a lane is pushed by one at a time.
   */
  async claimDue(manager: EntityManager, limit: number, leaseMs: number): Promise<PushLane[]> {
    const [rows]: [{ channel_id: string; property_id: string; pushed_seq: string; failures: number }[], number] =
      await manager.query(
        `UPDATE channel_push p SET lease_until = now() + make_interval(secs => $2::double precision / 1000)
           FROM (SELECT l.channel_id, l.property_id FROM channel_push l
                   JOIN channel_endpoint e ON e.channel_id = l.channel_id AND e.active
                   JOIN channel_mapping m ON m.channel_id = l.channel_id AND m.property_id = l.property_id AND m.active
                  WHERE l.next_attempt_at <= now() AND (l.lease_until IS NULL OR l.lease_until < now())
                    AND (EXISTS (SELECT 1 FROM channel_availability_night n
                                  WHERE n.property_id = l.property_id AND n.change_seq > l.pushed_seq)
                      OR EXISTS (SELECT 1 FROM channel_rate_night r
                                  WHERE r.property_id = l.property_id AND r.change_seq > l.pushed_seq))
                  ORDER BY l.next_attempt_at
                  LIMIT $1
                  FOR UPDATE OF l SKIP LOCKED) due
          WHERE p.channel_id = due.channel_id AND p.property_id = due.property_id
          RETURNING p.channel_id, p.property_id, p.pushed_seq::text AS pushed_seq, p.failures`,
        [limit, leaseMs],
      );
    return rows.map((row) => ({
      channelId: row.channel_id,
      propertyId: row.property_id,
      pushedSeq: row.pushed_seq,
      failures: row.failures,
    }));
  }

  async lastChange(manager: EntityManager, propertyId: string): Promise<string> {
    const [row]: { seq: string | null }[] = await manager.query(
      `SELECT greatest((SELECT max(change_seq) FROM channel_availability_night WHERE property_id = $1),
                       (SELECT max(change_seq) FROM channel_rate_night WHERE property_id = $1))::text AS seq`,
      [propertyId],
    );
    return row?.seq ?? '0';
  }

  /** Nights of the property that changed in (after, upTo], of the given room types, by room type then date. */
  async changedAvailability(
    manager: EntityManager,
    propertyId: string,
    roomTypeIds: string[],
    after: string,
    upTo: string,
  ): Promise<AvailabilityNight[]> {
    const rows: { room_type_id: string; date: string; available: number }[] = await manager.query(
      `SELECT room_type_id, date::text AS date, available FROM channel_availability_night
        WHERE property_id = $1 AND room_type_id = ANY($2::uuid[]) AND change_seq > $3 AND change_seq <= $4
          AND date >= current_date - 1
        ORDER BY room_type_id, date`,
      [propertyId, roomTypeIds, after, upTo],
    );
    return rows.map((row) => ({ roomTypeId: row.room_type_id, date: row.date, available: row.available }));
  }

  async changedRates(
    manager: EntityManager,
    propertyId: string,
    roomTypeIds: string[],
    ratePlanIds: string[],
    after: string,
    upTo: string,
  ): Promise<RateNight[]> {
    const rows: { room_type_id: string; rate_plan_id: string; date: string; amount_minor: string; currency: string }[] =
      await manager.query(
        `SELECT room_type_id, rate_plan_id, date::text AS date, amount_minor::text AS amount_minor, currency
           FROM channel_rate_night
          WHERE property_id = $1 AND room_type_id = ANY($2::uuid[]) AND rate_plan_id = ANY($3::uuid[])
            AND change_seq > $4 AND change_seq <= $5 AND date >= current_date - 1
          ORDER BY room_type_id, rate_plan_id, date`,
        [propertyId, roomTypeIds, ratePlanIds, after, upTo],
      );
    return rows.map((row) => ({
      roomTypeId: row.room_type_id,
      ratePlanId: row.rate_plan_id,
      date: row.date,
      amountMinor: Number(row.amount_minor),
      currency: row.currency,
    }));
  }

  async mapping(manager: EntityManager, channelId: string, propertyId: string): Promise<ChannelCodes | undefined> {
    const rows: { hotel_code: string; room_types: ChannelCodes['roomTypes']; rate_plans: ChannelCodes['ratePlans'] }[] =
      await manager.query(
        `SELECT hotel_code, room_types, rate_plans FROM channel_mapping
          WHERE channel_id = $1 AND property_id = $2 AND active`,
        [channelId, propertyId],
      );
    return rows[0]
      ? { hotelCode: rows[0].hotel_code, roomTypes: rows[0].room_types, ratePlans: rows[0].rate_plans }
      : undefined;
  }

  async pushed(manager: EntityManager, lane: PushLane, upTo: string, statusCode: number | null): Promise<void> {
    await manager.query(
      `UPDATE channel_push SET pushed_seq = greatest(pushed_seq, $3::bigint), failures = 0, lease_until = NULL,
              last_attempt_at = now(), last_success_at = now(), last_status = $4, last_error = NULL
        WHERE channel_id = $1 AND property_id = $2`,
      [lane.channelId, lane.propertyId, upTo, statusCode],
    );
  }

  async failed(
    manager: EntityManager,
    lane: PushLane,
    retryInMs: number,
    statusCode: number | null,
    error: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE channel_push SET failures = failures + 1, lease_until = NULL,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
              last_attempt_at = now(), last_status = $4, last_error = $5
        WHERE channel_id = $1 AND property_id = $2`,
      [lane.channelId, lane.propertyId, retryInMs, statusCode, error.slice(0, 1000)],
    );
  }

  async endpoint(manager: EntityManager, channelId: string): Promise<EndpointRow | undefined> {
    const rows: {
      channel_id: string;
      url: string;
      username: string | null;
      password_ciphertext: string | null;
      active: boolean;
      updated_by: string;
      updated_at: Date;
    }[] = await manager.query('SELECT * FROM channel_endpoint WHERE channel_id = $1', [channelId]);
    const row = rows[0];
    return row
      ? {
          channelId: row.channel_id,
          url: row.url,
          username: row.username,
          passwordCiphertext: row.password_ciphertext,
          active: row.active,
          updatedBy: row.updated_by,
          updatedAt: row.updated_at,
        }
      : undefined;
  }

  async saveEndpoint(manager: EntityManager, endpoint: Omit<EndpointRow, 'updatedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO channel_endpoint (channel_id, url, username, password_ciphertext, active, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_id) DO UPDATE SET url = EXCLUDED.url, username = EXCLUDED.username,
              password_ciphertext = EXCLUDED.password_ciphertext, active = EXCLUDED.active,
              updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        endpoint.channelId,
        endpoint.url,
        endpoint.username,
        endpoint.passwordCiphertext,
        endpoint.active,
        endpoint.updatedBy,
      ],
    );
    // A new or resumed endpoint retries at once.
    await manager.query('UPDATE channel_push SET next_attempt_at = now(), failures = 0 WHERE channel_id = $1', [
      endpoint.channelId,
    ]);
  }

  async pushStatus(manager: EntityManager, channelId: string): Promise<PushStatusRow[]> {
    const rows: {
      property_id: string;
      hotel_code: string;
      active: boolean;
      failures: number | null;
      next_attempt_at: Date | null;
      last_attempt_at: Date | null;
      last_status: number | null;
      last_error: string | null;
      last_success_at: Date | null;
      pending: boolean;
    }[] = await manager.query(
      `SELECT m.property_id, m.hotel_code, m.active, p.failures, p.next_attempt_at, p.last_attempt_at, p.last_status,
              p.last_error, p.last_success_at,
              (p.channel_id IS NOT NULL AND (
                 EXISTS (SELECT 1 FROM channel_availability_night n
                          WHERE n.property_id = m.property_id AND n.change_seq > p.pushed_seq)
                 OR EXISTS (SELECT 1 FROM channel_rate_night r
                             WHERE r.property_id = m.property_id AND r.change_seq > p.pushed_seq))) AS pending
         FROM channel_mapping m
         LEFT JOIN channel_push p ON p.channel_id = m.channel_id AND p.property_id = m.property_id
        WHERE m.channel_id = $1
        ORDER BY m.hotel_code`,
      [channelId],
    );
    return rows.map((row) => ({
      propertyId: row.property_id,
      hotelCode: row.hotel_code,
      active: row.active,
      failures: row.failures ?? 0,
      nextAttemptAt: row.next_attempt_at,
      lastAttemptAt: row.last_attempt_at,
      lastStatus: row.last_status,
      lastError: row.last_error,
      lastSuccessAt: row.last_success_at,
      pending: row.pending,
    }));
  }

  async lanesByChannel(manager: EntityManager): Promise<{ channelId: string; pending: number; failing: number }[]> {
    const rows: { channel_id: string; pending: number; failing: number }[] = await manager.query(
      `SELECT p.channel_id,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM channel_availability_night n
                                              WHERE n.property_id = p.property_id AND n.change_seq > p.pushed_seq)
                                  OR EXISTS (SELECT 1 FROM channel_rate_night r
                                              WHERE r.property_id = p.property_id AND r.change_seq > p.pushed_seq))::int
                AS pending,
              count(*) FILTER (WHERE p.failures > 0)::int AS failing
         FROM channel_push p GROUP BY p.channel_id`,
    );
    return rows.map((row) => ({ channelId: row.channel_id, pending: row.pending, failing: row.failing }));
  }
}
