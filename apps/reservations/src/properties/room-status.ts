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
 * the business date, to is inclusive and may stay open).
 */
export function resolveRoomStatus(
  current: RoomStatus,
  change: RoomStatusChange,
  businessDate: string,
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
    return { status: change.status, outOfOrderReason: null, outOfOrderFrom: null, outOfOrderTo: null };
  }
  if (!change.reason) throw new BusinessRuleViolation('reason-required', 'Say why the room is out of order', 'reason');
  const from = change.from ?? businessDate;
  if (change.to !== undefined && change.to < from) {
    throw new BusinessRuleViolation('range-backwards', 'to must not be before from', 'to');
  }
  return {
    status: 'out_of_order',
    outOfOrderReason: change.reason,
    outOfOrderFrom: from,
    outOfOrderTo: change.to ?? null,
  };
}
