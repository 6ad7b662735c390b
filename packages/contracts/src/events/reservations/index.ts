import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { AvailabilityChangedV1 } from './availability-changed.v1';
import { ChannelMappingUpdatedV1 } from './channel-mapping-updated.v1';
import { GroupBlockCreatedV1 } from './group-block-created.v1';
import { GroupBlockReleasedV1 } from './group-block-released.v1';
import { GuestProfileUpdatedV1 } from './guest-profile-updated.v1';
import { NightAuditCompletedV1 } from './night-audit-completed.v1';
import { NightAuditRoomNightPostedV1 } from './night-audit-room-night-posted.v1';
import { PropertyCreatedV1 } from './property-created.v1';
import { PropertyUpdatedV1 } from './property-updated.v1';
import { ReservationCancelledV1 } from './reservation-cancelled.v1';
import { ReservationCreatedV1 } from './reservation-created.v1';
import { ReservationModifiedV1 } from './reservation-modified.v1';
import { ReservationNoShowV1 } from './reservation-no-show.v1';
import { RoomStatusChangedV1 } from './room-status-changed.v1';
import { StayCheckedInV1 } from './stay-checked-in.v1';
import { StayCheckedOutV1 } from './stay-checked-out.v1';
import { StayRoomMovedV1 } from './stay-room-moved.v1';

export {
  AVAILABILITY_CHANGE_CAUSES,
  AvailabilityChangedV1,
  AvailabilityNightV1,
  AvailabilityRateRunV1,
  type AvailabilityChangeCause,
} from './availability-changed.v1';
export { ChannelMappingUpdatedV1, ChannelRatePlanCodeV1, ChannelRoomTypeCodeV1 } from './channel-mapping-updated.v1';
export { GroupBlockCreatedV1, GroupBlockNightV1 } from './group-block-created.v1';
export { GroupBlockReleasedV1 } from './group-block-released.v1';
export { GuestProfileUpdatedV1 } from './guest-profile-updated.v1';
export { NightAuditCompletedV1 } from './night-audit-completed.v1';
export { NightAuditRoomNightPostedV1 } from './night-audit-room-night-posted.v1';
export { PropertyCreatedV1 } from './property-created.v1';
export { DeskHoursV1, PropertyUpdatedV1 } from './property-updated.v1';
export { ReservationCancelledV1 } from './reservation-cancelled.v1';
export { ReservationCreatedV1, ReservationGuestV1, ReservationNightV1 } from './reservation-created.v1';
export { RESERVATION_CHANGES, ReservationModifiedV1, type ReservationChange } from './reservation-modified.v1';
export { ReservationNoShowV1 } from './reservation-no-show.v1';
export { ROOM_STATUSES, RoomStatusChangedV1, type RoomStatus } from './room-status-changed.v1';
export { StayCheckedInV1 } from './stay-checked-in.v1';
export { StayCheckedOutV1 } from './stay-checked-out.v1';
export { StayRoomMovedV1 } from './stay-room-moved.v1';

const topic = TOPICS.reservations;

