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

/** What moved the numbers: inventory (bookings, blocks, releases), rooms (added, out of order) or rates. */
export const AVAILABILITY_CHANGE_CAUSES = ['inventory', 'rooms', 'rates'] as const;
export type AvailabilityChangeCause = (typeof AVAILABILITY_CHANGE_CAUSES)[number];

/** One night of one room type, counted after the change. */
export class AvailabilityNightV1 {
  @IsLocalDate()
  date!: string;

  /** Rooms still for sale that night (never below 0): rooms − out of order + overbooking allowance − sold − blocked. */
  @IsInt()
  @Min(0)
  available!: number;

  @IsInt()
  @Min(0)
  rooms!: number;

  @IsInt()
  @Min(0)
  outOfOrder!: number;

  @IsInt()
  @Min(0)
  sold!: number;

  /** Rooms group blocks still hold and nobody picked up. */
  @IsInt()
  @Min(0)
  blocked!: number;
}

/** A run of nights [from, to) that one rate plan sells at one nightly price. */
export class AvailabilityRateRunV1 {
  @IsUUID()
  ratePlanId!: string;

  @IsString()
  @Length(1, 32)
  ratePlanCode!: string;

  @IsLocalDate()
  from!: string;

  @IsLocalDate()
  @IsAfterLocalDate('from')
  to!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  nightly!: Money;
}

/**
 * The availability (and, when rates changed, the prices) of one room type over the nights [from, to) that one
 * transaction changed, as they stand after it committed. One event per room type per transaction, so a burst of
 * changes reaches channel managers and revenue systems coalesced; consumers keep the latest state per night.
 */
export class AvailabilityChangedV1 {
  @IsUUID()
  roomTypeId!: string;

  @IsString()
  @Length(1, 32)
  roomTypeCode!: string;

  /** First night changed. */
  @IsLocalDate()
  from!: string;

  /** The night after the last one changed. */
  @IsLocalDate()
  @IsAfterLocalDate('from')
  to!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(AVAILABILITY_CHANGE_CAUSES, { each: true })
  causes!: AvailabilityChangeCause[];

  /** Every night of [from, to), in date order. */
  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AvailabilityNightV1)
  nights!: AvailabilityNightV1[];

  /** Present when rates changed: the nightly price of every rate plan over [from, to), as runs of equal price. */
  @Omittable()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AvailabilityRateRunV1)
  rates?: AvailabilityRateRunV1[];
}
