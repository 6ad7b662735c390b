import type { EventEnvelope } from '@frontoffice/contracts';

/** What a browser receives for one event: identifiers only, so no personal data reaches a stream. */
export interface LiveEvent {
  id: string;
  type: string;
  propertyId: string;
  occurredAt: string;
  /** The payload's top-level `…Id` fields that hold strings (reservationId, roomId, requestId, folioId…). */
  subjects: Record<string, string>;
}

export function toLiveEvent(event: EventEnvelope): LiveEvent {
  const subjects: Record<string, string> = {};
  const data = event.data as Record<string, unknown> | null;
  if (data && typeof data === 'object') {
    for (const [name, value] of Object.entries(data)) {
      if (/[a-z]Id$/.test(name) && typeof value === 'string') subjects[name] = value;
    }
  }
  return { id: event.id, type: event.type, propertyId: event.propertyId, occurredAt: event.time, subjects };
}
