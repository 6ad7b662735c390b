import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import { DESK_ROLES, DISPATCH_ROLES } from '../common/desk-roles';
import { DirectoryService, StayGuest } from './directory.service';
import { EmployeeList, EmployeeQuery, GuestList, GuestQuery, GuestView } from './stays.dto';

function toGuestView(stay: StayGuest): GuestView {
  return {
    reservationId: stay.reservationId,
    confirmationNumber: stay.confirmationNumber,
    firstName: stay.firstName,
    lastName: stay.lastName,
    language: stay.language,
    vipLevel: stay.vipLevel,
    status: stay.status,
    roomNumber: stay.roomNumber,
    arrival: stay.arrival,
    departure: stay.departure,
  };
}

@ApiTags('guests')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId')
export class StaysController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('guests')
  @Roles(...DISPATCH_ROLES)
  @ApiOperation({ summary: 'The property’s guests as the concierge knows them (in-house by default)' })
  @ApiOkResponse({ type: GuestList })
  async guests(@Param('propertyId', UuidParam) propertyId: string, @Query() query: GuestQuery): Promise<GuestList> {
    const stays = await this.directory.stays(propertyId, query.status ?? 'in_house', query.roomNumber, query);
    return { items: stays.items.map(toGuestView), nextCursor: stays.nextCursor };
  }

  @Get('guests/:reservationId')
  @Roles(...DISPATCH_ROLES)
  @ApiOkResponse({ type: GuestView })
  async guest(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('reservationId', UuidParam) reservationId: string,
  ): Promise<GuestView> {
    return toGuestView(await this.directory.requireStay(propertyId, reservationId));
  }

  @Get('employees')
  @Roles(...DESK_ROLES)
  @ApiOperation({ summary: 'The staff directory kept from staffing’s employee.updated events' })
  @ApiOkResponse({ type: EmployeeList })
  employees(@Param('propertyId', UuidParam) propertyId: string, @Query() query: EmployeeQuery): Promise<EmployeeList> {
    return this.directory.employees(propertyId, query.role, query);
  }
}
