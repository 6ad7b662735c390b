import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import {
  CreatePropertyDto,
  CreateRoomTypeDto,
  PropertyList,
  PropertyView,
  RoomTypeList,
  RoomTypeView,
  UpdatePropertyDto,
  UpdateRoomTypeDto,
} from './properties.dto';
import { PropertiesService, toPropertyView } from './properties.service';

@ApiTags('properties')
@ApiBearerAuth()
@Controller('v1/properties')
export class PropertiesController {
  constructor(private readonly properties: PropertiesService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a property; its business date starts at today in its time zone' })
  @ApiCreatedResponse({ type: PropertyView })
  @ApiConflictResponse({ description: 'The code is taken' })
  create(@Body() input: CreatePropertyDto): Promise<PropertyView> {
    return this.properties.create(input);
  }

  @Get()
  @ApiOperation({ summary: 'Properties the caller may access' })
  @ApiOkResponse({ type: PropertyList })
  async list(@CurrentPrincipal() principal: Principal): Promise<PropertyList> {
    return { items: await this.properties.list(principal), nextCursor: null };
  }

  @Get(':propertyId')
  @ApiOkResponse({ type: PropertyView })
  async get(@Param('propertyId', UuidParam) propertyId: string): Promise<PropertyView> {
    return toPropertyView(await this.properties.get(propertyId));
  }

  @Patch(':propertyId')
  @Roles('front_office_manager')
  @ApiOperation({
    summary: 'Change the set-up (name, star rating, desk hours, no-show policy); emits property.updated',
  })
  @ApiOkResponse({ type: PropertyView })
  update(@Param('propertyId', UuidParam) propertyId: string, @Body() input: UpdatePropertyDto): Promise<PropertyView> {
    return this.properties.update(propertyId, input);
  }

  @Patch(':propertyId/room-types/:roomTypeId')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Change a room type (name, occupancy, base rate, overbooking allowance)' })
  @ApiOkResponse({ type: RoomTypeView })
  updateRoomType(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('roomTypeId', UuidParam) roomTypeId: string,
    @Body() input: UpdateRoomTypeDto,
  ): Promise<RoomTypeView> {
    return this.properties.updateRoomType(propertyId, roomTypeId, input);
  }

  @Post(':propertyId/room-types')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Create a room type with its nightly base rate' })
  @ApiCreatedResponse({ type: RoomTypeView })
  createRoomType(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateRoomTypeDto,
  ): Promise<RoomTypeView> {
    return this.properties.createRoomType(propertyId, input);
  }

  @Get(':propertyId/room-types')
  @ApiOkResponse({ type: RoomTypeList })
  async listRoomTypes(@Param('propertyId', UuidParam) propertyId: string): Promise<RoomTypeList> {
    return { items: await this.properties.listRoomTypes(propertyId), nextCursor: null };
  }
}
