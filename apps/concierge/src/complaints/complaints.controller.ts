import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DISPATCH_ROLES } from '../common/desk-roles';
import {
  CategoryReportView,
  CompensationInputDto,
  ComplaintList,
  ComplaintQuery,
  ComplaintView,
  DecisionDto,
  LogComplaintDto,
  ReportQuery,
  ResolveComplaintDto,
} from './complaints.dto';
import { ComplaintsService } from './complaints.service';

@ApiTags('complaints')
@ApiBearerAuth()
@Roles(...DISPATCH_ROLES)
@Controller('v1/properties/:propertyId')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post('complaints')
  @ApiOperation({ summary: 'Log a complaint: the front office manager is alerted at once' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ComplaintView })
  log(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: LogComplaintDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintView> {
    return this.complaints.log(propertyId, input, principal);
  }

  @Get('complaints')
  @ApiOkResponse({ type: ComplaintList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: ComplaintQuery): Promise<ComplaintList> {
    return this.complaints.list(propertyId, query);
  }

  @Get('complaints/:complaintId')
  @ApiOkResponse({ type: ComplaintView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('complaintId', UuidParam) complaintId: string,
  ): Promise<ComplaintView> {
    return this.complaints.get(propertyId, complaintId);
  }

  @Post('complaints/:complaintId/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: ComplaintView })
  resolve(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('complaintId', UuidParam) complaintId: string,
    @Body() input: ResolveComplaintDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintView> {
    return this.complaints.resolve(propertyId, complaintId, input.resolution, principal);
  }

  @Post('complaints/:complaintId/compensation')
  @ApiOperation({ summary: 'Propose a compensation (an allowance or a free service) for the manager to approve' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ComplaintView })
  propose(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('complaintId', UuidParam) complaintId: string,
    @Body() input: CompensationInputDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintView> {
    return this.complaints.propose(propertyId, complaintId, input, principal);
  }

  @Post('complaints/:complaintId/compensation/approve')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Approve (front office manager only): billing gets one concierge.compensation-granted' })
  @ApiOkResponse({ type: ComplaintView })
  approve(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('complaintId', UuidParam) complaintId: string,
    @Body() input: DecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintView> {
    return this.complaints.decide(propertyId, complaintId, 'approved', principal, input.note);
  }

  @Post('complaints/:complaintId/compensation/reject')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOkResponse({ type: ComplaintView })
  reject(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('complaintId', UuidParam) complaintId: string,
    @Body() input: DecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintView> {
    return this.complaints.decide(propertyId, complaintId, 'rejected', principal, input.note);
  }

  @Get('reports/complaint-categories')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Complaint categories of a period, most frequent first, recurring ones flagged' })
  @ApiOkResponse({ type: CategoryReportView })
  report(@Param('propertyId', UuidParam) propertyId: string, @Query() query: ReportQuery): Promise<CategoryReportView> {
    return this.complaints.report(propertyId, query.from, query.to);
  }
}
