import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import {
  CancelReservationDto,
  CreateReservationDto,
  ReservationList,
  ReservationView,
  SearchReservationsQuery,
  UpdateReservationDto,
} from './reservations.dto';
import { ReservationsService } from './reservations.service';

@ApiTags('reservations')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/reservations')
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post()
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({ summary: 'Book a stay; a replay with the same Idempotency-Key returns the first answer' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes retries safe: one booking per key' })
  @ApiCreatedResponse({ type: ReservationView })
  @ApiConflictResponse({ description: 'A night is sold out (the problem names it)' })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateReservationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReservationView> {
    return this.reservations.create(propertyId, input, principal);
  }

  @Get()
  @Roles('front_desk', 'front_office_manager', 'concierge')
  @ApiOperation({ summary: 'Search by guest name, confirmation number, stay dates, status; ordered by arrival' })
  @ApiOkResponse({ type: ReservationList })
  search(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: SearchReservationsQuery,
  ): Promise<ReservationList> {
    return this.reservations.search(propertyId, query);
  }

  @Get(':reservationId')
  @Roles('front_desk', 'front_office_manager', 'concierge')
  @ApiOkResponse({ type: ReservationView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
  ): Promise<ReservationView> {
    return this.reservations.get(propertyId, reservationId);
  }

  @Patch(':reservationId')
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({ summary: 'Change dates, room type, party or notes; availability is re-checked atomically' })
  @ApiOkResponse({ type: ReservationView })
  @ApiConflictResponse({ description: 'A new night is sold out, or the status forbids the change' })
  modify(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
    @Body() input: UpdateReservationDto,
  ): Promise<ReservationView> {
    return this.reservations.modify(propertyId, reservationId, input);
  }

  @Post(':reservationId/cancel')
  @HttpCode(200)
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({ summary: 'Cancel before arrival, with a reason; the nights go back on sale' })
  @ApiOkResponse({ type: ReservationView })
  cancel(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
    @Body() input: CancelReservationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReservationView> {
    return this.reservations.cancel(propertyId, reservationId, input.reason, principal);
  }

  @Post(':reservationId/no-show')
  @HttpCode(200)
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({ summary: 'Mark a guest who did not arrive (arrival on or before the business date)' })
  @ApiOkResponse({ type: ReservationView })
  noShow(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
  ): Promise<ReservationView> {
    return this.reservations.noShow(propertyId, reservationId);
  }
}
