import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdempotencyKey } from '../folios/idempotency-header';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  CashierSessionCloseView,
  CashierSessionDetailView,
  CashierSessionList,
  CashMovementDto,
  CashMovementView,
  MyCashierSessionView,
  CashierSessionOpenedView,
  CashierSessionQuery,
  CashierSessionView,
  CloseCashierSessionDto,
  OpenCashierSessionDto,
  SignOffCashierSessionDto,
} from './cashier.dto';
import { CashierService } from './cashier.service';

@ApiTags('cashier sessions')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/cashier-sessions')
export class CashierController {
  constructor(private readonly cashier: CashierService) {}

  @Post()
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: "Open the caller's till with a float; one open till per agent" })
  @ApiCreatedResponse({ type: CashierSessionOpenedView })
  @ApiConflictResponse({ description: 'The agent already has an open till' })
  open(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: OpenCashierSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CashierSessionOpenedView> {
    return this.cashier.open(propertyId, input, principal.sub);
  }

  @Post(':sessionId/close')
  @HttpCode(200)
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Blind close with the counted cash: answers expected, counted and variance' })
  @ApiOkResponse({ type: CashierSessionCloseView })
  close(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @Body() input: CloseCashierSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CashierSessionCloseView> {
    return this.cashier.close(propertyId, sessionId, input, principal);
  }

  @Post(':sessionId/movements')
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: "Pay cash into or out of the caller's own open till (not a folio payment or refund)" })
  @ApiCreatedResponse({ type: CashMovementView })
  @ApiForbiddenResponse({ description: "`not-your-till`: only the till's agent moves its cash" })
  @ApiConflictResponse({ description: '`insufficient-cash`, or `cashier-session-closed`' })
  move(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @Body() input: CashMovementDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CashMovementView> {
    return this.cashier.move(propertyId, sessionId, input, principal);
  }

  @Get()
  @Roles('front_office_manager', 'finance')
  @ApiOperation({ summary: 'Tills with their expected cash and variances' })
  @ApiOkResponse({ type: CashierSessionList })
  list(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: CashierSessionQuery,
  ): Promise<CashierSessionList> {
    return this.cashier.list(propertyId, query);
  }

  // Declared before ':sessionId' so that 'mine' is not taken for a session id.
  @Get('mine')
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({
    summary: "The caller's open till here; no expected cash for front_desk (blind close), figures for the manager",
  })
  @ApiOkResponse({ type: MyCashierSessionView })
  @ApiNotFoundResponse({ description: '`no-open-till`: the caller has no open till at this property' })
  mine(
    @Param('propertyId', UuidParam) propertyId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MyCashierSessionView> {
    return this.cashier.mine(propertyId, principal);
  }

  @Get(':sessionId')
  @Roles('front_office_manager', 'finance')
  @ApiOkResponse({ type: CashierSessionDetailView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('sessionId', UuidParam) sessionId: string,
  ): Promise<CashierSessionDetailView> {
    return this.cashier.get(propertyId, sessionId);
  }

  @Post(':sessionId/sign-off')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Sign a closed till off (count it if the night audit closed it)' })
  @ApiOkResponse({ type: CashierSessionView })
  signOff(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('sessionId', UuidParam) sessionId: string,
    @Body() input: SignOffCashierSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CashierSessionView> {
    return this.cashier.signOff(propertyId, sessionId, input, principal);
  }
}
