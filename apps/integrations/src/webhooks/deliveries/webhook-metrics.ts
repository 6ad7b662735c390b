import { Injectable } from '@nestjs/common';
import { PlatformMetrics } from '@frontoffice/platform';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DeliveriesRepository } from './deliveries.repository';

/** Webhook figures on the service's /metrics: backlog, failures and pauses per subscription. */
@Injectable()
export class WebhookMetrics {
  readonly attempts: Counter<'subscription_id' | 'outcome'>;
  readonly duration: Histogram<'outcome'>;
  readonly autoPauses: Counter<'subscription_id'>;

  constructor(platform: PlatformMetrics, deliveries: DeliveriesRepository) {
    const registers = [platform.registry];
    this.attempts = new Counter({
      name: 'webhook_delivery_attempts_total',
      help: 'Webhook delivery attempts by subscription and outcome (delivered, failed)',
      labelNames: ['subscription_id', 'outcome'] as const,
      registers,
    });
    this.duration = new Histogram({
      name: 'webhook_delivery_duration_seconds',
      help: 'Time from sending a webhook to its answer (or timeout), by outcome',
      labelNames: ['outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.autoPauses = new Counter({
      name: 'webhook_subscription_auto_paused_total',
      help: 'Subscriptions paused by the service after too many consecutive failed deliveries',
      labelNames: ['subscription_id'] as const,
      registers,
    });
    // Read at scrape time from the queue itself, so every instance reports the same truth.
    let figures: Promise<Awaited<ReturnType<DeliveriesRepository['backlog']>>> | undefined;
    const backlog = () => (figures ??= deliveries.backlog().finally(() => setTimeout(() => (figures = undefined), 0)));
    new Gauge({
      name: 'webhook_backlog',
      help: 'Webhook deliveries waiting to be sent (or retried), per subscription',
      labelNames: ['subscription_id'] as const,
      registers,
      async collect() {
        this.reset();
        for (const figure of await backlog().catch(() => []))
          this.set({ subscription_id: figure.subscriptionId }, figure.pending);
      },
    });
    new Gauge({
      name: 'webhook_oldest_pending_seconds',
      help: 'Age of the oldest webhook delivery still waiting, per subscription',
      labelNames: ['subscription_id'] as const,
      registers,
      async collect() {
        this.reset();
        for (const figure of await backlog().catch(() => []))
          this.set({ subscription_id: figure.subscriptionId }, figure.oldestPendingSeconds);
      },
    });
    new Gauge({
      name: 'webhook_subscription_paused',
      help: '1 while a webhook subscription is paused (manually or after failures), per subscription',
      labelNames: ['subscription_id'] as const,
      registers,
      async collect() {
        this.reset();
        for (const figure of await backlog().catch(() => []))
          this.set({ subscription_id: figure.subscriptionId }, figure.paused ? 1 : 0);
      },
    });
  }
}
