import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { KafkaProducerService, OutgoingMessage } from './kafka-producer.service';
import {
  deletePublishedOutboxRows,
  markOutboxPublished,
  parkOutboxEvent,
  PendingOutboxRow,
  recordOutboxFailure,
  selectPendingOutboxRows,
} from './outbox.repository';
import { OUTBOX_CHANNEL } from './outbox.service';

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

export interface OutboxRelayOptions {
  databaseUrl: string;
  enabled: boolean;
  pollIntervalMs: number;
  batchSize: number;
  retentionHours: number;
  /** Advisory-lock key: one relay per service database is active at a time, the others wait as standbys. */
  lockName: string;
  /**
   * A leader that has failed to publish for this long releases the lock and stands by for ten polls, so that an
   * instance that can reach Kafka takes over instead of rows waiting behind one instance's broken network path.
   */
  stepDownAfterMs: number;
  /**
   * Most bytes in one produce request, and so the largest event: below the broker's `message.max.bytes`.
   * Defaults to 1,000,000 (the broker's default limit is 1,048,588).
   */
  maxBatchBytes?: number;
}

const MAX_BACKOFF_MS = 5000;
const DEFAULT_MAX_BATCH_BYTES = 1_000_000;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent. It holds a PostgreSQL advisory lock
 * on its own connection, so only one instance of a service relays; it wakes on NOTIFY (sent at commit) and polls as
 * a fallback. When Kafka is down rows simply wait, and go as soon as it is back.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxRelayService.name);
  private client?: Client;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A NOTIFY that arrived while a batch was being published; the next wait returns at once. */
  private wakeRequested = false;
  private isLeader = false;
  private failures = 0;
  /** When the current run of publish failures began, while leader. */
  private failingSince?: number;
  /** After stepping down, do not take the lock again before this time. */
  private standbyUntil = 0;
  private lastCleanup = 0;
  /** The last batch left rows behind (row or byte limit): the next one goes at once. */
  private morePending = false;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
    private readonly producer: KafkaProducerService,
    private readonly metrics: PlatformMetrics,
  ) {}

  get leader(): boolean {
    return this.isLeader;
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.start();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Publishes what is pending (bounded by `timeoutMs`), then releases the lock and the connection. */
  async stop({ drain = true, timeoutMs = 10_000 } = {}): Promise<void> {
    if (!this.running) return;
    if (drain && this.isLeader) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const published = await this.publishBatch().catch(() => -1);
        if (published === 0) break;
        if (published < 0) await sleep(200);
      }
    }
    this.running = false;
    this.stopping.abort();
    this.requestWake();
    await this.loop;
  }

  /**
   * Publishes pending rows now; used by the loop and by tests that want to wait for the relay. Returns how many rows
   * it settled (published or parked). A request never exceeds `maxBatchBytes`; an event Kafka can never take is
   * parked with its reason and the rows behind it go on.
   */
  async publishBatch(): Promise<number> {
    const client = this.client;
    if (!client || !this.isLeader) return 0;
    const maxBytes = this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    const { rows, more } = await selectPendingOutboxRows(client, this.options.batchSize, maxBytes);
    this.morePending = more;
    if (rows.length === 0) return 0;
    if (rows.length === 1 && rows[0].bytes > maxBytes) {
      await this.park(
        client,
        rows[0],
        `The event takes about ${rows[0].bytes} bytes; Kafka takes at most ${maxBytes} per message (KAFKA_MAX_MESSAGE_BYTES)`,
      );
      return 1;
    }
    try {
      await this.producer.send(rows.map(toOutgoingMessage));
    } catch (error) {
      if (!isUnsendable(error)) {
        await recordOutboxFailure(
          client,
          rows.map((row) => row.id),
          describe(error),
        );
        throw error;
      }
      // Kafka refused the request for what is in it: send the rows one by one to find the one it can never take.
      return this.publishOneByOne(client, rows);
    }
    await markOutboxPublished(
      client,
      rows.map((row) => row.id),
    );
    this.metrics.outboxPublished.inc(rows.length);
    return rows.length;
  }

  private async publishOneByOne(client: Client, rows: PendingOutboxRow[]): Promise<number> {
    let settled = 0;
    for (const row of rows) {
      try {
        await this.producer.send([toOutgoingMessage(row)]);
      } catch (error) {
        if (!isUnsendable(error)) {
          await recordOutboxFailure(client, [row.id], describe(error));
          if (settled > 0) return settled;
          throw error;
        }
        await this.park(client, row, `Kafka refused the event: ${describe(error)}`);
        settled += 1;
        continue;
      }
      await markOutboxPublished(client, [row.id]);
      this.metrics.outboxPublished.inc();
      settled += 1;
    }
    return settled;
  }

  private async park(client: Client, row: PendingOutboxRow, reason: string): Promise<void> {
    await parkOutboxEvent(client, row.id, reason);
    this.metrics.outboxParkedTotal.inc();
    this.logger.error(
      { eventId: row.id, topic: row.topic, key: row.messageKey, bytes: row.bytes, reason },
      'Outbox event parked: Kafka can never take it; the events behind it go on (npm run dlq -- list)',
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!this.client) await this.connect();
        if (!this.isLeader) {
          if (Date.now() < this.standbyUntil) {
            await this.waitForWake(Math.min(this.standbyUntil - Date.now(), this.options.pollIntervalMs * 5));
            continue;
          }
          await this.tryBecomeLeader();
          if (!this.isLeader) {
            await this.waitForWake(this.options.pollIntervalMs * 5);
            continue;
          }
        }
        const published = await this.publishBatch();
        this.failures = 0;
        this.failingSince = undefined;
        await this.cleanupPublished();
        if (published === 0 || !this.morePending) await this.waitForWake(this.options.pollIntervalMs);
      } catch (error) {
        this.failures += 1;
        const backoff = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 10));
        this.logger.warn(
          { err: error, failures: this.failures, backoffMs: backoff },
          'Outbox relay cannot publish yet; rows wait',
        );
        if (this.client && !(await this.isConnectionAlive())) await this.disconnect();
        else if (this.isLeader) await this.stepDownIfFailingTooLong();
        await sleep(backoff, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
    await this.disconnect();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'outbox-relay' });
    client.on('error', (error) => this.logger.warn({ err: error }, 'Outbox relay connection error'));
    client.on('notification', () => this.requestWake());
    await client.connect();
    this.client = client;
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
  }

  private async tryBecomeLeader(): Promise<void> {
    const { rows } = await this.client!.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [this.options.lockName],
    );
    this.isLeader = rows[0]?.locked === true;
    if (this.isLeader) this.logger.log('Outbox relay is active for this service');
  }

  private async stepDownIfFailingTooLong(): Promise<void> {
    const now = Date.now();
    this.failingSince ??= now;
    if (now - this.failingSince < this.options.stepDownAfterMs) return;
    await this.client!.query('SELECT pg_advisory_unlock(hashtext($1))', [this.options.lockName]);
    this.isLeader = false;
    this.failingSince = undefined;
    // Long enough for the standbys, which try the lock every 5 polls, to take it; short enough that a lone instance
    // resumes soon after Kafka is back.
    const standbyMs = this.options.pollIntervalMs * 10;
    this.standbyUntil = now + standbyMs;
    this.logger.warn({ standbyMs }, 'Outbox relay steps down after failing to publish; another instance may take over');
  }

  private async cleanupPublished(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await deletePublishedOutboxRows(this.client!, this.options.retentionHours);
  }

  private requestWake(): void {
    if (this.wake) this.wake();
    else this.wakeRequested = true;
  }

  private waitForWake(timeoutMs: number): Promise<void> {
    if (this.wakeRequested || !this.running) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wake = done;
    });
  }

  private async isConnectionAlive(): Promise<boolean> {
    try {
      await this.client!.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.isLeader = false;
    if (client) await client.end().catch(() => undefined);
  }
}

/** Kafka errors that say the request's content can never be accepted, however often it is sent. */
const UNSENDABLE_ERROR_TYPES = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TIMESTAMP',
]);

function isUnsendable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { type, cause, originalError } = error as { type?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof type === 'string' && UNSENDABLE_ERROR_TYPES.has(type)) return true;
  return isUnsendable(cause, depth + 1) || isUnsendable(originalError, depth + 1);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const type = (error as { type?: unknown }).type;
    return typeof type === 'string' ? `${type}: ${error.message}` : error.message;
  }
  return String(error);
}

function toOutgoingMessage(row: PendingOutboxRow): OutgoingMessage {
  return { topic: row.topic, key: row.messageKey, value: row.value, headers: row.headers };
}
