import { PropertyEntity } from '../properties/property.entity';
import { RoomTypeEntity } from '../properties/room-type.entity';
import { ReservationEntity } from '../reservations/reservation.entity';
import { ReservationsInitial1764400100000 } from './migrations/1764400100000-reservations-initial';
import { GuestAuditEntity, GuestEntity } from '../guests/guest.entity';
import { Guests1764400600000 } from './migrations/1764400600000-guests';

export const RESERVATIONS_ENTITIES = [PropertyEntity, RoomTypeEntity, ReservationEntity, GuestEntity, GuestAuditEntity];
export const RESERVATIONS_MIGRATIONS = [ReservationsInitial1764400100000, Guests1764400600000];