export const RESERVATIONS_EVENTS = [
  defineEvent({
    type: 'property.created',
    version: 1,
    topic,
    payload: PropertyCreatedV1,
    subject: 'propertyId',
    summary: 'A hotel joined the platform, with its time zone, currency and first business date.',
  }),
  defineEvent({
    type: 'property.updated',
    version: 1,
    topic,
    payload: PropertyUpdatedV1,
    subject: 'propertyId',
    summary: 'A property’s set-up or size (room count) changed.',
  }),
  defineEvent({
    type: 'reservation.created',
    version: 1,
    topic,
    payload: ReservationCreatedV1,
    subject: 'reservationId',
    summary: 'A reservation was confirmed, with its guest, stay dates and the price of every night.',
  }),
  defineEvent({
    type: 'reservation.modified',
    version: 1,
    topic,
    payload: ReservationModifiedV1,
    subject: 'reservationId',
    summary: 'A reservation’s dates, room type or party changed; the payload is the booking after the change.',
  }),
  defineEvent({
    type: 'reservation.cancelled',
    version: 1,
    topic,
    payload: ReservationCancelledV1,
    subject: 'reservationId',
    summary: 'A reservation was cancelled before arrival and its nights released.',
  }),
  defineEvent({
    type: 'reservation.no-show',
    version: 1,
    topic,
    payload: ReservationNoShowV1,
    subject: 'reservationId',
    summary: 'A guest did not arrive; the booking was marked a no-show and its nights released.',
  }),
  defineEvent({
    type: 'stay.checked-in',
    version: 1,
    topic,
    payload: StayCheckedInV1,
    subject: 'reservationId',
    summary: 'A guest checked in to a room.',
  }),
  defineEvent({
    type: 'stay.room-moved',
    version: 1,
    topic,
    payload: StayRoomMovedV1,
    subject: 'reservationId',
    summary: 'An in-house guest moved to another room.',
  }),
  defineEvent({
    type: 'stay.checked-out',
    version: 1,
    topic,
    payload: StayCheckedOutV1,
    subject: 'reservationId',
    summary: 'A guest checked out; the room is vacant-dirty.',
  }),
  defineEvent({
    type: 'room.status-changed',
    version: 1,
    topic,
    payload: RoomStatusChangedV1,
    subject: 'roomId',
    summary: 'A room’s housekeeping or availability status changed.',
  }),
  defineEvent({
    type: 'guest.profile-updated',
    version: 1,
    topic,
    payload: GuestProfileUpdatedV1,
    subject: 'guestId',
    summary: 'A guest’s language or VIP level changed, or the guest was erased on request.',
  }),
  defineEvent({
    type: 'group-block.created',
    version: 1,
    topic,
    payload: GroupBlockCreatedV1,
    subject: 'groupBlockId',
    summary: 'Rooms were blocked for a group until a cut-off date.',
  }),
  defineEvent({
    type: 'group-block.released',
    version: 1,
    topic,
    payload: GroupBlockReleasedV1,
    subject: 'groupBlockId',
    summary: 'A group block passed its cut-off and its unpicked rooms went back on sale.',
  }),
  defineEvent({
    type: 'night-audit.room-night-posted',
    version: 1,
    topic,
    payload: NightAuditRoomNightPostedV1,
    subject: 'reservationId',
    summary: 'The night audit charged one stay-night: room type, rate and guests, for billing to post room and tax.',
  }),
  defineEvent({
    type: 'night-audit.completed',
    version: 1,
    topic,
    payload: NightAuditCompletedV1,
    subject: 'auditId',
    summary: 'A business date was closed, with rooms available, sold and out of order, and the next business date.',
  }),
  defineEvent({
    type: 'inventory.availability-changed',
    version: 1,
    topic,
    payload: AvailabilityChangedV1,
    subject: 'roomTypeId',
    summary:
      'Rooms for sale (and prices, when rates changed) of one room type over the nights one change touched, after it.',
  }),
  defineEvent({
    type: 'channel.mapping-updated',
    version: 1,
    topic,
    payload: ChannelMappingUpdatedV1,
    subject: 'channelId',
    summary: 'A channel manager’s codes for a property, its room types and rate plans were set, changed or removed.',
  }),
] as const;

export interface ReservationsEventDataMap {
  'property.created': PropertyCreatedV1;
  'property.updated': PropertyUpdatedV1;
  'reservation.created': ReservationCreatedV1;
  'reservation.modified': ReservationModifiedV1;
  'reservation.cancelled': ReservationCancelledV1;
  'reservation.no-show': ReservationNoShowV1;
  'stay.checked-in': StayCheckedInV1;
  'stay.room-moved': StayRoomMovedV1;
  'stay.checked-out': StayCheckedOutV1;
  'room.status-changed': RoomStatusChangedV1;
  'guest.profile-updated': GuestProfileUpdatedV1;
  'group-block.created': GroupBlockCreatedV1;
  'group-block.released': GroupBlockReleasedV1;
  'night-audit.room-night-posted': NightAuditRoomNightPostedV1;
  'night-audit.completed': NightAuditCompletedV1;
  'inventory.availability-changed': AvailabilityChangedV1;
  'channel.mapping-updated': ChannelMappingUpdatedV1;
}

export const RESERVATIONS_LATEST_PAYLOADS: LatestPayloads<ReservationsEventDataMap> = {
  'property.created': PropertyCreatedV1,
  'property.updated': PropertyUpdatedV1,
  'reservation.created': ReservationCreatedV1,
  'reservation.modified': ReservationModifiedV1,
  'reservation.cancelled': ReservationCancelledV1,
  'reservation.no-show': ReservationNoShowV1,
  'stay.checked-in': StayCheckedInV1,
  'stay.room-moved': StayRoomMovedV1,
  'stay.checked-out': StayCheckedOutV1,
  'room.status-changed': RoomStatusChangedV1,
  'guest.profile-updated': GuestProfileUpdatedV1,
  'group-block.created': GroupBlockCreatedV1,
  'group-block.released': GroupBlockReleasedV1,
  'night-audit.room-night-posted': NightAuditRoomNightPostedV1,
  'night-audit.completed': NightAuditCompletedV1,
  'inventory.availability-changed': AvailabilityChangedV1,
  'channel.mapping-updated': ChannelMappingUpdatedV1,
};
