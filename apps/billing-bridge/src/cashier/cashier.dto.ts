import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsLocalDate } from '@frontoffice/contracts';
import { NonNegativeMoney } from '../folios/money-input';

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

export class CashierSessionCloseView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CASHIER_SESSION_STATUSES }) status!: CashierSessionStatus;
  @ApiMoney({ description: 'Float + cash taken − cash refunded' }) expected!: Money;
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
  @ApiPropertyOptional() signedOffBy?: string;
  @ApiPropertyOptional() signedOffAt?: string;
  @ApiPropertyOptional() signOffNote?: string;
}

export class CashierSessionList {
  @ApiProperty({ type: [CashierSessionView] }) items!: CashierSessionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
