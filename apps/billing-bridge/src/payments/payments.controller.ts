import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdempotencyKey } from '../folios/idempotency-header';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  PaymentView,
  RecordDepositDto,
  RecordPaymentDto,
  RefundList,
  RefundQuery,
  RefundView,
  RejectRefundDto,
  RequestRefundDto,
} from './payments.dto';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('folios/:folioId/payments')
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      "Take a payment: cash (into the caller's open till), card (reference + last 4 only), bank transfer or city ledger",
  })
  @ApiCreatedResponse({ type: PaymentView })
  @ApiConflictResponse({ description: 'No open till for cash, folio settled, or another currency' })
  record(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
    @Body() input: RecordPaymentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentView> {
    return this.payments.record(propertyId, folioId, input, principal);
  }

  @Post('folios/:folioId/deposits')
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Take an advance deposit, held as a liability and applied to the folio at check-in' })
  @ApiCreatedResponse({ type: PaymentView })
  deposit(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
    @Body() input: RecordDepositDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentView> {
    return this.payments.record(propertyId, folioId, input, principal, true);
  }

  @Get('payments/:paymentId')
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOkResponse({ type: PaymentView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('paymentId', UuidParam) paymentId: string,
  ): Promise<PaymentView> {
    return this.payments.getPayment(propertyId, paymentId);
  }

  @Post('payments/:paymentId/refunds')
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary:
      'Refund on a payment: never more than paid minus earlier refunds; above the threshold it waits for approval',
  })
  @ApiCreatedResponse({ type: RefundView })
  @ApiConflictResponse({ description: 'More than can be refunded, or a cash refund without an open till' })
  refund(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('paymentId', UuidParam) paymentId: string,
    @Body() input: RequestRefundDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundView> {
    return this.payments.requestRefund(propertyId, paymentId, input, principal);
  }

  @Get('refunds')
  @Roles('front_office_manager', 'finance')
  @ApiOperation({ summary: 'Refunds, e.g. those waiting for approval' })
  @ApiOkResponse({ type: RefundList })
  listRefunds(@Param('propertyId', UuidParam) propertyId: string, @Query() query: RefundQuery): Promise<RefundList> {
    return this.payments.listRefunds(propertyId, query);
  }

  @Get('refunds/:refundId')
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOkResponse({ type: RefundView })
  getRefund(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('refundId', UuidParam) refundId: string,
  ): Promise<RefundView> {
    return this.payments.getRefund(propertyId, refundId);
  }

  @Post('refunds/:refundId/approve')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Approve a refund above the threshold (by a manager other than the requester): it is issued, once',
  })
  @ApiOkResponse({ type: RefundView })
  @ApiForbiddenResponse({ description: 'Not a front office manager, or the requester' })
  approve(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('refundId', UuidParam) refundId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundView> {
    return this.payments.approveRefund(propertyId, refundId, principal);
  }

  @Post('refunds/:refundId/reject')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Reject a refund waiting for approval' })
  @ApiOkResponse({ type: RefundView })
  reject(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('refundId', UuidParam) refundId: string,
    @Body() input: RejectRefundDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundView> {
    return this.payments.rejectRefund(propertyId, refundId, input.reason, principal);
  }
}
