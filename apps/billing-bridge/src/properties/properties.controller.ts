import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { AuditList, AuditQuery, BillingSettingsView, UpdateBillingSettingsDto } from './properties.dto';
import { PropertiesService } from './properties.service';

@ApiTags('billing settings')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class PropertiesController {
  constructor(private readonly properties: PropertiesService) {}

  @Get('billing-settings')
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOperation({ summary: "The property's business date, refund approval threshold and till policy" })
  @ApiOkResponse({ type: BillingSettingsView })
  get(@Param('propertyId', UuidParam) propertyId: string): Promise<BillingSettingsView> {
    return this.properties.settings(propertyId);
  }

  @Patch('billing-settings')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Change the refund approval threshold or the till policy (audited)' })
  @ApiOkResponse({ type: BillingSettingsView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: UpdateBillingSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BillingSettingsView> {
    return this.properties.updateSettings(propertyId, input, principal.sub);
  }

  @Get('billing-audit')
  @Roles('front_office_manager', 'finance')
  @ApiOperation({ summary: 'The audit trail of sensitive billing actions: who, when, what and why' })
  @ApiOkResponse({ type: AuditList })
  audit(@Param('propertyId', UuidParam) propertyId: string, @Query() query: AuditQuery): Promise<AuditList> {
    return this.properties.audit(propertyId, query);
  }
}
