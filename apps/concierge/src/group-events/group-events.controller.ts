import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DISPATCH_ROLES } from '../common/desk-roles';
import {
  AddTaskDto,
  ChangeStatusDto,
  CreateGroupEventDto,
  GroupEventList,
  GroupEventQuery,
  GroupEventView,
} from './group-events.dto';
import { GroupEventsService } from './group-events.service';

@ApiTags('group-events')
@ApiBearerAuth()
@Roles(...DISPATCH_ROLES)
@Controller('v1/properties/:propertyId/group-events')
export class GroupEventsController {
  constructor(private readonly events: GroupEventsService) {}

  @Post()
  @Roles('concierge', 'front_office_manager')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: GroupEventView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateGroupEventDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupEventView> {
    return this.events.create(propertyId, input, principal.sub);
  }

  @Get()
  @ApiOkResponse({ type: GroupEventList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: GroupEventQuery): Promise<GroupEventList> {
    return this.events.list(propertyId, query);
  }

  @Get(':eventId')
  @ApiOkResponse({ type: GroupEventView, description: 'With its tasks and timeline' })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('eventId', UuidParam) eventId: string,
  ): Promise<GroupEventView> {
    return this.events.get(propertyId, eventId);
  }

  @Post(':eventId/status')
  @HttpCode(200)
  @Roles('concierge', 'front_office_manager')
  @ApiOkResponse({ type: GroupEventView })
  changeStatus(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('eventId', UuidParam) eventId: string,
    @Body() input: ChangeStatusDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupEventView> {
    return this.events.changeStatus(propertyId, eventId, input.status, principal.sub, input.note);
  }

  @Post(':eventId/tasks')
  @Roles('concierge', 'front_office_manager')
  @ApiCreatedResponse({ type: GroupEventView })
  addTask(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('eventId', UuidParam) eventId: string,
    @Body() input: AddTaskDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupEventView> {
    return this.events.addTask(propertyId, eventId, input, principal.sub);
  }

  @Post(':eventId/tasks/:taskId/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: GroupEventView })
  completeTask(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('eventId', UuidParam) eventId: string,
    @Param('taskId', UuidParam) taskId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupEventView> {
    return this.events.completeTask(propertyId, eventId, taskId, principal.sub);
  }
}
