import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCountryCode, IsCurrencyCode, IsIanaTimeZone, Omittable } from '../../validators';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Opening hours of a desk that is not staffed around the clock, property-local. */
export class DeskHoursV1 {
  @Matches(CLOCK_TIME)
  open!: string;

  @Matches(CLOCK_TIME)
  close!: string;
}

/**
 * The property's set-up after a change, including its size: staffing sizes teams from `roomCount` and
 * `starRating`. Sent after rooms are added in bulk too.
 */
export class PropertyUpdatedV1 {
  @IsUUID()
  propertyId!: string;

  @IsString()
  @Length(1, 16)
  code!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIanaTimeZone()
  timezone!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsCountryCode()
  country!: string;

  @Omittable()
  @IsInt()
  @Min(1)
  @Max(5)
  starRating?: number;

  /** Absent for a 24-hour desk. */
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => DeskHoursV1)
  deskHours?: DeskHoursV1;

  @IsInt()
  @Min(0)
  roomCount!: number;
}
