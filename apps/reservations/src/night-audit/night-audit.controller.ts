import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsLocalDate } from '@frontoffice/contracts';
import { BusinessRuleViolation, CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { validateSync } from 'class-validator';
import { NightAuditReport, RunNightAuditDto } from './night-audit.dto';
import { NightAuditService } from './night-audit.service';

class BusinessDateParam {
  @IsLocalDate()
  businessDate!: string;
}

@ApiTags('night-audit')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/night-audit')
export class NightAuditController {
  constructor(private readonly nightAudit: NightAuditService) {}

  @Post()
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({
    summary: 'Close the business date: no-shows, room-night postings, group releases, next business date',
    description: 'Idempotent per date: closing a date already closed does nothing and returns its report.',
  })
  @ApiOkResponse({ type: NightAuditReport })
  @ApiConflictResponse({ description: 'The date is not the property’s current business date' })
  run(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: RunNightAuditDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NightAuditReport> {
    return this.nightAudit.run(propertyId, input.businessDate, principal);
  }

  @Get(':businessDate')
  @Roles('front_office_manager', 'finance')
  @ApiOkResponse({ type: NightAuditReport })
  report(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('businessDate') businessDate: string,
  ): Promise<NightAuditReport> {
    const param = Object.assign(new BusinessDateParam(), { businessDate });
    if (validateSync(param).length > 0) {
      throw new BusinessRuleViolation('bad-date', 'businessDate must be a date YYYY-MM-DD', 'businessDate');
    }
    return this.nightAudit.report(propertyId, businessDate);
  }
}
