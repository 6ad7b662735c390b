import { isEventTypeFilter, matchesEventType } from './event-type-patterns';

describe('event type filters', () => {
  it.each(['*', 'reservation.*', 'night-audit.*', 'reservation.created', 'night-audit.room-night-posted'])(
    'accepts %s',
    (filter) => expect(isEventTypeFilter(filter)).toBe(true),
  );

  it.each(['', 'reservation', 'reserv*', '*.created', 'reservation.**', 'Reservation.created', 'a.*.b'])(
    'refuses %s',
    (filter) => expect(isEventTypeFilter(filter)).toBe(false),
  );

  it('matches exact types, whole-segment prefixes and everything', () => {
    expect(matchesEventType(['reservation.*'], 'reservation.created')).toBe(true);
    expect(matchesEventType(['reservation.*'], 'reservations.created')).toBe(false);
    expect(matchesEventType(['reservation.*'], 'stay.checked-in')).toBe(false);
    expect(matchesEventType(['stay.checked-in', 'folio.*'], 'folio.opened')).toBe(true);
    expect(matchesEventType(['*'], 'schedule.published')).toBe(true);
    expect(matchesEventType(['night-audit.completed'], 'night-audit.room-night-posted')).toBe(false);
  });
});
