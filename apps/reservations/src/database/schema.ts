import { PropertyEntity } from '../properties/property.entity';
import { RoomTypeEntity } from '../properties/room-type.entity';
import { ReservationEntity } from '../reservations/reservation.entity';
import { ReservationsInitial1764400100000 } from './migrations/1764400100000-reservations-initial';

export const RESERVATIONS_ENTITIES = [PropertyEntity, RoomTypeEntity, ReservationEntity];
export const RESERVATIONS_MIGRATIONS = [ReservationsInitial1764400100000];
