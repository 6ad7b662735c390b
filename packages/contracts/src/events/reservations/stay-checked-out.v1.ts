import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { IsAfterLocalDate, IsLocalDate, IsUtcInstant } from '../../validators';

/** The guest left; the room is vacant-dirty. `early` when they left before the booked departure. */
export class StayCheckedOutV1 {
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

  @IsLocalDate()
  arrival!: string;

  /** The booked departure. */
  @IsLocalDate()
  @IsAfterLocalDate('arrival')
  departure!: string;

  @IsBoolean()
  early!: boolean;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  checkedOutAt!: string;
}
