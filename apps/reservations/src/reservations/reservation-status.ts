import { ConflictError } from '@frontoffice/platform';

export const RESERVATION_STATUSES = ['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * The reservation life cycle. A booking is confirmed; it ends cancelled or a no-show before arrival, or it is
 * checked in and later checked out. `confirmed -> confirmed` and `checked_in -> checked_in` are modifications.
 */
const TRANSITIONS: Readonly<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  confirmed: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
  checked_in: ['checked_in', 'checked_out'],
  checked_out: [],
  cancelled: [],
  no_show: [],
};

const ACTIONS: Readonly<Record<ReservationStatus, string>> = {
  confirmed: 'modify',
  checked_in: 'check in',
  checked_out: 'check out',
  cancelled: 'cancel',
  no_show: 'mark as a no-show',
};

export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws a 409 `invalid-transition` that says what was tried and what the booking's status allows. */
export function assertTransition(from: ReservationStatus, to: ReservationStatus): void {
  if (canTransition(from, to)) return;
  const action = from === to ? 'modify' : ACTIONS[to];
  const allowed = TRANSITIONS[from].filter((status) => status !== from);
  throw new ConflictError(
    'invalid-transition',
    `Cannot ${action} a reservation that is ${from.replace('_', ' ')}` +
      (allowed.length > 0 ? ` (from ${from} it can become: ${allowed.join(', ')})` : ` (${from} is final)`),
    { from, to },
  );
}

/** Statuses whose nights hold inventory. */
export const HOLDS_INVENTORY: readonly ReservationStatus[] = ['confirmed', 'checked_in'];
