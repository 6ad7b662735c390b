import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { checkRange } from '../demand/demand.service';
import { EmployeeIdParam } from '../employees/employee-id.pipe';
import {
  AbsenceDto,
  AbsenceView,
  CreateScheduleDto,
  EditAssignmentsDto,
  MyShiftsQueryDto,
  ScheduleList,
  ScheduleListQueryDto,
  ScheduleView,
  ShiftList,
} from './schedules.dto';
import { SchedulesService } from './schedules.service';

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post('schedules')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Build a draft schedule for the week(s) with the MIP solver' })
  @ApiCreatedResponse({ type: ScheduleView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateScheduleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleView> {
    return this.schedules.build(propertyId, input, principal);
  }

  @Get('schedules')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'The property’s schedules, newest week first; follow nextCursor for the next page' })
  @ApiOkResponse({ type: ScheduleList })
  list(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: ScheduleListQueryDto,
  ): Promise<ScheduleList> {
    return this.schedules.list(propertyId, query);
  }

  @Get('schedules/:scheduleId')
  @Roles('front_office_manager')
  @ApiOkResponse({ type: ScheduleView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('scheduleId', UuidParam) scheduleId: string,
  ): Promise<ScheduleView> {
    return this.schedules.get(propertyId, scheduleId);
  }

  @Patch('schedules/:scheduleId/assignments')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Edit a draft: take shifts away, give shifts; every rule is checked again' })
  @ApiOkResponse({ type: ScheduleView })
  edit(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('scheduleId', UuidParam) scheduleId: string,
    @Body() input: EditAssignmentsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleView> {
    return this.schedules.edit(propertyId, scheduleId, input, principal);
  }

  @Post('schedules/:scheduleId/publish')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Publish a draft without violations (schedule.published)' })
  @ApiOkResponse({ type: ScheduleView })
  @ApiConflictResponse({ description: 'Not a draft, rules broken, or the week already has a published schedule' })
  publish(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('scheduleId', UuidParam) scheduleId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleView> {
    return this.schedules.publish(propertyId, scheduleId, principal);
  }

  @Post('schedules/:scheduleId/repairs/:repairId/apply')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Apply a proposed repair to a published schedule (schedule.published again)' })
  @ApiOkResponse({ type: ScheduleView })
  applyRepair(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('scheduleId', UuidParam) scheduleId: string,
    @Param('repairId', UuidParam) repairId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleView> {
    return this.schedules.applyRepair(propertyId, scheduleId, repairId, principal);
  }

  @Get('my-shifts')
  @ApiOperation({ summary: 'The caller’s own published shifts (by token sub)' })
  @ApiOkResponse({ type: ShiftList })
  async myShifts(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: MyShiftsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShiftList> {
    checkRange(query.from, query.to, 62);
    return { items: await this.schedules.myShifts(propertyId, principal.sub, query.from, query.to), nextCursor: null };
  }

  @Post('employees/:employeeId/absences')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Record a holiday or sickness; proposes repairs of the published schedules it breaks' })
  @ApiCreatedResponse({ type: AbsenceView })
  recordAbsence(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('employeeId', EmployeeIdParam) employeeId: string,
    @Body() input: AbsenceDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AbsenceView> {
    return this.schedules.recordAbsence(propertyId, employeeId, input, principal);
  }

  @Get('employees/:employeeId/absences')
  @Roles('front_office_manager')
  async listAbsences(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('employeeId', EmployeeIdParam) employeeId: string,
  ) {
    return { items: await this.schedules.listAbsences(propertyId, employeeId), nextCursor: null };
  }
}
