import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, ReservationCreatedV1 } from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { FoliosService } from './folios.service';

/** Reservations events that open or change folios. Thin: the work happens in FoliosService. */
@Controller()
export class ReservationEventsHandler {
  constructor(private readonly folios: FoliosService) {}

  @EventPattern('reservation.created')
  onReservationCreated(
    @Payload() event: EventEnvelope<ReservationCreatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    return this.folios.openForReservation(context.manager, event);
  }
}
