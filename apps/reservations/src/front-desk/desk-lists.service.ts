import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { PropertyEntity } from '../properties/property.entity';
import { arrangeDeskList, DeskListRow } from './desk-list';
import type { DeskList } from './front-desk.dto';

type ListKind = 'arrivals' | 'departures' | 'in-house';

/** Which stays each list shows for a date. */
const CONDITIONS: Record<ListKind, string> = {
  // Expected today, and those already arrived today.
  arrivals: `r.arrival = $2::date AND r.status IN ('confirmed', 'checked_in')`,
  // Due out today, and those already gone today.
  departures: `r.departure = $2::date AND r.status IN ('checked_in', 'checked_out')`,
  // In the hotel tonight (the business date): checked in, arrived on or before it, not yet due out.
  'in-house': `r.status = 'checked_in' AND r.arrival <= $2::date`,
};

@Injectable()
export class DeskListsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(propertyId: string, kind: ListKind, date?: string): Promise<DeskList> {
    const property = await this.dataSource.getRepository(PropertyEntity).findOneBy({ id: propertyId });
    if (!property) throw new NotFoundError('property', propertyId);
    const day = date ?? property.businessDate;
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.confirmation_number, r.status, r.guest_id, r.guest_first_name, r.guest_last_name,
              r.guest_language, r.guest_vip_level, r.room_type_id, r.room_id, rm.number AS room_number,
              r.arrival::text AS arrival, r.departure::text AS departure, r.adults, r.children, r.group_block_id,
              gb.code AS group_code, gb.name AS group_name
         FROM reservation r
         LEFT JOIN room rm ON rm.id = r.room_id
         LEFT JOIN group_block gb ON gb.id = r.group_block_id
        WHERE r.property_id = $1 AND ${CONDITIONS[kind]}`,
      [propertyId, day],
    )) as DeskListRow[];
    return arrangeDeskList(day, rows);
  }
}
