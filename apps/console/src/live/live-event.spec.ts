import type { EventEnvelope } from '@frontoffice/contracts';
import { toLiveEvent } from './live-event';

describe('toLiveEvent', () => {
  it('keeps the envelope identity and only the string *Id fields of the payload', () => {
    const event = {
      id: 'e1',
      type: 'reservation.created',
      version: 1,
      source: 'reservations',
      time: '2026-12-02T10:00:00.000Z',
      propertyId: 'p1',
      subject: 'r1',
      correlationId: 'e1',
      causationId: null,
      data: {
        reservationId: 'r1',
        roomTypeId: 'rt1',
        guest: { guestId: 'g1', lastName: 'Martin' },
        lastName: 'Martin',
        email: 'a@b.c',
        ratePlanIds: ['x'],
        paidId: 4,
        Id: 'no-prefix',
      },
    } as unknown as EventEnvelope;
    expect(toLiveEvent(event)).toEqual({
      id: 'e1',
      type: 'reservation.created',
      propertyId: 'p1',
      occurredAt: '2026-12-02T10:00:00.000Z',
      subjects: { reservationId: 'r1', roomTypeId: 'rt1' },
    });
  });
});
