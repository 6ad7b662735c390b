import type { ServiceName } from './services';
import { TOPIC_CATALOG, type TopicName } from './topics';

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
export function defineEvent<const Type extends string, T>(definition: {
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

/** The payload class of each type's latest version, typed against a service's event data map. */
export type LatestPayloads<DataMap> = { [K in keyof DataMap]: new () => DataMap[K] };
