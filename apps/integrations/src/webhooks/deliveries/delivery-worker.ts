import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService, SERVICE_ENV } from '@frontoffice/platform';
import type { DataSource } from 'typeorm';
import type { IntegrationsEnv } from '../../config/integrations.env';
import { envelopeForSubscriber } from '../signing/personal-data';
import { SecretBox } from '../signing/secret-box';
import { signWebhook } from '../signing/webhook-signature';
import { DeliveriesRepository, DueDelivery } from './deliveries.repository';
import { retryDelayMs } from './retry-policy';
import { WebhookHttpClient } from './webhook-http';
import { WebhookMetrics } from './webhook-metrics';

const PURGE_INTERVAL_MS = 3600_000;
const PURGE_SLICE = 5000;

/**
 * Sends queued webhooks. Each pass claims due lanes (one in flight per lane, at most `max_in_flight` per
 * subscription, at most WEBHOOK_WORKER_CONCURRENCY per instance), sends each lane's oldest delivery and records the
 * outcome. A subscriber that hangs holds only its own lanes, for at most the HTTP timeout.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly inFlight = new Set<Promise<void>>();
  private running?: Promise<void>;
  private lastPurge = 0;
  private stopping = false;
  private wake?: () => void;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IntegrationsEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly http: WebhookHttpClient,
    private readonly secrets: SecretBox,
    private readonly outbox: OutboxService,
    private readonly metrics: WebhookMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.WEBHOOK_WORKER_ENABLED) this.running = this.loop();
  }

  /** Stops claiming, lets the attempts in flight finish (each bounded by the timeout) and records them. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    await Promise.allSettled([...this.inFlight]);
    await this.http.close();
  }

  private get leaseMs(): number {
    return this.env.WEBHOOK_TIMEOUT_MS * 2 + 30_000;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      await this.purgeHourly();
      const free = this.env.WEBHOOK_WORKER_CONCURRENCY - this.inFlight.size;
      let started = 0;
      if (free > 0) {
        try {
          started = await this.dispatch(free);
        } catch (error) {
          this.logger.error(`claiming webhook deliveries failed: ${(error as Error).message}`);
        }
      }
      // Straight on while there was work and room; otherwise wait for the poll or for a slot to free up.
      if (started === 0 || this.inFlight.size >= this.env.WEBHOOK_WORKER_CONCURRENCY) await this.pause();
    }
  }

  /** Keeps the log within WEBHOOK_LOG_RETENTION_DAYS; idempotent, so instances need not agree on who does it. */
  private async purgeHourly(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = Date.now();
    try {
      let purged: number;
      do {
        purged = await this.deliveries.purge(this.env.WEBHOOK_LOG_RETENTION_DAYS, PURGE_SLICE);
      } while (purged === PURGE_SLICE && !this.stopping);
    } catch (error) {
      this.logger.error(`purging the webhook log failed: ${(error as Error).message}`);
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.env.WEBHOOK_POLL_INTERVAL_MS);
      this.wake = done;
    });
  }

  private async dispatch(free: number): Promise<number> {
    const lanes = await this.deliveries.claimLanes(free, this.leaseMs);
    if (lanes.length === 0) return 0;
    const heads = await this.deliveries.heads(lanes);
    const withHead = new Set(heads.map((head) => `${head.subscriptionId}/${head.propertyId}`));
    for (const lane of lanes.filter(
      (candidate) => !withHead.has(`${candidate.subscriptionId}/${candidate.propertyId}`),
    )) {
      await this.dataSource.transaction((manager) => this.deliveries.releaseLane(manager, lane, null));
    }
    for (const head of heads) {
      const attempt: Promise<void> = this.attempt(head)
        .catch((error: Error) =>
          this.logger.error(`webhook delivery ${head.deliveryId} failed to record: ${error.message}`),
        )
        .finally(() => {
          this.inFlight.delete(attempt);
          this.wake?.();
        });
      this.inFlight.add(attempt);
    }
    return heads.length;
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify(envelopeForSubscriber(delivery.envelope, delivery.includePersonalData));
    const secrets = [delivery.sealedSecret, delivery.sealedPreviousSecret]
      .filter((sealed): sealed is string => sealed !== null)
      .map((sealed) => this.secrets.open(sealed));
    const startedAt = new Date();
    // webhook-id is the event id, the same on every attempt and redelivery: subscribers de-duplicate on it.
    const headers = signWebhook(delivery.eventId, startedAt, body, secrets);
    const outcome = await this.http.post(delivery.url, { ...headers }, body);
    const failures = delivery.attempts + 1;
    const label = outcome.ok ? 'delivered' : 'failed';
    this.metrics.attempts.inc({ subscription_id: delivery.subscriptionId, outcome: label });
    this.metrics.duration.observe({ outcome: label }, outcome.durationMs / 1000);

    await this.dataSource.transaction(async (manager) => {
      const health = await this.deliveries.recordAttempt(
        manager,
        {
          deliveryId: delivery.deliveryId,
          lane: delivery,
          ok: outcome.ok,
          startedAt,
          durationMs: outcome.durationMs,
          statusCode: outcome.statusCode,
          error: outcome.error,
          responseExcerpt: outcome.responseExcerpt,
          retryDelayMs: retryDelayMs(failures, {
            baseDelayMs: this.env.WEBHOOK_RETRY_BASE_DELAY_MS,
            maxDelayMs: this.env.WEBHOOK_RETRY_MAX_DELAY_MS,
          }),
        },
        this.env.WEBHOOK_PAUSE_AFTER_FAILURES,
      );
      if (!health.pausedNow) return;
      this.metrics.autoPauses.inc({ subscription_id: delivery.subscriptionId });
      this.logger.warn(
        `webhook subscription ${delivery.subscriptionId} paused after ${health.consecutiveFailures} consecutive failures (${outcome.error})`,
      );
      await this.outbox.publish(manager, 'webhook.subscription-paused', {
        propertyId: delivery.propertyId,
        subject: delivery.subscriptionId,
        data: {
          subscriptionId: delivery.subscriptionId,
          ...(health.subscriptionPropertyId ? { subscriptionPropertyId: health.subscriptionPropertyId } : {}),
          reason: 'consecutive-failures',
          consecutiveFailures: health.consecutiveFailures,
          ...(outcome.statusCode !== undefined ? { lastStatusCode: outcome.statusCode } : {}),
          lastError: (outcome.error ?? 'failed').slice(0, 500),
          pausedAt: new Date().toISOString(),
        },
      });
    });
  }
}
