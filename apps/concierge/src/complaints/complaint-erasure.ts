import { PersonalDataErasure, redactTextColumns } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';

/** What stands in for a complaint's quoted words once the guest is erased. */
export const ERASED_GUEST_WORDS = '[erased at the guest’s request]';

/**
 * An erased guest's complaints stay (categories, dates, who handled them: the manager's follow-up and the
 * recurrence report need them), but the guest's own words go, and the guest's name leaves every other text.
 */
export async function eraseComplaintTexts(
  manager: EntityManager,
  reservationIds: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<void> {
  await manager.query('UPDATE complaint SET guest_words = $2 WHERE reservation_id = ANY($1::uuid[])', [
    reservationIds,
    ERASED_GUEST_WORDS,
  ]);
  const ofReservations = 'reservation_id = ANY($1::uuid[])';
  await redactTextColumns(
    manager,
    'complaint',
    ['what_went_wrong', 'resolution'],
    ofReservations,
    reservationIds,
    erasure,
  );
  await redactTextColumns(
    manager,
    'compensation',
    ['description', 'decision_note'],
    ofReservations,
    reservationIds,
    erasure,
  );
}
