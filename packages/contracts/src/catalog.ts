import type { EventDefinition } from './define-event';
import { BILLING_EVENTS, BILLING_LATEST_PAYLOADS, type BillingEventDataMap } from './events/billing';
import { CONCIERGE_EVENTS, CONCIERGE_LATEST_PAYLOADS, type ConciergeEventDataMap } from './events/concierge';
import {
  RESERVATIONS_EVENTS,
  RESERVATIONS_LATEST_PAYLOADS,
  type ReservationsEventDataMap,
} from './events/reservations';
import {
  INTEGRATIONS_EVENTS,
  INTEGRATIONS_LATEST_PAYLOADS,
  type IntegrationsEventDataMap,
} from './events/integrations';
import { STAFFING_EVENTS, STAFFING_LATEST_PAYLOADS, type StaffingEventDataMap } from './events/staffing';

export type { EventDefinition } from './define-event';

// Each producing service keeps its events in its own folder (events/<service>/index.ts), so a change to one
// service's contract touches one file besides the payload classes.
const CATALOG_ENTRIES = [
  ...RESERVATIONS_EVENTS,
  ...CONCIERGE_EVENTS,
  ...STAFFING_EVENTS,
  ...BILLING_EVENTS,
  ...INTEGRATIONS_EVENTS,
] as const;

/** Every (type, version) any service may publish. A new major version is a new entry beside the old one. */
export const EVENT_CATALOG: readonly EventDefinition[] = Object.freeze([...CATALOG_ENTRIES]);

/** The payload of the latest version of each event type: what createEvent builds and isEventOfType narrows to. */
export interface EventDataMap
  extends
    ReservationsEventDataMap,
    ConciergeEventDataMap,
    StaffingEventDataMap,
    BillingEventDataMap,
    IntegrationsEventDataMap {}
export type EventType = keyof EventDataMap;

/** The payload class of every type's latest version; the catalog tests check it against EVENT_CATALOG. */
export const LATEST_PAYLOADS: { [K in EventType]: new () => EventDataMap[K] } = Object.freeze({
  ...RESERVATIONS_LATEST_PAYLOADS,
  ...CONCIERGE_LATEST_PAYLOADS,
  ...STAFFING_LATEST_PAYLOADS,
  ...BILLING_LATEST_PAYLOADS,
  ...INTEGRATIONS_LATEST_PAYLOADS,
});

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
