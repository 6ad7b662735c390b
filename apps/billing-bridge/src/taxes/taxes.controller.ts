import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { TaxSettingsView, UpdateTaxSettingsDto } from './taxes.dto';
import { TaxesService } from './taxes.service';

@ApiTags('taxes')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/tax-settings')
export class TaxesController {
  constructor(private readonly taxes: TaxesService) {}

  @Get()
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOperation({ summary: 'VAT rates by charge type and city tax per person per night' })
  @ApiOkResponse({ type: TaxSettingsView })
  get(@Param('propertyId', UuidParam) propertyId: string): Promise<TaxSettingsView> {
    return this.taxes.view(propertyId);
  }

  @Put()
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Change VAT rates and city tax; applies to postings from now on (audited)' })
  @ApiOkResponse({ type: TaxSettingsView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: UpdateTaxSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TaxSettingsView> {
    return this.taxes.update(propertyId, input, principal.sub);
  }
}
