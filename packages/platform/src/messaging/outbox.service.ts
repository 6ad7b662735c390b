import { Injectable } from '@nestjs/common';
import { createEvent, EventDataMap, EventEnvelope, EventType, findEventDefinition } from '@frontoffice/contracts';
import type { EntityManager } from 'typeorm';
import { CorrelationContext, currentCorrelation, traceparentFrom } from '../context/correlation';

export const OUTBOX_CHANNEL = 'frontoffice_outbox';

export interface PublishInit<K extends EventType> {
  propertyId: string;
  subject: string;
  data: EventDataMap[K];
}

/** An event built and validated, with the Kafka headers it will carry, ready to be stored with others. */
export interface PreparedEvent<T = unknown> {
  event: EventEnvelope<T>;
  headers: Record<string, string>;
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
    const prepared = this.prepare(type, init);
    await this.addMany(manager, [prepared]);
    return prepared.event;
  }

  /**
   * Builds and validates an event without storing it, so that many can be stored in one statement (`addMany`).
   * `correlation` defaults to the work in progress; a batch handler passes each cause's own.
   */
  prepare<K extends EventType>(
    type: K,
    init: PublishInit<K>,
    correlation: CorrelationContext | undefined = currentCorrelation(),
  ): PreparedEvent<EventDataMap[K]> {
    const event = createEvent(type, {
      ...init,
      correlationId: correlation?.correlationId,
      causationId: correlation?.causationId ?? null,
    });
    return { event, headers: headersFor(event, correlation) };
  }

  /** Stores an already-built envelope (validated by `createEvent`). */
  async add(manager: EntityManager, event: EventEnvelope): Promise<void> {
    await this.addMany(manager, [{ event, headers: headersFor(event, currentCorrelation()) }]);
  }

  /** Stores prepared events in the caller's transaction, in order, with one statement and one wake-up. */
  async addMany(manager: EntityManager, prepared: PreparedEvent[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.add must run inside a transaction, with the change it describes');
    }
    if (prepared.length === 0) return;
    const topics = prepared.map(({ event }) => {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`Event ${event.type} v${event.version} is not in the contracts catalog`);
      return definition.topic;
    });
    if (prepared.length === 1) {
      const [{ event, headers }] = prepared;
      await manager.query(
        'INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers) VALUES ($1, $2, $3, $4, $5, $6)',
        [event.id, topics[0], event.propertyId, event.type, JSON.stringify(event), JSON.stringify(headers)],
      );
    } else {
      // WITH ORDINALITY keeps the given order in the identity column `seq`, which is the publishing order.
      await manager.query(
        `INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers)
         SELECT id, topic, message_key, type, envelope, headers
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
                WITH ORDINALITY AS e (id, topic, message_key, type, envelope, headers, position)
          ORDER BY position`,
        [
          prepared.map(({ event }) => event.id),
          topics,
          prepared.map(({ event }) => event.propertyId),
          prepared.map(({ event }) => event.type),
          prepared.map(({ event }) => JSON.stringify(event)),
          prepared.map(({ headers }) => JSON.stringify(headers)),
        ],
      );
    }
    // Delivered to the relay's LISTEN only when this transaction commits, so the relay wakes for committed rows.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, topics[0]]);
  }
}

function headersFor(event: EventEnvelope, correlation: CorrelationContext | undefined): Record<string, string> {
  // A fresh trace when none is propagated.
  const traceparent = correlation?.traceparent ?? traceparentFrom(undefined);
  return { id: event.id, type: event.type, traceparent };
}
