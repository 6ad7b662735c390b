import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { EventEnvelope, EventValidationError, validateEnvelope, validateEvent } from '@frontoffice/contracts';
import type { Admin, Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { lastValueFrom, isObservable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { runWithCorrelation, traceparentFrom } from '../context/correlation';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { deadLetterMessage, headersAsStrings } from './dead-letter';
import { EventContext } from './event-context';
import { KafkaProducerService } from './kafka-producer.service';

export interface KafkaEventServerOptions {
  kafka: Kafka;
  producer: KafkaProducerService;
  dataSource: DataSource;
  metrics: PlatformMetrics;
  groupId: string;
  /**
   * Name under which applied events are recorded in the inbox: the service, not the consumer group, because the
   * effects live in the service's database — two groups feeding one database must still apply an event once.
   */
  inboxName: string;
  /** Topics this service consumes; none means the service runs no consumer. */
  topics: string[];
  enabled: boolean;
  fromBeginning: boolean;
  /** Attempts per message before it is dead-lettered (the first try included). */
  maxAttempts: number;
  retryBackoffMs: number;
}

type Outcome = 'processed' | 'duplicate' | 'ignored' | 'dead_lettered';

/** The reason a message cannot be handled no matter how often it is retried. */
class PoisonMessage extends Error {
  override readonly name = 'PoisonMessage';
}

/**
 * Nest transport for `@EventPattern('<event type>')` handlers over Kafka, with the delivery guarantees the platform
 * promises: envelopes validated against the contracts; each event applied once per consumer (an inbox row in the
 * handler's transaction); offsets committed only after that transaction; bounded retries with backoff, then the
 * message goes to `<topic>.dlq` and the partition keeps flowing. Event types without a handler are skipped, so a
 * producer can add events before consumers care about them.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaEventServer.name);
  private consumer?: Consumer;
  private admin?: Admin;
  private closed = false;
  /** Cancels back-off sleeps on close, so shutdown never waits for a retry timer. */
  private readonly closing = new AbortController();
  private startup?: Promise<void>;
  private assigned = false;
  private readonly assignmentWaiters: Array<() => void> = [];

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    if (this.enabled) options.metrics.provideConsumerLag(() => this.lag());
  }

  /** Nest's boot does not wait for Kafka: readiness reports it, and the consumer joins as soon as the broker answers. */
  listen(callback: (...optionalParams: unknown[]) => void): void {
    if (this.enabled) this.startup = this.connectWithRetry();
    callback();
  }

  get enabled(): boolean {
    return this.options.enabled && this.options.topics.length > 0;
  }

  get isConnected(): boolean {
    return this.assigned;
  }

  /** Resolves once the group has been joined and partitions assigned (tests wait for it before producing). */
  whenAssigned(timeoutMs = 30_000): Promise<void> {
    if (this.assigned) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('Kafka consumer was not assigned partitions in time')),
        timeoutMs,
      );
      timer.unref();
      this.assignmentWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    await this.consumer
      ?.disconnect()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Consumer disconnect failed'));
    await this.admin?.disconnect().catch(() => undefined);
    await this.startup?.catch(() => undefined);
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('The Kafka consumer is not started');
    return this.consumer as T;
  }

  private async connectWithRetry(): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      try {
        await this.start();
        return;
      } catch (error) {
        failures += 1;
        const backoff = Math.min(10_000, 250 * 2 ** Math.min(failures, 6));
        this.logger.warn({ err: error, backoffMs: backoff }, 'Kafka consumer cannot start yet; retrying');
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await sleep(backoff, undefined, { signal: this.closing.signal }).catch(() => undefined);
      }
    }
  }

  private async start(): Promise<void> {
    const { kafka, groupId, topics, fromBeginning } = this.options;
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      // An idle fetch returns after this long; data arriving ends it at once, so latency does not depend on it.
      maxWaitTimeInMs: 1000,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    // Ready once the group is joined and one fetch has run: a new group's start offsets are resolved by then, so
    // anything produced afterwards is consumed.
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    consumer.on(consumer.events.FETCH, () => {
      if (!joined || this.assigned) return;
      this.assigned = true;
      this.assignmentWaiters.splice(0).forEach((notify) => notify());
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.assigned = false;
      this.logger.error({ err: payload.error, restart: payload.restart }, 'Kafka consumer crashed');
    });
    consumer.on(consumer.events.STOP, () => (this.assigned = false));
    consumer.on(consumer.events.REBALANCING, () => (joined = false));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning });
    await consumer.run({ autoCommit: false, eachMessage: (payload) => this.handleMessage(payload) });
    this.logger.log({ groupId, topics }, 'Kafka consumer running');
  }

  private async handleMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const outcome = await this.process(topic, partition, message, heartbeat);
    this.options.metrics.consumedMessages.inc({ topic, outcome });
    await this.consumer!.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  private async process(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    let envelope: EventEnvelope;
    let handler: MessageHandler | null;
    try {
      envelope = validateEnvelope(parseJson(message.value?.toString()));
      handler = this.getHandlerByPattern(envelope.type);
      if (!handler) return 'ignored';
      envelope = validateEvent(envelope);
    } catch (error) {
      await this.deadLetter(topic, partition, message, 1, describe(error));
      return 'dead_lettered';
    }

    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.applyOnce(
          envelope,
          handler,
          topic,
          partition,
          message.offset,
          headersAsStrings(message.headers).traceparent,
        );
      } catch (error) {
        const permanent = error instanceof PoisonMessage || error instanceof EventValidationError;
        if (permanent || attempt >= this.options.maxAttempts) {
          await this.deadLetter(topic, partition, message, attempt, describe(error));
          return 'dead_lettered';
        }
        this.logger.warn(
          { err: error, eventId: envelope.id, type: envelope.type, attempt },
          'Event handler failed; retrying',
        );
        await sleep(this.options.retryBackoffMs * 2 ** (attempt - 1));
        await heartbeat();
      }
    }
  }

  /** The inbox row and the handler's effects commit together; a row already there means "already applied". */
  private applyOnce(
    envelope: EventEnvelope,
    handler: MessageHandler,
    topic: string,
    partition: number,
    offset: string,
    traceparent: string | undefined,
  ): Promise<Outcome> {
    const consumerName = this.options.inboxName;
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox_event (consumer, event_id, type, topic, partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumerName, envelope.id, envelope.type, topic, partition, offset],
      );
      if (inserted.length === 0) return 'duplicate';
      const context = new EventContext([envelope, manager, topic, partition, offset]);
      await runWithCorrelation(
        { correlationId: envelope.correlationId, causationId: envelope.id, traceparent: traceparentFrom(traceparent) },
        async () => {
          const result: unknown = await handler(envelope, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        },
      );
      return 'processed';
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    attempts: number,
    reason: string,
  ): Promise<void> {
    this.logger.error(
      { topic, partition, offset: message.offset, headers: headersAsStrings(message.headers), reason, attempts },
      'Message sent to the dead-letter topic',
    );
    // If this send fails the offset is not committed and kafkajs redelivers: a message is never silently dropped.
    await this.options.producer.send([
      deadLetterMessage({ topic, partition, message, consumerGroup: this.options.groupId, attempts, reason }),
    ]);
    this.options.metrics.dlqMessages.inc({ topic });
  }

  private async lag(): Promise<{ topic: string; partition: number; lag: number }[]> {
    if (!this.admin) {
      this.admin = this.options.kafka.admin();
      await this.admin.connect();
    }
    const admin = this.admin;
    const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: this.options.topics });
    const lags: { topic: string; partition: number; lag: number }[] = [];
    for (const { topic, partitions } of committed) {
      const latest = await admin.fetchTopicOffsets(topic);
      for (const { partition, offset } of partitions) {
        const high = Number(latest.find((entry) => entry.partition === partition)?.high ?? 0);
        const consumed = Number(offset);
        lags.push({ topic, partition, lag: consumed < 0 ? high : Math.max(0, high - consumed) });
      }
    }
    return lags;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) throw new PoisonMessage('The message has no value');
  try {
    return JSON.parse(text);
  } catch {
    throw new PoisonMessage('The message value is not JSON');
  }
}

function describe(error: unknown): string {
  // EventValidationError's message already lists every issue with its path.
  if (error instanceof EventValidationError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null) return JSON.stringify(error);
  return String(error);
}
