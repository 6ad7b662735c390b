import { Injectable } from '@nestjs/common';
import { createEvent, EventDataMap, EventEnvelope, EventType, findEventDefinition } from '@frontoffice/contracts';
import type { EntityManager } from 'typeorm';
import { currentCorrelation, traceparentFrom } from '../context/correlation';

export const OUTBOX_CHANNEL = 'frontoffice_outbox';

export interface PublishInit<K extends EventType> {
  propertyId: string;
  subject: string;
  data: EventDataMap[K];
}

/**
 * Writes events into the outbox inside the caller's transaction. Nothing reaches Kafka unless that transaction
 * commits; the relay publishes what did commit, even if Kafka was down at the time.
 */
@Injectable()
export class OutboxService {
  /** Builds, validates and stores an event; correlation and causation come from the work in progress. */
  async publish<K extends EventType>(
    manager: EntityManager,
    type: K,
    init: PublishInit<K>,
  ): Promise<EventEnvelope<EventDataMap[K]>> {
    const correlation = currentCorrelation();
    const event = createEvent(type, {
      ...init,
      correlationId: correlation?.correlationId,
      causationId: correlation?.causationId ?? null,
    });
    await this.add(manager, event);
    return event;
  }

  /** Stores an already-built envelope (validated by `createEvent`). */
  async add(manager: EntityManager, event: EventEnvelope): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.add must run inside a transaction, with the change it describes');
    }
    const definition = findEventDefinition(event.type, event.version);
    if (!definition) throw new Error(`Event ${event.type} v${event.version} is not in the contracts catalog`);
    const traceparent = currentTraceparent();
    const headers = { id: event.id, type: event.type, traceparent };
    await manager.query(
      'INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers) VALUES ($1, $2, $3, $4, $5, $6)',
      [event.id, definition.topic, event.propertyId, event.type, JSON.stringify(event), JSON.stringify(headers)],
    );
    // Delivered to the relay's LISTEN only when this transaction commits, so the relay wakes for committed rows.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, definition.topic]);
  }
}

/** W3C trace context of the current work; a fresh trace when none is propagated. */
function currentTraceparent(): string {
  return currentCorrelation()?.traceparent ?? traceparentFrom(undefined);
}
