import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DemandQueryDto, DemandView, StaffingRulesDto } from './demand.dto';
import { peaksOf } from './demand-calculator';
import { checkRange, DemandService } from './demand.service';
import type { StaffingRules } from './staffing-rules';

@ApiTags('staffing demand')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/staffing')
export class DemandController {
  constructor(private readonly demand: DemandService) {}

  @Get('demand')
  @ApiOperation({ summary: 'Forecast and required headcount per role and shift, with the reasons' })
  @ApiOkResponse({ type: DemandView })
  async get(@Param('propertyId', UuidParam) propertyId: string, @Query() query: DemandQueryDto): Promise<DemandView> {
    checkRange(query.from, query.to, 62);
    const demand = await this.demand.demand(propertyId, query.from, query.to);
    return {
      items: demand.items,
      forecast: demand.forecast.map((day) => ({ ...day, ...peaksOf(day, demand.rules) })),
      nextCursor: null,
    };
  }

  @Get('rules')
  @ApiOperation({ summary: 'The staffing rules in force: defaults overlaid with the manager’s changes' })
  getRules(@Param('propertyId', UuidParam) propertyId: string): Promise<StaffingRules> {
    return this.demand.rules(propertyId);
  }

  @Put('rules')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Change some staffing rules; what is left out keeps its value' })
  putRules(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: StaffingRulesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffingRules> {
    return this.demand.updateRules(propertyId, input, principal);
  }
}
