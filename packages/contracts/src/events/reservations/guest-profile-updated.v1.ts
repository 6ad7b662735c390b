import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsLanguageTag, Omittable } from '../../validators';
import { VIP_LEVELS, type VipLevel } from '../../vocabulary';

/**
 * What other services need to treat a guest well: language and VIP level. Names only to greet; never email,
 * phone or address. `erased` tells consumers to drop what they hold about the guest.
 */
export class GuestProfileUpdatedV1 {
  @IsUUID()
  guestId!: string;

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

  @IsArray()
  @IsString({ each: true })
  changes!: string[];

  @IsBoolean()
  erased!: boolean;

  /**
   * With `erased`: every reservation of the guest, at every property, so a consumer that keeps records by
   * reservation (folios, luggage, complaints) finds what to scrub without knowing the guest id.
   */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  reservationIds?: string[];
}
