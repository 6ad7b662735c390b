import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, GuestProfileUpdatedV1 } from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { GuestErasureService } from './guest-erasure.service';

@Controller()
export class GuestErasureHandler {
  constructor(private readonly erasure: GuestErasureService) {}

  /** A guest erased on request at reservations: billing forgets the name too (only `erased` changes matter here). */
  @EventPattern('guest.profile-updated')
  onGuestProfile(@Payload() event: EventEnvelope<GuestProfileUpdatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.erasure.erase(context.manager, event);
  }
}
