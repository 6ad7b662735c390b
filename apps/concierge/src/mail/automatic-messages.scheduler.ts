import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_ENV } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import type { ConciergeEnv } from '../config/concierge.env';
import { AutomaticMessagesService } from './automatic-messages.service';
import { Clock, MAIL_CLOCK } from './clock';

/**
 * Queues the time-driven automatic e-mails (pre-arrival, group-event reminders) as their local time comes. Every
 * instance may run it: the once-key on the message log lets exactly one of two concurrent passes queue a message.
 */
@Injectable()
export class AutomaticMessagesScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AutomaticMessagesScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly automatic: AutomaticMessagesService,
    @Inject(MAIL_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_ENV) private readonly env: ConciergeEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.MAIL_SCHEDULER_ENABLED) return;
    this.timer = setInterval(() => {
      if (this.running || this.stopped) return;
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Mail scheduling failed; the next tick retries'))
        .finally(() => (this.running = undefined));
    }, this.env.MAIL_SCHEDULE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass as of `now` (the clock's time by default). */
  async tick(now: Date = this.clock.now()): Promise<{ preArrival: number; reminders: number }> {
    return this.dataSource.transaction(async (manager) => {
      const preArrival = await this.automatic.queueDuePreArrivals(manager, now);
      const reminders = await this.automatic.queueDueReminders(manager, now);
      if (preArrival + reminders > 0) this.logger.log({ preArrival, reminders }, 'Automatic e-mails queued');
      return { preArrival, reminders };
    });
  }
}
