import { PersonalDataErasure, redactRows } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';

/** An erased guest's requests keep what was done and when; their texts lose the guest's name. */
export async function eraseRequestTexts(
  manager: EntityManager,
  reservationIds: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<void> {
  await redactRows(
    manager,
    {
      table: 'guest_request',
      key: ['id'],
      columns: [{ name: 'description', type: 'text' }],
      where: 'reservation_id = ANY($1::uuid[])',
      parameters: [reservationIds],
    },
    erasure,
  );
  await redactRows(
    manager,
    {
      table: 'request_history',
      key: ['id'],
      columns: [{ name: 'note', type: 'text' }],
      where: 'request_id IN (SELECT id FROM guest_request WHERE reservation_id = ANY($1::uuid[]))',
      parameters: [reservationIds],
    },
    erasure,
  );
}

/** The names requests of these reservations were opened for. */
export async function requestGuestNames(manager: EntityManager, reservationIds: string[]): Promise<string[]> {
  const rows: { guest_name: string }[] = await manager.query(
    'SELECT DISTINCT guest_name FROM guest_request WHERE reservation_id = ANY($1::uuid[]) AND guest_name IS NOT NULL',
    [reservationIds],
  );
  return rows.map((row) => row.guest_name);
}
