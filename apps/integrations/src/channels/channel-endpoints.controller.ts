import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { ChannelEndpointView, PutChannelEndpointDto } from './channel-endpoints.dto';
import { ChannelEndpointsService } from './channel-endpoints.service';

/**
 * A channel manager's push endpoint. The channel (its id, credentials and code mappings) lives in reservations; this
 * is only where its availability and rate notifications go, and how each property's push is doing.
 */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('v1/channels/:channelId/endpoint')
export class ChannelEndpointsController {
  constructor(private readonly endpoints: ChannelEndpointsService) {}

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Set where OTA_HotelAvailNotifRQ / OTA_HotelRateAmountNotifRQ go for this channel' })
  @ApiOkResponse({ type: ChannelEndpointView })
  put(
    @Param('channelId', UuidParam) channelId: string,
    @Body() input: PutChannelEndpointDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChannelEndpointView> {
    return this.endpoints.put(channelId, input, principal);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The endpoint and the push state of every property mapped to the channel' })
  @ApiOkResponse({ type: ChannelEndpointView })
  get(@Param('channelId', UuidParam) channelId: string): Promise<ChannelEndpointView> {
    return this.endpoints.get(channelId);
  }
}
