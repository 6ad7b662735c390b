import { Injectable } from '@nestjs/common';
import { ConflictError } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import { noteNightsChanged } from '../availability-feed/availability-changes';
import { available, firstShortNight, lockOrder, NightCounts } from './inventory-arithmetic';

export interface HoldOptions {
  /** Pick the rooms up from this group block where it still holds rooms for the night. */
  groupBlockId?: string;
}

export interface BlockNight {
  date: string;
  rooms: number;
}

export interface AvailabilityRow extends NightCounts {
  roomTypeId: string;
  available: number;
}

interface InventoryRow {
  date: string;
  booked: number;
  blocked: number;
}

interface BlockNightRow {
  date: string;
  rooms: number;
  picked_up: number;
  released: number;
}

function assertInTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('Inventory changes must run inside the transaction of the change that needs them');
  }
}

/**
 * Rooms per (room type, night). One `inventory_night` row per pair counts what is booked and what group blocks
 * hold; every change locks the rows it touches (SELECT ... FOR UPDATE, always in (room type, date) order, so
 * concurrent bookings queue instead of deadlocking) and re-checks capacity under the lock. That row lock, not
 * application timing, is what makes overselling impossible.
 */
@Injectable()
export class InventoryService {
  /**
   * Takes one room of the type for each night. With a group block, nights the block still holds are picked up from
   * it; other nights come from general inventory. Throws 409 `sold-out` naming the first night that has no room.
   */
  async hold(
    manager: EntityManager,
    propertyId: string,
    roomTypeId: string,
    nights: string[],
    options: HoldOptions = {},
  ): Promise<void> {
    // Every inventory change tells the availability feed which nights it touched; the feed publishes at commit.
    noteNightsChanged(manager, propertyId, roomTypeId, nights);
    assertInTransaction(manager);
    const dates = lockOrder(nights);
    if (dates.length === 0) return;
    if (!options.groupBlockId) return this.holdGeneral(manager, propertyId, roomTypeId, dates);
    const fromBlock = options.groupBlockId
      ? await this.pickUpFromBlock(manager, options.groupBlockId, roomTypeId, dates)
      : new Set<string>();
    const general = dates.filter((date) => !fromBlock.has(date));
    const rows = await this.lockRows(manager, propertyId, roomTypeId, dates);
    if (general.length > 0) {
      const counts = await this.counts(
        manager,
        roomTypeId,
        rows.filter((row) => general.includes(row.date)),
      );
      const short = firstShortNight(counts);
      if (short !== undefined) {
        throw new ConflictError('sold-out', `No room of this type is left for the night of ${short}`, {
          roomTypeId,
          date: short,
        });
      }
    }
    await manager.query(
      `UPDATE inventory_night
          SET booked = booked + 1,
              blocked = blocked - CASE WHEN date = ANY($3::date[]) THEN 1 ELSE 0 END,
              updated_at = now()
        WHERE room_type_id = $1 AND date = ANY($2::date[])`,
      [roomTypeId, dates, [...fromBlock]],
    );
  }

  /**
   * The booking hot path in one statement: creates missing night rows, or locks existing ones (in date order, like
   * every other lock here) and re-checks capacity on the locked row version before counting the room. A night that
   * has no room left comes back missing from RETURNING, and the caller's transaction rolls back with 409.
   */
  private async holdGeneral(manager: EntityManager, propertyId: string, roomTypeId: string, dates: string[]) {
    const held = (await manager.query(
      `WITH capacity AS (
         SELECT d.date,
                greatest(0, type.rooms - (SELECT count(*) FROM room r
                  WHERE r.room_type_id = $2 AND r.out_of_order_from IS NOT NULL AND r.out_of_order_from <= d.date
                    AND (r.out_of_order_to IS NULL OR r.out_of_order_to >= d.date))) + type.allowance AS sellable
           FROM unnest($3::date[]) AS d(date),
                (SELECT (SELECT count(*) FROM room r WHERE r.room_type_id = $2) AS rooms, t.overbooking_allowance AS allowance
                   FROM room_type t WHERE t.id = $2 AND t.property_id = $1) AS type)
       INSERT INTO inventory_night AS night (property_id, room_type_id, date, booked)
       SELECT $1, $2, c.date, 1 FROM capacity c WHERE c.sellable >= 1 ORDER BY c.date
       ON CONFLICT (room_type_id, date) DO UPDATE SET booked = night.booked + 1, updated_at = now()
         WHERE night.booked + night.blocked < (SELECT c.sellable FROM capacity c WHERE c.date = night.date)
       RETURNING night.date::text AS date`,
      [propertyId, roomTypeId, dates],
    )) as { date: string }[];
    if (held.length === dates.length) return;
    const got = new Set(held.map((row) => row.date));
    const short = dates.find((date) => !got.has(date))!;
    throw new ConflictError('sold-out', `No room of this type is left for the night of ${short}`, {
      roomTypeId,
      date: short,
    });
  }

