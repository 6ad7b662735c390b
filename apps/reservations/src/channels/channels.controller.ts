import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  ChannelList,
  ChannelMappingDto,
  ChannelMappingList,
  ChannelMappingView,
  ChannelView,
  ChannelWithCredentialsView,
  CreateChannelDto,
  RotateChannelKeyDto,
  UpdateChannelDto,
} from './channels.dto';
import { ChannelsService } from './channels.service';

/** Channel managers are chain-level: an admin connects one and hands it its credentials. */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Connect a channel manager; its API key is shown once, in this answer' })
  @ApiCreatedResponse({ type: ChannelWithCredentialsView })
  create(
    @Body() input: CreateChannelDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChannelWithCredentialsView> {
    return this.channels.create(input, principal);
  }

  @Get()
  @Roles('front_office_manager')
  @ApiOkResponse({ type: ChannelList })
  list(): Promise<ChannelList> {
    return this.channels.list();
  }

  @Get(':channelId')
  @Roles('front_office_manager')
  @ApiOkResponse({ type: ChannelView })
  get(@Param('channelId', UuidParam) channelId: string): Promise<ChannelView> {
    return this.channels.get(channelId);
  }

  @Patch(':channelId')
  @Roles('admin')
  @ApiOperation({ summary: 'Pause or resume a channel' })
  @ApiOkResponse({ type: ChannelView })
  update(@Param('channelId', UuidParam) channelId: string, @Body() input: UpdateChannelDto): Promise<ChannelView> {
    return this.channels.setActive(channelId, input.active);
  }

  @Post(':channelId/key')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Rotate the API key; the previous one keeps working for overlapHours (default 24)' })
  @ApiOkResponse({ type: ChannelWithCredentialsView })
  rotate(
    @Param('channelId', UuidParam) channelId: string,
    @Body() input: RotateChannelKeyDto,
  ): Promise<ChannelWithCredentialsView> {
    return this.channels.rotateKey(channelId, input.overlapHours);
  }
}

/** How a channel names one property: kept by the property's front office manager (or an admin). */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/channels')
export class PropertyChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @Roles('front_office_manager')
  @ApiOkResponse({ type: ChannelMappingList })
  list(@Param('propertyId', UuidParam) propertyId: string): Promise<ChannelMappingList> {
    return this.channels.mappings(propertyId);
  }

  @Get(':channelId')
  @Roles('front_office_manager')
  @ApiOkResponse({ type: ChannelMappingView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('channelId', UuidParam) channelId: string,
  ): Promise<ChannelMappingView> {
    return this.channels.mapping(propertyId, channelId);
  }

  @Put(':channelId')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Set the channel’s hotel code, room type and rate plan codes for this property' })
  @ApiOkResponse({ type: ChannelMappingView })
  map(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('channelId', UuidParam) channelId: string,
    @Body() input: ChannelMappingDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChannelMappingView> {
    return this.channels.map(propertyId, channelId, input, principal);
  }

  @Delete(':channelId')
  @HttpCode(204)
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Disconnect the property from the channel: it can no longer book here' })
  @ApiNoContentResponse()
  unmap(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('channelId', UuidParam) channelId: string,
  ): Promise<void> {
    return this.channels.unmap(propertyId, channelId);
  }
}
