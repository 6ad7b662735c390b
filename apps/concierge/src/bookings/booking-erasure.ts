import { PersonalDataErasure, redactTextColumns } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';

/** Bookings made for an erased guest keep date, party size and price; their description loses the name. */
export function eraseBookingTexts(
  manager: EntityManager,
  reservationIds: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<number> {
  return redactTextColumns(
    manager,
    'guest_booking',
    ['description'],
    'reservation_id = ANY($1::uuid[])',
    reservationIds,
    erasure,
  );
}