  /**
   * Gives one room of the type back for each night (cancellation, no-show, shortened stay, room-type change). With
   * a group block that is still active, the room goes back to the block rather than to general sale.
   */
  async release(
    manager: EntityManager,
    propertyId: string,
    roomTypeId: string,
    nights: string[],
    options: HoldOptions = {},
  ): Promise<void> {
    noteNightsChanged(manager, propertyId, roomTypeId, nights);
    assertInTransaction(manager);
    const dates = lockOrder(nights);
    if (dates.length === 0) return;
    let toBlock: string[] = [];
    if (options.groupBlockId) {
      await this.lockBlockNights(manager, options.groupBlockId, dates);
      const returned: { date: string }[] = await manager.query(
        `UPDATE group_block_night n SET picked_up = n.picked_up - 1
           FROM group_block b
          WHERE b.id = n.group_block_id AND b.id = $1 AND b.status = 'active' AND b.room_type_id = $2
            AND n.date = ANY($3::date[]) AND n.picked_up > 0
          RETURNING n.date::text AS date`,
        [options.groupBlockId, roomTypeId, dates],
      );
      toBlock = returned.map((row) => row.date);
    }
    const rows = await this.lockRows(manager, propertyId, roomTypeId, dates);
    const empty = rows.find((row) => row.booked < 1);
    if (empty) {
      throw new ConflictError('nothing-to-release', `No room of this type is booked for the night of ${empty.date}`, {
        roomTypeId,
        date: empty.date,
      });
    }
    await manager.query(
      `UPDATE inventory_night
          SET booked = booked - 1,
              blocked = blocked + CASE WHEN date = ANY($3::date[]) THEN 1 ELSE 0 END,
              updated_at = now()
        WHERE room_type_id = $1 AND date = ANY($2::date[])`,
      [roomTypeId, dates, toBlock],
    );
  }

  /** Holds rooms for a group block: all or nothing, 409 `sold-out` naming the first night that is short. */
  async block(manager: EntityManager, propertyId: string, roomTypeId: string, nights: BlockNight[]): Promise<void> {
    noteNightsChanged(
      manager,
      propertyId,
      roomTypeId,
      nights.map((night) => night.date),
    );
    assertInTransaction(manager);
    const wanted = new Map(nights.map((night) => [night.date, night.rooms]));
    const rows = await this.lockRows(manager, propertyId, roomTypeId, [...wanted.keys()]);
    const counts = await this.counts(manager, roomTypeId, rows);
    const short = counts.find((night) => available(night) < (wanted.get(night.date) ?? 0));
    if (short) {
      throw new ConflictError(
        'sold-out',
        `Only ${available(short)} room(s) of this type are left for the night of ${short.date}`,
        { roomTypeId, date: short.date, available: available(short) },
      );
    }
    await this.addBlocked(manager, roomTypeId, nights, 1);
  }

  /** Returns rooms a group block held (and did not pick up) to general inventory. */
  async unblock(manager: EntityManager, propertyId: string, roomTypeId: string, nights: BlockNight[]): Promise<void> {
    noteNightsChanged(
      manager,
      propertyId,
      roomTypeId,
      nights.map((night) => night.date),
    );
    assertInTransaction(manager);
    await this.lockRows(
      manager,
      propertyId,
      roomTypeId,
      nights.map((night) => night.date),
    );
    await this.addBlocked(manager, roomTypeId, nights, -1);
  }

  /**
   * Locks the rows of several room types in the global (room type, date) order. Call it first in a transaction
   * that releases some nights and holds others (a change of dates or room type), so it cannot deadlock another.
   */
  async lockAll(
    manager: EntityManager,
    propertyId: string,
    wanted: { roomTypeId: string; nights: string[] }[],
    options: HoldOptions = {},
  ) {
    assertInTransaction(manager);
    if (options.groupBlockId) {
      await this.lockBlockNights(
        manager,
        options.groupBlockId,
        wanted.flatMap((entry) => entry.nights),
      );
    }
    const byType = new Map<string, string[]>();
    for (const { roomTypeId, nights } of wanted) byType.set(roomTypeId, [...(byType.get(roomTypeId) ?? []), ...nights]);
    for (const roomTypeId of [...byType.keys()].sort()) {
      await this.lockRows(manager, propertyId, roomTypeId, byType.get(roomTypeId)!);
    }
  }

