import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@frontoffice/platform';
import { DESK_ROLES, boundedList } from '../common/desk-roles';
import {
  ProcedureList,
  ProcedureParams,
  ProcedureVersionQuery,
  ProcedureView,
  SaveProcedureDto,
} from './procedures.dto';
import { ProceduresService } from './procedures.service';

@ApiTags('procedures')
@ApiBearerAuth()
@Roles(...DESK_ROLES)
@Controller('v1/properties/:propertyId/procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @ApiOperation({ summary: 'The current version of every desk procedure (all desk roles)' })
  @ApiOkResponse({ type: ProcedureList })
  async list(@Param('propertyId', UuidParam) propertyId: string): Promise<ProcedureList> {
    return boundedList(await this.procedures.latest(propertyId));
  }

  @Get(':code')
  @ApiOkResponse({ type: ProcedureView })
  get(@Param() params: ProcedureParams, @Query() query: ProcedureVersionQuery): Promise<ProcedureView> {
    return this.procedures.get(params.propertyId, params.code, query.version);
  }

  @Get(':code/versions')
  @ApiOkResponse({ type: ProcedureList })
  async versions(@Param() params: ProcedureParams): Promise<ProcedureList> {
    return boundedList(await this.procedures.versions(params.propertyId, params.code));
  }

  @Put(':code')
  @Roles('front_office_manager')
  @ApiOperation({ summary: 'Edit a procedure (front office manager): a new version' })
  @ApiOkResponse({ type: ProcedureView })
  save(
    @Param() params: ProcedureParams,
    @Body() input: SaveProcedureDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProcedureView> {
    return this.procedures.save(params.propertyId, params.code, input, principal.sub);
  }
}
