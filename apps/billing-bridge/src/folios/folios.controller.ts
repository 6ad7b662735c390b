import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdempotencyKey } from './idempotency-header';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  CreateAllowanceDto,
  CreateChargeDto,
  CreateFolioDto,
  FolioDetailView,
  FolioList,
  FolioQuery,
  FolioView,
  PostingView,
} from './folios.dto';
import { FoliosService } from './folios.service';

@ApiTags('folios')
@ApiBearerAuth()
@Roles('front_desk', 'front_office_manager', 'finance')
@Controller('v1/properties/:propertyId/folios')
export class FoliosController {
  constructor(private readonly folios: FoliosService) {}

  @Get()
  @ApiOperation({ summary: "A property's folios, optionally those of one reservation" })
  @ApiOkResponse({ type: FolioList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: FolioQuery): Promise<FolioList> {
    return this.folios.list(propertyId, query);
  }

  @Post()
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'A further folio for a stay (e.g. company pays the room), with charge types routed to it' })
  @ApiCreatedResponse({ type: FolioView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateFolioDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FolioView> {
    return this.folios.createFolio(propertyId, input, principal.sub);
  }

  @Get(':folioId')
  @ApiOkResponse({ type: FolioDetailView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
  ): Promise<FolioDetailView> {
    return this.folios.get(propertyId, folioId);
  }

  @Post(':folioId/charges')
  @Roles('front_desk', 'front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Post a charge by hand (tax included), with a reason code' })
  @ApiCreatedResponse({ type: PostingView })
  @ApiConflictResponse({ description: 'The folio is settled, or in another currency' })
  charge(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
    @Body() input: CreateChargeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostingView> {
    return this.folios.postManualCharge(propertyId, folioId, input, principal.sub);
  }

  @Post(':folioId/allowances')
  @Roles('front_office_manager')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'An allowance or the correction of a charge; front office manager, with a reason' })
  @ApiCreatedResponse({ type: PostingView })
  @ApiConflictResponse({ description: 'The charge was corrected already, or the folio is settled' })
  allowance(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
    @Body() input: CreateAllowanceDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PostingView> {
    return this.folios.postAllowance(propertyId, folioId, input, principal.sub);
  }
}
