import { IsString, IsUUID, Length } from 'class-validator';
import { IsLocalDate, IsUtcInstant, Omittable } from '../../validators';

/** An in-house guest changed rooms; luggage, requests and charges follow them. */
export class StayRoomMovedV1 {
  @IsUUID()
  reservationId!: string;

  @IsUUID()
  fromRoomId!: string;

  @IsString()
  @Length(1, 16)
  fromRoomNumber!: string;

  @IsUUID()
  toRoomId!: string;

  @IsString()
  @Length(1, 16)
  toRoomNumber!: string;

  @IsUUID()
  roomTypeId!: string;

  @Omittable()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  movedAt!: string;
}
