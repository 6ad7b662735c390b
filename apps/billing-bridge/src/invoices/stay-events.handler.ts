import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventEnvelope,
  ReservationCancelledV1,
  ReservationNoShowV1,
  StayCheckedOutV1,
} from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { InvoicesService } from './invoices.service';

@Controller()
export class CheckOutHandler {
  constructor(private readonly invoices: InvoicesService) {}

  /** The guest left: the stay's folios are due for settlement. */
  @EventPattern('stay.checked-out')
  onCheckedOut(@Payload() event: EventEnvelope<StayCheckedOutV1>, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.markDue(context.manager, event);
  }

  /** The guest will not come: an untouched folio closes, one with money on it waits for the desk to settle it. */
  @EventPattern('reservation.cancelled')
  onCancelled(@Payload() event: EventEnvelope<ReservationCancelledV1>, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.closeForStayNotTaken(context.manager, event.propertyId, event.data.reservationId);
  }

  @EventPattern('reservation.no-show')
  onNoShow(@Payload() event: EventEnvelope<ReservationNoShowV1>, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.closeForStayNotTaken(context.manager, event.propertyId, event.data.reservationId);
  }
}
