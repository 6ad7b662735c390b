import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OtaAction } from './ota-message';

export interface ChannelRow {
  id: string;
  code: string;
  name: string;
  keyHash: string;
  previousKeyHash: string | null;
  previousKeyValidUntil: Date | null;
  active: boolean;
  createdAt: Date;
  keyRotatedAt: Date | null;
}

export interface PropertyMapping {
  channelId: string;
  propertyId: string;
  hotelCode: string;
  roomTypes: { code: string; roomTypeId: string }[];
  ratePlans: { code: string; ratePlanId: string }[];
  updatedBy: string;
  updatedAt: Date;
}

export interface ChannelBookingRow {
  reservationId: string;
  lastAction: OtaAction;
  lastDigest: string;
}

interface ChannelRecord {
  id: string;
  code: string;
  name: string;
  key_hash: string;
  previous_key_hash: string | null;
  previous_key_valid_until: Date | null;
  active: boolean;
  created_at: Date;
  key_rotated_at: Date | null;
}

const toChannel = (row: ChannelRecord): ChannelRow => ({
  id: row.id,
  code: row.code,
  name: row.name,
  keyHash: row.key_hash,
  previousKeyHash: row.previous_key_hash,
  previousKeyValidUntil: row.previous_key_valid_until,
  active: row.active,
  createdAt: row.created_at,
  keyRotatedAt: row.key_rotated_at,
});

/** The channels feature's tables: channel, channel_property, channel_room_type, channel_rate_plan, channel_booking. */
@Injectable()
export class ChannelsRepository {
  async insertChannel(
    manager: EntityManager,
    channel: { code: string; name: string; keyHash: string; createdBy: string },
  ): Promise<ChannelRow> {
    const [row]: ChannelRecord[] = await manager.query(
      `INSERT INTO channel (code, name, key_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING *`,
      [channel.code, channel.name, channel.keyHash, channel.createdBy],
    );
    return toChannel(row);
  }

  async channels(manager: EntityManager): Promise<ChannelRow[]> {
    const rows: ChannelRecord[] = await manager.query('SELECT * FROM channel ORDER BY code');
    return rows.map(toChannel);
  }

