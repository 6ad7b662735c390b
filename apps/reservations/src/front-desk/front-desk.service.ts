import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RoomStatus } from '@frontoffice/contracts';
import { BusinessRuleViolation, ConflictError, NotFoundError, OutboxService, Principal } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { InventoryService } from '../inventory/inventory.service';
import { PropertyEntity } from '../properties/property.entity';
import { RoomEntity } from '../properties/room.entity';
import { assertTransition } from '../reservations/reservation-status';
import { ReservationEntity } from '../reservations/reservation.entity';
import { ReservationsService, toReservationView } from '../reservations/reservations.service';
import { assertStayDates, stayNights } from '../reservations/stay';
import { AssignRoomDto, CheckInDto, RoomMoveDto, StayView, WalkInDto } from './front-desk.dto';
import { checkArrivalWindow, checkAssignment, moveFrom, READY_STATUSES, unusedNights } from './front-desk-rules';
import type { AssignmentStatus } from './room-assignment.entity';

const EXCLUSION_VIOLATION = '23P01';

interface AssignmentRow {
  id: string;
  room_id: string;
  room_type_id: string;
  upgraded: boolean;
  status: AssignmentStatus;
  first_night: string;
}

function isExclusionViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === EXCLUSION_VIOLATION;
}

/**
 * The front desk: room assignment, check-in, room moves, check-out and walk-ins. Every action locks the
 * reservation row, then the room rows (in id order), then inventory; the room-assignment exclusion constraint is
 * what guarantees one room never goes to two overlapping stays. The reservation's status, room and check-in/out
 * instants are kept up to date in the same transaction, for the night audit.
 */
