import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlatformMetrics } from '@frontoffice/platform';
import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ChannelPushRepository } from './channel-push.repository';

/** Channel-push figures on /metrics: attempts by outcome, and per channel the lanes waiting and failing. */
@Injectable()
export class ChannelPushMetrics {
  readonly attempts: Counter<'channel_id' | 'outcome'>;

  constructor(
    platform: PlatformMetrics,
    repository: ChannelPushRepository,
    @InjectDataSource() dataSource: DataSource,
  ) {
    const registers = [platform.registry];
    this.attempts = new Counter({
      name: 'channel_push_attempts_total',
      help: 'OTA pushes to channel managers by channel and outcome (accepted, failed)',
      labelNames: ['channel_id', 'outcome'] as const,
      registers,
    });
    // Read at scrape time from the lanes themselves, so every instance reports the same truth.
    let figures: ReturnType<ChannelPushRepository['lanesByChannel']> | undefined;
    const lanes = () =>
      (figures ??= repository
        .lanesByChannel(dataSource.manager)
        .finally(() => setTimeout(() => (figures = undefined), 0)));
    new Gauge({
      name: 'channel_push_lanes_pending',
      help: 'Properties with availability or rate changes not yet accepted by the channel, per channel',
      labelNames: ['channel_id'] as const,
      registers,
      async collect() {
        this.reset();
        for (const figure of await lanes().catch(() => [])) this.set({ channel_id: figure.channelId }, figure.pending);
      },
    });
    new Gauge({
      name: 'channel_push_lanes_failing',
      help: 'Properties whose last push to the channel failed (being retried with backoff), per channel',
      labelNames: ['channel_id'] as const,
      registers,
      async collect() {
        this.reset();
        for (const figure of await lanes().catch(() => [])) this.set({ channel_id: figure.channelId }, figure.failing);
      },
    });
  }
}
