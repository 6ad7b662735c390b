import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, StayCheckedInV1 } from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { ReservationPositionsRepository } from '../reservations/reservation-positions.repository';
import { PaymentsService } from './payments.service';

@Controller()
export class CheckInHandler {
  constructor(
    private readonly payments: PaymentsService,
    private readonly positions: ReservationPositionsRepository,
  ) {}

  /**
   * Advance deposits stop being a liability and pay the folio. Applied even when a newer event of the booking came
   * first (a check-in requeued after the stay was extended): deposits held are money the books must move, and the
   * first arrival time is kept, so nothing newer is rolled back.
   */
  @EventPattern('stay.checked-in')
  async onCheckedIn(@Payload() event: EventEnvelope<StayCheckedInV1>, @Ctx() context: EventContext): Promise<void> {
    await this.positions.advance(context.manager, {
      reservationId: event.data.reservationId,
      propertyId: event.propertyId,
      eventTime: event.time,
      eventType: event.type,
      status: 'checked_in',
    });
    await this.payments.applyDeposits(context.manager, event);
  }
}
