import type { RoomStatus } from '@frontoffice/contracts';
import { ConflictError } from '@frontoffice/platform';
import { stayNights } from '../reservations/stay';

/** Statuses in which a room can be given to a guest arriving now. */
export const READY_STATUSES: readonly RoomStatus[] = ['vacant_clean', 'inspected'];

export interface RoomForAssignment {
  id: string;
  number: string;
  roomTypeId: string;
  status: RoomStatus;
  outOfOrderFrom: string | null;
  /** Inclusive; null = open-ended. */
  outOfOrderTo: string | null;
}

export interface AssignmentRequest {
  bookedRoomTypeId: string;
  /** The nights the room would be given for: `[from, to)`. */
  from: string;
  to: string;
  /** The guest takes the room now (check-in, walk-in, room move, or an assignment for today's arrival). */
  occupiedNow: boolean;
  /** The caller accepts a room of another type, recorded as an upgrade. */
  upgrade: boolean;
}

/**
 * Whether a room may be given to a stay: a room of the booked type (or of another type, only as an explicit,
 * recorded upgrade), not out of order on any of the nights, and clean (vacant-clean or inspected) if the guest
 * takes it now. Answers whether it is an upgrade; throws a 409 explaining the refusal.
 */
export function checkAssignment(room: RoomForAssignment, request: AssignmentRequest): { upgraded: boolean } {
  const upgraded = room.roomTypeId !== request.bookedRoomTypeId;
  if (upgraded && !request.upgrade) {
    throw new ConflictError(
      'room-type-mismatch',
      `Room ${room.number} is not of the booked room type; give it as an upgrade (upgrade: true) or choose another`,
      { roomId: room.id },
    );
  }
  if (outOfOrderDuring(room, request.from, request.to)) {
    throw new ConflictError('room-out-of-order', `Room ${room.number} is out of order during the stay`, {
      roomId: room.id,
    });
  }
  if (request.occupiedNow && !READY_STATUSES.includes(room.status)) {
    throw new ConflictError(
      'room-not-ready',
      `Room ${room.number} is ${room.status.replace('_', ' ')}; only a vacant-clean or inspected room can be given`,
      { roomId: room.id, status: room.status },
    );
  }
  return { upgraded };
}

/** An out-of-order room (status, or a planned range) that overlaps the nights `[from, to)`. */
export function outOfOrderDuring(room: RoomForAssignment, from: string, to: string): boolean {
  if (room.status === 'out_of_order' && room.outOfOrderFrom === null) return true;
  if (room.outOfOrderFrom === null) return false;
  const lastNight = stayNights(from, to).at(-1);
  if (lastNight === undefined) return false;
  const oooEnds = room.outOfOrderTo ?? '9999-12-31';
  return room.outOfOrderFrom <= lastNight && oooEnds >= from;
}

/**
 * A booking can be checked in (or moved) on its arrival date or later (a late arrival), never once its departure
 * has come: an overstaying guest is extended or checked out first.
 */
export function checkArrivalWindow(arrival: string, departure: string, businessDate: string): void {
  if (businessDate < arrival) {
    throw new ConflictError(
      'arrival-not-yet',
      `The booking arrives on ${arrival}; the business date is ${businessDate}`,
      { arrival, businessDate },
    );
  }
  if (businessDate >= departure) {
    throw new ConflictError('stay-already-over', `The booking departed on ${departure}`, { departure, businessDate });
  }
}

/**
 * The nights a check-out on `businessDate` gives back: from the business date (not slept) to the booked
 * departure. None when the guest leaves on the departure date or later.
 */
export function unusedNights(departure: string, businessDate: string): string[] {
  return businessDate < departure ? stayNights(businessDate, departure) : [];
}

/** From which night a stay continues in a new room moved into on `businessDate`. */
export function moveFrom(arrival: string, businessDate: string): string {
  return businessDate > arrival ? businessDate : arrival;
}
