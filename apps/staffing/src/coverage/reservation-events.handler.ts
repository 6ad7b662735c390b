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
import { ForecastReservationsRepository } from '../demand/forecast-reservations.repository';
import { CoverageGapsService } from './coverage-gaps.service';

type Booking = Pick<ReservationCreatedV1, 'reservationId' | 'guest' | 'arrival' | 'departure' | 'groupBlockId'>;
type Called = { reservationId: string; arrival: string; departure: string; groupBlockId?: string };

/**
 * Keeps the forecast read model (one row per reservation: dates, status, VIP level, language, group) and, after
 * each change, looks for shifts of published schedules that the change leaves short. An event older than the
 * row's last one (late, or a replayed dead letter) changes nothing and raises nothing.
 */
@Controller()
export class ReservationEventsHandler {
  constructor(
    private readonly forecast: ForecastReservationsRepository,
    private readonly gaps: CoverageGapsService,
  ) {}

  @EventPattern('reservation.created')
  async onCreated(@Payload() event: EventEnvelope<ReservationCreatedV1>, @Ctx() context: EventContext) {
    if (await this.keep(context, event, event.data, 'confirmed')) {
      await this.gaps.detect(context.manager, event.propertyId, event.data.arrival, event.data.departure);
    }
  }

  @EventPattern('reservation.modified')
  async onModified(@Payload() event: EventEnvelope<ReservationModifiedV1>, @Ctx() context: EventContext) {
    const data = event.data;
    if (!(await this.keep(context, event, data, data.status))) return;
    const from = data.previousArrival < data.arrival ? data.previousArrival : data.arrival;
    const to = data.previousDeparture > data.departure ? data.previousDeparture : data.departure;
    await this.gaps.detect(context.manager, event.propertyId, from, to);
  }

  @EventPattern('reservation.cancelled')
  async onCancelled(@Payload() event: EventEnvelope<ReservationCancelledV1>, @Ctx() context: EventContext) {
    await this.setStatus(context, event, 'cancelled');
  }

  @EventPattern('reservation.no-show')
  async onNoShow(@Payload() event: EventEnvelope<ReservationNoShowV1>, @Ctx() context: EventContext) {
    await this.setStatus(context, event, 'no_show');
  }

  @EventPattern('stay.checked-in')
  async onCheckedIn(@Payload() event: EventEnvelope<StayCheckedInV1>, @Ctx() context: EventContext) {
    await this.keep(context, event, event.data, 'checked_in');
  }

  @EventPattern('stay.checked-out')
  async onCheckedOut(@Payload() event: EventEnvelope<StayCheckedOutV1>, @Ctx() context: EventContext) {
    const data = event.data;
    const departure = data.early && data.businessDate > data.arrival ? data.businessDate : data.departure;
    await this.forecast.checkOut(context.manager, data.reservationId, departure, event.time);
  }

  private keep(context: EventContext, event: EventEnvelope, booking: Booking, status: string): Promise<boolean> {
    return this.forecast.keep(
      context.manager,
      {
        reservationId: booking.reservationId,
        propertyId: event.propertyId,
        arrival: booking.arrival,
        departure: booking.departure,
        status,
        vipLevel: booking.guest.vipLevel,
        language: booking.guest.language ?? null,
        groupBlockId: booking.groupBlockId ?? null,
      },
      event.time,
    );
  }

  /** A cancelled or no-show booking stays in the table (a late duplicate create must not revive it). */
  private setStatus(context: EventContext, event: EventEnvelope<Called>, status: string): Promise<boolean> {
    const { reservationId, arrival, departure, groupBlockId } = event.data;
    return this.forecast.setStatus(
      context.manager,
      { reservationId, propertyId: event.propertyId, arrival, departure, status, groupBlockId },
      event.time,
    );
  }
}
