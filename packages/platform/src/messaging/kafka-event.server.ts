import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import {
  EventEnvelope,
  EventValidationError,
  findEventDefinition,
  findLatestEventDefinition,
  validateEnvelope,
  validateEvent,
} from '@frontoffice/contracts';
import type { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom, isObservable } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { CorrelationContext, runWithCorrelation, traceparentFrom } from '../context/correlation';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { DeadLetterReasonCode, deadLetterMessage, headersAsStrings } from './dead-letter';
import { batchPatternMatches, EVENT_BATCH_PATTERN_PREFIX } from './event-batch-handler.decorator';
import { EventBatchContext, EventContext } from './event-context';
import { insertInboxRows } from './inbox.repository';
import { KafkaProducerService } from './kafka-producer.service';
import { isTransientError } from './transient-errors';

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
  /** Attempts per event before a deterministic failure dead-letters it (the first try included). */
  maxAttempts: number;
  retryBackoffMs: number;
  /** Cap of the back-off between retries of a transient failure (database or broker away), retried for ever. */
  retryMaxBackoffMs?: number;
  /** Most events applied in one inbox transaction. */
  batchMaxEvents?: number;
  /** A transaction that takes longer than this halves the next one on that partition. */
  batchMaxMs?: number;
  /** Partitions handled at the same time, each in its own transaction. */
  partitionsConcurrency?: number;
  /**
   * `'inbox'` (default): each event's effects are applied once per service, recorded in the inbox, offsets
   * committed, failures dead-lettered. `'broadcast'`: for a consumer that only relays events (the console pushing
   * them to browsers), where every instance must see every event: give each instance a group id of its own; it
   * starts at the latest offset, records nothing in the inbox (handlers get a non-transactional manager), commits
   * no offset (so the group leaves nothing behind on the broker), and skips a message it cannot handle instead of
   * dead-lettering it — the consumers of the services that own the effects do that, once.
   */
  mode?: 'inbox' | 'broadcast';
}

type Outcome = 'processed' | 'duplicate' | 'ignored' | 'dead_lettered';

/** The reason a message cannot be handled no matter how often it is retried. */
class PoisonMessage extends Error {
  override readonly name = 'PoisonMessage';
}

/** What handles one event type: at most one per-event handler, and every batch handler whose pattern matches. */
interface EventRoute {
  /** Events with the same key are handled by the same handlers and may share one batch call. */
  key: string;
  perEvent?: MessageHandler;
  batch: MessageHandler[];
}

interface Applicable {
  message: KafkaMessage;
  envelope: EventEnvelope;
  route: EventRoute;
}

interface Poison {
  message: KafkaMessage;
  reason: string;
  code: DeadLetterReasonCode;
  attempts: number;
}

type Classified = ({ kind: 'apply' } & Applicable) | ({ kind: 'poison' } & Poison) | { kind: 'ignored' };

/** One partition's batch being consumed: what the retry loops need to know whether to keep going. */
interface PartitionWork {
  topic: string;
  partition: number;
  payload: EachBatchPayload;
}

/** Signals that the batch must stop (shutdown, rebalance): its unresolved messages are fetched again. */
class BatchStopped extends Error {
  override readonly name = 'BatchStopped';
}

const DEFAULT_BATCH_MAX_EVENTS = 500;
const DEFAULT_BATCH_MAX_MS = 1000;
const DEFAULT_RETRY_MAX_BACKOFF_MS = 10_000;
const HEARTBEAT_SLICE_MS = 1000;

