import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  FinanceCityLedgerList,
  FinanceCityLedgerQuery,
  FinanceFolioList,
  FinanceFoliosQuery,
  FinancePaymentList,
  FinancePaymentsQuery,
  FinanceRefundList,
  FinanceRefundsQuery,
  FlashQuery,
  FlashReportView,
} from './finance.dto';
import { FinanceService, propertyScope } from './finance.service';
import { FlashService } from './flash.service';

/** The back office's view of the desk's money, across the properties of the caller's token ('*': all). */
@ApiTags('finance')
@ApiBearerAuth()
@Roles('finance')
@Controller('v1/finance')
export class FinanceController {
  constructor(private readonly finance: FinanceService) {}

  @Get('payments')
  @ApiOperation({ summary: 'Payments, deposits and city-ledger transfers by business date, method and property' })
  @ApiOkResponse({ type: FinancePaymentList })
  payments(
    @Query() query: FinancePaymentsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FinancePaymentList> {
    return this.finance.payments(propertyScope(principal, query.propertyId), query);
  }

  @Get('refunds')
  @ApiOperation({ summary: 'Refunds (issued, pending approval or rejected) by business date, method and property' })
  @ApiOkResponse({ type: FinanceRefundList })
  refunds(@Query() query: FinanceRefundsQuery, @CurrentPrincipal() principal: Principal): Promise<FinanceRefundList> {
    return this.finance.refunds(propertyScope(principal, query.propertyId), query);
  }

  @Get('folios')
  @ApiOperation({ summary: 'Folio balances' })
  @ApiOkResponse({ type: FinanceFolioList })
  folios(@Query() query: FinanceFoliosQuery, @CurrentPrincipal() principal: Principal): Promise<FinanceFolioList> {
    return this.finance.folios(propertyScope(principal, query.propertyId), {
      status: query.status,
      nonZero: query.nonZero === 'true',
      cursor: query.cursor,
      limit: query.limit,
    });
  }

  @Get('city-ledger')
  @ApiOperation({ summary: 'City-ledger accounts with their balance and aging (0-30, 31-60, 61-90, 90+ days)' })
  @ApiOkResponse({ type: FinanceCityLedgerList })
  async cityLedger(
    @Query() query: FinanceCityLedgerQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FinanceCityLedgerList> {
    return this.finance.cityLedger(propertyScope(principal, query.propertyId), {
      asOf: query.asOf,
      cursor: query.cursor,
      limit: query.limit,
    });
  }
}

@ApiTags('finance')
@ApiBearerAuth()
@Roles('front_office_manager', 'finance')
@Controller('v1/properties/:propertyId/reports')
export class ReportsController {
  constructor(private readonly flash: FlashService) {}

  @Get('flash')
  @ApiOperation({
    summary: "The manager's flash report of a business date",
    description:
      'Rooms sold and available, occupancy, ADR and RevPAR (from the night audit and the net room revenue), ' +
      'revenue by department, payments by method and cashier variances.',
  })
  @ApiOkResponse({ type: FlashReportView })
  report(@Param('propertyId', UuidParam) propertyId: string, @Query() query: FlashQuery): Promise<FlashReportView> {
    return this.flash.report(propertyId, query.businessDate);
  }
}
