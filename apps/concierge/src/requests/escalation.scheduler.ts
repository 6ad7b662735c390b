import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_ENV } from '@frontoffice/platform';
import { updateReturning } from '../common/sql';
import { DataSource } from 'typeorm';
import type { ConciergeEnv } from '../config/concierge.env';
import { RequestRow, RequestsService } from './requests.service';

/**
 * Escalates requests past their SLA to the front office manager. Every instance runs it; the database decides who
 * escalates what: due rows are claimed with FOR UPDATE SKIP LOCKED and marked by a conditional UPDATE
 * (`escalated_at IS NULL`), and the event is written to the outbox in that same transaction — so each request
 * escalates exactly once however many instances tick at the same moment. Deferred requests whose time came are
 * reopened the same way.
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EscalationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    @Inject(SERVICE_ENV) private readonly env: ConciergeEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.ESCALATION_ENABLED) return;
    this.timer = setInterval(() => {
      if (this.running || this.stopped) return;
      this.running = this.tick()
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'Escalation run failed; next tick retries');
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, this.env.ESCALATION_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: reopens deferred requests whose time came, then escalates what is due. Returns how many escalated. */
  async tick(): Promise<number> {
    await this.reopenDeferred();
    return this.escalateDue();
  }

  async escalateDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await updateReturning<RequestRow>(
        manager,
        `UPDATE guest_request AS r SET escalated_at = now(), escalation_reason = 'sla_breached', updated_at = now()
          WHERE r.id IN (
                  SELECT id FROM guest_request
                   WHERE escalated_at IS NULL AND status IN ('open', 'assigned', 'in_progress') AND due_at <= now()
                   ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
            AND r.escalated_at IS NULL
        RETURNING r.*`,
        [this.env.ESCALATION_BATCH_SIZE],
      );
      for (const request of claimed) await this.requests.announceEscalation(manager, request, 'sla_breached');
      if (claimed.length > 0) this.logger.log({ count: claimed.length }, 'Requests escalated past their SLA');
      return claimed.length;
    });
  }

  private async reopenDeferred(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const reopened = await updateReturning<RequestRow>(
        manager,
        `UPDATE guest_request AS r SET status = 'open', deferred_until = NULL, updated_at = now()
          WHERE r.id IN (
                  SELECT id FROM guest_request WHERE status = 'deferred' AND deferred_until <= now()
                   LIMIT $1 FOR UPDATE SKIP LOCKED)
            AND r.status = 'deferred'
        RETURNING r.*`,
        [this.env.ESCALATION_BATCH_SIZE],
      );
      for (const request of reopened) {
        await this.requests.record(manager, request.id, 'reopen', 'deferred', 'open', 'system', 'deferral ended');
      }
    });
  }
}
