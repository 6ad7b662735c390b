import { BusinessRuleViolation, ConflictError } from '@frontoffice/platform';
import type { RoomStatus } from '@frontoffice/contracts';

export interface RoomStatusChange {
  status: RoomStatus;
  reason?: string;
  from?: string;
  to?: string;
}

export interface ResolvedRoomStatus {
  status: RoomStatus;
  outOfOrderReason: string | null;
  outOfOrderFrom: string | null;
  outOfOrderTo: string | null;
}

/**
 * What housekeeping and the desk may do to a room's status: `occupied` comes from a check-in only and an occupied
 * room changes by check-out (or a room move) only; out of order needs a reason and a night range (from defaults to
 * the business date, to is inclusive and may stay open). A range that starts later is scheduled: the room keeps its
 * status (and can be sold and assigned) until the night audit reaches the first night out of order.
 */
export function resolveRoomStatus(
  current: RoomStatus,
  change: RoomStatusChange,
  businessDate: string,
  currentRange?: { reason: string | null; from: string | null; to: string | null },
): ResolvedRoomStatus {
  if (change.status === 'occupied') {
    throw new ConflictError('occupied-by-check-in', 'A room becomes occupied by a check-in, not by a status change');
  }
  if (current === 'occupied') {
    throw new ConflictError('room-occupied', 'The room is occupied: it changes status when the guest checks out');
  }
  if (change.status !== 'out_of_order') {
    for (const field of ['reason', 'from', 'to'] as const) {
      if (change[field] !== undefined) {
        throw new BusinessRuleViolation('out-of-order-only', `${field} is only for out_of_order`, field);
      }
    }
    // Housekeeping on a room whose out-of-order range is still to come keeps that range.
    const keep = currentRange?.from && currentRange.from > businessDate ? currentRange : undefined;
    return {
      status: change.status,
      outOfOrderReason: keep?.reason ?? null,
      outOfOrderFrom: keep?.from ?? null,
      outOfOrderTo: keep?.to ?? null,
    };
  }
  if (!change.reason) throw new BusinessRuleViolation('reason-required', 'Say why the room is out of order', 'reason');
  const from = change.from ?? businessDate;
  if (change.to !== undefined && change.to < from) {
    throw new BusinessRuleViolation('range-backwards', 'to must not be before from', 'to');
  }
  const scheduled = from > businessDate;
  const status: RoomStatus = !scheduled ? 'out_of_order' : current === 'out_of_order' ? 'vacant_dirty' : current;
  return { status, outOfOrderReason: change.reason, outOfOrderFrom: from, outOfOrderTo: change.to ?? null };
}

/**
 * The status a room takes when the business date becomes `date`: out of order on the first night of its range,
 * back to vacant-dirty (housekeeping inspects it) after the last one, unchanged otherwise. Occupied rooms are left to
 * the stay.
 */
export function statusOnDate(
  room: { status: RoomStatus; outOfOrderFrom: string | null; outOfOrderTo: string | null },
  date: string,
): 'out_of_order' | 'back_in_order' | undefined {
  if (room.status === 'occupied' || room.outOfOrderFrom === null) return undefined;
  const ended = room.outOfOrderTo !== null && room.outOfOrderTo < date;
  if (ended) return 'back_in_order';
  if (room.status !== 'out_of_order' && room.outOfOrderFrom <= date) return 'out_of_order';
  return undefined;
}
