import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  Equals,
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
import { IsAfterLocalDate, IsLanguageTag, IsLocalDate, Omittable } from '../../validators';
import { VIP_LEVELS, type VipLevel } from '../../vocabulary';

/**
 * Just enough to greet the guest and staff the desk. No email, phone or address: events are copied into every
 * consumer's store and kept on Kafka, where personal data could neither be protected nor erased on request.
 */
export class ReservationGuestV1 {
  /** Set when the guest has a profile in the reservations service. */
  @Omittable()
  @IsUUID()
  guestId?: string;

  @IsString()
  @Length(1, 100)
  firstName!: string;

  @IsString()
  @Length(1, 100)
  lastName!: string;

  @Omittable()
  @IsLanguageTag()
  language?: string;

  @IsIn(VIP_LEVELS)
  vipLevel!: VipLevel;
}

export class ReservationNightV1 {
  @IsLocalDate()
  date!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  price!: Money;
}

/** A booking was confirmed and its room nights are held. */
export class ReservationCreatedV1 {
  @IsUUID()
  reservationId!: string;

  /** What the guest quotes at the desk. */
  @IsString()
  @Length(1, 32)
  confirmationNumber!: string;

  @Equals('confirmed')
  status!: 'confirmed';

  @IsObject()
  @ValidateNested()
  @Type(() => ReservationGuestV1)
  guest!: ReservationGuestV1;

  @IsUUID()
  roomTypeId!: string;

  @IsLocalDate()
  arrival!: string;

  /** The morning the guest leaves, so a one-night stay has departure = arrival + 1. */
  @IsLocalDate()
  @IsAfterLocalDate('arrival')
  departure!: string;

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

  /** Rates vary by night (weekends, events, seasons), so each night carries its own price. */
  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReservationNightV1)
  nights!: ReservationNightV1[];

  /** Booking channel, e.g. 'direct', 'phone' or an OTA name. */
  @Omittable()
  @IsString()
  @Length(1, 64)
  source?: string;

  @Omittable()
  @IsUUID()
  groupBlockId?: string;
}
