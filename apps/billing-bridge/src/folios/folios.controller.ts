import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import { FolioDetailView, FolioList, FolioQuery } from './folios.dto';
import { FoliosService } from './folios.service';

@ApiTags('folios')
@ApiBearerAuth()
@Roles('front_desk', 'front_office_manager', 'finance')
@Controller('v1/properties/:propertyId/folios')
export class FoliosController {
  constructor(private readonly folios: FoliosService) {}

  @Get()
  @ApiOperation({ summary: "A property's folios, optionally those of one reservation" })
  @ApiOkResponse({ type: FolioList })
  async list(@Param('propertyId', UuidParam) propertyId: string, @Query() query: FolioQuery): Promise<FolioList> {
    return { items: await this.folios.list(propertyId, query.reservationId), nextCursor: null };
  }

  @Get(':folioId')
  @ApiOkResponse({ type: FolioDetailView })
  get(
    @Param('propertyId', UuidParam) propertyId: string,
    @Param('folioId', UuidParam) folioId: string,
  ): Promise<FolioDetailView> {
    return this.folios.get(propertyId, folioId);
  }
}
