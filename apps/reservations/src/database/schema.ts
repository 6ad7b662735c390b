import { PropertyEntity } from '../properties/property.entity';
import { RoomTypeEntity } from '../properties/room-type.entity';
import { ReservationEntity } from '../reservations/reservation.entity';
import { ReservationsInitial1764400100000 } from './migrations/1764400100000-reservations-initial';
import { ReservationsCore1764400500000 } from './migrations/1764400500000-reservations-core';
import { RoomEntity } from '../properties/room.entity';
import { GuestAuditEntity, GuestEntity } from '../guests/guest.entity';
import { Guests1764400600000 } from './migrations/1764400600000-guests';
import { RoomAssignmentEntity } from '../front-desk/room-assignment.entity';
import { RoomAssignments1764400610000 } from './migrations/1764400610000-room-assignments';
import { RoomAssignmentsFollowStays1764400620000 } from './migrations/1764400620000-room-assignments-follow-stays';
import { RoomAssignmentsReleasedOnCancel1764400630000 } from './migrations/1764400630000-room-assignments-released-on-cancel';
import { RoomAssignmentsNoDeadlock1764400640000 } from './migrations/1764400640000-room-assignments-no-deadlock';
import { Channels1764400700000 } from './migrations/1764400700000-channels';

export const RESERVATIONS_ENTITIES = [
  PropertyEntity,
  RoomTypeEntity,
  ReservationEntity,
  RoomEntity,
  GuestEntity,
  GuestAuditEntity,
  RoomAssignmentEntity,
];
export const RESERVATIONS_MIGRATIONS = [
  ReservationsInitial1764400100000,
  ReservationsCore1764400500000,
  Guests1764400600000,
  RoomAssignments1764400610000,
  RoomAssignmentsFollowStays1764400620000,
  RoomAssignmentsReleasedOnCancel1764400630000,
  RoomAssignmentsNoDeadlock1764400640000,
  Channels1764400700000,
];
