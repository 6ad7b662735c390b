import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PriceNight } from './availability-changes';

export interface FeedRange {
  roomTypeId: string;
  from: string;
  to: string;
}

export interface FeedRoomType {
  id: string;
  code: string;
  propertyId: string;
  businessDate: string;
  currency: string;
}

/**
 * Reads what `inventory.availability-changed` carries besides the counts (InventoryService's): room types and prices.
 * It writes nothing (inventory and rates own their tables).
 */
@Injectable()
export class AvailabilityFeedRepository {
  async roomTypes(manager: EntityManager, roomTypeIds: string[]): Promise<FeedRoomType[]> {
    const rows: { id: string; code: string; property_id: string; business_date: string; currency: string }[] =
      await manager.query(
        `SELECT t.id, t.code, t.property_id, p.business_date::text AS business_date, p.currency
           FROM room_type t JOIN property p ON p.id = t.property_id
          WHERE t.id = ANY($1::uuid[])`,
        [roomTypeIds],
      );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      propertyId: row.property_id,
      businessDate: row.business_date,
      currency: row.currency,
    }));
  }

  /**
   * The nightly price of every rate plan of the room type's property over each range: the plan's override for the
   * night, else its price for the room type, else the room type's base rate (as RatePlansService prices a stay).
   */
  async prices(manager: EntityManager, ranges: FeedRange[]): Promise<(PriceNight & { roomTypeId: string })[]> {
    const rows: { room_type_id: string; rate_plan_id: string; code: string; date: string; amount: string }[] =
      await manager.query(
        `SELECT w.room_type_id, p.id AS rate_plan_id, p.code, d.date::text AS date,
                coalesce(o.nightly_minor, pp.nightly_minor, t.base_rate_minor)::text AS amount
           FROM unnest($1::uuid[], $2::date[], $3::date[]) AS w(room_type_id, from_date, to_date)
           JOIN room_type t ON t.id = w.room_type_id
           JOIN rate_plan p ON p.property_id = t.property_id
          CROSS JOIN LATERAL (SELECT w.from_date + n AS date FROM generate_series(0, w.to_date - w.from_date - 1) AS n) d
           LEFT JOIN rate_plan_price pp ON pp.rate_plan_id = p.id AND pp.room_type_id = t.id
           LEFT JOIN rate_plan_override o ON o.rate_plan_id = p.id AND o.room_type_id = t.id AND o.date = d.date
          ORDER BY w.room_type_id, p.code, p.id, d.date`,
        [ranges.map((range) => range.roomTypeId), ranges.map((range) => range.from), ranges.map((range) => range.to)],
      );
    return rows.map((row) => ({
      roomTypeId: row.room_type_id,
      ratePlanId: row.rate_plan_id,
      ratePlanCode: row.code,
      date: row.date,
      amountMinor: Number(row.amount),
    }));
  }
}
