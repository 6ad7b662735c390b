import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import { CreateReservationDto, ReservationView } from './reservations.dto';
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
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateReservationDto,
  ): Promise<ReservationView> {
    return this.reservations.create(propertyId, input);
  }

  @Get(':reservationId')
  @ApiOkResponse({ type: ReservationView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
  ): Promise<ReservationView> {
    return this.reservations.get(propertyId, reservationId);
  }
}
