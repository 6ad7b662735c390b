import { ServiceEnv } from '@frontoffice/platform';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** Reservations settings; everything shared lives in ServiceEnv. */
export class ReservationsEnv extends ServiceEnv {
  /**
   * How many nights after the business date `inventory.availability-changed` covers when a change has no end (a room
   * added, a rate plan's base price, an out-of-order room without an end date): what channel managers sell ahead.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1096)
  AVAILABILITY_HORIZON_DAYS = 365;

  /** Largest OpenTravel message a channel may post; a bigger one is refused with an OTA error before it is parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10_485_760)
  OTA_MAX_MESSAGE_BYTES = 262_144;
}
