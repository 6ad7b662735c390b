import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsUtcInstant } from '../../validators';

export const COMPENSATION_KINDS = ['allowance', 'free_service'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

/**
 * The front office manager approved a compensation for a complaint; billing turns it into one allowance on the
 * guest's folio (at most once per compensationId).
 */
export class ConciergeCompensationGrantedV1 {
  @IsUUID()
  compensationId!: string;

  @IsUUID()
  complaintId!: string;

  @IsUUID()
  reservationId!: string;

  @IsIn(COMPENSATION_KINDS)
  kind!: CompensationKind;

  /** Positive: the value credited to the guest. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @IsString()
  @Length(1, 500)
  description!: string;

  @IsString()
  @Length(1, 100)
  approvedBy!: string;

  @IsUtcInstant()
  approvedAt!: string;
}
