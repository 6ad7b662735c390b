import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@frontoffice/platform';
import { DISPATCH_ROLES } from '../common/desk-roles';
import { OptOutForm, OptOutQuery, PreferencesView, StayParams, UpdatePreferencesDto } from './consent.dto';
import { ConsentService } from './consent.service';
import { optOutDonePage, optOutFormPage } from './opt-out-page';

@ApiTags('guest consent')
@Controller()
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get('v1/properties/:propertyId/reservations/:reservationId/communication-preferences')
  @ApiBearerAuth()
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({ summary: 'What the guest agreed to receive by e-mail' })
  @ApiOkResponse({ type: PreferencesView })
  preferences(@Param() params: StayParams): Promise<PreferencesView> {
    return this.consent.preferences(params.propertyId, params.reservationId);
  }

  @Put('v1/properties/:propertyId/reservations/:reservationId/communication-preferences')
  @ApiBearerAuth()
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({ summary: 'Record the guest’s choice: automatic messages, any message at all, marketing' })
  @ApiOkResponse({ type: PreferencesView })
  update(
    @Param() params: StayParams,
    @Body() input: UpdatePreferencesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PreferencesView> {
    return this.consent.update(params.propertyId, params.reservationId, input, principal.sub);
  }

  /** Public: the page the link in every automatic e-mail opens. It changes nothing until the guest confirms. */
  @Get('v1/mail/opt-out')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Public opt-out page (signed token from the e-mail); confirming posts the form' })
  page(@Query() query: OptOutQuery): string {
    this.consent.subjectOf(query.token);
    return optOutFormPage(query.token);
  }

  /** Public: the guest's confirmation, or a mail client's one-click unsubscribe (RFC 8058). */
  @Post('v1/mail/opt-out')
  @Public()
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Public opt-out (signed token): scope automatic (default) or all (hard opt-out)' })
  async optOut(@Query() query: OptOutQuery, @Body() form: OptOutForm): Promise<string> {
    const scope = form.scope ?? 'automatic';
    await this.consent.optOut(query.token, scope);
    return optOutDonePage(scope);
  }
}
