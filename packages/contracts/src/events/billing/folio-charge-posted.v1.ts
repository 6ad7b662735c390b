import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, Omittable } from '../../validators';
import {
  CHARGE_TYPES,
  POSTING_KINDS,
  POSTING_SOURCES,
  type ChargeType,
  type PostingKind,
  type PostingSource,
} from './vocabulary';

/**
 * A charge or an allowance was posted to a folio. `amount` is what the folio balance moved by (negative for an
 * allowance) and always equals net + vat + cityTax.
 */
export class FolioChargePostedV1 {
  @IsUUID()
  postingId!: string;

  @IsUUID()
  folioId!: string;

  @IsUUID()
  reservationId!: string;

  @IsIn(POSTING_KINDS)
  kind!: PostingKind;

  @IsIn(CHARGE_TYPES)
  chargeType!: ChargeType;

  @IsIn(POSTING_SOURCES)
  source!: PostingSource;

  @IsString()
  @Length(1, 200)
  description!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  net!: Money;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  vat!: Money;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  cityTax!: Money;

  /** VAT rate applied, in basis points (1000 = 10 %). */
  @IsInt()
  @Min(0)
  @Max(10_000)
  vatRateBasisPoints!: number;

  /** The business date whose journal batch the posting belongs to. */
  @IsLocalDate()
  businessDate!: string;

  @Omittable()
  @IsString()
  @Length(1, 64)
  reasonCode?: string;

  /** The employee (token subject) or the producing service that posted it. */
  @IsString()
  @Length(1, 100)
  postedBy!: string;
}
