import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { Money } from '../../money';
import { IsAfterLocalDate, IsLocalDate, Omittable } from '../../validators';
import { ReservationGuestV1, ReservationNightV1 } from './reservation-created.v1';

export const RESERVATION_CHANGES = ['dates', 'room_type', 'guests', 'guest', 'notes'] as const;
export type ReservationChange = (typeof RESERVATION_CHANGES)[number];

/** The booking after a change of dates, room type or party: consumers replace what they held with this. */
export class ReservationModifiedV1 {
  @IsUUID()
  reservationId!: string;

  @IsString()
  @Length(1, 32)
  confirmationNumber!: string;

  @IsIn(['confirmed', 'checked_in'])
  status!: 'confirmed' | 'checked_in';

  /** What changed, so a consumer that only cares about dates can skip a change of notes. */
  @IsArray()
  @IsIn(RESERVATION_CHANGES, { each: true })
  changes!: ReservationChange[];

  @IsObject()
  @ValidateNested()
  @Type(() => ReservationGuestV1)
  guest!: ReservationGuestV1;

  @IsUUID()
  roomTypeId!: string;

  @IsLocalDate()
  arrival!: string;

  @IsLocalDate()
  @IsAfterLocalDate('arrival')
  departure!: string;

  /** Before the change, so forecasts can move the nights rather than recount everything. */
  @IsLocalDate()
  previousArrival!: string;

  @IsLocalDate()
  @IsAfterLocalDate('previousArrival')
  previousDeparture!: string;

  @IsUUID()
  previousRoomTypeId!: string;

  @IsInt()
  @Min(1)
  adults!: number;

  @IsInt()
  @Min(0)
  children!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  totalPrice!: Money;

  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReservationNightV1)
  nights!: ReservationNightV1[];

  @Omittable()
  @IsUUID()
  groupBlockId?: string;
}
