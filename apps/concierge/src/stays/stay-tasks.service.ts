import { Injectable } from '@nestjs/common';
import type {
  EmployeeUpdatedV1,
  GuestProfileUpdatedV1,
  PropertyCreatedV1,
  PropertyUpdatedV1,
  ReservationCancelledV1,
  ReservationCreatedV1,
  ReservationModifiedV1,
  ReservationNoShowV1,
  StayCheckedInV1,
  StayCheckedOutV1,
  StayRoomMovedV1,
} from '@frontoffice/contracts';
import type { EntityManager } from 'typeorm';
import { LuggageService } from '../luggage/luggage.service';
import { slaDueAt } from '../requests/request-rules';
import { RequestsService } from '../requests/requests.service';
import { SettingsService } from '../settings/settings.service';
import { DirectoryService } from './directory.service';
import { guestName, isVip, welcomeDueAt } from './stay-tasks';

const SYSTEM = 'system';

/** What happens in the concierge when a stay begins, moves or ends. Every effect runs in the inbox transaction. */
@Injectable()
export class StayTasksService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly requests: RequestsService,
    private readonly settings: SettingsService,
    private readonly luggage: LuggageService,
  ) {}

  property(manager: EntityManager, propertyId: string, property: PropertyCreatedV1 | PropertyUpdatedV1): Promise<void> {
    return this.settings.recordProperty(manager, propertyId, property);
  }

  async booked(
    manager: EntityManager,
    propertyId: string,
    reservation: ReservationCreatedV1 | ReservationModifiedV1,
    eventTime: string,
  ): Promise<void> {
    const applied = await this.directory.upsertStay(
      manager,
      {
        reservationId: reservation.reservationId,
        propertyId,
        confirmationNumber: reservation.confirmationNumber,
        guest: reservation.guest,
        status: reservation.status === 'checked_in' ? 'in_house' : 'expected',
        arrival: reservation.arrival,
        departure: reservation.departure,
        groupBlockId: reservation.groupBlockId,
      },
      eventTime,
    );
    if (applied && isVip(reservation.guest.vipLevel)) {
      const settings = await this.settings.get(propertyId, manager);
      const soonest = slaDueAt('amenity', 'high', settings.slaMinutes, new Date());
      await this.vipWelcome(manager, propertyId, reservation.reservationId, reservation.guest, {
        dueAt: welcomeDueAt(reservation.arrival, settings.timezone, soonest),
      });
    }
  }

  /**
   * A cancelled or no-show booking is kept (created if it was never seen) so the booking's older events, replayed
   * or late, find it and change nothing.
   */
  async calledOff(
    manager: EntityManager,
    propertyId: string,
    booking: ReservationCancelledV1 | ReservationNoShowV1,
    why: string,
    eventTime: string,
  ): Promise<void> {
    const stay = {
      reservationId: booking.reservationId,
      propertyId,
      confirmationNumber: booking.confirmationNumber,
      status: 'cancelled' as const,
      arrival: booking.arrival,
      departure: booking.departure,
      groupBlockId: booking.groupBlockId,
    };
    if (await this.directory.upsertStay(manager, stay, eventTime)) {
      await this.requests.cancelSystemTasks(manager, propertyId, booking.reservationId, why);
    }
  }

  async checkedIn(manager: EntityManager, propertyId: string, stay: StayCheckedInV1, eventTime: string): Promise<void> {
    const applied = await this.directory.upsertStay(
      manager,
      {
        reservationId: stay.reservationId,
        propertyId,
        confirmationNumber: stay.confirmationNumber,
        guest: stay.guest,
        status: 'in_house',
        roomNumber: stay.roomNumber,
        arrival: stay.arrival,
        departure: stay.departure,
        groupBlockId: stay.groupBlockId,
      },
      eventTime,
    );
    if (!applied) return;
    if (await this.settings.hasPorters(propertyId, manager)) {
      await this.requests.open(manager, {
        propertyId,
        category: 'luggage',
        kind: 'luggage_up',
        description: `Take the luggage of ${guestName(stay.guest)} up to room ${stay.roomNumber}`,
        reservationId: stay.reservationId,
        roomNumber: stay.roomNumber,
        createdBy: SYSTEM,
      });
    }
    if (isVip(stay.guest.vipLevel)) {
      await this.vipWelcome(manager, propertyId, stay.reservationId, stay.guest, {});
    }
  }

  async roomMoved(manager: EntityManager, propertyId: string, move: StayRoomMovedV1, eventTime: string): Promise<void> {
    const moved = await this.directory.moveStay(manager, propertyId, move.reservationId, move.toRoomNumber, eventTime);
    if (!moved) return;
    await this.luggage.followGuest(manager, propertyId, move.reservationId, move.toRoomNumber);
    await this.requests.followRoomMove(manager, propertyId, move.reservationId, move.toRoomNumber);
  }

  async checkedOut(
    manager: EntityManager,
    propertyId: string,
    stay: StayCheckedOutV1,
    eventTime: string,
  ): Promise<void> {
    const applied = await this.directory.upsertStay(
      manager,
      {
        reservationId: stay.reservationId,
        propertyId,
        confirmationNumber: stay.confirmationNumber,
        status: 'departed',
        roomNumber: stay.roomNumber,
      },
      eventTime,
    );
    if (applied && (await this.settings.hasPorters(propertyId, manager))) {
      const known = await this.directory.stay(propertyId, stay.reservationId, manager);
      const who = known && known.firstName ? guestName(known) : `the guest of room ${stay.roomNumber}`;
      await this.requests.open(manager, {
        propertyId,
        category: 'luggage',
        kind: 'luggage_down',
        description: `Bring down the luggage of ${who} from room ${stay.roomNumber}`,
        reservationId: stay.reservationId,
        roomNumber: stay.roomNumber,
        createdBy: SYSTEM,
      });
    }
  }

  /** A guest who becomes a VIP gets the manager's welcome on every stay not over yet. */
  async guestProfile(
    manager: EntityManager,
    propertyId: string,
    profile: GuestProfileUpdatedV1,
    eventTime: string,
  ): Promise<void> {
    const applied = await this.directory.applyGuestProfile(manager, propertyId, profile, eventTime);
    if (!applied || profile.erased || !isVip(profile.vipLevel)) return;
    const stays: Array<{ reservation_id: string; status: string; arrival: string | null }> = await manager.query(
      `SELECT reservation_id, status, to_char(arrival, 'YYYY-MM-DD') AS arrival FROM stay_guest
        WHERE guest_id = $1 AND property_id = $2 AND status IN ('expected', 'in_house')`,
      [profile.guestId, propertyId],
    );
    const settings = await this.settings.get(propertyId, manager);
    const soonest = slaDueAt('amenity', 'high', settings.slaMinutes, new Date());
    for (const stay of stays) {
      const dueAt =
        stay.status === 'expected' && stay.arrival ? welcomeDueAt(stay.arrival, settings.timezone, soonest) : soonest;
      await this.vipWelcome(manager, propertyId, stay.reservation_id, profile, { dueAt });
    }
  }

  employee(manager: EntityManager, employee: EmployeeUpdatedV1): Promise<void> {
    return this.directory.upsertEmployee(manager, employee);
  }

  /** One welcome task per VIP stay, for the front office manager (a second trigger finds it already there). */
  private async vipWelcome(
    manager: EntityManager,
    propertyId: string,
    reservationId: string,
    guest: { firstName: string; lastName: string; vipLevel: string },
    when: { dueAt?: Date },
  ): Promise<void> {
    await this.requests.open(manager, {
      propertyId,
      category: 'amenity',
      kind: 'vip_welcome',
      role: 'front_office_manager',
      description: `Welcome ${guest.vipLevel.toUpperCase()} guest ${guestName(guest)} in person`,
      reservationId,
      dueAt: when.dueAt,
      createdBy: SYSTEM,
    });
  }
}
