import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DISPATCH_ROLES } from '../common/desk-roles';
import { BookingList, BookingQuery, BookingView, CreateBookingDto } from './bookings.dto';
import { BookingsService } from './bookings.service';

@ApiTags('bookings')
@ApiBearerAuth()
@Roles(...DISPATCH_ROLES)
@Controller('v1/properties/:propertyId/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  @ApiOperation({ summary: 'Book for a guest; with a price, the folio is charged (concierge.service-charged)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'One booking and one charge per key' })
  @ApiCreatedResponse({ type: BookingView })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateBookingDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BookingView> {
    return this.bookings.create(propertyId, input, principal.sub);
  }

  @Get()
  @ApiOkResponse({ type: BookingList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: BookingQuery): Promise<BookingList> {
    return this.bookings.list(propertyId, query);
  }
}
