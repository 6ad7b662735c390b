import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey } from '../folios/idempotency-header';
import { CurrentPrincipal, PageQuery, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  CityLedgerAccountList,
  CityLedgerAccountView,
  CreateCityLedgerAccountDto,
  UpdateCityLedgerAccountDto,
} from './city-ledger.dto';
import { CityLedgerService } from './city-ledger.service';

@ApiTags('city ledger')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/city-ledger-accounts')
export class CityLedgerController {
  constructor(private readonly accounts: CityLedgerService) {}

  @Post()
  @Roles('front_office_manager', 'finance')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Open a company account on the city ledger' })
  @ApiCreatedResponse({ type: CityLedgerAccountView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateCityLedgerAccountDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CityLedgerAccountView> {
    return this.accounts.create(propertyId, input, principal.sub);
  }

  @Get()
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOkResponse({ type: CityLedgerAccountList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: PageQuery): Promise<CityLedgerAccountList> {
    return this.accounts.list(propertyId, query);
  }

  @Get(':accountId')
  @Roles('front_desk', 'front_office_manager', 'finance')
  @ApiOkResponse({ type: CityLedgerAccountView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('accountId', UuidParam) accountId: string,
  ): Promise<CityLedgerAccountView> {
    return this.accounts.get(propertyId, accountId);
  }

  @Patch(':accountId')
  @Roles('front_office_manager', 'finance')
  @ApiOkResponse({ type: CityLedgerAccountView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('accountId', UuidParam) accountId: string,
    @Body() input: UpdateCityLedgerAccountDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CityLedgerAccountView> {
    return this.accounts.update(propertyId, accountId, input, principal.sub);
  }

  @Delete(':accountId')
  @Roles('front_office_manager', 'finance')
  @ApiOperation({ summary: 'Close the account to new transfers; its history and balance stay' })
  @ApiOkResponse({ type: CityLedgerAccountView })
  deactivate(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('accountId', UuidParam) accountId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CityLedgerAccountView> {
    return this.accounts.deactivate(propertyId, accountId, principal.sub);
  }
}
