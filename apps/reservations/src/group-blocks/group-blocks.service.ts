import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  cursorParameters,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  pageOf,
  PageQuery,
  Principal,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { InventoryService } from '../inventory/inventory.service';
import { PropertiesService } from '../properties/properties.service';
import { isUniqueViolation } from '../properties/unique-violation';
import { BlockNight, releasePlan, remaining, validateBlock } from './group-block-rules';
import { CreateGroupBlockDto, GroupBlockView } from './group-blocks.dto';

interface BlockRow {
  id: string;
  property_id: string;
  code: string;
  name: string;
  room_type_id: string;
  rate_plan_id: string | null;
  cutoff_date: string;
  status: 'active' | 'released';
  released_on: string | null;
}

const BLOCK_COLUMNS = `id, property_id, code, name, room_type_id, rate_plan_id, cutoff_date::text AS cutoff_date, status,
  released_on::text AS released_on`;

/** Group blocks: rooms held for a group until a cut-off; bookings pick them up; the night audit releases the rest. */
@Injectable()
export class GroupBlocksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly properties: PropertiesService,
    private readonly inventory: InventoryService,
    private readonly outbox: OutboxService,
  ) {}

  async create(propertyId: string, input: CreateGroupBlockDto, principal: Principal): Promise<GroupBlockView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const property = await this.properties.get(propertyId, manager);
        validateBlock(input, property.businessDate);
        const [roomType] = await manager.query('SELECT id FROM room_type WHERE id = $1 AND property_id = $2', [
          input.roomTypeId,
          propertyId,
        ]);
        if (!roomType) throw new NotFoundError('room-type', input.roomTypeId);
        if (input.ratePlanId) {
          const [plan] = await manager.query('SELECT id FROM rate_plan WHERE id = $1 AND property_id = $2', [
            input.ratePlanId,
            propertyId,
          ]);
          if (!plan) throw new NotFoundError('rate-plan', input.ratePlanId);
        }
        const [block]: BlockRow[] = await manager.query(
          `INSERT INTO group_block (property_id, code, name, room_type_id, rate_plan_id, cutoff_date, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${BLOCK_COLUMNS}`,
          [
            propertyId,
            input.code,
            input.name,
            input.roomTypeId,
            input.ratePlanId ?? null,
            input.cutoffDate,
            principal.sub,
          ],
        );
        const nights = [...input.nights].sort((a, b) => a.date.localeCompare(b.date));
        await this.inventory.block(manager, propertyId, input.roomTypeId, nights);
        await manager.query(
          `INSERT INTO group_block_night (group_block_id, date, rooms)
           SELECT $1, n.date, n.rooms FROM unnest($2::date[], $3::int[]) AS n(date, rooms)`,
          [block.id, nights.map((night) => night.date), nights.map((night) => night.rooms)],
        );
        await this.outbox.publish(manager, 'group-block.created', {
          propertyId,
          subject: block.id,
          data: {
            groupBlockId: block.id,
            code: block.code,
            name: block.name,
            roomTypeId: block.room_type_id,
            cutoffDate: block.cutoff_date,
            nights: nights.map((night) => ({ date: night.date, rooms: night.rooms })),
          },
        });
        return this.view(manager, block);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('group-block-code-taken', `Group block ${input.code} already exists`);
      }
      throw error;
    }
  }

  async get(propertyId: string, groupBlockId: string): Promise<GroupBlockView> {
    const [block]: BlockRow[] = await this.dataSource.query(
      `SELECT ${BLOCK_COLUMNS} FROM group_block WHERE id = $1 AND property_id = $2`,
      [groupBlockId, propertyId],
    );
    if (!block) throw new NotFoundError('group-block', groupBlockId);
    return this.view(this.dataSource.manager, block);
  }

  /** By cut-off date, then code (then id, to make the order total). */
  async list(propertyId: string, query: PageQuery): Promise<Page<GroupBlockView>> {
    await this.properties.get(propertyId);
    const limit = pageLimit(query);
    const blocks: BlockRow[] = await this.dataSource.query(
      `SELECT ${BLOCK_COLUMNS} FROM group_block WHERE property_id = $1
         AND ($2::date IS NULL OR (group_block.cutoff_date, code, id) > ($2, $3::text, $4::uuid))
       ORDER BY group_block.cutoff_date, code, id LIMIT $5`,
      [propertyId, ...cursorParameters(query.cursor, ['date', 'text', 'uuid']), limit + 1],
    );
    const page = pageOf(blocks, limit, (block) => [block.cutoff_date, block.code, block.id]);
    return {
      items: await Promise.all(page.items.map((block) => this.view(this.dataSource.manager, block))),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The night audit's part: every active block whose cut-off is on or before the business date gives its unpicked
   * rooms back to general inventory. Returns the room nights released.
   */
  async releaseDue(manager: EntityManager, propertyId: string, businessDate: string): Promise<number> {
    const due: BlockRow[] = await manager.query(
      `SELECT ${BLOCK_COLUMNS} FROM group_block
        WHERE property_id = $1 AND status = 'active' AND cutoff_date <= $2 ORDER BY id FOR UPDATE`,
      [propertyId, businessDate],
    );
    let total = 0;
    for (const block of due) {
      const nights = await this.nights(manager, block.id, true);
      const released = releasePlan(nights);
      await this.inventory.unblock(manager, propertyId, block.room_type_id, released);
      await manager.query(
        `UPDATE group_block_night n SET released = n.released + r.rooms
           FROM unnest($2::date[], $3::int[]) AS r(date, rooms)
          WHERE n.group_block_id = $1 AND n.date = r.date`,
        [block.id, released.map((night) => night.date), released.map((night) => night.rooms)],
      );
      await manager.query(`UPDATE group_block SET status = 'released', released_on = $2 WHERE id = $1`, [
        block.id,
        businessDate,
      ]);
      const roomNights = released.reduce((sum, night) => sum + night.rooms, 0);
      total += roomNights;
      await this.outbox.publish(manager, 'group-block.released', {
        propertyId,
        subject: block.id,
        data: {
          groupBlockId: block.id,
          roomTypeId: block.room_type_id,
          businessDate,
          released,
          roomNightsReleased: roomNights,
        },
      });
    }
    return total;
  }

  private async nights(manager: EntityManager, groupBlockId: string, lock = false): Promise<BlockNight[]> {
    const rows: { date: string; rooms: number; picked_up: number; released: number }[] = await manager.query(
      `SELECT date::text AS date, rooms, picked_up, released FROM group_block_night
        WHERE group_block_id = $1 ORDER BY date ${lock ? 'FOR UPDATE' : ''}`,
      [groupBlockId],
    );
    return rows.map((row) => ({ date: row.date, rooms: row.rooms, pickedUp: row.picked_up, released: row.released }));
  }

  private async view(manager: EntityManager, block: BlockRow): Promise<GroupBlockView> {
    const nights = await this.nights(manager, block.id);
    return {
      id: block.id,
      propertyId: block.property_id,
      code: block.code,
      name: block.name,
      roomTypeId: block.room_type_id,
      ratePlanId: block.rate_plan_id,
      cutoffDate: block.cutoff_date,
      status: block.status,
      releasedOn: block.released_on,
      nights: nights.map((night) => ({ ...night, remaining: remaining(night) })),
    };
  }
}
