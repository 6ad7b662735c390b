import { createEvent, type EventEnvelope, type ReservationGuestV1 } from '@frontoffice/contracts';
import { randomUUID } from 'node:crypto';
import { addDays } from '../time/local-calendar';

/**
 * Contract-valid reservations events of one two-night booking, as reservations publishes them, each stamped with
 * the instant a test chooses: a test builds the history first, then delivers it in whatever order a late or
 * replayed event would arrive.
 */
export class BookingHistory {
  readonly reservationId = randomUUID();
  readonly confirmationNumber = this.reservationId.slice(0, 8).toUpperCase();
  private readonly roomTypeId = randomUUID();

  constructor(
    readonly propertyId: string,
    readonly guest: ReservationGuestV1,
    readonly arrival = '2027-01-10',
  ) {}

  get departure(): string {
    return addDays(this.arrival, 2);
  }

  created(at: Date): EventEnvelope {
    return createEvent('reservation.created', {
      propertyId: this.propertyId,
      subject: this.reservationId,
      time: at.toISOString(),
      data: { ...this.booking(), status: 'confirmed' },
    });
  }

  modified(at: Date, guest: ReservationGuestV1 = this.guest): EventEnvelope {
    return createEvent('reservation.modified', {
      propertyId: this.propertyId,
      subject: this.reservationId,
      time: at.toISOString(),
      data: {
        ...this.booking(),
        guest,
        status: 'confirmed',
        changes: ['guest'],
        previousArrival: this.arrival,
        previousDeparture: this.departure,
        previousRoomTypeId: this.roomTypeId,
      },
    });
  }

  cancelled(at: Date): EventEnvelope {
    return createEvent('reservation.cancelled', {
      propertyId: this.propertyId,
      subject: this.reservationId,
      time: at.toISOString(),
      data: {
        reservationId: this.reservationId,
        confirmationNumber: this.confirmationNumber,
        roomTypeId: this.roomTypeId,
        arrival: this.arrival,
        departure: this.departure,
        reason: 'guest cancelled',
        cancelledAt: at.toISOString(),
      },
    });
  }

  checkedIn(at: Date, roomNumber: string): EventEnvelope {
    return createEvent('stay.checked-in', {
      propertyId: this.propertyId,
      subject: this.reservationId,
      time: at.toISOString(),
      data: {
        reservationId: this.reservationId,
        confirmationNumber: this.confirmationNumber,
        roomId: randomUUID(),
        roomNumber,
        roomTypeId: this.roomTypeId,
        bookedRoomTypeId: this.roomTypeId,
        upgraded: false,
        guest: this.guest,
        arrival: this.arrival,
        departure: this.departure,
        adults: 2,
        children: 0,
        businessDate: this.arrival,
        checkedInAt: at.toISOString(),
      },
    });
  }

  /** The guest's data erased at reservations (right to erasure): every copy of the name must go. */
  guestErased(at: Date): EventEnvelope {
    if (!this.guest.guestId) throw new Error('an erasure needs a guest id');
    return createEvent('guest.profile-updated', {
      propertyId: this.propertyId,
      subject: this.guest.guestId,
      time: at.toISOString(),
      data: {
        guestId: this.guest.guestId,
        firstName: 'erased',
        lastName: 'erased',
        vipLevel: 'none',
        changes: ['erased'],
        erased: true,
      },
    });
  }

  private booking() {
    return {
      reservationId: this.reservationId,
      confirmationNumber: this.confirmationNumber,
      guest: this.guest,
      roomTypeId: this.roomTypeId,
      arrival: this.arrival,
      departure: this.departure,
      adults: 2,
      children: 0,
      totalPrice: { amountMinor: 36_000, currency: 'EUR' },
      nights: [
        { date: this.arrival, price: { amountMinor: 18_000, currency: 'EUR' } },
        { date: addDays(this.arrival, 1), price: { amountMinor: 18_000, currency: 'EUR' } },
      ],
    };
  }
}