@Injectable()
export class FrontDeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inventory: InventoryService,
    private readonly reservations: ReservationsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Books and checks in a guest at the desk. The room is locked and checked first, so a booking is only made when
   * a room is there for the guest; the booking itself is the reservations feature's (inventory, price, profile) and
   * commits on its own, then the check-in runs under the room lock. Should the check-in still fail, the booking
   * is cancelled again, so no walk-in is left booked without a room.
   */
  async walkIn(propertyId: string, input: WalkInDto, principal: Principal): Promise<StayView> {
    const { roomId, upgrade, ...booking } = input;
    assertStayDates(booking.arrival, booking.departure);
    // One transaction: the booking, its inventory and the room's check-in commit together or not at all.
    return this.dataSource.transaction(async (manager) => {
      const property = await this.property(manager, propertyId);
      if (booking.arrival !== property.businessDate) {
        throw new BusinessRuleViolation(
          'walk-in-not-today',
          `A walk-in arrives on the business date ${property.businessDate}`,
          'arrival',
        );
      }
      const room = await this.lockRoom(
        manager,
        propertyId,
        roomId ?? (await this.pickReadyRoom(manager, propertyId, booking.roomTypeId, booking, property.businessDate)),
      );
      checkAssignment(room, {
        bookedRoomTypeId: booking.roomTypeId,
        from: booking.arrival,
        to: booking.departure,
        occupiedNow: true,
        upgrade: upgrade ?? false,
      });
      await this.assertRoomFree(manager, room, booking.arrival, booking.departure);
      const reservation = await this.reservations.create(propertyId, booking, principal, manager);
      return this.checkIn(propertyId, reservation.id, { roomId: room.id, upgrade }, principal, {
        walkIn: true,
        manager,
      });
    });
  }

  /** Gives a confirmed booking its room ahead of check-in. */
  async assignRoom(
    propertyId: string,
    reservationId: string,
    input: AssignRoomDto,
    principal: Principal,
  ): Promise<StayView> {
    return this.dataSource.transaction(async (manager) => {
      const reservation = await this.lockReservation(manager, propertyId, reservationId);
      if (reservation.status !== 'confirmed') {
        throw new ConflictError(
          'invalid-transition',
          `Only a confirmed booking can be given a room ahead of check-in; this one is ${reservation.status}`,
          { from: reservation.status },
        );
      }
      const property = await this.property(manager, propertyId);
      const room = await this.lockRoom(manager, propertyId, input.roomId);
      const { upgraded } = checkAssignment(room, {
        bookedRoomTypeId: reservation.roomTypeId,
        from: reservation.arrival,
        to: reservation.departure,
        occupiedNow: reservation.arrival <= property.businessDate,
        upgrade: input.upgrade ?? false,
      });
      const current = await this.currentAssignment(manager, reservation.id);
      if (current?.room_id === room.id) return this.view(manager, reservation);
      if (current) await this.endAssignment(manager, current.id, 'released');
      await this.addAssignment(manager, reservation, room, {
        from: reservation.arrival,
        status: 'assigned',
        upgraded,
        reason: input.reason ?? null,
        principal,
      });
      reservation.roomId = room.id;
      reservation.version += 1;
      await manager.save(reservation);
      return this.view(manager, reservation);
    });
  }

  async checkIn(
    propertyId: string,
    reservationId: string,
    input: CheckInDto,
    principal: Principal,
    options: { walkIn?: boolean; manager?: EntityManager } = {},
  ): Promise<StayView> {
    const work = async (manager: EntityManager) => {
      const reservation = await this.lockReservation(manager, propertyId, reservationId);
      if (reservation.status === 'checked_in') {
        throw new ConflictError('invalid-transition', 'The guest is already checked in', {
          from: 'checked_in',
          to: 'checked_in',
        });
      }
      assertTransition(reservation.status, 'checked_in');
      const property = await this.property(manager, propertyId);
      checkArrivalWindow(reservation.arrival, reservation.departure, property.businessDate);

      const assigned = await this.currentAssignment(manager, reservation.id);
      const roomId =
        input.roomId ??
        assigned?.room_id ??
        (await this.pickReadyRoom(manager, propertyId, reservation.roomTypeId, reservation, property.businessDate));
      const room = await this.lockRoom(manager, propertyId, roomId);
      // Read again under the room lock: a stale assignment (the booking was re-dated since) has just been released.
      let current = await this.currentAssignment(manager, reservation.id);
      const { upgraded } = checkAssignment(room, {
        bookedRoomTypeId: reservation.roomTypeId,
        from: reservation.arrival,
        to: reservation.departure,
        occupiedNow: true,
        // A room assigned ahead as an upgrade keeps that decision.
        upgrade: (input.upgrade ?? false) || (current?.room_id === room.id && current.upgraded),
      });
      if (current && current.room_id !== room.id) {
        await this.endAssignment(manager, current.id, 'released');
        current = undefined;
      }
      if (current) {
        await manager.query(`UPDATE room_assignment SET status = 'in_house' WHERE id = $1`, [current.id]);
      } else {
        await this.addAssignment(manager, reservation, room, {
          from: reservation.arrival,
          status: 'in_house',
          upgraded,
          reason: null,
          principal,
        });
      }
      if (room.roomTypeId !== reservation.roomTypeId) {
        // An upgrade occupies a room of another type from tonight: its nights move to that type's inventory.
        const nights = stayNights(moveFrom(reservation.arrival, property.businessDate), reservation.departure);
        // Both types' rows in the global lock order first, so an upgrade the other way at once cannot deadlock.
        await this.inventory.lockAll(
          manager,
          propertyId,
          [
            { roomTypeId: room.roomTypeId, nights },
            { roomTypeId: reservation.roomTypeId, nights },
          ],
          this.blockOf(reservation),
        );
        await this.inventory.hold(manager, propertyId, room.roomTypeId, nights);
        await this.inventory.release(manager, propertyId, reservation.roomTypeId, nights, this.blockOf(reservation));
      }

      const checkedInAt = new Date();
      reservation.status = 'checked_in';
      reservation.roomId = room.id;
      reservation.checkedInAt = checkedInAt;
      reservation.version += 1;
      await manager.save(reservation);
      await this.outbox.publish(manager, 'stay.checked-in', {
        propertyId,
        subject: reservation.id,
        data: {
          reservationId: reservation.id,
          confirmationNumber: reservation.confirmationNumber,
          roomId: room.id,
          roomNumber: room.number,
          roomTypeId: room.roomTypeId,
          bookedRoomTypeId: reservation.roomTypeId,
          upgraded,
          guest: {
            ...(reservation.guestId ? { guestId: reservation.guestId } : {}),
            firstName: reservation.guestFirstName,
            lastName: reservation.guestLastName,
            ...(reservation.guestLanguage ? { language: reservation.guestLanguage } : {}),
            vipLevel: reservation.guestVipLevel,
          },
          arrival: reservation.arrival,
          departure: reservation.departure,
          adults: reservation.adults,
          children: reservation.children,
          businessDate: property.businessDate,
          checkedInAt: checkedInAt.toISOString(),
          ...(options.walkIn ? { walkIn: true } : {}),
          ...(reservation.groupBlockId ? { groupBlockId: reservation.groupBlockId } : {}),
        },
      });
      await this.setRoomStatus(manager, room, 'occupied');
      return this.view(manager, reservation);
    };
    return options.manager ? work(options.manager) : this.dataSource.transaction(work);
  }

  async moveRoom(
    propertyId: string,
    reservationId: string,
    input: RoomMoveDto,
    principal: Principal,
  ): Promise<StayView> {
    return this.dataSource.transaction(async (manager) => {
      const reservation = await this.lockReservation(manager, propertyId, reservationId);
      if (reservation.status !== 'checked_in') {
        throw new ConflictError(
          'invalid-transition',
          `Only an in-house guest can move rooms; this booking is ${reservation.status.replace('_', ' ')}`,
          { from: reservation.status },
        );
      }
      const property = await this.property(manager, propertyId);
      checkArrivalWindow(reservation.arrival, reservation.departure, property.businessDate);
      const current = await this.currentAssignment(manager, reservation.id);
      if (!current) throw new ConflictError('no-room-assigned', 'The stay has no room to move from');
      if (current.room_id === input.roomId) {
        throw new ConflictError('same-room', 'The guest is already in this room', { roomId: input.roomId });
      }
      // Both rooms, in id order, so two opposite moves queue instead of deadlocking.
      const [first, second] = [current.room_id, input.roomId].sort();
      const locked = new Map<string, RoomEntity>();
      for (const id of [first, second]) locked.set(id, await this.lockRoom(manager, propertyId, id));
      const fromRoom = locked.get(current.room_id)!;
      const toRoom = locked.get(input.roomId)!;
      const from = moveFrom(reservation.arrival, property.businessDate);
      const { upgraded } = checkAssignment(toRoom, {
        bookedRoomTypeId: reservation.roomTypeId,
        from,
        to: reservation.departure,
        occupiedNow: true,
        upgrade: input.upgrade ?? false,
      });

      await this.endAssignment(manager, current.id, 'moved_out', from);
      await this.addAssignment(manager, reservation, toRoom, {
        from,
        status: 'in_house',
        upgraded,
        reason: input.reason ?? null,
        principal,
      });
      if (toRoom.roomTypeId !== current.room_type_id) {
        const nights = stayNights(from, reservation.departure);
        await this.inventory.lockAll(
          manager,
          propertyId,
          [
            { roomTypeId: toRoom.roomTypeId, nights },
            { roomTypeId: current.room_type_id, nights },
          ],
          this.blockOf(reservation),
        );
        // Back to the booked type, the nights return to the group block where it still holds rooms.
        await this.inventory.hold(
          manager,
          propertyId,
          toRoom.roomTypeId,
          nights,
          toRoom.roomTypeId === reservation.roomTypeId ? this.blockOf(reservation) : {},
        );
        await this.inventory.release(
          manager,
          propertyId,
          current.room_type_id,
          nights,
          current.room_type_id === reservation.roomTypeId ? this.blockOf(reservation) : {},
        );
      }

      const movedAt = new Date();
      reservation.roomId = toRoom.id;
      reservation.version += 1;
      await manager.save(reservation);
      await this.outbox.publish(manager, 'stay.room-moved', {
        propertyId,
        subject: reservation.id,
        data: {
          reservationId: reservation.id,
          fromRoomId: fromRoom.id,
          fromRoomNumber: fromRoom.number,
          toRoomId: toRoom.id,
          toRoomNumber: toRoom.number,
          roomTypeId: toRoom.roomTypeId,
          ...(input.reason ? { reason: input.reason } : {}),
          businessDate: property.businessDate,
          movedAt: movedAt.toISOString(),
        },
      });
      await this.setRoomStatus(manager, fromRoom, 'vacant_dirty');
      await this.setRoomStatus(manager, toRoom, 'occupied');
      return this.view(manager, reservation);
    });
  }

  /** The guest leaves: the room becomes vacant-dirty; leaving early gives the unused nights back to inventory. */
  async checkOut(propertyId: string, reservationId: string): Promise<StayView> {
    return this.dataSource.transaction(async (manager) => {
      const reservation = await this.lockReservation(manager, propertyId, reservationId);
      assertTransition(reservation.status, 'checked_out');
      const property = await this.property(manager, propertyId);
      const current = await this.currentAssignment(manager, reservation.id);
      const roomId = current?.room_id ?? reservation.roomId;
      if (!roomId) throw new ConflictError('no-room-assigned', 'The stay has no room to check out of');
      const room = await this.lockRoom(manager, propertyId, roomId);

      const unused = unusedNights(reservation.departure, property.businessDate);
      if (unused.length > 0) {
        const heldType = current?.room_type_id ?? reservation.roomTypeId;
        await this.inventory.release(
          manager,
          propertyId,
          heldType,
          unused,
          heldType === reservation.roomTypeId ? this.blockOf(reservation) : {},
        );
      }
      if (current) await this.endAssignment(manager, current.id, 'checked_out', property.businessDate);

      const checkedOutAt = new Date();
      reservation.status = 'checked_out';
      reservation.checkedOutAt = checkedOutAt;
      reservation.version += 1;
      await manager.save(reservation);
      await this.outbox.publish(manager, 'stay.checked-out', {
        propertyId,
        subject: reservation.id,
        data: {
          reservationId: reservation.id,
          confirmationNumber: reservation.confirmationNumber,
          roomId: room.id,
          roomNumber: room.number,
          arrival: reservation.arrival,
          departure: reservation.departure,
          early: unused.length > 0,
          businessDate: property.businessDate,
          checkedOutAt: checkedOutAt.toISOString(),
        },
      });
      await this.setRoomStatus(manager, room, 'vacant_dirty');
      return this.view(manager, reservation);
    });
  }

  private blockOf(reservation: ReservationEntity): { groupBlockId?: string } {
    return reservation.groupBlockId ? { groupBlockId: reservation.groupBlockId } : {};
  }

  private async lockReservation(
    manager: EntityManager,
    propertyId: string,
    reservationId: string,
  ): Promise<ReservationEntity> {
    const reservation = await manager.findOne(ReservationEntity, {
      where: { id: reservationId, propertyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!reservation) throw new NotFoundError('reservation', reservationId);
    return reservation;
  }

  private async lockRoom(manager: EntityManager, propertyId: string, roomId: string): Promise<RoomEntity> {
    const room = await manager.findOne(RoomEntity, {
      where: { id: roomId, propertyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!room) throw new NotFoundError('room', roomId);
    // Assignments of bookings since cancelled, no-showed or re-dated elsewhere no longer hold the room.
    await manager.query(
      `UPDATE room_assignment a SET status = 'released', ended_at = now()
         FROM reservation r
        WHERE a.reservation_id = r.id AND a.room_id = $1 AND a.status = 'assigned'
          AND (r.status IN ('cancelled', 'no_show') OR r.room_id IS DISTINCT FROM a.room_id
               OR daterange(r.arrival, r.departure) <> a.nights)`,
      [roomId],
    );
    return room;
  }

  private async property(manager: EntityManager, propertyId: string): Promise<PropertyEntity> {
    const property = await manager.findOneBy(PropertyEntity, { id: propertyId });
    if (!property) throw new NotFoundError('property', propertyId);
    return property;
  }

  private async currentAssignment(manager: EntityManager, reservationId: string): Promise<AssignmentRow | undefined> {
    const rows = (await manager.query(
      `SELECT id, room_id, room_type_id, upgraded, status, lower(nights)::text AS first_night
         FROM room_assignment WHERE reservation_id = $1 AND status IN ('assigned', 'in_house')`,
      [reservationId],
    )) as AssignmentRow[];
    return rows[0];
  }

  /** A ready room of the booked type that no other stay holds for these nights; rooms locked by others are skipped. */
  private async pickReadyRoom(
    manager: EntityManager,
    propertyId: string,
    roomTypeId: string,
    stay: { arrival: string; departure: string },
    businessDate: string,
  ): Promise<string> {
    const from = moveFrom(stay.arrival, businessDate);
    const lastNight = stayNights(from, stay.departure).at(-1)!;
    const rows = (await manager.query(
      `SELECT r.id FROM room r
        WHERE r.property_id = $1 AND r.room_type_id = $2 AND r.status = ANY($3::text[])
          AND (r.out_of_order_from IS NULL OR r.out_of_order_from > $5::date
               OR COALESCE(r.out_of_order_to, 'infinity'::date) < $4::date)
          AND NOT EXISTS (
            SELECT 1 FROM room_assignment a JOIN reservation x ON x.id = a.reservation_id
             WHERE a.room_id = r.id AND a.status <> 'released' AND a.nights && daterange($4::date, $6::date)
               AND NOT (a.status = 'assigned' AND x.status IN ('cancelled', 'no_show')))
        ORDER BY (r.status = 'inspected') DESC, r.number
        LIMIT 1
        FOR UPDATE OF r SKIP LOCKED`,
      [propertyId, roomTypeId, READY_STATUSES, from, lastNight, stay.departure],
    )) as { id: string }[];
    if (rows.length === 0) {
      throw new ConflictError('no-room-ready', 'No vacant-clean or inspected room of the booked type is free', {
        roomTypeId,
      });
    }
    return rows[0].id;
  }

  private async assertRoomFree(manager: EntityManager, room: RoomEntity, from: string, to: string): Promise<void> {
    const taken = (await manager.query(
      `SELECT 1 FROM room_assignment
        WHERE room_id = $1 AND status <> 'released' AND nights && daterange($2::date, $3::date) LIMIT 1`,
      [room.id, from, to],
    )) as unknown[];
    if (taken.length > 0) {
      throw new ConflictError(
        'room-already-assigned',
        `Room ${room.number} is already given to another stay for some of these nights`,
        { roomId: room.id },
      );
    }
  }

  private async addAssignment(
    manager: EntityManager,
    reservation: ReservationEntity,
    room: RoomEntity,
    init: { from: string; status: AssignmentStatus; upgraded: boolean; reason: string | null; principal: Principal },
  ): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO room_assignment
           (property_id, reservation_id, room_id, room_type_id, booked_room_type_id, upgraded, nights, status,
            reason, assigned_by)
         VALUES ($1, $2, $3, $4, $5, $6, daterange($7::date, $8::date), $9, $10, $11)`,
        [
          reservation.propertyId,
          reservation.id,
          room.id,
          room.roomTypeId,
          reservation.roomTypeId,
          init.upgraded,
          init.from,
          reservation.departure,
          init.status,
          init.reason,
          init.principal.sub,
        ],
      );
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new ConflictError(
          'room-already-assigned',
          `Room ${room.number} is already given to another stay for some of these nights`,
          { roomId: room.id },
        );
      }
      throw error;
    }
  }

  /** Ends an assignment; its nights stop at `until` (the nights from then on are no longer this room's). */
  private async endAssignment(
    manager: EntityManager,
    assignmentId: string,
    status: AssignmentStatus,
    until?: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE room_assignment
          SET status = $2, ended_at = now(),
              nights = CASE WHEN $3::date IS NULL THEN nights
                            ELSE daterange(lower(nights), GREATEST(lower(nights), LEAST(upper(nights), $3::date)))
                       END
        WHERE id = $1`,
      [assignmentId, status, until ?? null],
    );
  }

  private async setRoomStatus(manager: EntityManager, room: RoomEntity, status: RoomStatus): Promise<void> {
    if (room.status === status) return;
    const previousStatus = room.status;
    await manager.update(RoomEntity, { id: room.id }, { status });
    room.status = status;
    await this.outbox.publish(manager, 'room.status-changed', {
      propertyId: room.propertyId,
      subject: room.id,
      data: { roomId: room.id, roomNumber: room.number, roomTypeId: room.roomTypeId, status, previousStatus },
    });
  }

  private async view(manager: EntityManager, reservation: ReservationEntity): Promise<StayView> {
    const room = reservation.roomId ? await manager.findOneBy(RoomEntity, { id: reservation.roomId }) : null;
    return {
      ...toReservationView(reservation),
      roomId: reservation.roomId,
      room: room ? { id: room.id, number: room.number, roomTypeId: room.roomTypeId } : null,
      upgraded: room !== null && room.roomTypeId !== reservation.roomTypeId,
    };
  }
}
