import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DeskListsService } from './desk-lists.service';
import { AssignRoomDto, CheckInDto, DateQuery, DeskList, RoomMoveDto, StayView, WalkInDto } from './front-desk.dto';
import { FrontDeskService } from './front-desk.service';

const DESK_ROLES = ['front_desk', 'front_office_manager'] as const;
const LIST_ROLES = ['front_desk', 'front_office_manager', 'concierge', 'porter'] as const;

@ApiTags('front desk')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class FrontDeskController {
  constructor(
    private readonly frontDesk: FrontDeskService,
    private readonly lists: DeskListsService,
  ) {}

  @Get('arrivals')
  @Roles(...LIST_ROLES)
  @ApiOperation({ summary: 'Arrivals of a date (default: the business date), groups together, VIPs flagged' })
  @ApiOkResponse({ type: DeskList })
  arrivals(@Param('propertyId', UuidParam) propertyId: string, @Query() query: DateQuery): Promise<DeskList> {
    return this.lists.list(propertyId, 'arrivals', query.date);
  }

  @Get('departures')
  @Roles(...LIST_ROLES)
  @ApiOperation({ summary: 'Departures of a date (default: the business date), groups together, VIPs flagged' })
  @ApiOkResponse({ type: DeskList })
  departures(@Param('propertyId', UuidParam) propertyId: string, @Query() query: DateQuery): Promise<DeskList> {
    return this.lists.list(propertyId, 'departures', query.date);
  }

  @Get('in-house')
  @Roles(...LIST_ROLES)
  @ApiOperation({ summary: 'Guests in the hotel (checked in), groups together, VIPs flagged' })
  @ApiOkResponse({ type: DeskList })
  inHouse(@Param('propertyId', UuidParam) propertyId: string, @Query() query: DateQuery): Promise<DeskList> {
    return this.lists.list(propertyId, 'in-house', query.date);
  }

  @Post('reservations/:reservationId/assign-room')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  @ApiOperation({ summary: 'Give a confirmed booking its room ahead of check-in (another type only as an upgrade)' })
  @ApiOkResponse({ type: StayView })
  @ApiConflictResponse({ description: 'Room taken for these nights, not ready, out of order or of another type' })
  assignRoom(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
    @Body() input: AssignRoomDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StayView> {
    return this.frontDesk.assignRoom(propertyId, reservationId, input, principal);
  }

  @Post('reservations/:reservationId/check-in')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  @ApiOperation({ summary: 'Check the guest in; gives the assigned room, the one named, or a ready room' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: StayView })
  @ApiConflictResponse({ description: 'Invalid transition, or no suitable room' })
  checkIn(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
    @Body() input: CheckInDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StayView> {
    return this.frontDesk.checkIn(propertyId, reservationId, input, principal);
  }

  @Post('reservations/:reservationId/room-move')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  @ApiOperation({ summary: 'Move an in-house guest to another ready room from tonight' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: StayView })
  @ApiConflictResponse({ description: 'Not in house, or the room cannot be given' })
  moveRoom(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
    @Body() input: RoomMoveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StayView> {
    return this.frontDesk.moveRoom(propertyId, reservationId, input, principal);
  }

  @Post('reservations/:reservationId/check-out')
  @HttpCode(200)
  @Roles(...DESK_ROLES)
  @ApiOperation({ summary: 'Check the guest out; the room becomes vacant-dirty, unused nights go back on sale' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: StayView })
  @ApiConflictResponse({ description: 'Not checked in' })
  checkOut(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
  ): Promise<StayView> {
    return this.frontDesk.checkOut(propertyId, reservationId);
  }

  @Post('walk-ins')
  @Roles(...DESK_ROLES)
  @ApiOperation({ summary: 'Book and check in a guest at the desk at once (arrival = business date)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes retries safe: one walk-in per key' })
  @ApiCreatedResponse({ type: StayView })
  @ApiConflictResponse({ description: 'Sold out, or no suitable room' })
  walkIn(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: WalkInDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StayView> {
    return this.frontDesk.walkIn(propertyId, input, principal);
  }
}