  async channel(manager: EntityManager, id: string, lock = false): Promise<ChannelRow | undefined> {
    const rows: ChannelRecord[] = await manager.query(
      `SELECT * FROM channel WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toChannel(rows[0]) : undefined;
  }

  async channelByCode(manager: EntityManager, code: string): Promise<ChannelRow | undefined> {
    const rows: ChannelRecord[] = await manager.query('SELECT * FROM channel WHERE code = $1', [code]);
    return rows[0] ? toChannel(rows[0]) : undefined;
  }

  async rotateKey(manager: EntityManager, id: string, keyHash: string, overlapSeconds: number): Promise<ChannelRow> {
    const [[row]]: [ChannelRecord[], number] = await manager.query(
      `UPDATE channel
          SET previous_key_hash = CASE WHEN $3::int > 0 THEN key_hash END,
              previous_key_valid_until = CASE WHEN $3::int > 0 THEN now() + make_interval(secs => $3::int) END,
              key_hash = $2, key_rotated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, keyHash, overlapSeconds],
    );
    return toChannel(row);
  }

  async setActive(manager: EntityManager, id: string, active: boolean): Promise<ChannelRow> {
    const [[row]]: [ChannelRecord[], number] = await manager.query(
      'UPDATE channel SET active = $2 WHERE id = $1 RETURNING *',
      [id, active],
    );
    return toChannel(row);
  }

  /** Replaces the channel's whole mapping of the property (hotel code, room type and rate plan codes). */
  async replaceMapping(manager: EntityManager, mapping: Omit<PropertyMapping, 'updatedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO channel_property (channel_id, property_id, hotel_code, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel_id, property_id)
       DO UPDATE SET hotel_code = EXCLUDED.hotel_code, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [mapping.channelId, mapping.propertyId, mapping.hotelCode, mapping.updatedBy],
    );
    await manager.query('DELETE FROM channel_room_type WHERE channel_id = $1 AND property_id = $2', [
      mapping.channelId,
      mapping.propertyId,
    ]);
    await manager.query('DELETE FROM channel_rate_plan WHERE channel_id = $1 AND property_id = $2', [
      mapping.channelId,
      mapping.propertyId,
    ]);
    await manager.query(
      `INSERT INTO channel_room_type (channel_id, property_id, code, room_type_id)
       SELECT $1, $2, m.code, m.id FROM unnest($3::text[], $4::uuid[]) AS m(code, id)`,
      [
        mapping.channelId,
        mapping.propertyId,
        mapping.roomTypes.map((entry) => entry.code),
        mapping.roomTypes.map((entry) => entry.roomTypeId),
      ],
    );
    await manager.query(
      `INSERT INTO channel_rate_plan (channel_id, property_id, code, rate_plan_id)
       SELECT $1, $2, m.code, m.id FROM unnest($3::text[], $4::uuid[]) AS m(code, id)`,
      [
        mapping.channelId,
        mapping.propertyId,
        mapping.ratePlans.map((entry) => entry.code),
        mapping.ratePlans.map((entry) => entry.ratePlanId),
      ],
    );
  }

  async deleteMapping(manager: EntityManager, channelId: string, propertyId: string): Promise<boolean> {
    // UPDATE and DELETE answer [rows, affected] through TypeORM's query().
    const [, affected]: [unknown[], number] = await manager.query(
      'DELETE FROM channel_property WHERE channel_id = $1 AND property_id = $2',
      [channelId, propertyId],
    );
    return affected > 0;
  }

  /** The property's mappings, one per channel (or the one channel's), codes sorted. */
  async mappings(
    manager: EntityManager,
    filter: { propertyId?: string; channelId?: string; hotelCode?: string },
  ): Promise<PropertyMapping[]> {
    const rows: {
      channel_id: string;
      property_id: string;
      hotel_code: string;
      updated_by: string;
      updated_at: Date;
      room_types: { code: string; roomTypeId: string }[];
      rate_plans: { code: string; ratePlanId: string }[];
    }[] = await manager.query(
      `SELECT cp.channel_id, cp.property_id, cp.hotel_code, cp.updated_by, cp.updated_at,
              coalesce((SELECT json_agg(json_build_object('code', rt.code, 'roomTypeId', rt.room_type_id) ORDER BY rt.code)
                          FROM channel_room_type rt
                         WHERE rt.channel_id = cp.channel_id AND rt.property_id = cp.property_id), '[]') AS room_types,
              coalesce((SELECT json_agg(json_build_object('code', rp.code, 'ratePlanId', rp.rate_plan_id) ORDER BY rp.code)
                          FROM channel_rate_plan rp
                         WHERE rp.channel_id = cp.channel_id AND rp.property_id = cp.property_id), '[]') AS rate_plans
         FROM channel_property cp
        WHERE ($1::uuid IS NULL OR cp.property_id = $1::uuid)
          AND ($2::uuid IS NULL OR cp.channel_id = $2::uuid)
          AND ($3::text IS NULL OR cp.hotel_code = $3::text)
        ORDER BY cp.channel_id, cp.property_id`,
      [filter.propertyId ?? null, filter.channelId ?? null, filter.hotelCode ?? null],
    );
    return rows.map((row) => ({
      channelId: row.channel_id,
      propertyId: row.property_id,
      hotelCode: row.hotel_code,
      roomTypes: row.room_types,
      ratePlans: row.rate_plans,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    }));
  }

  /** Which of these ids are room types / rate plans of the property (a mapping never points into another hotel). */
  async ownIds(
    manager: EntityManager,
    propertyId: string,
    roomTypeIds: string[],
    ratePlanIds: string[],
  ): Promise<{ roomTypes: Set<string>; ratePlans: Set<string> }> {
    const rows: { kind: 'room_type' | 'rate_plan'; id: string }[] = await manager.query(
      `SELECT 'room_type' AS kind, id FROM room_type WHERE property_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT 'rate_plan' AS kind, id FROM rate_plan WHERE property_id = $1 AND id = ANY($3::uuid[])`,
      [propertyId, roomTypeIds, ratePlanIds],
    );
    return {
      roomTypes: new Set(rows.filter((row) => row.kind === 'room_type').map((row) => row.id)),
      ratePlans: new Set(rows.filter((row) => row.kind === 'rate_plan').map((row) => row.id)),
    };
  }

  /** Serialises the messages about one channel booking (a replay arriving while the first is being booked waits). */
  async lockBooking(
    manager: EntityManager,
    channelId: string,
    propertyId: string,
    channelReservationId: string,
  ): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `channel-booking:${channelId}:${propertyId}:${channelReservationId}`,
    ]);
  }

  async booking(
    manager: EntityManager,
    channelId: string,
    propertyId: string,
    channelReservationId: string,
  ): Promise<ChannelBookingRow | undefined> {
    const rows: { reservation_id: string; last_action: OtaAction; last_digest: string }[] = await manager.query(
      `SELECT reservation_id, last_action, last_digest FROM channel_booking
        WHERE channel_id = $1 AND property_id = $2 AND channel_reservation_id = $3`,
      [channelId, propertyId, channelReservationId],
    );
    return rows[0]
      ? { reservationId: rows[0].reservation_id, lastAction: rows[0].last_action, lastDigest: rows[0].last_digest }
      : undefined;
  }

  async recordBooking(
    manager: EntityManager,
    booking: {
      channelId: string;
      propertyId: string;
      channelReservationId: string;
      reservationId: string;
      action: OtaAction;
      digest: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO channel_booking (channel_id, property_id, channel_reservation_id, reservation_id, last_action, last_digest)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_id, property_id, channel_reservation_id)
       DO UPDATE SET last_action = EXCLUDED.last_action, last_digest = EXCLUDED.last_digest, updated_at = now()`,
      [
        booking.channelId,
        booking.propertyId,
        booking.channelReservationId,
        booking.reservationId,
        booking.action,
        booking.digest,
      ],
    );
  }
}
