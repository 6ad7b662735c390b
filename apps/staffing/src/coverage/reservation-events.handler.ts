import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventEnvelope,
  ReservationCancelledV1,
  ReservationCreatedV1,
  ReservationModifiedV1,
  ReservationNoShowV1,
  StayCheckedInV1,
  StayCheckedOutV1,
} from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import { ForecastReservationEntity } from '../demand/forecast.entity';
import { CoverageGapsService } from './coverage-gaps.service';

type Booking = Pick<ReservationCreatedV1, 'reservationId' | 'guest' | 'arrival' | 'departure' | 'groupBlockId'>;

/**
 * Keeps the forecast read model (one row per reservation: dates, status, VIP level, language, group) and, after
 * each change, looks for shifts of published schedules that the change leaves short.
 */
@Controller()
export class ReservationEventsHandler {
  constructor(private readonly gaps: CoverageGapsService) {}

  @EventPattern('reservation.created')
  async onCreated(@Payload() event: EventEnvelope<ReservationCreatedV1>, @Ctx() context: EventContext) {
    await this.keep(context.manager, event.propertyId, event.data, 'confirmed');
    await this.gaps.detect(context.manager, event.propertyId, event.data.arrival, event.data.departure);
  }

  @EventPattern('reservation.modified')
  async onModified(@Payload() event: EventEnvelope<ReservationModifiedV1>, @Ctx() context: EventContext) {
    const data = event.data;
    await this.keep(context.manager, event.propertyId, data, data.status);
    const from = data.previousArrival < data.arrival ? data.previousArrival : data.arrival;
    const to = data.previousDeparture > data.departure ? data.previousDeparture : data.departure;
    await this.gaps.detect(context.manager, event.propertyId, from, to);
  }

  @EventPattern('reservation.cancelled')
  async onCancelled(@Payload() event: EventEnvelope<ReservationCancelledV1>, @Ctx() context: EventContext) {
    await this.setStatus(context.manager, event.propertyId, event.data, 'cancelled');
  }

  @EventPattern('reservation.no-show')
  async onNoShow(@Payload() event: EventEnvelope<ReservationNoShowV1>, @Ctx() context: EventContext) {
    await this.setStatus(context.manager, event.propertyId, event.data, 'no_show');
  }

  @EventPattern('stay.checked-in')
  async onCheckedIn(@Payload() event: EventEnvelope<StayCheckedInV1>, @Ctx() context: EventContext) {
    await this.keep(context.manager, event.propertyId, event.data, 'checked_in');
  }

  @EventPattern('stay.checked-out')
  async onCheckedOut(@Payload() event: EventEnvelope<StayCheckedOutV1>, @Ctx() context: EventContext) {
    const data = event.data;
    const departure = data.early && data.businessDate > data.arrival ? data.businessDate : data.departure;
    await context.manager.update(
      ForecastReservationEntity,
      { reservationId: data.reservationId },
      { status: 'checked_out', departure },
    );
  }

  private async keep(manager: EntityManager, propertyId: string, booking: Booking, status: string): Promise<void> {
    await manager.upsert(
      ForecastReservationEntity,
      {
        reservationId: booking.reservationId,
        propertyId,
        arrival: booking.arrival,
        departure: booking.departure,
        status,
        vipLevel: booking.guest.vipLevel,
        language: booking.guest.language ?? null,
        groupBlockId: booking.groupBlockId ?? null,
      },
      ['reservationId'],
    );
  }

  /** A cancelled or no-show booking stays in the table (a late duplicate create must not revive it). */
  private async setStatus(
    manager: EntityManager,
    propertyId: string,
    data: { reservationId: string; arrival: string; departure: string; groupBlockId?: string },
    status: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO forecast_reservation (reservation_id, property_id, arrival, departure, status, group_block_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (reservation_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [data.reservationId, propertyId, data.arrival, data.departure, status, data.groupBlockId ?? null],
    );
  }
}
