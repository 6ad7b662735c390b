import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DESK_ROLES } from '../common/desk-roles';
import { MailSettingsView, UpdateMailSettingsDto } from './mail-settings.dto';
import { MailSettingsService } from './mail-settings.service';

@ApiTags('guest e-mail')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/mail-settings')
export class MailSettingsController {
  constructor(private readonly settings: MailSettingsService) {}

  @Get()
  @Roles(...DESK_ROLES)
  @ApiOkResponse({ type: MailSettingsView })
  get(@Param('propertyId', UuidParam) propertyId: string): Promise<MailSettingsView> {
    return this.settings.view(propertyId);
  }

  @Put()
  @Roles('front_office_manager')
  @ApiOperation({
    summary: 'Sender name and address, reply-to, automatic messages on/off and their timing (front office manager)',
  })
  @ApiOkResponse({ type: MailSettingsView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: UpdateMailSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MailSettingsView> {
    return this.settings.update(propertyId, input, principal.sub);
  }
}
