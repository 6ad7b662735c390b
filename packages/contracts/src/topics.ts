import type { ServiceName } from './services';

/** One topic per producing service, keyed by propertyId so one property's events stay in order. */
export const TOPICS = {
  reservations: 'reservations.events.v1',
  concierge: 'concierge.events.v1',
  staffing: 'staffing.events.v1',
  billing: 'billing.events.v1',
  integrations: 'integrations.events.v1',
} as const;
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicDefinition {
  name: TopicName;
  producer: ServiceName;
  partitions: number;
  description: string;
  dlq: string;
}

/**
 * Partitions cap the consumer parallelism per service; 6 leaves room to scale out without repartitioning, which
 * would reshuffle keys and break per-property ordering.
 */
const PARTITIONS_PER_TOPIC = 6;

export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

function defineTopic(name: TopicName, producer: ServiceName, description: string): TopicDefinition {
  return Object.freeze({ name, producer, partitions: PARTITIONS_PER_TOPIC, description, dlq: dlqTopicOf(name) });
}

export const TOPIC_CATALOG: readonly TopicDefinition[] = Object.freeze([
  defineTopic(
    TOPICS.reservations,
    'reservations',
    'Properties, room inventory, reservations, stays and guest profiles, as recorded by the reservations service.',
  ),
  defineTopic(
    TOPICS.concierge,
    'concierge',
    'Guest requests, tasks, complaints, messages sent to guests and service charges, from the concierge service.',
  ),
  defineTopic(
    TOPICS.staffing,
    'staffing',
    'Employees, schedules, shifts and coverage alerts, from the staffing service.',
  ),
  defineTopic(
    TOPICS.billing,
    'billing-bridge',
    'Folios, postings, payments, refunds, cashier sessions and journal entries, from the billing bridge.',
  ),
  defineTopic(
    TOPICS.integrations,
    'integrations',
    'Webhook delivery status (subscriptions paused after failures), from the integrations service.',
  ),
]);
