import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsUtcInstant } from '../../validators';
import { PAYMENT_METHODS, type PaymentMethodName } from './vocabulary';

/** A refund above the property's threshold waits for a front office manager other than the requester. */
export class RefundApprovalRequestedV1 {
  @IsUUID()
  refundId!: string;

  @IsUUID()
  paymentId!: string;

  @IsUUID()
  folioId!: string;

  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethodName;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  /** The property's threshold the amount exceeds. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  threshold!: Money;

  @IsString()
  @Length(1, 500)
  reason!: string;

  @IsString()
  @Length(1, 100)
  requestedBy!: string;

  @IsUtcInstant()
  requestedAt!: string;
}
