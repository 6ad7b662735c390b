import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant, Omittable } from '../../validators';
import { PAYMENT_METHODS, type PaymentMethodName } from './vocabulary';

/**
 * A payment was taken on a folio (or a city-ledger transfer made). Never a card number: a card payment carries the
 * processor's reference and the last four digits only.
 */
export class PaymentRecordedV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  folioId!: string;

  @IsUUID()
  reservationId!: string;

  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethodName;

  /** Positive: what the guest (or company) paid. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  /** An advance deposit, held as a liability until the guest checks in. */
  @IsBoolean()
  deposit!: boolean;

  @Omittable()
  @Matches(/^\d{4}$/)
  cardLast4?: string;

  @Omittable()
  @IsString()
  @Length(1, 100)
  processorRef?: string;

  @Omittable()
  @IsUUID()
  cityLedgerAccountId?: string;

  /** The till a cash payment went into. */
  @Omittable()
  @IsUUID()
  cashierSessionId?: string;

  @IsLocalDate()
  businessDate!: string;

  @IsString()
  @Length(1, 100)
  recordedBy!: string;

  @IsUtcInstant()
  recordedAt!: string;
}
