import type { VipLevel } from '@frontoffice/contracts';
import type { EntityManager } from 'typeorm';

/** What a booking needs to know before it writes, read in one round trip (see `bookingContext`). */
export interface BookingContext {
  propertyFound: boolean;
  currency: string;
  businessDate: string;
  roomType: { id: string; code: string; maxOccupancy: number; baseRateMinor: number } | undefined;
  /** The rate plan the stay is priced on: the one asked for, else the property's default; undefined when none. */
  ratePlan: { id: string; nightlyMinor: number | null; overrides: Map<string, number> } | undefined;
}

interface BookingContextRow {
  currency: string;
  business_date: string;
  room_type_id: string | null;
  room_type_code: string | null;
  max_occupancy: number | null;
  base_rate_minor: string | null;
  rate_plan_id: string | null;
  nightly_minor: string | null;
  overrides: { date: string; nightlyMinor: string }[] | null;
}

/** The reservation row as the booking inserts it. */
export interface NewReservationRow {
  id: string;
  propertyId: string;
  confirmationNumber: string;
  roomTypeId: string;
  arrival: string;
  departure: string;
  adults: number;
  children: number;
  guestId: string | null;
  guestFirstName: string;
  guestLastName: string;
  guestEmail: string | null;
  guestPhone: string | null;
  guestLanguage: string | null;
  guestVipLevel: VipLevel;
  source: string | null;
  notes: string | null;
  currency: string;
  totalPriceMinor: number;
  nights: { date: string; amountMinor: number }[];
  groupBlockId: string | null;
  ratePlanId: string | null;
  createdBy: string;
}

/**
 * The booking hot path's SQL (the reservations feature owns `reservation`; property, room type and rate plans are
 * only read here): plain parameterised statements, no ORM, as few round trips as the booking allows.
 */
export const reservationsRepository = {
  /** Property, room type and the stay's rate plan price with its overrides for these nights, in one query. */
  async bookingContext(
    manager: EntityManager,
    propertyId: string,
    roomTypeId: string,
    nights: string[],
    ratePlanId: string | null,
  ): Promise<BookingContext> {
    const rows = (await manager.query(
      `SELECT p.currency, p.business_date::text AS business_date,
              t.id AS room_type_id, t.code AS room_type_code, t.max_occupancy, t.base_rate_minor,
              rp.id AS rate_plan_id, price.nightly_minor, overrides.list AS overrides
         FROM property p
         LEFT JOIN room_type t ON t.id = $2 AND t.property_id = p.id
         LEFT JOIN LATERAL (
           SELECT id FROM rate_plan
            WHERE property_id = p.id AND (CASE WHEN $4::uuid IS NULL THEN is_default ELSE id = $4::uuid END)
            LIMIT 1) rp ON true
         LEFT JOIN rate_plan_price price ON price.rate_plan_id = rp.id AND price.room_type_id = t.id
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('date', o.date::text, 'nightlyMinor', o.nightly_minor::text)) AS list
             FROM rate_plan_override o
            WHERE o.rate_plan_id = rp.id AND o.room_type_id = t.id AND o.date = ANY($3::date[])) overrides ON true
        WHERE p.id = $1`,
      [propertyId, roomTypeId, nights, ratePlanId],
    )) as BookingContextRow[];
    const row = rows[0];
    if (!row) return { propertyFound: false, currency: '', businessDate: '', roomType: undefined, ratePlan: undefined };
    return {
      propertyFound: true,
      currency: row.currency.trim(),
      businessDate: row.business_date,
      roomType: row.room_type_id
        ? {
            id: row.room_type_id,
            code: row.room_type_code!,
            maxOccupancy: Number(row.max_occupancy),
            baseRateMinor: Number(row.base_rate_minor),
          }
        : undefined,
      ratePlan: row.rate_plan_id
        ? {
            id: row.rate_plan_id,
            nightlyMinor: row.nightly_minor === null ? null : Number(row.nightly_minor),
            overrides: new Map((row.overrides ?? []).map((override) => [override.date, Number(override.nightlyMinor)])),
          }
        : undefined,
    };
  },

  async insert(manager: EntityManager, row: NewReservationRow): Promise<void> {
    await manager.query(
      `INSERT INTO reservation (id, property_id, confirmation_number, status, room_type_id, arrival, departure, adults,
         children, guest_id, guest_first_name, guest_last_name, guest_email, guest_phone, guest_language,
         guest_vip_level, source, notes, currency, total_price_minor, nights, group_block_id, rate_plan_id, created_by)
       VALUES ($1, $2, $3, 'confirmed', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
         $21, $22, $23)`,
      [
        row.id,
        row.propertyId,
        row.confirmationNumber,
        row.roomTypeId,
        row.arrival,
        row.departure,
        row.adults,
        row.children,
        row.guestId,
        row.guestFirstName,
        row.guestLastName,
        row.guestEmail,
        row.guestPhone,
        row.guestLanguage,
        row.guestVipLevel,
        row.source,
        row.notes,
        row.currency,
        row.totalPriceMinor,
        JSON.stringify(row.nights),
        row.groupBlockId,
        row.ratePlanId,
        row.createdBy,
      ],
    );
  },
};
