import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_METHODS, type Money, type PaymentMethodName } from '@frontoffice/contracts';
import { ApiMoney, HasNoCardNumber, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
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
import { PositiveMoney } from '../folios/money-input';

export class RecordPaymentDto {
  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethodName;

  @ApiProperty({ type: PositiveMoney })
  @IsObject()
  @ValidateNested()
  @Type(() => PositiveMoney)
  amount!: PositiveMoney;

  @ApiPropertyOptional({ example: '4242', description: 'Card payments: the last four digits only' })
  @ValidateIf((input: RecordPaymentDto) => input.method === 'card' || input.cardLast4 !== undefined)
  @Matches(/^\d{4}$/, { message: 'cardLast4 must be exactly the last 4 digits of the card' })
  cardLast4?: string;

  @ApiPropertyOptional({ example: 'ch_3NqKx2LkdIwHu7ix', description: "Card payments: the processor's reference" })
  @ValidateIf((input: RecordPaymentDto) => input.method === 'card' || input.processorRef !== undefined)
  @IsString()
  @Length(1, 100)
  @HasNoCardNumber()
  processorRef?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "city_ledger: the company's account the amount moves to" })
  @ValidateIf((input: RecordPaymentDto) => input.method === 'city_ledger' || input.cityLedgerAccountId !== undefined)
  @IsUUID()
  cityLedgerAccountId?: string;
}

export class RecordDepositDto extends RecordPaymentDto {
  @ApiProperty({ enum: ['cash', 'card', 'bank_transfer'] })
  @IsIn(['cash', 'card', 'bank_transfer'], { message: 'an advance deposit is paid in cash, by card or bank transfer' })
  declare method: Exclude<PaymentMethodName, 'city_ledger'>;
}

export class RequestRefundDto {
  @ApiProperty({ type: PositiveMoney })
  @IsObject()
  @ValidateNested()
  @Type(() => PositiveMoney)
  amount!: PositiveMoney;

  @ApiProperty({ example: 'Minibar charged by mistake' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class RejectRefundDto {
  @ApiProperty({ example: 'Not justified' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class RefundQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending_approval', 'issued', 'rejected'] })
  @IsOptional()
  @IsIn(['pending_approval', 'issued', 'rejected'])
  status?: 'pending_approval' | 'issued' | 'rejected';
}

export class PaymentView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() folioId!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethodName;
  @ApiMoney() amount!: Money;
  @ApiMoney({ description: 'Refunds issued so far' }) refunded!: Money;
  @ApiMoney({ description: 'Refunds waiting for approval' }) pendingRefund!: Money;
  @ApiProperty() deposit!: boolean;
  @ApiPropertyOptional({ enum: ['held', 'applied'] }) depositStatus?: 'held' | 'applied';
  @ApiProperty() cityLedgerTransfer!: boolean;
  @ApiPropertyOptional() cardLast4?: string;
  @ApiPropertyOptional() processorRef?: string;
  @ApiPropertyOptional() cityLedgerAccountId?: string;
  @ApiPropertyOptional() cashierSessionId?: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export class RefundView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending_approval', 'issued', 'rejected'] }) status!:
    'pending_approval' | 'issued' | 'rejected';
  @ApiProperty() paymentId!: string;
  @ApiProperty() folioId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethodName;
  @ApiMoney() amount!: Money;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiPropertyOptional() approvedBy?: string;
  @ApiPropertyOptional() decisionNote?: string;
  @ApiPropertyOptional() cashierSessionId?: string;
  @ApiPropertyOptional() businessDate?: string;
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional() issuedAt?: string;
}

export class RefundList {
  @ApiProperty({ type: [RefundView] }) items!: RefundView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
