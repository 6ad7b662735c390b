import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { KafkaProducerService } from './kafka-producer.service';
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
}

interface PendingRow {
  id: string;
  seq: string;
  topic: string;
  message_key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

const MAX_BACKOFF_MS = 5000;

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

  /** Publishes pending rows now; used by the loop and by tests that want to wait for the relay. */
  async publishBatch(): Promise<number> {
    const client = this.client;
    if (!client || !this.isLeader) return 0;
    const { rows } = await client.query<PendingRow>(
      `SELECT id, seq, topic, message_key, envelope, headers FROM outbox_event
        WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.options.batchSize],
    );
    if (rows.length === 0) return 0;
    try {
      await this.producer.send(
        rows.map((row) => ({
          topic: row.topic,
          key: row.message_key,
          value: JSON.stringify(row.envelope),
          headers: row.headers,
        })),
      );
    } catch (error) {
      await client.query(
        `UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
        [rows.map((row) => row.id), (error as Error).message],
      );
      throw error;
    }
    await client.query(
      `UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
      [rows.map((row) => row.id)],
    );
    this.metrics.outboxPublished.inc(rows.length);
    return rows.length;
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
        if (published < this.options.batchSize) await this.waitForWake(this.options.pollIntervalMs);
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
    await this.client!.query(`DELETE FROM outbox_event WHERE published_at < now() - make_interval(hours => $1)`, [
      this.options.retentionHours,
    ]);
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
