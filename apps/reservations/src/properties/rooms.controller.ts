import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import {
  BulkCreateRoomsDto,
  ChangeRoomStatusDto,
  CreateRoomDto,
  ListRoomsQuery,
  RoomList,
  RoomView,
} from './rooms.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Post()
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Add a room; emits property.updated with the new room count' })
  @ApiCreatedResponse({ type: RoomView })
  @ApiConflictResponse({ description: 'The number is taken' })
  async create(@Param('propertyId', UuidParam) propertyId: string, @Body() input: CreateRoomDto): Promise<RoomView> {
    const [room] = await this.rooms.create(propertyId, [input]);
    return room;
  }

  @Post('bulk')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Add up to 2,000 rooms at once, all or nothing; one property.updated' })
  @ApiCreatedResponse({ type: RoomList })
  async bulk(@Param('propertyId', UuidParam) propertyId: string, @Body() input: BulkCreateRoomsDto): Promise<RoomList> {
    return { items: await this.rooms.create(propertyId, input.rooms), nextCursor: null };
  }

  @Get()
  @Roles('front_desk', 'front_office_manager', 'concierge', 'porter')
  @ApiOkResponse({ type: RoomList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: ListRoomsQuery): Promise<RoomList> {
    return this.rooms.list(propertyId, query);
  }

  @Get(':roomId')
  @Roles('front_desk', 'front_office_manager', 'concierge', 'porter')
  @ApiOkResponse({ type: RoomView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('roomId', UuidParam) roomId: string,
  ): Promise<RoomView> {
    return this.rooms.get(propertyId, roomId);
  }

  @Patch(':roomId/status')
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({ summary: 'Housekeeping/desk status; out_of_order needs a reason and takes a night range' })
  @ApiOkResponse({ type: RoomView })
  changeStatus(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('roomId', UuidParam) roomId: string,
    @Body() input: ChangeRoomStatusDto,
  ): Promise<RoomView> {
    return this.rooms.changeStatus(propertyId, roomId, input);
  }
}
