import { ConflictError } from '@frontoffice/platform';
import { assertTransition, canTransition, RESERVATION_STATUSES, ReservationStatus } from './reservation-status';

describe('reservation state machine', () => {
  const allowed: [ReservationStatus, ReservationStatus][] = [
    ['confirmed', 'confirmed'],
    ['confirmed', 'checked_in'],
    ['confirmed', 'cancelled'],
    ['confirmed', 'no_show'],
    ['checked_in', 'checked_in'],
    ['checked_in', 'checked_out'],
  ];

  it('allows exactly the life-cycle transitions', () => {
    for (const from of RESERVATION_STATUSES) {
      for (const to of RESERVATION_STATUSES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect([from, to, canTransition(from, to)]).toEqual([from, to, expected]);
        if (expected) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(ConflictError);
      }
    }
  });

  it('explains an invalid transition with a 409 invalid-transition', () => {
    const attempt = (from: ReservationStatus, to: ReservationStatus) => {
      try {
        assertTransition(from, to);
      } catch (error) {
        return error as ConflictError;
      }
      throw new Error('expected a ConflictError');
    };
    const checkInCancelled = attempt('cancelled', 'checked_in');
    expect(checkInCancelled.status).toBe(409);
    expect(checkInCancelled.code).toBe('invalid-transition');
    expect(checkInCancelled.message).toBe('Cannot check in a reservation that is cancelled (cancelled is final)');
    expect(checkInCancelled.details).toEqual({ from: 'cancelled', to: 'checked_in' });
    expect(attempt('confirmed', 'checked_out').message).toBe(
      'Cannot check out a reservation that is confirmed (from confirmed it can become: checked_in, cancelled, no_show)',
    );
    expect(attempt('checked_in', 'cancelled').message).toContain('Cannot cancel a reservation that is checked in');
    expect(attempt('checked_out', 'checked_out').message).toContain('Cannot modify a reservation that is checked out');
  });
});
