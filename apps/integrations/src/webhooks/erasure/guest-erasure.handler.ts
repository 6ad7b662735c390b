import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, GuestProfileUpdatedV1 } from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { envelopeForSubscriber } from '../signing/personal-data';

/**
 * Integrations' part of an erasure on request (`guest.profile-updated` with `erased: true`): the events it keeps for
 * delivery and redelivery lose the guest's personal data, in the same transaction as the event's inbox row.
 */
@Controller()
export class GuestErasureHandler {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  @EventPattern('guest.profile-updated')
  async onGuestProfile(
    @Payload() event: EventEnvelope<GuestProfileUpdatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { erased, guestId, reservationIds = [] } = event.data;
    if (!erased) return;
    await this.deliveries.stripPersonalDataOf(context.manager, [guestId, ...reservationIds], (envelope) =>
      envelopeForSubscriber(envelope, false),
    );
  }
}
