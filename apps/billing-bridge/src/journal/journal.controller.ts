import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  JournalBatchList,
  JournalBatchQuery,
  JournalQuery,
  JournalSettingsView,
  JournalView,
  UpdateJournalSettingsDto,
} from './journal.dto';
import { JournalQueryService } from './journal-query.service';
import { JournalSettingsService } from './journal-settings.service';

@ApiTags('journal')
@ApiBearerAuth()
@Roles('front_office_manager', 'finance')
@Controller('v1/properties/:propertyId/journal')
export class JournalController {
  constructor(
    private readonly journal: JournalQueryService,
    private readonly settings: JournalSettingsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "A business date's double-entry lines and their totals (debit equals credit)" })
  @ApiOkResponse({ type: JournalView })
  forBusinessDate(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: JournalQuery,
  ): Promise<JournalView> {
    return this.journal.forBusinessDate(propertyId, query.businessDate);
  }

  @Get('batches')
  @ApiOperation({ summary: 'The business dates closed into journal batches in a period' })
  @ApiOkResponse({ type: JournalBatchList })
  batches(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: JournalBatchQuery,
  ): Promise<JournalBatchList> {
    return this.journal.batches(propertyId, query);
  }

  @Get('settings')
  @ApiOperation({ summary: "The property's chart of accounts (French PCG defaults), journals and SIREN" })
  @ApiOkResponse({ type: JournalSettingsView })
  getSettings(@Param('propertyId', UuidParam) propertyId: string): Promise<JournalSettingsView> {
    return this.settings.get(propertyId);
  }

  @Patch('settings')
  @ApiOperation({
    summary: 'Change account numbers, journal codes or the SIREN (audited); lines already booked keep theirs',
  })
  @ApiOkResponse({ type: JournalSettingsView })
  updateSettings(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: UpdateJournalSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JournalSettingsView> {
    return this.settings.update(propertyId, input, principal.sub);
  }
}
