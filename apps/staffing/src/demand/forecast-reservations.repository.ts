import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ForecastStatus {
  reservationId: string;
  propertyId: string;
  arrival: string;
  departure: string;
  status: string;
  groupBlockId?: string | null;
}

export interface ForecastBooking extends ForecastStatus {
  vipLevel: string;
  language: string | null;
}

/**
 * The forecast's copy of each reservation. Every write carries the time of the event it applies and changes the
 * row only when that event is not older than the last one applied, so a late or replayed event (a dead letter
 * replayed after the booking was cancelled) never rolls it back. Events committed in the same millisecond (a
 * walk-in's booking and check-in) arrive in commit order on one partition, so a tie is applied.
 * Each method answers whether the event changed the row.
 */
@Injectable()
export class ForecastReservationsRepository {
  /** The whole booking as of `eventTime`. */
  async keep(manager: EntityManager, booking: ForecastBooking, eventTime: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO forecast_reservation (reservation_id, property_id, arrival, departure, status, vip_level, language,
                                         group_block_id, applied_event_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (reservation_id) DO UPDATE SET
         arrival = EXCLUDED.arrival, departure = EXCLUDED.departure, status = EXCLUDED.status,
         vip_level = EXCLUDED.vip_level, language = EXCLUDED.language, group_block_id = EXCLUDED.group_block_id, applied_event_time = EXCLUDED.applied_event_time,
         updated_at = now()
       WHERE forecast_reservation.applied_event_time <= EXCLUDED.applied_event_time
       RETURNING reservation_id`,
      [
        booking.reservationId,
        booking.propertyId,
        booking.arrival,
        booking.departure,
        booking.status,
        booking.vipLevel,
        booking.language,
        booking.groupBlockId ?? null,
        eventTime,
      ],
    );
    return rows.length > 0;
  }

  /**
   * A new status (cancelled, no-show): the row is created if the booking was never seen, and stays in the table
   * so the booking's own older events find it and are ignored.
   */
  async setStatus(manager: EntityManager, booking: ForecastStatus, eventTime: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO forecast_reservation (reservation_id, property_id, arrival, departure, status, group_block_id,
                                         applied_event_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (reservation_id) DO UPDATE SET
         status = EXCLUDED.status, applied_event_time = EXCLUDED.applied_event_time, updated_at = now()
       WHERE forecast_reservation.applied_event_time <= EXCLUDED.applied_event_time
       RETURNING reservation_id`,
      [
        booking.reservationId,
        booking.propertyId,
        booking.arrival,
        booking.departure,
        booking.status,
        booking.groupBlockId ?? null,
        eventTime,
      ],
    );
    return rows.length > 0;
  }

  /** The guest left on `departure` (the business date of an early check-out). */
  async checkOut(
    manager: EntityManager,
    reservationId: string,
    departure: string,
    eventTime: string,
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE forecast_reservation
          SET status = 'checked_out', departure = $2, applied_event_time = $3, updated_at = now()
        WHERE reservation_id = $1 AND applied_event_time <= $3`,
      [reservationId, departure, eventTime],
    );
    return affected > 0;
  }
}
