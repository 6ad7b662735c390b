import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EmployeeUpdatedV1,
  EventEnvelope,
  GuestProfileUpdatedV1,
  PropertyCreatedV1,
  PropertyUpdatedV1,
  ReservationCancelledV1,
  ReservationCreatedV1,
  ReservationModifiedV1,
  ReservationNoShowV1,
  StayCheckedInV1,
  StayCheckedOutV1,
  StayRoomMovedV1,
} from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { eraseGuestData } from '../erasure/guest-erasure';
import { AutomaticMessagesService } from '../mail/automatic-messages.service';
import { StayTasksService } from './stay-tasks.service';

/** Reservations and staffing events that keep the local read models and open the tasks stays need. Thin. */
@Controller()
export class StayEventsHandler {
  constructor(
    private readonly stays: StayTasksService,
    private readonly mail: AutomaticMessagesService,
  ) {}

  @EventPattern('property.created')
  onPropertyCreated(@Payload() event: EventEnvelope<PropertyCreatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.property(context.manager, event.data.propertyId, event.data);
  }

  @EventPattern('property.updated')
  onPropertyUpdated(@Payload() event: EventEnvelope<PropertyUpdatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.property(context.manager, event.data.propertyId, event.data);
  }

  @EventPattern('reservation.created')
  onCreated(@Payload() event: EventEnvelope<ReservationCreatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.booked(context.manager, event.propertyId, event.data, event.time);
  }

  @EventPattern('reservation.modified')
  onModified(@Payload() event: EventEnvelope<ReservationModifiedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.booked(context.manager, event.propertyId, event.data, event.time);
  }

  @EventPattern('reservation.cancelled')
  onCancelled(@Payload() event: EventEnvelope<ReservationCancelledV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.calledOff(context.manager, event.propertyId, event.data, 'reservation cancelled', event.time);
  }

  @EventPattern('reservation.no-show')
  onNoShow(@Payload() event: EventEnvelope<ReservationNoShowV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.calledOff(context.manager, event.propertyId, event.data, 'no-show', event.time);
  }

  @EventPattern('stay.checked-in')
  async onCheckedIn(@Payload() event: EventEnvelope<StayCheckedInV1>, @Ctx() context: EventContext): Promise<void> {
    await this.stays.checkedIn(context.manager, event.propertyId, event.data, event.time);
    await this.mail.checkedIn(context.manager, event.propertyId, event.data.reservationId);
  }

  @EventPattern('stay.room-moved')
  onRoomMoved(@Payload() event: EventEnvelope<StayRoomMovedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.roomMoved(context.manager, event.propertyId, event.data, event.time);
  }

  @EventPattern('stay.checked-out')
  async onCheckedOut(@Payload() event: EventEnvelope<StayCheckedOutV1>, @Ctx() context: EventContext): Promise<void> {
    await this.stays.checkedOut(context.manager, event.propertyId, event.data, event.time);
    await this.mail.checkedOut(context.manager, event.propertyId, event.data.reservationId);
  }

  @EventPattern('guest.profile-updated')
  async onGuestProfile(
    @Payload() event: EventEnvelope<GuestProfileUpdatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    // Erasure first: it finds the guest's name in texts through the in-house list, which forgets it next.
    await eraseGuestData(context.manager, event.data);
    await this.mail.guestProfile(context.manager, event.data);
    await this.stays.guestProfile(context.manager, event.propertyId, event.data, event.time);
  }

  @EventPattern('employee.updated')
  onEmployee(@Payload() event: EventEnvelope<EmployeeUpdatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.stays.employee(context.manager, event.data);
  }
}
