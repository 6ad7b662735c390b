import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant, Omittable } from '../../validators';

/** What a concierge charge is for; billing maps each to a revenue account and a VAT rate. */
export const SERVICE_CHARGE_TYPES = ['local_booking', 'transport', 'amenity', 'food_beverage', 'other'] as const;
export type ServiceChargeType = (typeof SERVICE_CHARGE_TYPES)[number];

/** The concierge sold something to an in-house guest: billing posts it to the guest's folio, once per chargeId. */
export class ConciergeServiceChargedV1 {
  @IsUUID()
  chargeId!: string;

  @IsUUID()
  reservationId!: string;

  @Omittable()
  @IsUUID()
  requestId?: string;

  @IsIn(SERVICE_CHARGE_TYPES)
  chargeType!: ServiceChargeType;

  @IsString()
  @Length(1, 200)
  description!: string;

  /** Tax included, as the guest was told. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  /** The property's business date when the service was sold. */
  @Omittable()
  @IsLocalDate()
  businessDate?: string;

  @IsString()
  @Length(1, 100)
  chargedBy!: string;

  @IsUtcInstant()
  chargedAt!: string;
}
