import { PersonalDataErasure, redactRows } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';

/** An erased guest's stored bags keep their tag, room and custody chain, not the guest's name. */
export async function eraseLuggageGuest(
  manager: EntityManager,
  reservationIds: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<void> {
  await redactRows(
    manager,
    {
      table: 'luggage_item',
      key: ['id'],
      columns: [
        { name: 'guest_name', type: 'text' },
        { name: 'description', type: 'text' },
      ],
      where: 'reservation_id = ANY($1::uuid[])',
      parameters: [reservationIds],
    },
    erasure,
  );
  await redactRows(
    manager,
    {
      table: 'luggage_custody',
      key: ['id'],
      columns: [{ name: 'note', type: 'text' }],
      where: 'luggage_id IN (SELECT id FROM luggage_item WHERE reservation_id = ANY($1::uuid[]))',
      parameters: [reservationIds],
    },
    erasure,
  );
}

/** The names luggage items of these reservations were tagged with. */
export async function luggageGuestNames(manager: EntityManager, reservationIds: string[]): Promise<string[]> {
  const rows: { guest_name: string }[] = await manager.query(
    'SELECT DISTINCT guest_name FROM luggage_item WHERE reservation_id = ANY($1::uuid[]) AND guest_name IS NOT NULL',
    [reservationIds],
  );
  return rows.map((row) => row.guest_name);
}
