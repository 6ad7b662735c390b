import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { IHeaders, Kafka, Partitioners, Producer } from 'kafkajs';

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * One idempotent producer per service (acks from all in-sync replicas, one request in flight), so messages of one
 * key keep their order even when kafkajs retries.
 */
@Injectable()
export class KafkaProducerService implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducerService.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connected = false;
      this.connecting = undefined;
    });
  }

  get isConnected(): boolean {
    return this.connected;
  }

  private async ensureConnected(): Promise<void> {
    if (this.connected) return;
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    await this.connecting;
  }

  /** Sends in the given order; per topic-partition order is kept by the idempotent producer. */
  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensureConnected();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicMessages]) => ({
        topic,
        messages: topicMessages.map((message) => ({
          key: message.key,
          value: message.value,
          headers: message.headers as IHeaders,
        })),
      })),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer
      .disconnect()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Producer disconnect failed'));
  }
}