  /** Counts and availability per room type and night over [from, to), without locking. */
  async availability(
    manager: EntityManager,
    propertyId: string,
    from: string,
    to: string,
    roomTypeId?: string,
  ): Promise<AvailabilityRow[]> {
    const rows: {
      room_type_id: string;
      date: string;
      rooms: number;
      out_of_order: number;
      allowance: number;
      booked: number;
      blocked: number;
    }[] = await manager.query(
      `SELECT t.id AS room_type_id, d.date::text AS date,
              (SELECT count(*) FROM room r WHERE r.room_type_id = t.id)::int AS rooms,
              (SELECT count(*) FROM room r
                WHERE r.room_type_id = t.id AND r.out_of_order_from IS NOT NULL AND r.out_of_order_from <= d.date
                  AND (r.out_of_order_to IS NULL OR r.out_of_order_to >= d.date))::int AS out_of_order,
              t.overbooking_allowance::int AS allowance,
              coalesce(i.booked, 0)::int AS booked,
              coalesce(i.blocked, 0)::int AS blocked
         FROM room_type t
        CROSS JOIN LATERAL (SELECT $2::date + offset_days AS date
                              FROM generate_series(0, $3::date - $2::date - 1) AS offset_days) AS d
         LEFT JOIN inventory_night i ON i.room_type_id = t.id AND i.date = d.date
        WHERE t.property_id = $1 AND ($4::uuid IS NULL OR t.id = $4::uuid)
        ORDER BY t.code, t.id, d.date`,
      [propertyId, from, to, roomTypeId ?? null],
    );
    return rows.map((row) => {
      const counts: NightCounts = {
        date: row.date,
        rooms: row.rooms,
        outOfOrder: row.out_of_order,
        overbookingAllowance: row.allowance,
        booked: row.booked,
        blocked: row.blocked,
      };
      return { roomTypeId: row.room_type_id, ...counts, available: available(counts) };
    });
  }

  /** Ensures a row exists for every night, then locks them in date order. */
  private async lockRows(
    manager: EntityManager,
    propertyId: string,
    roomTypeId: string,
    nights: string[],
  ): Promise<InventoryRow[]> {
    const dates = lockOrder(nights);
    await manager.query(
      `INSERT INTO inventory_night (property_id, room_type_id, date)
       SELECT $1, $2, d FROM unnest($3::date[]) AS d ORDER BY d
       ON CONFLICT DO NOTHING`,
      [propertyId, roomTypeId, dates],
    );
    return manager.query(
      `SELECT date::text AS date, booked, blocked FROM inventory_night
        WHERE room_type_id = $1 AND date = ANY($2::date[])
        ORDER BY date FOR UPDATE`,
      [roomTypeId, dates],
    );
  }

  private async counts(manager: EntityManager, roomTypeId: string, rows: InventoryRow[]): Promise<NightCounts[]> {
    if (rows.length === 0) return [];
    const capacity: { date: string; rooms: number; out_of_order: number; allowance: number }[] = await manager.query(
      `SELECT d.date::text AS date,
              (SELECT count(*) FROM room r WHERE r.room_type_id = $1)::int AS rooms,
              (SELECT count(*) FROM room r
                WHERE r.room_type_id = $1 AND r.out_of_order_from IS NOT NULL AND r.out_of_order_from <= d.date
                  AND (r.out_of_order_to IS NULL OR r.out_of_order_to >= d.date))::int AS out_of_order,
              (SELECT overbooking_allowance FROM room_type WHERE id = $1)::int AS allowance
         FROM unnest($2::date[]) AS d(date)`,
      [roomTypeId, rows.map((row) => row.date)],
    );
    const byDate = new Map(capacity.map((row) => [row.date, row]));
    return rows.map((row) => {
      const night = byDate.get(row.date)!;
      return {
        date: row.date,
        rooms: night.rooms,
        outOfOrder: night.out_of_order,
        overbookingAllowance: night.allowance,
        booked: row.booked,
        blocked: row.blocked,
      };
    });
  }

  /** Group-block nights are always locked before inventory rows, in date order, like every other lock here. */
  private async lockBlockNights(manager: EntityManager, groupBlockId: string, nights: string[]): Promise<void> {
    await manager.query(
      `SELECT date FROM group_block_night WHERE group_block_id = $1 AND date = ANY($2::date[]) ORDER BY date FOR UPDATE`,
      [groupBlockId, lockOrder(nights)],
    );
  }

  /** Nights a group block still holds for this booking: picked up (locked, counted) and removed from the block. */
  private async pickUpFromBlock(
    manager: EntityManager,
    groupBlockId: string,
    roomTypeId: string,
    dates: string[],
  ): Promise<Set<string>> {
    const rows: BlockNightRow[] = await manager.query(
      `SELECT n.date::text AS date, n.rooms, n.picked_up, n.released
         FROM group_block_night n JOIN group_block b ON b.id = n.group_block_id
        WHERE b.id = $1 AND b.status = 'active' AND b.room_type_id = $2 AND n.date = ANY($3::date[])
        ORDER BY n.date FOR UPDATE OF n`,
      [groupBlockId, roomTypeId, dates],
    );
    const open = rows.filter((row) => row.rooms - row.picked_up - row.released > 0).map((row) => row.date);
    if (open.length > 0) {
      await manager.query(
        `UPDATE group_block_night SET picked_up = picked_up + 1 WHERE group_block_id = $1 AND date = ANY($2::date[])`,
        [groupBlockId, open],
      );
    }
    return new Set(open);
  }

  private async addBlocked(manager: EntityManager, roomTypeId: string, nights: BlockNight[], sign: 1 | -1) {
    await manager.query(
      `UPDATE inventory_night i SET blocked = i.blocked + $3 * n.rooms, updated_at = now()
         FROM unnest($2::date[], $4::int[]) AS n(date, rooms)
        WHERE i.room_type_id = $1 AND i.date = n.date`,
      [roomTypeId, nights.map((night) => night.date), sign, nights.map((night) => night.rooms)],
    );
  }
}
