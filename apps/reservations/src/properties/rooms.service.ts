import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  ConflictError,
  cursorParameters,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  pageOf,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { noteAvailabilityChange, noteOutOfOrderChange } from '../availability-feed/availability-changes';
import { PropertiesService } from './properties.service';
import { resolveRoomStatus, statusOnDate } from './room-status';
import { RoomEntity, RoomStatus } from './room.entity';
import { isUniqueViolation, uniqueViolationDetail } from './unique-violation';
import { ChangeRoomStatusDto, CreateRoomDto, ListRoomsQuery, RoomView } from './rooms.dto';

export function toRoomView(room: RoomEntity): RoomView {
  return {
    id: room.id,
    propertyId: room.propertyId,
    number: room.number,
    floor: room.floor,
    roomTypeId: room.roomTypeId,
    status: room.status,
    outOfOrder:
      room.outOfOrderReason && room.outOfOrderFrom
        ? { reason: room.outOfOrderReason, from: room.outOfOrderFrom, to: room.outOfOrderTo }
        : null,
  };
}

/** Rooms: created one by one or in bulk (a 1,000-room hotel in one call), and their housekeeping status. */
@Injectable()
export class RoomsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly properties: PropertiesService,
    private readonly outbox: OutboxService,
  ) {}

  async create(propertyId: string, rooms: CreateRoomDto[]): Promise<RoomView[]> {
    const seen = new Set<string>();
    rooms.forEach((room, index) => {
      if (seen.has(room.number)) {
        throw new BusinessRuleViolation(
          'duplicate-room-number',
          `Room ${room.number} is listed twice`,
          `rooms[${index}].number`,
        );
      }
      seen.add(room.number);
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.properties.lock(manager, propertyId);
        const typeIds = [...new Set(rooms.map((room) => room.roomTypeId))];
        const known: { id: string }[] = await manager.query(
          'SELECT id FROM room_type WHERE property_id = $1 AND id = ANY($2::uuid[])',
          [propertyId, typeIds],
        );
        const knownIds = new Set(known.map((row) => row.id));
        const unknown = typeIds.find((id) => !knownIds.has(id));
        if (unknown) throw new NotFoundError('room-type', unknown);
        const ids: { id: string }[] = await manager.query(
          `INSERT INTO room (property_id, number, floor, room_type_id)
           SELECT $1, r.number, r.floor, r.room_type_id
             FROM unnest($2::text[], $3::smallint[], $4::uuid[]) WITH ORDINALITY AS r(number, floor, room_type_id, n)
            ORDER BY r.n
           RETURNING id`,
          [
            propertyId,
            rooms.map((room) => room.number),
            rooms.map((room) => room.floor ?? null),
            rooms.map((room) => room.roomTypeId),
          ],
        );
        for (const roomTypeId of typeIds) {
          noteAvailabilityChange(manager, { propertyId, roomTypeId, from: null, to: null, cause: 'rooms' });
        }
        const created = await manager.find(RoomEntity, { where: ids.map(({ id }) => ({ id })) });
        const byId = new Map(created.map((room) => [room.id, room]));
        await this.properties.publishUpdated(manager, propertyId);
        return ids.map(({ id }) => toRoomView(byId.get(id)!));
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const number = /\(property_id, number\)=\([^,]+, ([^)]+)\)/.exec(uniqueViolationDetail(error))?.[1];
        throw new ConflictError(
          'room-number-taken',
          `Room ${number ?? ''} already exists in this property`.replace('  ', ' '),
          {
            number,
          },
        );
      }
      throw error;
    }
  }

  /** By room number, then id (numbers are unique per property; the id only makes the order total). */
  async list(propertyId: string, query: ListRoomsQuery): Promise<Page<RoomView>> {
    await this.properties.get(propertyId);
    const limit = pageLimit(query);
    const builder = this.dataSource
      .getRepository(RoomEntity)
      .createQueryBuilder('r')
      .where('r.propertyId = :propertyId', { propertyId });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.roomTypeId) builder.andWhere('r.roomTypeId = :roomTypeId', { roomTypeId: query.roomTypeId });
    if (query.cursor) {
      const [number, id] = cursorParameters(query.cursor, ['text', 'uuid']);
      builder.andWhere('(r.number, r.id) > (:cursorNumber, :cursorId)', { cursorNumber: number, cursorId: id });
    }
    const rooms = await builder
      .orderBy('r.number', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return pageOf(rooms, limit, (room) => [room.number, room.id], toRoomView);
  }

  async get(propertyId: string, roomId: string): Promise<RoomView> {
    const room = await this.dataSource.getRepository(RoomEntity).findOneBy({ id: roomId, propertyId });
    if (!room) throw new NotFoundError('room', roomId);
    return toRoomView(room);
  }

  async changeStatus(propertyId: string, roomId: string, input: ChangeRoomStatusDto): Promise<RoomView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await this.properties.get(propertyId, manager);
      const room = await this.lockRoom(manager, propertyId, roomId);
      const next = resolveRoomStatus(room.status, input, property.businessDate, {
        reason: room.outOfOrderReason,
        from: room.outOfOrderFrom,
        to: room.outOfOrderTo,
      });
      return toRoomView(await this.apply(manager, room, next));
    });
  }

  /**
   * Sets a room's status inside the caller's transaction and publishes `room.status-changed` (for the desk's
   * check-in and check-out too). The room must be locked by the caller (`lockRoom`).
   */
  async apply(
    manager: EntityManager,
    room: RoomEntity,
    next: {
      status: RoomStatus;
      outOfOrderReason?: string | null;
      outOfOrderFrom?: string | null;
      outOfOrderTo?: string | null;
    },
  ): Promise<RoomEntity> {
    const previousStatus = room.status;
    const previousRange = { from: room.outOfOrderFrom, to: room.outOfOrderTo };
    room.status = next.status;
    room.outOfOrderReason = next.outOfOrderReason ?? null;
    room.outOfOrderFrom = next.outOfOrderFrom ?? null;
    room.outOfOrderTo = next.outOfOrderTo ?? null;
    const saved = await manager.save(room);
    noteOutOfOrderChange(manager, room, previousRange);
    await this.outbox.publish(manager, 'room.status-changed', {
      propertyId: room.propertyId,
      subject: room.id,
      data: {
        roomId: room.id,
        roomNumber: room.number,
        roomTypeId: room.roomTypeId,
        status: room.status,
        previousStatus,
        ...(room.outOfOrderReason ? { reason: room.outOfOrderReason } : {}),
        ...(room.outOfOrderFrom ? { outOfOrderFrom: room.outOfOrderFrom } : {}),
        ...(room.outOfOrderTo ? { outOfOrderTo: room.outOfOrderTo } : {}),
      },
    });
    return saved;
  }

  /**
   * The night audit's part once the business date becomes `date`: rooms whose out-of-order range starts go out of
   * order, rooms whose range ended come back (vacant-dirty, ready for housekeeping). Returns the rooms changed.
   */
  async applyOutOfOrderRanges(manager: EntityManager, propertyId: string, date: string): Promise<number> {
    const rooms = await manager
      .createQueryBuilder(RoomEntity, 'room')
      .setLock('pessimistic_write')
      .where('room.property_id = :propertyId AND room.out_of_order_from IS NOT NULL', { propertyId })
      .orderBy('room.id')
      .getMany();
    let changed = 0;
    for (const room of rooms) {
      const change = statusOnDate(room, date);
      if (change === 'out_of_order') {
        await this.apply(manager, room, {
          status: 'out_of_order',
          outOfOrderReason: room.outOfOrderReason,
          outOfOrderFrom: room.outOfOrderFrom,
          outOfOrderTo: room.outOfOrderTo,
        });
      } else if (change === 'back_in_order') {
        await this.apply(manager, room, { status: 'vacant_dirty' });
      }
      if (change) changed += 1;
    }
    return changed;
  }

  async lockRoom(manager: EntityManager, propertyId: string, roomId: string): Promise<RoomEntity> {
    const room = await manager.findOne(RoomEntity, {
      where: { id: roomId, propertyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!room) throw new NotFoundError('room', roomId);
    return room;
  }
}
