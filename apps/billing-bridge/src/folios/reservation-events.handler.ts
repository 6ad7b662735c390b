import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  ConciergeCompensationGrantedV1,
  ConciergeServiceChargedV1,
  EventEnvelope,
  NightAuditRoomNightPostedV1,
  ReservationCreatedV1,
  ReservationModifiedV1,
} from '@frontoffice/contracts';
import { EventBatchContext, EventBatchHandler, EventContext } from '@frontoffice/platform';
import { ReservationPositionsRepository } from '../reservations/reservation-positions.repository';
import { StaleEvents } from '../reservations/stale-events';
import { FoliosService } from './folios.service';

/**
 * Events that open folios or post to them. Thin: the work happens in FoliosService, in the inbox transaction.
 * Booking events go through the reservation's last applied position first, so an older one (late, or a requeued
 * dead letter) never reopens a cancelled booking or brings back a former or erased name.
 */
@Controller()
export class ReservationEventsHandler {
  constructor(
    private readonly folios: FoliosService,
    private readonly positions: ReservationPositionsRepository,
    private readonly stale: StaleEvents,
  ) {}

  @EventPattern('reservation.created')
  async onReservationCreated(
    @Payload() event: EventEnvelope<ReservationCreatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { manager } = context;
    const { reservationId, guest } = event.data;
    const position = await this.positions.advance(manager, {
      reservationId,
      propertyId: event.propertyId,
      eventTime: event.time,
      eventType: event.type,
      status: 'confirmed',
      guestName: await this.positions.guestNameFor(
        manager,
        reservationId,
        guest.guestId,
        `${guest.firstName} ${guest.lastName}`,
      ),
    });
    if (position.status === 'cancelled' || position.status === 'no_show') {
      this.stale.ignored(event, position.status);
      return;
    }
    // An older booking event that still finds no folio (it was dead-lettered while the stay went on) opens one, but
    // under the name held now: the newer change's, or the erasure's.
    await this.folios.openForReservation(manager, event, position.guestName ?? `${guest.firstName} ${guest.lastName}`);
  }

  /** A changed booking: the guest's name on folios still open follows it (an issued invoice keeps its bill-to). */
  @EventPattern('reservation.modified')
  async onReservationModified(
    @Payload() event: EventEnvelope<ReservationModifiedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { manager } = context;
    const { reservationId, guest } = event.data;
    const guestName = await this.positions.guestNameFor(
      manager,
      reservationId,
      guest.guestId,
      `${guest.firstName} ${guest.lastName}`,
    );
    const position = await this.positions.advance(manager, {
      reservationId,
      propertyId: event.propertyId,
      eventTime: event.time,
      eventType: event.type,
      status: event.data.status,
      guestName,
    });
    if (!position.applied) {
      this.stale.ignored(event, position.status);
      return;
    }
    await this.folios.renameGuest(manager, event.propertyId, reservationId, guestName);
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
