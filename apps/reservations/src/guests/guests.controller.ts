import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  EraseGuestDto,
  GuestDetailView,
  GuestErasureView,
  GuestExport,
  GuestList,
  GuestSearchQuery,
  UpdateGuestDto,
} from './guests.dto';
import { GuestsService } from './guests.service';

@ApiTags('guests')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/guests')
export class GuestsController {
  constructor(private readonly guests: GuestsService) {}

  @Get()
  @Roles('front_desk', 'front_office_manager', 'concierge')
  @ApiOperation({ summary: 'Find guest profiles by name or email' })
  @ApiOkResponse({ type: GuestList })
  search(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: GuestSearchQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GuestList> {
    return this.guests.search(propertyId, query, principal);
  }

  @Get(':guestId')
  @Roles('front_desk', 'front_office_manager', 'concierge')
  @ApiOperation({ summary: 'A guest profile with its stay history' })
  @ApiOkResponse({ type: GuestDetailView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('guestId', UuidParam) guestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GuestDetailView> {
    return this.guests.get(propertyId, guestId, principal);
  }

  @Patch(':guestId')
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({
    summary: 'Change a profile; VIP level and notes only by a front office manager, with a reason (audited)',
  })
  @ApiOkResponse({ type: GuestDetailView })
  update(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('guestId', UuidParam) guestId: string,
    @Body() input: UpdateGuestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GuestDetailView> {
    return this.guests.update(propertyId, guestId, input, principal);
  }

  @Get(':guestId/export')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Everything held about the guest (data-access request), as JSON; audited' })
  @ApiOkResponse({ type: GuestExport })
  export(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('guestId', UuidParam) guestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GuestExport> {
    return this.guests.export(propertyId, guestId, principal);
  }

  @Post(':guestId/erase')
  @HttpCode(200)
  @Roles('front_office_manager')
  @ApiOperation({
    summary: 'Erase (anonymise) the guest on request; financial records keep their ids, dates and amounts',
  })
  @ApiOkResponse({ type: GuestErasureView })
  @ApiConflictResponse({ description: 'The guest has a booking to honour or is in house' })
  erase(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('guestId', UuidParam) guestId: string,
    @Body() input: EraseGuestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GuestErasureView> {
    return this.guests.erase(propertyId, guestId, input.reason, principal);
  }
}
