import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PageQuery, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DESK_ROLES, DISPATCH_ROLES } from '../common/desk-roles';
import {
  AssignRequestDto,
  CreateRequestDto,
  DeferRequestDto,
  NoteDto,
  RequestList,
  RequestQuery,
  RequestView,
} from './requests.dto';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Roles(...DESK_ROLES)
@Controller('v1/properties/:propertyId/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  @ApiOperation({ summary: 'Open a guest request; its SLA due time comes from the property policy' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RequestView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.create(propertyId, input, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Requests by status, category, assignee or role queue, most urgent first' })
  @ApiOkResponse({ type: RequestList })
  list(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: RequestQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestList> {
    return this.requests.list(propertyId, query, principal);
  }

  @Get('mine')
  @ApiOperation({ summary: 'My tasks: what is assigned to the caller and not finished' })
  @ApiOkResponse({ type: RequestList, description: 'In progress first, then assigned, each most urgent first' })
  mine(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() page: PageQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestList> {
    return this.requests.list(propertyId, { ...page, assigneeId: principal.sub }, principal, true);
  }

  @Get(':requestId')
  @ApiOkResponse({ type: RequestView, description: 'With its history: every step, who and when' })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.get(propertyId, requestId, principal);
  }

  @Post(':requestId/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to an employee holding the role the request needs (porter for luggage, ...)' })
  @ApiOkResponse({ type: RequestView })
  assign(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @Body() input: AssignRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.assign(propertyId, requestId, input.employeeId, principal);
  }

  @Post(':requestId/start')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestView })
  start(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @Body() input: NoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.start(propertyId, requestId, principal, input.note);
  }

  @Post(':requestId/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestView })
  complete(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @Body() input: NoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.complete(propertyId, requestId, principal, input.note);
  }

  @Post(':requestId/cancel')
  @HttpCode(200)
  @Roles(...DISPATCH_ROLES)
  @ApiOkResponse({ type: RequestView })
  cancel(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @Body() input: NoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.cancel(propertyId, requestId, principal, input.note);
  }

  @Post(':requestId/defer')
  @HttpCode(200)
  @Roles(...DISPATCH_ROLES)
  @ApiOkResponse({ type: RequestView })
  defer(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @Body() input: DeferRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.defer(propertyId, requestId, input.until, input.reason, principal);
  }

  @Post(':requestId/reopen')
  @HttpCode(200)
  @Roles(...DISPATCH_ROLES)
  @ApiOkResponse({ type: RequestView })
  reopen(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('requestId', UuidParam) requestId: string,
    @Body() input: NoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RequestView> {
    return this.requests.reopen(propertyId, requestId, principal, input.note);
  }
}
