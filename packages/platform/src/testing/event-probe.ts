import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { headersAsStrings } from '../messaging/dead-letter';
import { eventually } from './eventually';

export interface ProbedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  /** The parsed JSON value, when the value is JSON. */
  json?: Record<string, unknown>;
}

/**
 * Watches real topics from "now" with a throw-away consumer group, so tests can assert on what actually reached
 * the broker. `start()` returns once partitions are assigned: messages produced afterwards are seen.
 */
export class EventProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    const consumer = this.kafka.consumer({
      groupId: `frontoffice-test-probe-${randomUUID()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
    this.consumer = consumer;
    // The start offsets of a new group are resolved at its first fetch: from then on nothing produced is missed.
    let groupJoined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (groupJoined = true));
    const ready = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH, () => groupJoined && resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString() ?? '';
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(value) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value,
          headers: headersAsStrings(message.headers),
          json,
        });
      },
    });
    await ready;
    return this;
  }

  /** Waits until a message matching `predicate` has arrived and returns it. */
  waitFor(predicate: (message: ProbedMessage) => boolean, timeoutMs = 15_000): Promise<ProbedMessage> {
    return eventually(
      () => {
        const found = this.messages.find(predicate);
        if (!found)
          throw new Error(
            `No matching message on ${this.topics.join(', ')} after ${timeoutMs} ms (${this.messages.length} seen)`,
          );
        return found;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
