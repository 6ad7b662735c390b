import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@frontoffice/contracts';
import { EventBatchContext, EventBatchHandler } from '@frontoffice/platform';
import { DeliveriesRepository } from './deliveries.repository';

/**
 * Every consumed event, a Kafka batch at a time: queued for each subscription that wants it in the same
 * transaction as the inbox rows, so an event is queued exactly once even when Kafka delivers it again.
 */
@Controller()
export class WebhookFanOutHandler {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  @EventBatchHandler('*')
  async fanOut(@Payload() events: EventEnvelope[], @Ctx() context: EventBatchContext): Promise<void> {
    await this.deliveries.fanOut(context.manager, events);
  }
}
