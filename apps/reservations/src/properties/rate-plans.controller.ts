import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import { PropertiesService } from './properties.service';
import { AddRateOverridesDto, CreateRatePlanDto, RatePlanList, RatePlanView } from './rate-plans.dto';
import { RatePlansService } from './rate-plans.service';

@ApiTags('rate-plans')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/rate-plans')
export class RatePlansController {
  constructor(
    private readonly ratePlans: RatePlansService,
    private readonly properties: PropertiesService,
  ) {}

  @Post()
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'A rate plan: nightly price per room type, with date overrides' })
  @ApiCreatedResponse({ type: RatePlanView })
  async create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateRatePlanDto,
  ): Promise<RatePlanView> {
    return this.ratePlans.create(await this.properties.get(propertyId), input);
  }

  @Post(':ratePlanId/overrides')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Set date overrides (inclusive ranges); a later override of a date replaces it' })
  @ApiCreatedResponse({ type: RatePlanView })
  async addOverrides(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('ratePlanId', UuidParam) ratePlanId: string,
    @Body() input: AddRateOverridesDto,
  ): Promise<RatePlanView> {
    return this.ratePlans.addOverrides(await this.properties.get(propertyId), ratePlanId, input);
  }

  @Get()
  @Roles('front_desk', 'front_office_manager')
  @ApiOkResponse({ type: RatePlanList })
  async list(@Param('propertyId', UuidParam) propertyId: string): Promise<RatePlanList> {
    return { items: await this.ratePlans.list(await this.properties.get(propertyId)), nextCursor: null };
  }

  @Get(':ratePlanId')
  @Roles('front_desk', 'front_office_manager')
  @ApiOkResponse({ type: RatePlanView })
  async get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('ratePlanId', UuidParam) ratePlanId: string,
  ): Promise<RatePlanView> {
    return this.ratePlans.get(await this.properties.get(propertyId), ratePlanId);
  }
}
