import { IsString, IsUUID, Length } from 'class-validator';
import { IsAfterLocalDate, IsLocalDate, IsUtcInstant, Omittable } from '../../validators';

/** A booking was cancelled before arrival; its room nights are back on sale. */
export class ReservationCancelledV1 {
  @IsUUID()
  reservationId!: string;

  @IsString()
  @Length(1, 32)
  confirmationNumber!: string;

  @IsUUID()
  roomTypeId!: string;

  @IsLocalDate()
  arrival!: string;

  @IsLocalDate()
  @IsAfterLocalDate('arrival')
  departure!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;

  @IsUtcInstant()
  cancelledAt!: string;

  @Omittable()
  @IsUUID()
  groupBlockId?: string;
}
