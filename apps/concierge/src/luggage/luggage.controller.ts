import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DESK_ROLES } from '../common/desk-roles';
import { HandBackDto, LuggageList, LuggageQuery, LuggageView, MoveLuggageDto, StoreLuggageDto } from './luggage.dto';
import { LuggageService } from './luggage.service';

@ApiTags('luggage')
@ApiBearerAuth()
@Roles(...DESK_ROLES)
@Controller('v1/properties/:propertyId/luggage')
export class LuggageController {
  constructor(private readonly luggage: LuggageService) {}

  @Post()
  @ApiOperation({ summary: 'Store a guest’s luggage under a tag number' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: LuggageView })
  store(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: StoreLuggageDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LuggageView> {
    return this.luggage.store(propertyId, input, principal.sub);
  }

  @Get()
  @ApiOkResponse({ type: LuggageList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: LuggageQuery): Promise<LuggageList> {
    return this.luggage.list(propertyId, query);
  }

  @Get(':luggageId')
  @ApiOkResponse({ type: LuggageView, description: 'With its chain of custody' })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('luggageId', UuidParam) luggageId: string,
  ): Promise<LuggageView> {
    return this.luggage.get(propertyId, luggageId);
  }

  @Post(':luggageId/move')
  @HttpCode(200)
  @ApiOkResponse({ type: LuggageView })
  move(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('luggageId', UuidParam) luggageId: string,
    @Body() input: MoveLuggageDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LuggageView> {
    return this.luggage.move(propertyId, luggageId, input, principal.sub);
  }

  @Post(':luggageId/hand-back')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the luggage back against the guest’s tag; a wrong tag is refused' })
  @ApiOkResponse({ type: LuggageView })
  handBack(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('luggageId', UuidParam) luggageId: string,
    @Body() input: HandBackDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LuggageView> {
    return this.luggage.handBack(propertyId, luggageId, input, principal.sub);
  }
}
