import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsLocalDate } from '@frontoffice/contracts';
import { NonNegativeMoney, PositiveMoney } from '../folios/money-input';
import { CASH_MOVEMENT_TYPES, type CashMovementType } from './till';

export const CASHIER_SESSION_STATUSES = ['open', 'closed', 'signed_off'] as const;
export type CashierSessionStatus = (typeof CASHIER_SESSION_STATUSES)[number];

export class OpenCashierSessionDto {
  @ApiProperty({ type: NonNegativeMoney, description: 'The cash float the till starts with' })
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  float!: NonNegativeMoney;
}

export class CloseCashierSessionDto {
  @ApiProperty({
    type: NonNegativeMoney,
    description: 'The cash counted in the drawer (blind: expected is not shown before)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  countedCash!: NonNegativeMoney;
}

export class CashMovementDto {
  @ApiProperty({ enum: CASH_MOVEMENT_TYPES, description: 'paid_in adds cash to the till, paid_out takes it out' })
  @IsIn(CASH_MOVEMENT_TYPES)
  type!: CashMovementType;

  @ApiProperty({ type: PositiveMoney })
  @IsObject()
  @ValidateNested()
  @Type(() => PositiveMoney)
  amount!: PositiveMoney;

  @ApiProperty({ example: 'Change from the safe' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class SignOffCashierSessionDto {
  @ApiPropertyOptional({ type: NonNegativeMoney, description: 'Required for a till the night audit closed uncounted' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  countedCash?: NonNegativeMoney;

  @ApiPropertyOptional({ example: 'Variance explained: change given twice' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class CashierSessionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASHIER_SESSION_STATUSES })
  @IsOptional()
  @IsIn(CASHIER_SESSION_STATUSES)
  status?: CashierSessionStatus;

  @ApiPropertyOptional({ example: '2026-03-10' })
  @IsOptional()
  @IsLocalDate()
  businessDate?: string;
}

/** What the agent sees on opening: no expected amount, so the close stays blind. */
export class CashierSessionOpenedView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty({ enum: CASHIER_SESSION_STATUSES }) status!: CashierSessionStatus;
  @ApiMoney() float!: Money;
  @ApiProperty() businessDate!: string;
  @ApiProperty() openedAt!: string;
}

export class CashMovementView {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: CASH_MOVEMENT_TYPES }) type!: CashMovementType;
  @ApiMoney() amount!: Money;
  @ApiProperty() reason!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

/**
 * The caller's own open till. Blind close: a front-desk agent gets no figure expected could be worked out from;
 * a front-office manager also gets the totals and the expected cash so far.
 */
export class MyCashierSessionView extends CashierSessionOpenedView {
  @ApiProperty({ type: [CashMovementView], description: 'Cash paid in and out of the till, oldest first' })
  movements!: CashMovementView[];
  @ApiPropertyOptional({ description: 'Cash taken so far (front_office_manager only)' }) cashIn?: Money;
  @ApiPropertyOptional({ description: 'Cash refunded so far (front_office_manager only)' }) cashOut?: Money;
  @ApiPropertyOptional({ description: 'Cash paid in so far (front_office_manager only)' }) paidIn?: Money;
  @ApiPropertyOptional({ description: 'Cash paid out so far (front_office_manager only)' }) paidOut?: Money;
  @ApiPropertyOptional({ description: 'What the drawer should hold now (front_office_manager only)' })
  expected?: Money;
}

export class CashierSessionCloseView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CASHIER_SESSION_STATUSES }) status!: CashierSessionStatus;
  @ApiMoney({ description: 'Float + cash taken − cash refunded + paid in − paid out' }) expected!: Money;
  @ApiMoney() counted!: Money;
  @ApiMoney({ description: 'counted − expected: negative when short' }) variance!: Money;
  @ApiProperty() closedAt!: string;
}

/** The manager's view of a till, with its figures. */
export class CashierSessionView extends CashierSessionOpenedView {
  @ApiPropertyOptional() closedAt?: string;
  @ApiPropertyOptional() closedBy?: string;
  @ApiProperty() autoClosed!: boolean;
  @ApiPropertyOptional({ description: 'Computed when closed' }) expected?: Money;
  @ApiPropertyOptional() counted?: Money;
  @ApiPropertyOptional() variance?: Money;
  @ApiMoney({ description: 'Cash taken so far' }) cashIn!: Money;
  @ApiMoney({ description: 'Cash refunded so far' }) cashOut!: Money;
  @ApiMoney({ description: 'Cash paid in so far (not folio payments)' }) paidIn!: Money;
  @ApiMoney({ description: 'Cash paid out so far (not refunds)' }) paidOut!: Money;
  @ApiPropertyOptional() signedOffBy?: string;
  @ApiPropertyOptional() signedOffAt?: string;
  @ApiPropertyOptional() signOffNote?: string;
}

/** One till with its paid-ins and paid-outs. */
export class CashierSessionDetailView extends CashierSessionView {
  @ApiProperty({ type: [CashMovementView], description: 'Oldest first' }) movements!: CashMovementView[];
}

export class CashierSessionList {
  @ApiProperty({ type: [CashierSessionView] }) items!: CashierSessionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
