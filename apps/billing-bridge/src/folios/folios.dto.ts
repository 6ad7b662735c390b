import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHARGE_TYPES, type ChargeType, type Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PaymentView } from '../payments/payments.dto';
import { PositiveMoney } from './money-input';

const REASON_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class FolioQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the folios of this reservation' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}

export class CreateFolioDto {
  @ApiProperty({ format: 'uuid', description: 'The stay that gets a further folio' })
  @IsUUID()
  reservationId!: string;

  @ApiPropertyOptional({ example: 'Company (room and tax)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  label?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The company that pays this folio' })
  @IsOptional()
  @IsUUID()
  cityLedgerAccountId?: string;

  @ApiPropertyOptional({
    enum: CHARGE_TYPES,
    isArray: true,
    description: 'Charge types routed to this folio from now on, e.g. ["room"]: the company pays the room',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHARGE_TYPES.length)
  @IsIn(CHARGE_TYPES, { each: true })
  chargeTypes?: ChargeType[];
}

export class CreateChargeDto {
  @ApiProperty({ enum: CHARGE_TYPES })
  @IsIn(CHARGE_TYPES)
  chargeType!: ChargeType;

  @ApiProperty({ type: PositiveMoney, description: 'Tax included, as the guest is told' })
  @IsObject()
  @ValidateNested()
  @Type(() => PositiveMoney)
  amount!: PositiveMoney;

  @ApiProperty({ example: 'Late check-out' })
  @IsString()
  @Length(1, 200)
  description!: string;

  @ApiPropertyOptional({ example: 'late_checkout', description: 'Why the desk posted it by hand' })
  @IsOptional()
  @Matches(REASON_CODE, { message: 'reasonCode must be 1-64 lower-case letters, digits, - or _' })
  reasonCode?: string;
}

/** An allowance of an amount at a charge type's rate, or (with correctsPostingId) the exact reversal of a charge. */
export class CreateAllowanceDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The charge to reverse exactly; then chargeType/amount are not given',
  })
  @IsOptional()
  @IsUUID()
  correctsPostingId?: string;

  @ApiPropertyOptional({ enum: CHARGE_TYPES })
  @ValidateIf((input: CreateAllowanceDto) => input.correctsPostingId === undefined)
  @IsIn(CHARGE_TYPES)
  chargeType?: ChargeType;

  @ApiPropertyOptional({ type: PositiveMoney, description: 'Tax included; the folio goes down by this' })
  @ValidateIf((input: CreateAllowanceDto) => input.correctsPostingId === undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => PositiveMoney)
  amount?: PositiveMoney;

  @ApiProperty({ example: 'Noisy room, goodwill gesture' })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @ApiPropertyOptional({ example: 'goodwill' })
  @IsOptional()
  @Matches(REASON_CODE, { message: 'reasonCode must be 1-64 lower-case letters, digits, - or _' })
  reasonCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}

export class FolioView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty() confirmationNumber!: string;
  @ApiProperty() guestName!: string;
  @ApiProperty({ description: 'Folio number within the stay: 1 is the guest folio' }) window!: number;
  @ApiPropertyOptional() label?: string;
  @ApiPropertyOptional() cityLedgerAccountId?: string;
  @ApiProperty({ enum: ['open', 'due', 'settled', 'closed'] }) status!: string;
  @ApiMoney({ description: 'Positive: the guest owes the hotel' }) balance!: Money;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional() invoiceId?: string;
}

export class PostingView {
  @ApiProperty() id!: string;
  @ApiProperty() folioId!: string;
  @ApiProperty({ enum: ['charge', 'allowance'] }) kind!: 'charge' | 'allowance';
  @ApiProperty({ enum: CHARGE_TYPES }) chargeType!: ChargeType;
  @ApiProperty({ enum: ['night_audit', 'concierge', 'desk', 'compensation', 'correction'] })
  source!: 'night_audit' | 'concierge' | 'desk' | 'compensation' | 'correction';
  @ApiProperty() description!: string;
  @ApiPropertyOptional() reasonCode?: string;
  @ApiMoney({ description: 'What the folio moved by: net + vat + cityTax (negative for an allowance)' })
  amount!: Money;
  @ApiMoney() net!: Money;
  @ApiMoney() vat!: Money;
  @ApiMoney() cityTax!: Money;
  @ApiProperty() vatRateBasisPoints!: number;
  @ApiProperty() businessDate!: string;
  @ApiPropertyOptional() correctsPostingId?: string;
  @ApiProperty() postedBy!: string;
  @ApiProperty() postedAt!: string;
}

export class FolioDetailView extends FolioView {
  @ApiProperty({ type: [String], description: 'Charge types routed to this folio' }) routedChargeTypes!: string[];
  @ApiProperty({ type: [PostingView], description: 'Charges and credits' }) postings!: PostingView[];
  @ApiProperty({ type: [PaymentView], description: 'Payments, deposits and city-ledger transfers' })
  payments!: PaymentView[];
}

export class FolioList {
  @ApiProperty({ type: [FolioView] }) items!: FolioView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
