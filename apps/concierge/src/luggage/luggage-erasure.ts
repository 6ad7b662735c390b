import { PersonalDataErasure, redactTextColumns } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';

const OF_RESERVATIONS = 'reservation_id = ANY($1::uuid[])';

/** An erased guest's stored bags keep their tag, room and custody chain, not the guest's name. */
export async function eraseLuggageGuest(
  manager: EntityManager,
  reservationIds: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<void> {
  await redactTextColumns(
    manager,
    'luggage_item',
    ['guest_name', 'description'],
    OF_RESERVATIONS,
    reservationIds,
    erasure,
  );
  await redactTextColumns(
    manager,
    'luggage_custody',
    ['note'],
    `luggage_id IN (SELECT id FROM luggage_item WHERE ${OF_RESERVATIONS})`,
    reservationIds,
    erasure,
  );
}

/** The names luggage items of these reservations were tagged with. */
export async function luggageGuestNames(manager: EntityManager, reservationIds: string[]): Promise<string[]> {
  const rows: { name: string }[] = await manager.query(
    `SELECT DISTINCT guest_name AS name FROM luggage_item WHERE ${OF_RESERVATIONS} AND guest_name IS NOT NULL`,
    [reservationIds],
  );
  return rows.map((row) => row.name);
}
