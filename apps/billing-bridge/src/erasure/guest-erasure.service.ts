import { Injectable } from '@nestjs/common';
import type { EventEnvelope, GuestProfileUpdatedV1 } from '@frontoffice/contracts';
import { eraseFromIdempotencyRecords, eraseFromOutbox, nameVariants } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import { eraseFolioGuestNames } from '../folios/folio-erasure';
import { ReservationPositionsRepository } from '../reservations/reservation-positions.repository';

/**
 * Erasure on request, as billing's part of it: folios lose the guest's name, and so do the answers stored for
 * Idempotency-Key replays and the events still in the outbox. Kept by law and left alone: an issued invoice's
 * bill-to name and the posted journal (accounting records are kept unaltered). The erasure is recorded and final:
 * a booking event of the guest arriving later (however old, e.g. a requeued dead letter) keeps the erased name.
 */
@Injectable()
export class GuestErasureService {
  constructor(private readonly positions: ReservationPositionsRepository) {}

  async erase(manager: EntityManager, event: EventEnvelope<GuestProfileUpdatedV1>): Promise<void> {
    const { erased, reservationIds = [], guestId, firstName, lastName } = event.data;
    if (!erased) return;
    // The erased profile's own name ("Erased Guest") is what the guest is called from now on.
    const replacement = `${firstName} ${lastName}`;
    await this.positions.recordErasure(manager, guestId, reservationIds, replacement);
    if (reservationIds.length === 0) return;
    const { folioIds, formerNames } = await eraseFolioGuestNames(manager, reservationIds, replacement);
    const erasure = {
      ids: [guestId, ...reservationIds, ...folioIds],
      names: nameVariants(formerNames),
      replacement,
    };
    await eraseFromIdempotencyRecords(manager, erasure);
    await eraseFromOutbox(manager, erasure);
  }
}
