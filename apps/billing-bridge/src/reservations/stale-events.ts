import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@frontoffice/contracts';
import { PlatformMetrics } from '@frontoffice/platform';
import { Counter } from 'prom-client';

/** Reports events that came in older than the state billing already holds (late, or a requeued dead letter). */
@Injectable()
export class StaleEvents {
  private readonly logger = new Logger(StaleEvents.name);
  private readonly ignoredTotal: Counter<'type'>;

  constructor(platform: PlatformMetrics) {
    this.ignoredTotal = new Counter({
      name: 'billing_stale_events_ignored_total',
      help: 'Reservation and stay events ignored because billing already applied a newer event of the same reservation',
      labelNames: ['type'] as const,
      registers: [platform.registry],
    });
  }

  ignored(event: EventEnvelope, heldState: string): void {
    this.ignoredTotal.inc({ type: event.type });
    this.logger.log(
      { eventId: event.id, type: event.type, subject: event.subject, eventTime: event.time, heldState },
      'Older event ignored: a newer one was already applied',
    );
  }
}
