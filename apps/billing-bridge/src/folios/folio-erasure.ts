import type { EntityManager } from 'typeorm';
import { updateReturning } from './folio-store';

export interface ErasedFolios {
  folioIds: string[];
  /** The names the folios carried before, to find them elsewhere (stored answers, outbox). */
  formerNames: string[];
}

/**
 * An erased guest's folios keep their ids, amounts and postings (the books must add up) but lose the guest's name.
 * One statement for all of the guest's reservations.
 */
export async function eraseFolioGuestNames(
  manager: EntityManager,
  reservationIds: string[],
  replacement: string,
): Promise<ErasedFolios> {
  if (reservationIds.length === 0) return { folioIds: [], formerNames: [] };
  const rows = await updateReturning<{ id: string; former_name: string }>(
    manager,
    `UPDATE folio f SET guest_name = $2
       FROM (SELECT id, guest_name FROM folio WHERE reservation_id = ANY($1::uuid[]) FOR UPDATE) former
      WHERE f.id = former.id
      RETURNING f.id, former.guest_name AS former_name`,
    [reservationIds, replacement],
  );
  return {
    folioIds: rows.map((row) => row.id),
    formerNames: [...new Set(rows.map((row) => row.former_name).filter((name) => name !== replacement))],
  };
}
