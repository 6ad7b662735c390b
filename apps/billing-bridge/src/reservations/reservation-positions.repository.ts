import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ReservationStatus = 'confirmed' | 'checked_in' | 'checked_out' | 'cancelled' | 'no_show';

export interface ReservationEventPosition {
  reservationId: string;
  propertyId: string;
  /** The envelope's `time`: when reservations committed the change. */
  eventTime: string;
  eventType: string;
  status: ReservationStatus;
  /** The guest's name as this event gives it (already through `guestNameFor`); undefined keeps the one held. */
  guestName?: string;
}

/** The reservation as billing last saw it, and whether the event just offered was the one that got applied. */
export interface ReservationPosition {
  applied: boolean;
  status: ReservationStatus;
  guestName: string | null;
}

interface PositionRow {
  applied: boolean;
  status: ReservationStatus;
  guest_name: string | null;
}

/**
 * Billing's last applied position per reservation. An event changes the row only when it is not older than the last
 * one applied, so a late or replayed event (a dead letter requeued after the booking was cancelled) never rolls it
 * back. Events of one property arrive in commit order on one partition, so a tie (a walk-in's booking and check-in
 * committed in the same millisecond) is applied. Erasures are kept apart and are final.
 */
@Injectable()
export class ReservationPositionsRepository {
  /** Offers the event; answers whether it applied and the reservation as it now stands (its own or a newer state). */
  async advance(manager: EntityManager, position: ReservationEventPosition): Promise<ReservationPosition> {
    const rows: PositionRow[] = await manager.query(
      `WITH claimed AS (
         INSERT INTO reservation_position (reservation_id, property_id, applied_event_time, applied_event_type, status,
                                           guest_name)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (reservation_id) DO UPDATE SET
           applied_event_time = EXCLUDED.applied_event_time,
           applied_event_type = EXCLUDED.applied_event_type,
           status = EXCLUDED.status,
           guest_name = COALESCE(EXCLUDED.guest_name, reservation_position.guest_name),
           updated_at = now()
         WHERE reservation_position.applied_event_time <= EXCLUDED.applied_event_time
           AND reservation_position.property_id = EXCLUDED.property_id
         RETURNING true AS applied, status, guest_name)
       SELECT applied, status, guest_name FROM claimed
       UNION ALL
       SELECT false, status, guest_name FROM reservation_position
        WHERE reservation_id = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [
        position.reservationId,
        position.propertyId,
        position.eventTime,
        position.eventType,
        position.status,
        position.guestName ?? null,
      ],
    );
    const row = rows[0];
    return { applied: row.applied, status: row.status, guestName: row.guest_name };
  }

  /** The name to hold for this reservation's guest: the erasure's replacement once the guest or booking was erased. */
  async guestNameFor(
    manager: EntityManager,
    reservationId: string,
    guestId: string | undefined,
    name: string,
  ): Promise<string> {
    const rows: { replacement: string | null }[] = await manager.query(
      `SELECT COALESCE((SELECT replacement FROM erased_reservation WHERE reservation_id = $1),
                       (SELECT replacement FROM erased_guest WHERE guest_id = $2::uuid)) AS replacement`,
      [reservationId, guestId ?? null],
    );
    return rows[0]?.replacement ?? name;
  }

  /**
   * The guest was erased: every reservation named (seen here yet or not) and every later event carrying the guest's
   * id is held under `replacement` from now on, whatever that event's time.
   */
  async recordErasure(
    manager: EntityManager,
    guestId: string,
    reservationIds: string[],
    replacement: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO erased_guest (guest_id, replacement) VALUES ($1, $2)
       ON CONFLICT (guest_id) DO UPDATE SET replacement = EXCLUDED.replacement`,
      [guestId, replacement],
    );
    if (reservationIds.length === 0) return;
    await manager.query(
      `INSERT INTO erased_reservation (reservation_id, guest_id, replacement)
       SELECT reservation_id, $2, $3 FROM unnest($1::uuid[]) AS reservation_id
       ON CONFLICT (reservation_id) DO UPDATE SET replacement = EXCLUDED.replacement`,
      [reservationIds, guestId, replacement],
    );
    await manager.query(
      `UPDATE reservation_position SET guest_name = $2, updated_at = now() WHERE reservation_id = ANY($1::uuid[])`,
      [reservationIds, replacement],
    );
  }
}
