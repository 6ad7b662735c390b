import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

type BacklogProvider = () => Promise<number>;
type ParkedProvider = () => Promise<number>;
type LagProvider = () => Promise<PartitionLag[]>;

/**
 * The service's Prometheus registry. Gauges that need I/O (outbox backlog, consumer lag) are computed at scrape
 * time by providers the messaging components register, so nothing polls when nobody scrapes.
 */
@Injectable()
export class PlatformMetrics {
  readonly registry = new Registry();
  private backlogProvider?: BacklogProvider;
  private lagProvider?: LagProvider;
  private parkedProvider?: ParkedProvider;

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly outboxPublished = new Counter({
    name: 'outbox_published_total',
    help: 'Events published from the outbox to Kafka',
    registers: [this.registry],
  });

  readonly consumedMessages = new Counter({
    name: 'consumer_messages_total',
    help: 'Kafka messages handled by this service, by outcome (processed, duplicate, ignored, dead_lettered)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly dlqMessages = new Counter({
    name: 'dlq_messages_total',
    help: 'Messages this service sent to a dead-letter topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly consumerTransientRetries = new Counter({
    name: 'consumer_transient_retries_total',
    help: 'Retries of a consumer batch after a transient failure (database or broker away, lock or serialization conflict)',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly outboxParkedTotal = new Counter({
    name: 'outbox_parked_total',
    help: 'Outbox events the relay parked because Kafka can never take them (too large, invalid record)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const backlog = () => this.backlogProvider;
    const lag = () => this.lagProvider;
    const parked = () => this.parkedProvider;
    new Gauge({
      name: 'outbox_parked_events',
      help: 'Outbox events parked with their reason, waiting for an operator (npm run dlq -- list)',
      registers: [this.registry],
      async collect() {
        const provider = parked();
        if (provider) this.set(await provider().catch(() => -1));
      },
    });
    new Gauge({
      name: 'outbox_backlog',
      help: 'Committed events not yet published to Kafka',
      registers: [this.registry],
      async collect() {
        const provider = backlog();
        if (provider) this.set(await provider().catch(() => -1));
      },
    });
    new Gauge({
      name: 'consumer_lag',
      help: "Messages not yet consumed by this service's consumer group, per topic partition",
      labelNames: ['topic', 'partition'] as const,
      registers: [this.registry],
      async collect() {
        const provider = lag();
        if (!provider) return;
        this.reset();
        const lags = await provider().catch(() => []);
        for (const { topic, partition, lag } of lags) this.set({ topic, partition: String(partition) }, lag);
      },
    });
  }

  provideOutboxBacklog(provider: BacklogProvider): void {
    this.backlogProvider = provider;
  }

  provideOutboxParked(provider: ParkedProvider): void {
    this.parkedProvider = provider;
  }

  provideConsumerLag(provider: LagProvider): void {
    this.lagProvider = provider;
  }
}
