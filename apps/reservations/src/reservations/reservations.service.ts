import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReservationChange } from '@frontoffice/contracts';
import {
  BusinessRuleViolation,
  ConflictError,
  cursorParameters,
  NotFoundError,
  OutboxService,
  Page,
  pageOf,
  Principal,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { GuestsService } from '../guests/guests.service';
import { InventoryService } from '../inventory/inventory.service';
import { priceNights, totalOf } from '../properties/pricing';
import { PropertiesService } from '../properties/properties.service';
import { RatePlansService } from '../properties/rate-plans.service';
import { RoomTypeEntity } from '../properties/room-type.entity';
import { assertTransition } from './reservation-status';
import { ReservationEntity } from './reservation.entity';
import {
  CreateReservationDto,
  ReservationView,
  SearchReservationsQuery,
  UpdateReservationDto,
} from './reservations.dto';
import { NewReservationRow, reservationsRepository } from './reservations.repository';
import { assertStayDates, confirmationNumber, stayNights } from './stay';
import { planChange } from './stay-change';

const DEFAULT_PAGE = 50;

export function toReservationView(reservation: ReservationEntity): ReservationView {
  const money = (amountMinor: number) => ({ amountMinor, currency: reservation.currency });
  return {
    id: reservation.id,
    propertyId: reservation.propertyId,
    confirmationNumber: reservation.confirmationNumber,
    status: reservation.status,
    guest: {
      ...(reservation.guestId ? { guestId: reservation.guestId } : {}),
      firstName: reservation.guestFirstName,
      lastName: reservation.guestLastName,
      ...(reservation.guestEmail ? { email: reservation.guestEmail } : {}),
      ...(reservation.guestPhone ? { phone: reservation.guestPhone } : {}),
      ...(reservation.guestLanguage ? { language: reservation.guestLanguage } : {}),
      vipLevel: reservation.guestVipLevel,
    },
    roomTypeId: reservation.roomTypeId,
    arrival: reservation.arrival,
    departure: reservation.departure,
    adults: reservation.adults,
    children: reservation.children,
    roomId: reservation.roomId,
    source: reservation.source,
    notes: reservation.notes,
    totalPrice: money(reservation.totalPriceMinor),
    nights: reservation.nights.map((night) => ({ date: night.date, price: money(night.amountMinor) })),
    groupBlockId: reservation.groupBlockId,
    ratePlanId: reservation.ratePlanId,
    checkedInAt: reservation.checkedInAt?.toISOString() ?? null,
    checkedOutAt: reservation.checkedOutAt?.toISOString() ?? null,
    cancelledAt: reservation.cancelledAt?.toISOString() ?? null,
    cancelReason: reservation.cancelReason,
    noShowOn: reservation.noShowOn,
  };
}

/** The guest as events carry it: no email or phone. */
function eventGuest(reservation: ReservationEntity) {
  return {
    ...(reservation.guestId ? { guestId: reservation.guestId } : {}),
    firstName: reservation.guestFirstName,
    lastName: reservation.guestLastName,
    ...(reservation.guestLanguage ? { language: reservation.guestLanguage } : {}),
    vipLevel: reservation.guestVipLevel,
  };
}

/** What cancellation and no-show events say about the booking whose nights went back on sale. */
function releasedStay(reservation: ReservationEntity) {
  return {
    reservationId: reservation.id,
    confirmationNumber: reservation.confirmationNumber,
    roomTypeId: reservation.roomTypeId,
    arrival: reservation.arrival,
    departure: reservation.departure,
    ...(reservation.groupBlockId ? { groupBlockId: reservation.groupBlockId } : {}),
  };
}

/** Where and at what price a new booking stays, before its inventory is held. */
interface BookedStay {
  currency: string;
  roomTypeId: string;
  groupBlockId: string | null;
  ratePlanId: string | null;
  nights: { date: string; amountMinor: number }[];
}

interface GroupBlockRow {
  id: string;
  room_type_id: string;
  rate_plan_id: string | null;
}

/**
 * Bookings and their life cycle before arrival: create (nights held in inventory under row locks), modify (the
 * availability re-check happens in the same transaction as the release of the old nights), cancel, no-show.
 */
@Injectable()
export class ReservationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly properties: PropertiesService,
    private readonly ratePlans: RatePlansService,
    private readonly inventory: InventoryService,
    private readonly guests: GuestsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Books a stay. With `within`, the booking joins the caller's transaction (a walk-in books and checks in as one
   * change); otherwise it is its own.
   */
  async create(
    propertyId: string,
    input: CreateReservationDto,
    principal: Principal,
    within?: EntityManager,
  ): Promise<ReservationView> {
    assertStayDates(input.arrival, input.departure);
    const nightDates = stayNights(input.arrival, input.departure);
    const book = async (manager: EntityManager): Promise<ReservationView> => {
      const stay = input.groupBlockId
        ? await this.groupStay(manager, propertyId, input, nightDates)
        : await this.plainStay(manager, propertyId, input, nightDates);
      const guest = await this.guests.resolveForBooking(manager, propertyId, input.guest, principal);
      // Last before the writes: the inventory rows stay locked until commit, so as little as possible runs after.
      await this.inventory.hold(manager, propertyId, stay.roomTypeId, nightDates, {
        groupBlockId: stay.groupBlockId ?? undefined,
      });
      const row: NewReservationRow = {
        id: randomUUID(),
        propertyId,
        confirmationNumber: confirmationNumber(),
        roomTypeId: stay.roomTypeId,
        arrival: input.arrival,
        departure: input.departure,
        adults: input.adults,
        children: input.children ?? 0,
        guestId: guest.guestId,
        guestFirstName: guest.firstName,
        guestLastName: guest.lastName,
        guestEmail: input.guest.email ?? null,
        guestPhone: input.guest.phone ?? null,
        guestLanguage: guest.language ?? input.guest.language ?? null,
        guestVipLevel: guest.vipLevel,
        source: input.source ?? null,
        notes: input.notes ?? null,
        currency: stay.currency,
        totalPriceMinor: totalOf(stay.nights),
        nights: stay.nights,
        groupBlockId: stay.groupBlockId,
        ratePlanId: stay.ratePlanId,
        createdBy: principal.sub,
      };
      await reservationsRepository.insert(manager, row);
      const reservation = Object.assign(new ReservationEntity(), row, {
        status: 'confirmed' as const,
        roomId: null,
        checkedInAt: null,
        checkedOutAt: null,
        cancelledAt: null,
        cancelReason: null,
        cancelledBy: null,
        noShowOn: null,
        version: 1,
      });
      const view = toReservationView(reservation);
      await this.outbox.publish(manager, 'reservation.created', {
        propertyId,
        subject: reservation.id,
        data: {
          reservationId: reservation.id,
          confirmationNumber: reservation.confirmationNumber,
          status: 'confirmed',
          guest: eventGuest(reservation),
          roomTypeId: reservation.roomTypeId,
          arrival: reservation.arrival,
          departure: reservation.departure,
          adults: reservation.adults,
          children: reservation.children,
          totalPrice: view.totalPrice,
          nights: view.nights,
          ...(reservation.source ? { source: reservation.source } : {}),
          ...(reservation.groupBlockId ? { groupBlockId: reservation.groupBlockId } : {}),
        },
      });
      return view;
    };
    return within ? book(within) : this.dataSource.transaction(book);
  }

  /** A booking on general inventory: everything it reads comes back in one query. */
  private async plainStay(
    manager: EntityManager,
    propertyId: string,
    input: CreateReservationDto,
    nightDates: string[],
  ): Promise<BookedStay> {
    const context = await reservationsRepository.bookingContext(
      manager,
      propertyId,
      input.roomTypeId,
      nightDates,
      input.ratePlanId ?? null,
    );
    if (!context.propertyFound) throw new NotFoundError('property', propertyId);
    this.assertNotPast(context, input.arrival, 'arrival');
    const roomType = context.roomType;
    if (!roomType) throw new NotFoundError('room-type', input.roomTypeId);
    this.assertOccupancy(roomType, input.adults, input.children ?? 0);
    if (input.ratePlanId && !context.ratePlan) throw new NotFoundError('rate-plan', input.ratePlanId);
    const plan = context.ratePlan;
    return {
      currency: context.currency,
      roomTypeId: roomType.id,
      groupBlockId: null,
      ratePlanId: plan?.id ?? null,
      nights: priceNights(nightDates, {
        nightlyMinor: plan?.nightlyMinor ?? roomType.baseRateMinor,
        overrides: plan?.overrides,
      }),
    };
  }

  /** A booking picked up from a group block: priced on the block's rate plan unless the booking names one. */
  private async groupStay(
    manager: EntityManager,
    propertyId: string,
    input: CreateReservationDto,
    nightDates: string[],
  ): Promise<BookedStay> {
    const property = await this.properties.get(propertyId, manager);
    this.assertNotPast(property, input.arrival, 'arrival');
    const roomType = await this.roomType(manager, propertyId, input.roomTypeId);
    this.assertOccupancy(roomType, input.adults, input.children ?? 0);
    const block = await this.groupBlock(manager, propertyId, input.groupBlockId!, roomType.id);
    const priced = await this.ratePlans.priceStay(
      manager,
      roomType,
      nightDates,
      input.ratePlanId ?? block.rate_plan_id ?? undefined,
    );
    return {
      currency: property.currency,
      roomTypeId: roomType.id,
      groupBlockId: block.id,
      ratePlanId: priced.ratePlanId,
      nights: priced.nights,
    };
  }

  async get(propertyId: string, reservationId: string): Promise<ReservationView> {
    const reservation = await this.dataSource
      .getRepository(ReservationEntity)
      .findOneBy({ id: reservationId, propertyId });
    if (!reservation) throw new NotFoundError('reservation', reservationId);
    return toReservationView(reservation);
  }

  async search(propertyId: string, query: SearchReservationsQuery): Promise<Page<ReservationView>> {
    await this.properties.get(propertyId);
    const limit = query.limit ?? DEFAULT_PAGE;
    const builder = this.dataSource
      .getRepository(ReservationEntity)
      .createQueryBuilder('r')
      .where('r.property_id = :propertyId', { propertyId });
    if (query.name) {
      const prefix = `${query.name.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      builder.andWhere('(lower(r.guest_last_name) LIKE :prefix OR lower(r.guest_first_name) LIKE :prefix)', {
        prefix,
      });
    }
    if (query.confirmationNumber) {
      builder.andWhere('r.confirmation_number = :confirmation', { confirmation: query.confirmationNumber });
    }
    if (query.from) builder.andWhere('r.departure > :from', { from: query.from });
    if (query.to) builder.andWhere('r.arrival < :to', { to: query.to });
    if (query.arrival) builder.andWhere('r.arrival = :arrival', { arrival: query.arrival });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.groupBlockId) builder.andWhere('r.group_block_id = :block', { block: query.groupBlockId });
    if (query.cursor) {
      const [arrival, id] = cursorParameters(query.cursor, ['date', 'uuid']);
      builder.andWhere('(r.arrival, r.id) > (:cursorArrival, :cursorId)', { cursorArrival: arrival, cursorId: id });
    }
    const rows = await builder
      .orderBy('r.arrival', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return pageOf(rows, limit, (row) => [row.arrival, row.id], toReservationView);
  }

  async modify(propertyId: string, reservationId: string, input: UpdateReservationDto): Promise<ReservationView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await this.properties.get(propertyId, manager);
      const reservation = await this.lock(manager, propertyId, reservationId);
      assertTransition(reservation.status, reservation.status);
      const before = { ...reservation, nights: [...reservation.nights] };
      const checkedIn = reservation.status === 'checked_in';
      const arrival = input.arrival ?? reservation.arrival;
      const departure = input.departure ?? reservation.departure;
      const roomTypeId = input.roomTypeId ?? reservation.roomTypeId;
      if (departure <= arrival) {
        throw new BusinessRuleViolation('departure-not-after-arrival', 'departure must be after arrival', 'departure');
      }
      if (checkedIn && arrival !== reservation.arrival) {
        throw new ConflictError('guest-already-arrived', 'The guest is in house: the arrival date cannot change');
      }
      if (checkedIn && roomTypeId !== reservation.roomTypeId) {
        throw new ConflictError('use-room-move', 'The guest is in house: change the room type with a room move');
      }
      if (reservation.groupBlockId && roomTypeId !== reservation.roomTypeId) {
        throw new ConflictError('group-block-room-type', 'A group booking keeps the room type of its block');
      }
      if (!checkedIn && arrival !== reservation.arrival) this.assertNotPast(property, arrival, 'arrival');
      if (departure !== reservation.departure && departure <= property.businessDate) {
        throw new ConflictError(
          'departure-in-past',
          `departure must be after the business date ${property.businessDate}`,
          { field: 'departure' },
        );
      }
      assertStayDates(arrival, departure);
      const newNights = stayNights(arrival, departure);
      const roomType = await this.roomType(manager, propertyId, roomTypeId);
      const adults = input.adults ?? reservation.adults;
      const children = input.children ?? reservation.children;
      this.assertOccupancy(roomType, adults, children);

      const plan = planChange(
        { roomTypeId: reservation.roomTypeId, nights: reservation.nights },
        { roomTypeId, nights: newNights },
      );
      // In house, the stay's remaining nights are held on the type of the room it occupies (an upgrade moves them).
      const heldType = checkedIn ? await this.occupiedRoomType(manager, reservation) : reservation.roomTypeId;
      const targetType = checkedIn ? heldType : roomTypeId;
      const options = {
        groupBlockId: heldType === reservation.roomTypeId ? (reservation.groupBlockId ?? undefined) : undefined,
      };
      await this.inventory.lockAll(
        manager,
        propertyId,
        [
          { roomTypeId: heldType, nights: plan.release },
          { roomTypeId: targetType, nights: plan.hold },
        ],
        options,
      );
      await this.inventory.release(manager, propertyId, heldType, plan.release, options);
      await this.inventory.hold(manager, propertyId, targetType, plan.hold, options);
      const priced = await this.ratePlans.priceStay(manager, roomType, plan.hold, reservation.ratePlanId);
      const nights = plan.merge(priced.nights);

      const changes: ReservationChange[] = [];
      if (arrival !== reservation.arrival || departure !== reservation.departure) changes.push('dates');
      if (roomTypeId !== reservation.roomTypeId) changes.push('room_type');
      if (adults !== reservation.adults || children !== reservation.children) changes.push('guests');
      if (input.notes !== undefined && input.notes !== (reservation.notes ?? '')) changes.push('notes');
      if (changes.length === 0) return toReservationView(reservation);

      Object.assign(reservation, {
        arrival,
        departure,
        roomTypeId,
        adults,
        children,
        notes: input.notes !== undefined ? input.notes || null : reservation.notes,
        nights,
        totalPriceMinor: totalOf(nights),
        version: reservation.version + 1,
      });
      const saved = await manager.save(reservation);
      const view = toReservationView(saved);
      await this.outbox.publish(manager, 'reservation.modified', {
        propertyId,
        subject: saved.id,
        data: {
          reservationId: saved.id,
          confirmationNumber: saved.confirmationNumber,
          status: saved.status as 'confirmed' | 'checked_in',
          changes,
          guest: eventGuest(saved),
          roomTypeId: saved.roomTypeId,
          arrival: saved.arrival,
          departure: saved.departure,
          previousArrival: before.arrival,
          previousDeparture: before.departure,
          previousRoomTypeId: before.roomTypeId,
          adults: saved.adults,
          children: saved.children,
          totalPrice: view.totalPrice,
          nights: view.nights,
          ...(saved.groupBlockId ? { groupBlockId: saved.groupBlockId } : {}),
        },
      });
      return view;
    });
  }

  async cancel(
    propertyId: string,
    reservationId: string,
    reason: string,
    principal: Principal,
  ): Promise<ReservationView> {
    return this.dataSource.transaction(async (manager) => {
      const reservation = await this.lock(manager, propertyId, reservationId);
      assertTransition(reservation.status, 'cancelled');
      await this.releaseAll(manager, reservation);
      Object.assign(reservation, {
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelReason: reason,
        cancelledBy: principal.sub,
        version: reservation.version + 1,
      });
      const saved = await manager.save(reservation);
      await this.outbox.publish(manager, 'reservation.cancelled', {
        propertyId,
        subject: saved.id,
        data: { ...releasedStay(saved), reason, cancelledAt: saved.cancelledAt!.toISOString() },
      });
      return toReservationView(saved);
    });
  }

  /** The desk marks a guest who did not come; the night audit does the same by the property's policy. */
  async noShow(propertyId: string, reservationId: string): Promise<ReservationView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await this.properties.get(propertyId, manager);
      const reservation = await this.lock(manager, propertyId, reservationId);
      assertTransition(reservation.status, 'no_show');
      if (reservation.arrival > property.businessDate) {
        throw new ConflictError(
          'not-due-yet',
          `The guest is due on ${reservation.arrival}; the business date is ${property.businessDate}`,
        );
      }
      return toReservationView(await this.markNoShow(manager, reservation, property.businessDate));
    });
  }

  /** Marks a locked, confirmed reservation a no-show on a business date and releases its nights. */
  async markNoShow(
    manager: EntityManager,
    reservation: ReservationEntity,
    businessDate: string,
  ): Promise<ReservationEntity> {
    assertTransition(reservation.status, 'no_show');
    await this.releaseAll(manager, reservation);
    Object.assign(reservation, { status: 'no_show', noShowOn: businessDate, version: reservation.version + 1 });
    const saved = await manager.save(reservation);
    await this.outbox.publish(manager, 'reservation.no-show', {
      propertyId: saved.propertyId,
      subject: saved.id,
      data: { ...releasedStay(saved), businessDate },
    });
    return saved;
  }

  /** Locks a reservation row (SELECT ... FOR UPDATE) so concurrent changes to it queue. */
  async lock(manager: EntityManager, propertyId: string, reservationId: string): Promise<ReservationEntity> {
    const reservation = await manager.findOne(ReservationEntity, {
      where: { id: reservationId, propertyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!reservation) throw new NotFoundError('reservation', reservationId);
    return reservation;
  }

  private async releaseAll(manager: EntityManager, reservation: ReservationEntity): Promise<void> {
    await this.inventory.release(
      manager,
      reservation.propertyId,
      reservation.roomTypeId,
      reservation.nights.map((night) => night.date),
      { groupBlockId: reservation.groupBlockId ?? undefined },
    );
  }

  private async occupiedRoomType(manager: EntityManager, reservation: ReservationEntity): Promise<string> {
    if (!reservation.roomId) return reservation.roomTypeId;
    const [room]: { room_type_id: string }[] = await manager.query('SELECT room_type_id FROM room WHERE id = $1', [
      reservation.roomId,
    ]);
    return room?.room_type_id ?? reservation.roomTypeId;
  }

  private assertNotPast(property: { businessDate: string }, date: string, field: string): void {
    if (date < property.businessDate) {
      throw new BusinessRuleViolation(
        'date-in-past',
        `${field} must not be before the business date ${property.businessDate}`,
        field,
      );
    }
  }

  private assertOccupancy(roomType: { code: string; maxOccupancy: number }, adults: number, children: number): void {
    if (adults + children > roomType.maxOccupancy) {
      throw new BusinessRuleViolation(
        'over-occupancy',
        `Room type ${roomType.code} sleeps at most ${roomType.maxOccupancy}`,
        'adults',
      );
    }
  }

  private async roomType(manager: EntityManager, propertyId: string, roomTypeId: string): Promise<RoomTypeEntity> {
    const roomType = await manager.findOneBy(RoomTypeEntity, { id: roomTypeId, propertyId });
    if (!roomType) throw new NotFoundError('room-type', roomTypeId);
    return roomType;
  }

  private async groupBlock(
    manager: EntityManager,
    propertyId: string,
    groupBlockId: string,
    roomTypeId: string,
  ): Promise<GroupBlockRow> {
    const [block]: GroupBlockRow[] = await manager.query(
      'SELECT id, room_type_id, rate_plan_id FROM group_block WHERE id = $1 AND property_id = $2',
      [groupBlockId, propertyId],
    );
    if (!block) throw new NotFoundError('group-block', groupBlockId);
    if (block.room_type_id !== roomTypeId) {
      throw new BusinessRuleViolation('group-block-room-type', 'The group block holds another room type', 'roomTypeId');
    }
    return block;
  }
}
