import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCountryCode, IsCurrencyCode, IsIanaTimeZone, IsLocalDate, Omittable } from '../../validators';

/** A hotel joined the platform; every other service starts its local picture of the property from this event. */
export class PropertyCreatedV1 {
  @IsUUID()
  propertyId!: string;

  /** Short code the staff use on screens and reports, e.g. 'PAR-OPERA'. */
  @IsString()
  @Length(1, 16)
  code!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  /** Business and stay dates are days in this zone. */
  @IsIanaTimeZone()
  timezone!: string;

  /** Currency of the property's folios and rates. */
  @IsCurrencyCode()
  currency!: string;

  @IsCountryCode()
  country!: string;

  @Omittable()
  @IsInt()
  @Min(1)
  @Max(5)
  starRating?: number;

  /** The day the front office is working on; night audit moves it forward. */
  @IsLocalDate()
  businessDate!: string;

  @Omittable()
  @IsInt()
  @Min(0)
  roomCount?: number;
}
