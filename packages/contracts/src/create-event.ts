import { randomUUID } from 'node:crypto';
import { findEventDefinition, findLatestEventDefinition, type EventDataMap, type EventType } from './catalog';
import type { EventEnvelope } from './envelope';
import { EventValidationError } from './errors';
import { validateEvent } from './validate';

export interface CreateEventInit<K extends EventType> {
  propertyId: string;
  subject: string;
  data: EventDataMap[K];
  /** Defaults to the new event's id: the event starts a flow of its own. */
  correlationId?: string;
  causationId?: string | null;
  /** Pass the outbox row id when there is one, so a relay that publishes twice produces one event id. */
  id?: string;
  time?: string;
  /** Defaults to the latest version of `type`. */
  version?: number;
}

/**
 * Builds a complete envelope and validates it exactly as consumers will, so a bad event fails in the producer's
 * transaction rather than in another team's dead-letter queue.
 */
export function createEvent<K extends EventType>(type: K, init: CreateEventInit<K>): EventEnvelope<EventDataMap[K]> {
  const definition =
    init.version === undefined ? findLatestEventDefinition(type) : findEventDefinition(type, init.version);
  if (!definition) {
    throw new EventValidationError(
      [{ path: 'type', message: `unknown event ${type} version ${init.version ?? '(latest)'}` }],
      `Cannot create event ${type}`,
    );
  }

  const id = init.id ?? randomUUID();
  const event: EventEnvelope<EventDataMap[K]> = {
    id,
    type,
    version: definition.version,
    source: definition.source,
    time: init.time ?? new Date().toISOString(),
    propertyId: init.propertyId,
    subject: init.subject,
    correlationId: init.correlationId ?? id,
    causationId: init.causationId ?? null,
    data: init.data,
  };
  validateEvent(event);
  return event;
}
