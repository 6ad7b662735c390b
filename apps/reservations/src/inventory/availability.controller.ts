import { Controller, Get, Param, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertDateSpan, NotFoundError, Roles, UuidParam } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { PropertiesService } from '../properties/properties.service';
import { RatePlansService } from '../properties/rate-plans.service';
import { RoomTypeEntity } from '../properties/room-type.entity';
import { stayNights } from '../reservations/stay';
import { AvailabilityList, AvailabilityQuery } from './availability.dto';
import { InventoryService } from './inventory.service';

const MAX_NIGHTS = 366;

@ApiTags('availability')
@ApiBearerAuth()
@Controller('v1/properties/:propertyId/availability')
export class AvailabilityController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly properties: PropertiesService,
    private readonly ratePlans: RatePlansService,
    private readonly inventory: InventoryService,
  ) {}

  @Get()
  @Roles('front_desk', 'front_office_manager')
  @ApiOperation({
    summary: 'Per room type and night: rooms − out of order − booked − group blocks (+ overbooking allowance), priced',
  })
  @ApiOkResponse({ type: AvailabilityList })
  async availability(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: AvailabilityQuery,
  ): Promise<AvailabilityList> {
    assertDateSpan(query.from, query.to, {
      maxDays: MAX_NIGHTS,
      field: 'to',
      backwardsMessage: 'to must be after from',
      tooLongMessage: `At most ${MAX_NIGHTS} nights at a time`,
    });
    const nights = stayNights(query.from, query.to);
    const property = await this.properties.get(propertyId);
    const manager = this.dataSource.manager;
    const roomTypes = await manager.find(RoomTypeEntity, {
      where: { propertyId, ...(query.roomTypeId ? { id: query.roomTypeId } : {}) },
    });
    if (query.roomTypeId && roomTypes.length === 0) throw new NotFoundError('room-type', query.roomTypeId);
    const prices = new Map<string, Map<string, number>>();
    for (const roomType of roomTypes) {
      const priced = await this.ratePlans.priceStay(manager, roomType, nights, query.ratePlanId);
      prices.set(roomType.id, new Map(priced.nights.map((night) => [night.date, night.amountMinor])));
    }
    const rows = await this.inventory.availability(manager, propertyId, query.from, query.to, query.roomTypeId);
    const stayPrices: Record<string, { amountMinor: number; currency: string }> = {};
    const items = rows.map((row) => {
      const amountMinor = prices.get(row.roomTypeId)?.get(row.date) ?? 0;
      const stay = (stayPrices[row.roomTypeId] ??= { amountMinor: 0, currency: property.currency });
      stay.amountMinor += amountMinor;
      return {
        roomTypeId: row.roomTypeId,
        date: row.date,
        available: row.available,
        price: { amountMinor, currency: property.currency },
        rooms: row.rooms,
        outOfOrder: row.outOfOrder,
        booked: row.booked,
        blocked: row.blocked,
        overbookingAllowance: row.overbookingAllowance,
      };
    });
    return { items, stayPrices, nextCursor: null };
  }
}
