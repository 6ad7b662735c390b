import { Controller } from '@nestjs/common';
import type { EventEnvelope } from '@frontoffice/contracts';
import { EventBatchHandler } from '@frontoffice/platform';
import { toLiveEvent } from './live-event';
import { LiveHub } from './live-hub';

/** Every catalogued event of the five topics, relayed to the browsers of this instance (broadcast consumer). */
@Controller()
export class LiveEventsConsumer {
  constructor(private readonly hub: LiveHub) {}

  @EventBatchHandler('*')
  relay(events: EventEnvelope[]): void {
    this.hub.publish(events.map(toLiveEvent));
  }
}
