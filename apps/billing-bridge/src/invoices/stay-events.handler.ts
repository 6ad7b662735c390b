import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventEnvelope,
  ReservationCancelledV1,
  ReservationNoShowV1,
  StayCheckedOutV1,
} from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { ReservationPositionsRepository } from '../reservations/reservation-positions.repository';
import { StaleEvents } from '../reservations/stale-events';
import { InvoicesService } from './invoices.service';

@Controller()
export class CheckOutHandler {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly positions: ReservationPositionsRepository,
  ) {}

  /**
   * The guest left: the stay's folios are due for settlement. Applied even when a newer event of the booking came
   * first: it only moves open folios to due and keeps the first departure time, so it can roll nothing back.
   */
  @EventPattern('stay.checked-out')
  async onCheckedOut(@Payload() event: EventEnvelope<StayCheckedOutV1>, @Ctx() context: EventContext): Promise<void> {
    await this.positions.advance(context.manager, {
      reservationId: event.data.reservationId,
      propertyId: event.propertyId,
      eventTime: event.time,
      eventType: event.type,
      status: 'checked_out',
    });
    await this.invoices.markDue(context.manager, event);
  }
}

/**
 * The guest will not come: an untouched folio closes, one with money on it waits for the desk to settle it. An
 * older cancellation or no-show than the booking's last applied event (the booking went on) changes nothing.
 */
@Controller()
export class StayNotTakenHandler {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly positions: ReservationPositionsRepository,
    private readonly stale: StaleEvents,
  ) {}

  @EventPattern('reservation.cancelled')
  onCancelled(@Payload() event: EventEnvelope<ReservationCancelledV1>, @Ctx() context: EventContext): Promise<void> {
    return this.close(context, event, 'cancelled');
  }

  @EventPattern('reservation.no-show')
  onNoShow(@Payload() event: EventEnvelope<ReservationNoShowV1>, @Ctx() context: EventContext): Promise<void> {
    return this.close(context, event, 'no_show');
  }

  private async close(
    context: EventContext,
    event: EventEnvelope<{ reservationId: string }>,
    status: 'cancelled' | 'no_show',
  ): Promise<void> {
    const position = await this.positions.advance(context.manager, {
      reservationId: event.data.reservationId,
      propertyId: event.propertyId,
      eventTime: event.time,
      eventType: event.type,
      status,
    });
    if (!position.applied) {
      this.stale.ignored(event, position.status);
      return;
    }
    await this.invoices.closeForStayNotTaken(context.manager, event.propertyId, event.data.reservationId);
  }
}
