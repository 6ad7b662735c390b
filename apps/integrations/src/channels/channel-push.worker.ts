import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_ENV } from '@frontoffice/platform';
import type { DataSource } from 'typeorm';
import type { IntegrationsEnv } from '../config/integrations.env';
import { retryDelayMs } from '../webhooks/deliveries/retry-policy';
import { SecretBox } from '../webhooks/signing/secret-box';
import { ChannelPushHttp } from './channel-push-http';
import { ChannelPushMetrics } from './channel-push.metrics';
import { ChannelPushRepository, PushLane } from './channel-push.repository';
import { accepted, availNotif, rateAmountNotif } from './ota-push-messages';

/** Nudges coming from the consumer wait this long, so the transaction that stored the change has committed. */
const NUDGE_DELAY_MS = 30;

/**
 * Pushes availability and rates to channel managers. A lane is one (channel, property): each pass claims lanes with
 * changes after their last successful push, sends what changed since then as one OTA_HotelAvailNotifRQ and one
 * OTA_HotelRateAmountNotifRQ (runs of equal nights, so a burst of bookings is one message with the latest counts),
 * and moves the lane's mark on success, or retries it later with exponential backoff and jitter.
 */
@Injectable()
export class ChannelPushWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChannelPushWorker.name);
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IntegrationsEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ChannelPushRepository,
    private readonly http: ChannelPushHttp,
    private readonly secrets: SecretBox,
    private readonly metrics: ChannelPushMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.CHANNEL_PUSH_ENABLED) this.running = this.loop();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    await this.http.close();
  }

  nudgeSoon(): void {
    setTimeout(() => this.wake?.(), NUDGE_DELAY_MS).unref();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let pushed = 0;
      try {
        pushed = await this.pass();
      } catch (error) {
        this.logger.error(error);
      }
      if (pushed === 0 && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.env.CHANNEL_PUSH_POLL_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  /** One pass: the due lanes, pushed concurrently (one channel's slowness holds only its own lanes). */
  private async pass(): Promise<number> {
    const lanes = await this.repository.claimDue(
      this.dataSource.manager,
      this.env.CHANNEL_PUSH_CONCURRENCY,
      this.env.CHANNEL_PUSH_TIMEOUT_MS * 2 + 30_000,
    );
    await Promise.all(lanes.map((lane) => this.push(lane)));
    return lanes.length;
  }

  private async push(lane: PushLane): Promise<void> {
    const manager = this.dataSource.manager;
    const fail = (statusCode: number | null, error: string) => {
      this.metrics.attempts.inc({ channel_id: lane.channelId, outcome: 'failed' });
      return this.repository.failed(
        manager,
        lane,
        retryDelayMs(lane.failures + 1, {
          baseDelayMs: this.env.CHANNEL_PUSH_RETRY_BASE_DELAY_MS,
          maxDelayMs: this.env.CHANNEL_PUSH_RETRY_MAX_DELAY_MS,
        }),
        statusCode,
        error,
      );
    };
    try {
      const [endpoint, codes] = await Promise.all([
        this.repository.endpoint(manager, lane.channelId),
        this.repository.mapping(manager, lane.channelId, lane.propertyId),
      ]);
      if (!endpoint || !codes) return await fail(null, 'no endpoint or mapping');
      const upTo = await this.repository.lastChange(manager, lane.propertyId);
      const roomTypeIds = codes.roomTypes.map((entry) => entry.roomTypeId);
      const [nights, rates] = await Promise.all([
        this.repository.changedAvailability(manager, lane.propertyId, roomTypeIds, lane.pushedSeq, upTo),
        this.repository.changedRates(
          manager,
          lane.propertyId,
          roomTypeIds,
          codes.ratePlans.map((entry) => entry.ratePlanId),
          lane.pushedSeq,
          upTo,
        ),
      ]);
      const password = endpoint.passwordCiphertext ? this.secrets.open(endpoint.passwordCiphertext) : undefined;
      const credentials = endpoint.username ? { username: endpoint.username, password: password ?? '' } : undefined;
      let lastStatus: number | null = null;
      for (const message of [availNotif(codes, nights), rateAmountNotif(codes, rates)]) {
        if (!message) continue;
        const outcome = await this.http.post(endpoint.url, message, credentials);
        lastStatus = outcome.statusCode ?? null;
        if (!accepted(outcome.statusCode, outcome.responseExcerpt)) {
          return await fail(
            lastStatus,
            outcome.error ?? `not accepted: ${(outcome.responseExcerpt ?? '').slice(0, 300)}`,
          );
        }
      }
      await this.repository.pushed(manager, lane, upTo, lastStatus);
      this.metrics.attempts.inc({ channel_id: lane.channelId, outcome: 'accepted' });
    } catch (error) {
      this.logger.error(error);
      await fail(null, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    }
  }
}
