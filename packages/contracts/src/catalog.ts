import { FolioOpenedV1 } from './events/billing/folio-opened.v1';
import { PropertyCreatedV1 } from './events/reservations/property-created.v1';
import { ReservationCreatedV1 } from './events/reservations/reservation-created.v1';
import type { ServiceName } from './services';
import { TOPIC_CATALOG, TOPICS, type TopicName } from './topics';

export interface EventDefinition<T = unknown> {
  type: string;
  version: number;
  topic: TopicName;
  source: ServiceName;
  /** class-validator decorated class; its rules are the contract and its JSON Schema is published. */
  payload: new () => T;
  /** The payload field whose value the envelope's `subject` carries, e.g. 'reservationId'. */
  subject: string;
  /** One sentence for the AsyncAPI document. */
  summary: string;
}

/**
 * The producing service is the topic's producer, so an entry cannot name the wrong one. `subject` must be a
 * field of the payload and `type` stays a literal, which lets the compiler check EventDataMap against the catalog.
 */
function defineEvent<const Type extends string, T>(definition: {
  type: Type;
  version: number;
  topic: TopicName;
  payload: new () => T;
  subject: NoInfer<keyof T & string>;
  summary: string;
}): EventDefinition<T> & { type: Type } {
  const topic = TOPIC_CATALOG.find((candidate) => candidate.name === definition.topic);
  if (!topic) {
    throw new Error(`Event ${definition.type} names topic ${definition.topic}, which is not in TOPIC_CATALOG`);
  }
  return Object.freeze({ ...definition, source: topic.producer });
}

const CATALOG_ENTRIES = [
  defineEvent({
    type: 'property.created',
    version: 1,
    topic: TOPICS.reservations,
    payload: PropertyCreatedV1,
    subject: 'propertyId',
    summary: 'A hotel joined the platform, with its time zone, currency and first business date.',
  }),
  defineEvent({
    type: 'reservation.created',
    version: 1,
    topic: TOPICS.reservations,
    payload: ReservationCreatedV1,
    subject: 'reservationId',
    summary: 'A reservation was confirmed, with its guest, stay dates and the price of every night.',
  }),
  defineEvent({
    type: 'folio.opened',
    version: 1,
    topic: TOPICS.billing,
    payload: FolioOpenedV1,
    subject: 'folioId',
    summary: 'A guest account (folio) was opened for a reservation.',
  }),
] as const;

/** Every (type, version) any service may publish. A new major version is a new entry beside the old one. */
export const EVENT_CATALOG: readonly EventDefinition[] = Object.freeze([...CATALOG_ENTRIES]);

/** The payload of the latest version of each event type: what createEvent builds and isEventOfType narrows to. */
export interface EventDataMap {
  'property.created': PropertyCreatedV1;
  'reservation.created': ReservationCreatedV1;
  'folio.opened': FolioOpenedV1;
}
export type EventType = keyof EventDataMap;

type UncatalogedEventType = Exclude<EventType, (typeof CATALOG_ENTRIES)[number]['type']>;
/** Fails to compile, naming the culprit, when an EventDataMap key has no catalog entry. */
const everyEventTypeIsCataloged: [UncatalogedEventType] extends [never] ? true : UncatalogedEventType = true;
void everyEventTypeIsCataloged;

const definitionsByKey = new Map(
  EVENT_CATALOG.map((definition) => [catalogKey(definition.type, definition.version), definition]),
);

function catalogKey(type: string, version: number): string {
  return `${type}@v${version}`;
}

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return definitionsByKey.get(catalogKey(type, version));
}

/** The newest version of `type`, which producers publish unless told otherwise. */
export function findLatestEventDefinition(type: string): EventDefinition | undefined {
  let latest: EventDefinition | undefined;
  for (const definition of EVENT_CATALOG) {
    if (definition.type === type && (!latest || definition.version > latest.version)) latest = definition;
  }
  return latest;
}
