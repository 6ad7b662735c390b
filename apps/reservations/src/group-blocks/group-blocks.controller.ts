import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, PageQuery, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { CreateGroupBlockDto, GroupBlockList, GroupBlockView } from './group-blocks.dto';
import { GroupBlocksService } from './group-blocks.service';

@ApiTags('group-blocks')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/group-blocks')
export class GroupBlocksController {
  constructor(private readonly groupBlocks: GroupBlocksService) {}

  @Post()
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Hold N rooms of a type per night for a group until a cut-off date' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: GroupBlockView })
  @ApiConflictResponse({ description: 'Not enough rooms on a night, or the code is taken' })
  create(
    @Param('propertyId', UuidParam) propertyId: string,
    @Body() input: CreateGroupBlockDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupBlockView> {
    return this.groupBlocks.create(propertyId, input, principal);
  }

  @Get()
  @Roles('front_desk', 'front_office_manager')
  @ApiOkResponse({ type: GroupBlockList })
  list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: PageQuery): Promise<GroupBlockList> {
    return this.groupBlocks.list(propertyId, query);
  }

  @Get(':groupBlockId')
  @Roles('front_desk', 'front_office_manager')
  @ApiOkResponse({ type: GroupBlockView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('groupBlockId', UuidParam) groupBlockId: string,
  ): Promise<GroupBlockView> {
    return this.groupBlocks.get(propertyId, groupBlockId);
  }
}
