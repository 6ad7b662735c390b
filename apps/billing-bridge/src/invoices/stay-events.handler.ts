import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, StayCheckedOutV1 } from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { InvoicesService } from './invoices.service';

@Controller()
export class CheckOutHandler {
  constructor(private readonly invoices: InvoicesService) {}

  /** The guest left: the stay's folios are due for settlement. */
  @EventPattern('stay.checked-out')
  onCheckedOut(@Payload() event: EventEnvelope<StayCheckedOutV1>, @Ctx() context: EventContext): Promise<void> {
    return this.invoices.markDue(context.manager, event);
  }
}
