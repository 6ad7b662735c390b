import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsLocalDate, type Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PeriodQuery } from '../journal/period.dto';

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'city_ledger'] as const;
export const REFUND_STATUSES = ['pending_approval', 'issued', 'rejected'] as const;
export const FOLIO_STATUSES = ['open', 'due', 'settled', 'closed'] as const;

export const FINANCE_DEFAULT_PAGE = 200;
export const FINANCE_MAX_PAGE = 1000;

/**
 * The platform's `?cursor` with the finance API's own `?limit` range: it has answered up to 1000 rows a page since
 * it was published, and back-office exporters ask for that many, so its bound is kept.
 */
export class FinancePageQuery extends PickType(PageQuery, ['cursor'] as const) {
  @ApiPropertyOptional({ minimum: 1, maximum: FINANCE_MAX_PAGE, default: FINANCE_DEFAULT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FINANCE_MAX_PAGE)
  limit?: number;
}

export class FinancePaymentsQuery extends IntersectionType(PeriodQuery, FinancePageQuery) {
  @ApiPropertyOptional({ format: 'uuid', description: "One of the token's properties; all of them when absent" })
  @IsOptional()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: (typeof PAYMENT_METHODS)[number];
}

export class FinanceRefundsQuery extends FinancePaymentsQuery {
  @ApiPropertyOptional({ enum: REFUND_STATUSES })
  @IsOptional()
  @IsIn(REFUND_STATUSES)
  status?: (typeof REFUND_STATUSES)[number];
}

export class FinanceFoliosQuery extends FinancePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ enum: FOLIO_STATUSES })
  @IsOptional()
  @IsIn(FOLIO_STATUSES)
  status?: (typeof FOLIO_STATUSES)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only folios whose balance is not zero' })
  @IsOptional()
  @IsIn(['true', 'false'])
  nonZero?: 'true' | 'false';
}

export class FinanceCityLedgerQuery extends FinancePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ description: "Age the balances as of this date; default: each property's business date" })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class FlashQuery {
  @ApiProperty({ example: '2026-03-10' })
  @IsLocalDate()
  businessDate!: string;
}

export class FinancePaymentView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() folioId!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: string;
  @ApiProperty({ enum: ['payment', 'deposit', 'city_ledger_transfer'] }) kind!: string;
  @ApiMoney() amount!: Money;
  @ApiMoney({ description: 'Refunds issued on it so far' }) refunded!: Money;
  @ApiMoney({ description: 'Refunds waiting for approval' }) pendingRefund!: Money;
  @ApiPropertyOptional({ enum: ['held', 'applied'] }) depositStatus?: string;
  @ApiPropertyOptional() cardLast4?: string;
  @ApiPropertyOptional() processorRef?: string;
  @ApiPropertyOptional() cityLedgerAccountId?: string;
  @ApiPropertyOptional() cashierSessionId?: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export class FinanceRefundView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty() folioId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: string;
  @ApiProperty({ enum: REFUND_STATUSES }) status!: string;
  @ApiMoney() amount!: Money;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiPropertyOptional() approvedBy?: string;
  @ApiPropertyOptional() cashierSessionId?: string;
  @ApiProperty({ description: 'Business date of the issue (of the request while pending)' }) businessDate!: string;
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional() issuedAt?: string;
}

export class FinanceFolioView {
  @ApiProperty() folioId!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty() confirmationNumber!: string;
  @ApiProperty() guestName!: string;
  @ApiProperty({ enum: FOLIO_STATUSES }) status!: string;
  @ApiPropertyOptional() cityLedgerAccountId?: string;
  @ApiMoney({ description: 'Positive: owed to the hotel' }) balance!: Money;
  @ApiProperty() openedAt!: string;
}

export class AgingView {
  @ApiMoney({ description: '0 to 30 days' }) current!: Money;
  @ApiMoney() days31to60!: Money;
  @ApiMoney() days61to90!: Money;
  @ApiMoney() over90!: Money;
}

export class FinanceCityLedgerView {
  @ApiProperty() accountId!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional() creditLimit?: Money;
  @ApiProperty() asOf!: string;
  @ApiMoney({ description: 'City-ledger journal lines of the account: debits minus credits' }) balance!: Money;
  @ApiProperty({ type: AgingView }) aging!: AgingView;
}

export class FinancePaymentList {
  @ApiProperty({ type: [FinancePaymentView] }) items!: FinancePaymentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class FinanceRefundList {
  @ApiProperty({ type: [FinanceRefundView] }) items!: FinanceRefundView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class FinanceFolioList {
  @ApiProperty({ type: [FinanceFolioView] }) items!: FinanceFolioView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class FinanceCityLedgerList {
  @ApiProperty({ type: [FinanceCityLedgerView] }) items!: FinanceCityLedgerView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class FlashRoomsView {
  @ApiProperty() roomsTotal!: number;
  @ApiProperty() roomsOutOfOrder!: number;
  @ApiProperty() roomsAvailable!: number;
  @ApiProperty() roomsSold!: number;
  @ApiProperty({ nullable: true, type: Number, example: 81.25 }) occupancyPercent!: number | null;
  @ApiProperty({ nullable: true, description: 'Net room revenue ÷ rooms sold' }) adr!: Money | null;
  @ApiProperty({ nullable: true, description: 'Net room revenue ÷ rooms available' }) revpar!: Money | null;
  @ApiProperty() arrivals!: number;
  @ApiProperty() departures!: number;
  @ApiProperty() noShows!: number;
}

export class FlashDepartmentView {
  @ApiProperty() department!: string;
  @ApiMoney({ description: 'Charges net of VAT' }) gross!: Money;
  @ApiMoney({ description: 'Allowances net of VAT' }) allowances!: Money;
  @ApiMoney({ description: 'Charges minus allowances, net of VAT' }) net!: Money;
  @ApiMoney() vat!: Money;
  @ApiMoney() cityTax!: Money;
}

export class FlashPaymentMethodView {
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: string;
  @ApiProperty() count!: number;
  @ApiMoney({ description: 'Payments and deposits received' }) received!: Money;
  @ApiMoney() refunded!: Money;
  @ApiMoney() net!: Money;
}

export class FlashVarianceView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() autoClosed!: boolean;
  @ApiMoney() expected!: Money;
  @ApiMoney() counted!: Money;
  @ApiMoney({ description: 'Counted minus expected: negative when short' }) variance!: Money;
  @ApiPropertyOptional() signedOffBy?: string;
}

export class FlashReportView {
  @ApiProperty() propertyId!: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty({ description: 'Whether the night audit closed the date (room figures come from it)' })
  closed!: boolean;
  @ApiProperty({ type: FlashRoomsView, nullable: true }) rooms!: FlashRoomsView | null;
  @ApiMoney({ description: 'Net revenue of the rooms department' }) roomRevenue!: Money;
  @ApiProperty({ type: [FlashDepartmentView] }) revenueByDepartment!: FlashDepartmentView[];
  @ApiMoney() totalRevenue!: Money;
  @ApiProperty({ type: [FlashPaymentMethodView] }) paymentsByMethod!: FlashPaymentMethodView[];
  @ApiMoney({ description: 'Folio balances moved to company accounts' }) cityLedgerTransfers!: Money;
  @ApiProperty({ type: [FlashVarianceView] }) cashierVariances!: FlashVarianceView[];
  @ApiMoney() totalVariance!: Money;
}
