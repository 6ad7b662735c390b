import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  ConciergeCompensationGrantedV1,
  ConciergeServiceChargedV1,
  EventEnvelope,
  NightAuditRoomNightPostedV1,
  ReservationCreatedV1,
} from '@frontoffice/contracts';
import { EventBatchContext, EventBatchHandler, EventContext } from '@frontoffice/platform';
import { FoliosService } from './folios.service';

/** Events that open folios or post to them. Thin: the work happens in FoliosService, in the inbox transaction. */
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

  /** A night audit posts every occupied room at once: its room nights are written in set-based statements. */
  @EventBatchHandler('night-audit.room-night-posted')
  onRoomNightsPosted(
    @Payload() events: EventEnvelope<NightAuditRoomNightPostedV1>[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    return this.folios.postRoomNights(context.manager, events, (event) => context.correlationOf(event));
  }

  @EventPattern('concierge.service-charged')
  onServiceCharged(
    @Payload() event: EventEnvelope<ConciergeServiceChargedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    return this.folios.postServiceCharge(context.manager, event);
  }

  @EventPattern('concierge.compensation-granted')
  onCompensationGranted(
    @Payload() event: EventEnvelope<ConciergeCompensationGrantedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    return this.folios.postCompensation(context.manager, event);
  }
}
