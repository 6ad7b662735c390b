import { PersonalDataErasure, redactTextColumns } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';

const OF_RESERVATIONS = 'reservation_id = ANY($1::uuid[])';

/** An erased guest's requests keep what was done and when; their texts lose the guest's name. */
export async function eraseRequestTexts(
  manager: EntityManager,
  reservationIds: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<void> {
  await redactTextColumns(manager, 'guest_request', ['description'], OF_RESERVATIONS, reservationIds, erasure);
  await redactTextColumns(
    manager,
    'request_history',
    ['note'],
    `request_id IN (SELECT id FROM guest_request WHERE ${OF_RESERVATIONS})`,
    reservationIds,
    erasure,
  );
}

/** The names requests of these reservations were opened for. */
export async function requestGuestNames(manager: EntityManager, reservationIds: string[]): Promise<string[]> {
  const rows: { name: string }[] = await manager.query(
    `SELECT DISTINCT guest_name AS name FROM guest_request WHERE ${OF_RESERVATIONS} AND guest_name IS NOT NULL`,
    [reservationIds],
  );
  return rows.map((row) => row.name);
}
