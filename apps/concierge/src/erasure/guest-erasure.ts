import type { GuestProfileUpdatedV1 } from '@frontoffice/contracts';
import { eraseFromIdempotencyRecords, eraseFromOutbox, nameVariants } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import { eraseBookingTexts } from '../bookings/booking-erasure';
import { eraseComplaintTexts } from '../complaints/complaint-erasure';
import { eraseLuggageGuest, luggageGuestNames } from '../luggage/luggage-erasure';
import { eraseRequestTexts, requestGuestNames } from '../requests/request-erasure';

/**
 * Concierge's part of an erasure on request, in the inbox transaction of the `guest.profile-updated` event and
 * before the in-house list forgets the name (the names it still knows are what the texts are searched for):
 * luggage, requests, bookings and complaints lose the guest's name, complaints the guest's own words, and stored
 * Idempotency-Key answers and outbox events are redacted. The message log and mail queue are scrubbed by the
 * messages feature.
 */
export async function eraseGuestData(manager: EntityManager, profile: GuestProfileUpdatedV1): Promise<void> {
  if (!profile.erased) return;
  const stays: { reservation_id: string; first_name: string; last_name: string }[] = await manager.query(
    'SELECT reservation_id, first_name, last_name FROM stay_guest WHERE guest_id = $1 OR reservation_id = ANY($2::uuid[])',
    [profile.guestId, profile.reservationIds ?? []],
  );
  const reservationIds = [...new Set([...(profile.reservationIds ?? []), ...stays.map((row) => row.reservation_id)])];
  if (reservationIds.length === 0) return;
  const names = nameVariants([
    ...stays.map((row) => `${row.first_name} ${row.last_name}`),
    ...(await requestGuestNames(manager, reservationIds)),
    ...(await luggageGuestNames(manager, reservationIds)),
  ]).filter((name) => name.toLocaleLowerCase() !== 'erased');
  const erasure = {
    ids: [profile.guestId, ...reservationIds],
    names,
    replacement: `${profile.firstName} ${profile.lastName}`,
  };
  await eraseLuggageGuest(manager, reservationIds, erasure);
  await eraseRequestTexts(manager, reservationIds, erasure);
  await eraseBookingTexts(manager, reservationIds, erasure);
  await eraseComplaintTexts(manager, reservationIds, erasure);
  await eraseFromIdempotencyRecords(manager, erasure);
  await eraseFromOutbox(manager, erasure);
}