/**
 * Nest transport for event handlers over Kafka, with the delivery guarantees the platform promises:
 * - envelopes validated against the contracts; an event type is taken only from the topic of the service that
 *   produces it and only under its property's key;
 * - batches: many events applied in one database transaction together with their inbox rows (one effect per event
 *   id), in partition order, offsets committed only after that transaction; partitions consumed concurrently;
 * - `@EventPattern('<type>')` handlers are called once per event, `@EventBatchHandler(pattern)` once per run of
 *   events, both inside that transaction;
 * - a transient failure (database or broker away, lock or statement timeout, serialization failure) is retried for
 *   as long as it takes, heartbeating meanwhile; any other failure splits the batch until the failing event is
 *   alone, which is retried a bounded number of times and then sent to `<topic>.dlq`, while the partition flows on.
 * Event types without a handler are skipped, so a producer can add events before consumers care about them.
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
  private readonly routes = new Map<string, EventRoute | null>();
  private batchHandlers?: Array<{ pattern: string; handler: MessageHandler }>;
  /** Events per transaction on each partition, shrunk when transactions get slow. */
  private readonly chunkSizes = new Map<string, number>();

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    // A broadcast group commits nothing, so its lag would read as the whole topic.
    if (this.enabled && !this.broadcast) options.metrics.provideConsumerLag(() => this.lag());
  }

  private get broadcast(): boolean {
    return this.options.mode === 'broadcast';
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
    await consumer.subscribe({ topics, fromBeginning: fromBeginning && !this.broadcast });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrency ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.logger.log({ groupId, topics }, 'Kafka consumer running');
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const work: PartitionWork = { topic: batch.topic, partition: batch.partition, payload };
    const messages = batch.messages;
    try {
      for (let index = 0; index < messages.length;) {
        this.assertActive(work);
        const chunk = messages.slice(index, index + this.chunkSize(work));
        const started = Date.now();
        await this.processChunk(work, chunk);
        const last = chunk[chunk.length - 1].offset;
        payload.resolveOffset(last);
        if (!this.broadcast) {
          await this.retryTransient(work, () =>
            this.consumer!.commitOffsets([
              { topic: work.topic, partition: work.partition, offset: (BigInt(last) + 1n).toString() },
            ]),
          );
        }
        await payload.heartbeat();
        this.adaptChunkSize(work, chunk.length, Date.now() - started);
        index += chunk.length;
      }
    } catch (error) {
      // Messages not resolved yet are fetched again by whoever owns the partition next.
      if (error instanceof BatchStopped) return;
      throw error;
    }
  }

  /** Dead-letters what cannot be handled, applies the rest; returns once every message of the chunk is settled. */
  private async processChunk(work: PartitionWork, messages: KafkaMessage[]): Promise<void> {
    const classified = messages.map((message) => this.classify(work.topic, message));
    const poison = classified.filter((item): item is { kind: 'poison' } & Poison => item.kind === 'poison');
    const applicable = classified.filter((item): item is { kind: 'apply' } & Applicable => item.kind === 'apply');
    const ignored = classified.length - poison.length - applicable.length;
    if (ignored > 0) this.count(work.topic, 'ignored', ignored);
    await this.deadLetter(work, poison);
    await this.applyIsolating(work, applicable);
  }

  private classify(topic: string, message: KafkaMessage): Classified {
    const poison = (code: DeadLetterReasonCode, reason: string): Classified => ({
      kind: 'poison',
      message,
      reason,
      code,
      attempts: 1,
    });
    let raw: unknown;
    try {
      raw = parseJson(message.value?.toString());
    } catch (error) {
      return poison('unparsable', describe(error));
    }
    const type = (raw as { type?: unknown } | null)?.type;
    const route = typeof type === 'string' ? this.routeOf(type) : null;
    if (!route) {
      // Skipped, unless it is not an event at all.
      try {
        validateEnvelope(raw);
        return { kind: 'ignored' };
      } catch (error) {
        return poison('invalid-envelope', describe(error));
      }
    }
    let envelope: EventEnvelope;
    try {
      // The envelope and the payload in one pass: payload validation is the consumer's largest cost per event.
      envelope = validateEvent(raw);
    } catch (error) {
      const aboutPayload =
        error instanceof EventValidationError && error.issues.every((issue) => issue.path.startsWith('data'));
      return poison(aboutPayload ? 'invalid-payload' : 'invalid-envelope', describe(error));
    }
    const definition = findEventDefinition(envelope.type, envelope.version);
    if (definition && definition.topic !== topic) {
      return poison(
        'wrong-topic',
        `${envelope.type} is published by ${definition.source} on ${definition.topic} only; it arrived on ${topic}`,
      );
    }
    const key = message.key?.toString();
    if (key !== envelope.propertyId) {
      return poison(
        'key-mismatch',
        `The message key ${key === undefined ? '(none)' : `"${key}"`} is not the event's propertyId ${envelope.propertyId}`,
      );
    }
    return { kind: 'apply', message, envelope, route };
  }

  /**
   * Applies events in one transaction; when that fails for a reason other than a transient one, applies each half
   * on its own, down to the single event that fails, which gets its bounded attempts and then the DLQ.
   */
  private async applyIsolating(work: PartitionWork, items: Applicable[]): Promise<void> {
    if (items.length === 0) return;
    if (items.length === 1) return this.applyAlone(work, items[0]);
    const failure = await this.retryTransient(work, () => this.applyInTransaction(work, items)).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof BatchStopped) throw error;
        return error;
      },
    );
    if (failure === undefined) return;
    this.logger.warn(
      { err: failure, topic: work.topic, partition: work.partition, events: items.length },
      'A batch of events failed; applying it in smaller batches to isolate the failing event',
    );
    const middle = Math.ceil(items.length / 2);
    await this.applyIsolating(work, items.slice(0, middle));
    await this.applyIsolating(work, items.slice(middle));
  }

  private async applyAlone(work: PartitionWork, item: Applicable): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.retryTransient(work, () => this.applyInTransaction(work, [item]));
        return;
      } catch (error) {
        if (error instanceof BatchStopped) throw error;
        const permanent = error instanceof PoisonMessage || error instanceof EventValidationError;
        if (permanent || attempt >= this.options.maxAttempts) {
          const code: DeadLetterReasonCode = permanent ? 'invalid-payload' : 'handler-refused';
          await this.deadLetter(work, [{ message: item.message, reason: describe(error), code, attempts: attempt }]);
          return;
        }
        this.logger.warn(
          { err: error, eventId: item.envelope.id, type: item.envelope.type, attempt },
          'Event handler failed; retrying',
        );
        await this.pause(work, this.options.retryBackoffMs * 2 ** (attempt - 1));
      }
    }
  }

  /** The inbox rows and the handlers' effects commit together; a row already there means "already applied". */
  private async applyInTransaction(work: PartitionWork, items: Applicable[]): Promise<void> {
    // An id delivered twice in one batch is applied at its first delivery (items are in partition order).
    const seen = new Set<string>();
    const unique = items.filter(({ envelope }) => !seen.has(envelope.id) && seen.add(envelope.id));
    if (this.broadcast) {
      const manager = this.options.dataSource.manager;
      for (const run of runsByRoute(unique)) await this.invokeHandlers(manager, work, run);
      this.count(work.topic, 'processed', unique.length);
      this.count(work.topic, 'duplicate', items.length - unique.length);
      return;
    }
    const fresh = await this.options.dataSource.transaction(async (manager) => {
      const inserted = await insertInboxRows(
        manager,
        this.options.inboxName,
        work.topic,
        work.partition,
        unique.map(({ envelope, message }) => ({ eventId: envelope.id, type: envelope.type, offset: message.offset })),
      );
      const applied = unique.filter((item) => inserted.has(item.envelope.id));
      for (const run of runsByRoute(applied)) await this.invokeHandlers(manager, work, run);
      return applied.length;
    });
    this.count(work.topic, 'processed', fresh);
    this.count(work.topic, 'duplicate', items.length - fresh);
  }

  private async invokeHandlers(manager: EntityManager, work: PartitionWork, run: Applicable[]): Promise<void> {
    const { perEvent, batch } = run[0].route;
    if (perEvent) {
      for (const { envelope, message } of run) {
        const context = new EventContext([envelope, manager, work.topic, work.partition, message.offset]);
        await withEventCorrelation(envelope, message, () => invoke(perEvent, envelope, context));
      }
    }
    if (batch.length === 0) return;
    const events = run.map((item) => item.envelope);
    const traceparents = new Map(run.map((item) => [item.envelope.id, item.message]));
    const context = new EventBatchContext([
      manager,
      work.topic,
      work.partition,
      run.map((item) => item.message.offset),
      (event) => correlationOf(event, traceparents.get(event.id)),
    ]);
    for (const handler of batch) await invoke(handler, events, context);
  }

  private async deadLetter(work: PartitionWork, letters: Poison[]): Promise<void> {
    if (letters.length === 0) return;
    if (this.broadcast) {
      for (const letter of letters) {
        this.logger.warn(
          { topic: work.topic, partition: work.partition, offset: letter.message.offset, reason: letter.reason },
          'Message skipped by a broadcast consumer (the owning services dead-letter it)',
        );
      }
      this.count(work.topic, 'ignored', letters.length);
      return;
    }
    for (const letter of letters) {
      this.logger.error(
        {
          topic: work.topic,
          partition: work.partition,
          offset: letter.message.offset,
          headers: headersAsStrings(letter.message.headers),
          reason: letter.reason,
          attempts: letter.attempts,
        },
        'Message sent to the dead-letter topic',
      );
    }
    // A failing send is a broker problem, not the message's: it is retried until it goes through, and the offset
    // is committed only afterwards, so a message is never silently dropped.
    await this.retryTransient(work, () =>
      this.options.producer.send(
        letters.map((letter) =>
          deadLetterMessage({
            topic: work.topic,
            partition: work.partition,
            message: letter.message,
            consumerGroup: this.options.groupId,
            attempts: letter.attempts,
            reason: letter.reason,
            reasonCode: letter.code,
          }),
        ),
      ),
    );
    this.options.metrics.dlqMessages.inc({ topic: work.topic }, letters.length);
    this.count(work.topic, 'dead_lettered', letters.length);
  }

  /** Runs `operation` until it succeeds or fails for a reason that is not transient; waits, heartbeating, between. */
  private async retryTransient<T>(work: PartitionWork, operation: () => Promise<T>): Promise<T> {
    for (let failures = 0; ; failures += 1) {
      this.assertActive(work);
      try {
        return await operation();
      } catch (error) {
        if (!isTransientError(error)) throw error;
        const backoffMs = Math.min(
          this.options.retryMaxBackoffMs ?? DEFAULT_RETRY_MAX_BACKOFF_MS,
          this.options.retryBackoffMs * 2 ** Math.min(failures, 16),
        );
        this.options.metrics.consumerTransientRetries.inc({ topic: work.topic });
        if (failures % 10 === 0) {
          this.logger.warn(
            { err: error, topic: work.topic, partition: work.partition, failures: failures + 1, backoffMs },
            'Transient failure while consuming; the partition waits and retries, nothing is dead-lettered',
          );
        }
        await this.pause(work, backoffMs);
      }
    }
  }

  /** Waits in slices, heartbeating between them so the group keeps the partition here. */
  private async pause(work: PartitionWork, ms: number): Promise<void> {
    const until = Date.now() + ms;
    for (let left = ms; left > 0; left = until - Date.now()) {
      await sleep(Math.min(left, HEARTBEAT_SLICE_MS), undefined, { signal: this.closing.signal }).catch(
        () => undefined,
      );
      this.assertActive(work);
      await work.payload.heartbeat().catch((error: unknown) => {
        // A broker that is away cannot take heartbeats either; the group sorts itself out once it is back. A
        // rebalance, though, must not wait for the database: kafkajs rejoins and the batch is fetched again.
        if (!isTransientError(error) || isRebalance(error) || work.payload.isStale()) throw error;
      });
    }
  }

  private assertActive(work: PartitionWork): void {
    if (this.closed || !work.payload.isRunning() || work.payload.isStale()) throw new BatchStopped();
  }

  private routeOf(type: string): EventRoute | null {
    const known = this.routes.get(type);
    if (known !== undefined) return known;
    this.batchHandlers ??= [...this.messageHandlers]
      .filter(([pattern]) => pattern.startsWith(EVENT_BATCH_PATTERN_PREFIX))
      .map(([pattern, handler]) => ({ pattern: pattern.slice(EVENT_BATCH_PATTERN_PREFIX.length), handler }));
    const perEvent = this.getHandlerByPattern(type) ?? undefined;
    // A wildcard takes the catalog's types only: a type no contract describes yet is skipped, not dead-lettered.
    const catalogued = findLatestEventDefinition(type) !== undefined;
    const batch = this.batchHandlers.filter(
      ({ pattern }) => batchPatternMatches(pattern, type) && (catalogued || pattern === type),
    );
    const route =
      perEvent || batch.length > 0
        ? {
            key: [perEvent ? type : '', ...batch.map(({ pattern }) => pattern)].join('|'),
            perEvent,
            batch: batch.map(({ handler }) => handler),
          }
        : null;
    this.routes.set(type, route);
    return route;
  }

  private chunkSize(work: PartitionWork): number {
    return (
      this.chunkSizes.get(`${work.topic}:${work.partition}`) ?? this.options.batchMaxEvents ?? DEFAULT_BATCH_MAX_EVENTS
    );
  }

  /** Halves the next transaction after a slow one; grows back while they are quick. */
  private adaptChunkSize(work: PartitionWork, size: number, elapsedMs: number): void {
    const maxEvents = this.options.batchMaxEvents ?? DEFAULT_BATCH_MAX_EVENTS;
    const maxMs = this.options.batchMaxMs ?? DEFAULT_BATCH_MAX_MS;
    const current = this.chunkSize(work);
    let next = current;
    if (elapsedMs > maxMs) next = Math.max(1, Math.floor(size / 2));
    else if (elapsedMs < maxMs / 4 && size >= current) next = Math.min(maxEvents, current * 2);
    this.chunkSizes.set(`${work.topic}:${work.partition}`, next);
  }

  private count(topic: string, outcome: Outcome, count: number): void {
    if (count > 0) this.options.metrics.consumedMessages.inc({ topic, outcome }, count);
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

/** Consecutive events that go to the same handlers; order between runs is the partition's. */
function runsByRoute(items: Applicable[]): Applicable[][] {
  const runs: Applicable[][] = [];
  for (const item of items) {
    const current = runs[runs.length - 1];
    if (current && current[0].route.key === item.route.key) current.push(item);
    else runs.push([item]);
  }
  return runs;
}

async function invoke(handler: MessageHandler, data: unknown, context: unknown): Promise<void> {
  const result: unknown = await handler(data, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}

function withEventCorrelation<T>(
  envelope: EventEnvelope,
  message: KafkaMessage | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return runWithCorrelation(correlationOf(envelope, message), work);
}

function correlationOf(envelope: EventEnvelope, message: KafkaMessage | undefined): CorrelationContext {
  const traceparent = message ? headersAsStrings(message.headers).traceparent : undefined;
  return { correlationId: envelope.correlationId, causationId: envelope.id, traceparent: traceparentFrom(traceparent) };
}

const REBALANCE_ERRORS = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);

function isRebalance(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && REBALANCE_ERRORS.has(type);
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
