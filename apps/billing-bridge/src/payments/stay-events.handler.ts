import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, StayCheckedInV1 } from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { PaymentsService } from './payments.service';

@Controller()
export class CheckInHandler {
  constructor(private readonly payments: PaymentsService) {}

  /** Advance deposits stop being a liability and pay the folio. */
  @EventPattern('stay.checked-in')
  onCheckedIn(@Payload() event: EventEnvelope<StayCheckedInV1>, @Ctx() context: EventContext): Promise<void> {
    return this.payments.applyDeposits(context.manager, event);
  }
}
