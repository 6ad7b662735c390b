import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DESK_ROLES } from '../common/desk-roles';
import { SettingsView, UpdateSettingsDto } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/concierge-settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Roles(...DESK_ROLES)
  @ApiOkResponse({ type: SettingsView })
  get(@Param('propertyId', UuidParam) propertyId: string): Promise<SettingsView> {
    return this.settings.view(propertyId);
  }

  @Put()
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Porters, fallback language and SLA minutes per category (front office manager)' })
  @ApiOkResponse({ type: SettingsView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: UpdateSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SettingsView> {
    return this.settings.update(propertyId, input, principal.sub);
  }
}
