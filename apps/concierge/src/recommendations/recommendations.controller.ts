import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DISPATCH_ROLES } from '../common/desk-roles';
import {
  RecommendationList,
  RecommendationQuery,
  RecommendationView,
  SaveRecommendationDto,
} from './recommendations.dto';
import { RecommendationsService } from './recommendations.service';

@ApiTags('recommendations')
@ApiBearerAuth()
@Roles(...DISPATCH_ROLES)
@Controller('v1/properties/:propertyId/recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Post()
  @Roles('concierge', 'front_office_manager')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecommendationView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: SaveRecommendationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecommendationView> {
    return this.recommendations.create(propertyId, input, principal.sub);
  }

  @Get()
  @ApiOperation({ summary: 'Search the catalogue: text, category, tag, language spoken, open at a day and time' })
  @ApiOkResponse({ type: RecommendationList })
  search(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: RecommendationQuery,
  ): Promise<RecommendationList> {
    return this.recommendations.search(propertyId, query);
  }

  @Get(':recommendationId')
  @ApiOkResponse({ type: RecommendationView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('recommendationId', UuidParam) id: string,
  ): Promise<RecommendationView> {
    return this.recommendations.get(propertyId, id);
  }

  @Put(':recommendationId')
  @Roles('concierge', 'front_office_manager')
  @ApiOkResponse({ type: RecommendationView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('recommendationId', UuidParam) id: string,
    @Body() input: SaveRecommendationDto,
  ): Promise<RecommendationView> {
    return this.recommendations.update(propertyId, id, input);
  }
}
