import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant, Omittable } from '../../validators';
import { PAYMENT_METHODS, type PaymentMethodName } from './vocabulary';

/** Money was given back on a payment (at most what was paid on it, once). */
export class RefundIssuedV1 {
  @IsUUID()
  refundId!: string;

  @IsUUID()
  paymentId!: string;

  @IsUUID()
  folioId!: string;

  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethodName;

  /** Positive: what was given back. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @IsString()
  @Length(1, 500)
  reason!: string;

  @IsString()
  @Length(1, 100)
  requestedBy!: string;

  /** Set when the refund was above the property's threshold and a front office manager approved it. */
  @Omittable()
  @IsString()
  @Length(1, 100)
  approvedBy?: string;

  @Omittable()
  @IsUUID()
  cashierSessionId?: string;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  issuedAt!: string;
}
