import { findEventDefinition, type EventEnvelope } from '@frontoffice/contracts';
import type { Kafka, Producer } from 'kafkajs';

/**
 * Puts envelopes on the real broker exactly as a service's relay does: on the topic the catalog gives their type,
 * keyed by property, with the id and type headers. `send` takes envelopes built beforehand, so a test can hold one
 * back and deliver it late, or deliver it again, the way a replayed dead letter arrives.
 */
export class TestEventProducer {
  private producer?: Producer;

  constructor(private readonly kafka: Kafka) {}

  async start(): Promise<this> {
    this.producer = this.kafka.producer();
    await this.producer.connect();
    return this;
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  /** Sends the envelopes in order, each to its catalog topic; one property's events keep their order. */
  async send(...events: EventEnvelope[]): Promise<void> {
    if (!this.producer) throw new Error('TestEventProducer.start() first');
    for (const event of events) {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`${event.type} v${event.version} is not in the contracts catalog`);
      await this.producer.send({
        topic: definition.topic,
        messages: [
          { key: event.propertyId, value: JSON.stringify(event), headers: { id: event.id, type: event.type } },
        ],
      });
    }
  }
}
