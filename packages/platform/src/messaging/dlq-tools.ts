import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { DLQ_HEADERS, headersAsStrings } from './dead-letter';
import { listParkedOutboxEvents, ParkedOutboxEvent, requeueParkedOutboxEvents } from './outbox.repository';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  eventId?: string;
  type?: string;
  reason?: string;
  reasonCode?: string;
  originalTopic?: string;
  failedAt?: string;
}

function toDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const headers = headersAsStrings(message.headers);
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers,
    eventId: headers.id,
    type: headers.type,
    reason: headers[DLQ_HEADERS.reason],
    reasonCode: headers[DLQ_HEADERS.reasonCode],
    originalTopic: headers[DLQ_HEADERS.originalTopic],
    failedAt: headers[DLQ_HEADERS.failedAt],
  };
}

/** Reads a dead-letter topic from the start to its current end, without joining or moving any real group. */
export async function readDeadLetters(kafka: Kafka, dlqTopic: string): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(dlqTopic).finally(() => admin.disconnect());
  const remaining = new Map(
    ends.filter((end) => Number(end.high) > Number(end.low)).map((end) => [end.partition, BigInt(end.high)]),
  );
  if (remaining.size === 0) return [];

  const letters: DeadLetter[] = [];
  const consumer = kafka.consumer({ groupId: `frontoffice-dlq-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out reading ${dlqTopic}`)), 60_000);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined) return;
            letters.push(toDeadLetter(partition, message));
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Sends dead letters back to their original topic with their original key and headers (minus the dlq-* ones). Safe
 * to repeat: consumers record event ids, so an event that was already applied is not applied twice.
 */
export async function replayDeadLetters(kafka: Kafka, letters: DeadLetter[]): Promise<number> {
  if (letters.length === 0) return 0;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const letter of letters) {
      if (!letter.originalTopic) throw new Error(`Dead letter at offset ${letter.offset} has no original topic header`);
      const headers = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')));
      await producer.send({
        topic: letter.originalTopic,
        acks: -1,
        messages: [
          {
            key: letter.key,
            value: letter.value,
            headers: { ...headers, 'dlq-replayed-from': `${letter.partition}:${letter.offset}` },
          },
        ],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return letters.length;
}

async function withDatabase<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'frontoffice-dlq-tool' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Events a service's relay parked in its outbox because Kafka can never take them, with the reason. */
export function readParkedOutboxEvents(databaseUrl: string): Promise<ParkedOutboxEvent[]> {
  return withDatabase(databaseUrl, listParkedOutboxEvents);
}

/**
 * Puts parked events back in line for the relay (every parked event when `ids` is omitted), e.g. once the broker's
 * `message.max.bytes` was raised. One that still cannot be sent is parked again.
 */
export function requeueParkedOutbox(databaseUrl: string, ids?: string[]): Promise<number> {
  return withDatabase(databaseUrl, (client) => requeueParkedOutboxEvents(client, ids));
}
