import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { IsAfterLocalDate, IsLocalDate, IsUtcInstant, Omittable } from '../../validators';
import { ReservationGuestV1 } from './reservation-created.v1';

/** The guest has a room key: the stay has begun. Porters, the concierge and billing start from this. */
export class StayCheckedInV1 {
  @IsUUID()
  reservationId!: string;

  @IsString()
  @Length(1, 32)
  confirmationNumber!: string;

  @IsUUID()
  roomId!: string;

  @IsString()
  @Length(1, 16)
  roomNumber!: string;

  /** The type of the room given, which differs from the booked one on an upgrade. */
  @IsUUID()
  roomTypeId!: string;

  @IsUUID()
  bookedRoomTypeId!: string;

  @IsBoolean()
  upgraded!: boolean;

  @IsObject()
  @ValidateNested()
  @Type(() => ReservationGuestV1)
  guest!: ReservationGuestV1;

  @IsLocalDate()
  arrival!: string;

  @IsLocalDate()
  @IsAfterLocalDate('arrival')
  departure!: string;

  @IsInt()
  @Min(1)
  adults!: number;

  @IsInt()
  @Min(0)
  children!: number;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  checkedInAt!: string;

  /** Set when the booking was made at the desk and checked in at once. */
  @Omittable()
  @IsBoolean()
  walkIn?: boolean;

  @Omittable()
  @IsUUID()
  groupBlockId?: string;
}
