import { createEvent, TOPICS } from '@frontoffice/contracts';
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { EVENT_BATCH_PATTERN_PREFIX } from './event-batch-handler.decorator';
import { KafkaEventServer } from './kafka-event.server';
import type { KafkaProducerService } from './kafka-producer.service';

/**
 * The broadcast mode only: the inbox mode is covered end to end by the services' integration suites (real broker,
 * real database). Here the broker and database are replaced by recorders, since what matters is what the consumer
 * does NOT touch: no transaction, no inbox row, no committed offset, no dead letter.
 */
describe('KafkaEventServer in broadcast mode', () => {
  const propertyId = randomUUID();

  function roomEvent() {
    const roomId = randomUUID();
    return createEvent('room.status-changed', {
      propertyId,
      subject: roomId,
      data: {
        roomId,
        roomNumber: '101',
        roomTypeId: randomUUID(),
        status: 'vacant_dirty',
        previousStatus: 'occupied',
      },
    });
  }

  function setUp() {
    const calls = { transactions: 0, commits: 0, sent: 0, handled: [] as string[][], lagProvided: 0 };
    const metrics = new PlatformMetrics();
    const provideLag = metrics.provideConsumerLag.bind(metrics);
    metrics.provideConsumerLag = (fn) => {
      calls.lagProvided += 1;
      provideLag(fn);
    };
    const dataSource = {
      manager: { marker: 'non-transactional' },
      transaction: () => {
        calls.transactions += 1;
        throw new Error('a broadcast consumer opens no transaction');
      },
    } as unknown as DataSource;
    const producer = {
      send: () => {
        calls.sent += 1;
        return Promise.resolve();
      },
    } as unknown as KafkaProducerService;
    const server = new KafkaEventServer({
      kafka: {} as Kafka,
      producer,
      dataSource,
      metrics,
      groupId: `console-${randomUUID()}`,
      inboxName: 'console',
      topics: [TOPICS.reservations],
      enabled: true,
      fromBeginning: false,
      maxAttempts: 1,
      retryBackoffMs: 1,
      mode: 'broadcast',
    });
    server.addHandler(
      `${EVENT_BATCH_PATTERN_PREFIX}*`,
      (events: { id: string }[], context: { manager: unknown }) => {
        expect(context.manager).toBe(dataSource.manager);
        calls.handled.push(events.map((event) => event.id));
        return Promise.resolve();
      },
      true,
    );
    (server as unknown as { consumer: unknown }).consumer = {
      commitOffsets: () => {
        calls.commits += 1;
        return Promise.resolve();
      },
    };
    return { server, calls };
  }

  function batchOf(messages: KafkaMessage[]): { payload: EachBatchPayload; resolved: string[] } {
    const resolved: string[] = [];
    const payload = {
      batch: { topic: TOPICS.reservations, partition: 0, messages },
      resolveOffset: (offset: string) => resolved.push(offset),
      heartbeat: () => Promise.resolve(),
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    return { payload, resolved };
  }

  function message(offset: number, value: string, key = propertyId): KafkaMessage {
    return { offset: String(offset), key: Buffer.from(key), value: Buffer.from(value), headers: {} } as KafkaMessage;
  }

  it('hands every valid event to the handlers without inbox, transaction or commit, and skips poison', async () => {
    const { server, calls } = setUp();
    const first = roomEvent();
    const second = roomEvent();
    const { payload, resolved } = batchOf([
      message(10, JSON.stringify(first)),
      message(11, 'not json'),
      message(12, JSON.stringify(second)),
      message(13, JSON.stringify(first)),
    ]);

    await (server as unknown as { handleBatch(p: EachBatchPayload): Promise<void> }).handleBatch(payload);

    expect(calls.handled).toEqual([[first.id, second.id]]);
    expect(calls.transactions).toBe(0);
    expect(calls.commits).toBe(0);
    expect(calls.sent).toBe(0);
    expect(calls.lagProvided).toBe(0);
    expect(resolved).toEqual(['13']);
  });
});
