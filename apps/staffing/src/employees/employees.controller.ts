import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentPrincipal,
  ForbiddenError,
  hasAnyRole,
  PageQuery,
  Principal,
  Roles,
  UuidParam,
} from '@frontoffice/platform';
import { EmployeeIdParam } from './employee-id.pipe';
import {
  AvailabilityDto,
  CreateEmployeeDto,
  EmployeeList,
  EmployeeView,
  PreferencesDto,
  UpdateEmployeeDto,
} from './employees.dto';
import { EmployeesService, toEmployeeView } from './employees.service';

@ApiTags('employees')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/employees')
export class EmployeesController {
  constructor(private readonly employees: EmployeesService) {}

  @Post()
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Register an employee: roles, skills, languages, contract and maximum hours' })
  @ApiCreatedResponse({ type: EmployeeView })
  @ApiConflictResponse({ description: 'The employee id is already registered at this property' })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateEmployeeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployeeView> {
    return this.employees.create(propertyId, input, principal);
  }

  @Get()
  @Roles('front_office_manager')
  @ApiOkResponse({ type: EmployeeList })
  @ApiOperation({ summary: 'The property’s employees by name; follow nextCursor for the next page' })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() page: PageQuery): Promise<EmployeeList> {
    return this.employees.list(propertyId, page);
  }

  @Get(':employeeId')
  @ApiOperation({ summary: 'An employee; the manager sees everyone, an employee sees themself' })
  @ApiOkResponse({ type: EmployeeView })
  async get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('employeeId', EmployeeIdParam) employeeId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployeeView> {
    if (principal.sub !== employeeId && !hasAnyRole(principal, ['front_office_manager'])) {
      throw new ForbiddenError('not-own-record', 'Only the front office manager sees other employees');
    }
    return toEmployeeView(await this.employees.get(propertyId, employeeId));
  }

  @Patch(':employeeId')
  @Roles('front_office_manager')
  @ApiOkResponse({ type: EmployeeView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('employeeId', EmployeeIdParam) employeeId: string,
    @Body() input: UpdateEmployeeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployeeView> {
    return this.employees.update(propertyId, employeeId, input, principal);
  }

  @Put(':employeeId/availability')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Replace the recurring times the employee cannot work' })
  @ApiOkResponse({ type: EmployeeView })
  setAvailability(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('employeeId', EmployeeIdParam) employeeId: string,
    @Body() input: AvailabilityDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployeeView> {
    return this.employees.setAvailability(propertyId, employeeId, input, principal);
  }

  @Put(':employeeId/preferences')
  @ApiOperation({ summary: 'Replace the desired and undesired days or shifts (the manager, or the employee)' })
  @ApiOkResponse({ type: EmployeeView })
  setPreferences(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('employeeId', EmployeeIdParam) employeeId: string,
    @Body() input: PreferencesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployeeView> {
    if (principal.sub !== employeeId && !hasAnyRole(principal, ['front_office_manager'])) {
      throw new ForbiddenError('not-own-record', 'Only the front office manager or the employee may set preferences');
    }
    return this.employees.setPreferences(propertyId, employeeId, input, principal);
  }
}
