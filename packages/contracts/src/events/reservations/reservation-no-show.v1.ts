import { IsString, IsUUID, Length } from 'class-validator';
import { IsAfterLocalDate, IsLocalDate, Omittable } from '../../validators';

/** The guest did not arrive; the night audit (or the desk) released the booking. */
export class ReservationNoShowV1 {
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

  /** The business date on which the booking was marked a no-show. */
  @IsLocalDate()
  businessDate!: string;

  @Omittable()
  @IsUUID()
  groupBlockId?: string;
}
