import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { MAX, MIN } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { EVENT_CATALOG, type EventDefinition } from './catalog';
import { EVENT_TYPE_PATTERN, EventEnvelopeShape } from './envelope';
import { TOPIC_CATALOG, type TopicDefinition } from './topics';
import { CUSTOM_CONSTRAINTS } from './validators';

type JsonSchema = Record<string, unknown>;

const SCHEMA_REF_PREFIX = '#/components/schemas/';
const KAFKA_BINDING_VERSION = '0.5.0';
const ENVELOPE_SCHEMA = 'EventEnvelope';
const HEADERS_SCHEMA = 'EventHeaders';
const DEAD_LETTER_MESSAGE = 'dead-letter';

/** W3C Trace Context: version-traceId-parentId-flags. */
const TRACEPARENT_PATTERN = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

const schemaRef = (name: string) => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });
const messageId = (definition: EventDefinition) => `${definition.type}.v${definition.version}`;
const sendOperationId = (channel: string) => `send-${channel}`;

/**
 * Our own constraints have no JSON Schema counterpart the library could guess. Min and Max are redefined because
 * the library adds `type: number` to them, which, depending on decorator order, overwrites `type: integer`.
 */
const SCHEMA_CONVERTERS: ISchemaConverters = {
  [CUSTOM_CONSTRAINTS.localDate]: { type: 'string', format: 'date' },
  [CUSTOM_CONSTRAINTS.afterLocalDate]: (meta) => ({ description: `Strictly after ${String(meta.constraints[0])}.` }),
  [CUSTOM_CONSTRAINTS.ianaTimeZone]: { type: 'string', description: 'IANA time zone name, e.g. Europe/Paris.' },
  [CUSTOM_CONSTRAINTS.languageTag]: { type: 'string', description: 'BCP 47 language tag, e.g. fr or en-GB.' },
  [CUSTOM_CONSTRAINTS.utcInstant]: { type: 'string', format: 'date-time', description: 'UTC, ending in Z.' },
  [CUSTOM_CONSTRAINTS.nonEmptyStringOrNull]: { type: ['string', 'null'], minLength: 1 } as JsonSchema,
  [MIN]: (meta) => ({ minimum: meta.constraints[0] as number }),
  [MAX]: (meta) => ({ maximum: meta.constraints[0] as number }),
};

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON Schema ignores the siblings of a `$ref`; the library leaves some (e.g. `type: object` from @IsObject), and
 * stating rules that no validator applies would only mislead readers of the contract.
 */
function withoutRefSiblings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefSiblings);
  if (!isObject(value)) return value;
  if (typeof value.$ref === 'string') return { $ref: value.$ref };
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withoutRefSiblings(child)]));
}

function referencedSchemaNames(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((child) => referencedSchemaNames(child, found));
  if (!isObject(value)) return found;
  if (typeof value.$ref === 'string' && value.$ref.startsWith(SCHEMA_REF_PREFIX)) {
    found.add(value.$ref.slice(SCHEMA_REF_PREFIX.length));
  }
  Object.values(value).forEach((child) => referencedSchemaNames(child, found));
  return found;
}

/**
 * The library converts every class-validator class loaded in the process, which in a service includes its HTTP
 * DTOs; only the envelope, the payloads and what they reference belong in the contract.
 */
function contractSchemas(): Record<string, JsonSchema> {
  const all = validationMetadatasToSchemas({
    refPointerPrefix: SCHEMA_REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: SCHEMA_CONVERTERS,
  }) as Record<string, JsonSchema>;

  const selected = new Map<string, JsonSchema>();
  const pending = [EventEnvelopeShape.name, ...EVENT_CATALOG.map((definition) => definition.payload.name)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (selected.has(name)) continue;
    const schema = all[name];
    if (!schema) throw new Error(`No JSON Schema generated for ${name}: does the class have validation decorators?`);
    const cleaned = withoutRefSiblings(schema) as JsonSchema;
    selected.set(name, cleaned);
    pending.push(...referencedSchemaNames(cleaned));
  }

  const envelope = selected.get(EventEnvelopeShape.name) as JsonSchema;
  selected.delete(EventEnvelopeShape.name);
  selected.set(ENVELOPE_SCHEMA, {
    ...envelope,
    description: 'CloudEvents-like envelope shared by every event; `data` holds the versioned payload.',
  });
  selected.set(HEADERS_SCHEMA, {
    type: 'object',
    description: 'Kafka headers that repeat envelope fields, so brokers, tools and traces need not parse the value.',
    required: ['id', 'type'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The envelope id.' },
      type: { type: 'string', pattern: EVENT_TYPE_PATTERN.source, description: 'The envelope type.' },
      traceparent: {
        type: 'string',
        pattern: TRACEPARENT_PATTERN,
        description: 'W3C Trace Context of the transaction that produced the event.',
      },
    },
  });
  return Object.fromEntries([...selected.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function partitionKeyBinding(description: string) {
  return {
    kafka: {
      key: { type: 'string', format: 'uuid', description },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

function eventMessage(definition: EventDefinition) {
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: definition.summary,
    description: `Published by ${definition.source} on ${definition.topic}. The envelope subject is data.${definition.subject}.`,
    contentType: 'application/json',
    correlationId: {
      description: 'Shared by every event of one business flow.',
      location: '$message.payload#/correlationId',
    },
    headers: schemaRef(HEADERS_SCHEMA),
    payload: {
      allOf: [
        schemaRef(ENVELOPE_SCHEMA),
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            version: { const: definition.version },
            source: { const: definition.source },
            data: schemaRef(definition.payload.name),
          },
        },
      ],
    },
    bindings: partitionKeyBinding('The envelope propertyId, so that one property’s events stay in order.'),
  };
}

function deadLetterMessage() {
  return {
    name: DEAD_LETTER_MESSAGE,
    title: 'Dead letter',
    summary: 'A message that a consumer could not validate or process within its bounded retries.',
    description:
      'The original key, value and headers, unchanged so the message can be inspected and replayed, plus headers ' +
      'added by the consumer that say why it gave up. The value may not be a valid event at all.',
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    payload: { description: 'The original message value, byte for byte.' },
    bindings: partitionKeyBinding('The original message key (the propertyId of a well-formed event).'),
  };
}

function eventsOnTopic(topic: TopicDefinition): EventDefinition[] {
  return EVENT_CATALOG.filter((definition) => definition.topic === topic.name);
}

function channelsAndOperations() {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};

  for (const topic of TOPIC_CATALOG) {
    const events = eventsOnTopic(topic);
    channels[topic.name] = {
      address: topic.name,
      title: topic.name,
      description: topic.description,
      messages: Object.fromEntries(
        events.map((definition) => [messageId(definition), { $ref: `#/components/messages/${messageId(definition)}` }]),
      ),
      bindings: { kafka: { topic: topic.name, partitions: topic.partitions, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[sendOperationId(topic.name)] = {
      action: 'send',
      channel: { $ref: `#/channels/${topic.name}` },
      title: `${topic.producer} publishes its events`,
      summary: `${topic.producer} publishes to ${topic.name} through its outbox, keyed by propertyId.`,
      messages: events.map((definition) => ({ $ref: `#/channels/${topic.name}/messages/${messageId(definition)}` })),
    };

    channels[topic.dlq] = {
      address: topic.dlq,
      title: topic.dlq,
      description: `Messages from ${topic.name} that a consumer could not process; inspected and replayed from here.`,
      messages: { [DEAD_LETTER_MESSAGE]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE}` } },
      bindings: { kafka: { topic: topic.dlq, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[sendOperationId(topic.dlq)] = {
      action: 'send',
      channel: { $ref: `#/channels/${topic.dlq}` },
      title: `Consumers of ${topic.name} dead-letter a message`,
      summary: `Any consumer of ${topic.name} sends here a message it cannot process, instead of blocking its partition.`,
      messages: [{ $ref: `#/channels/${topic.dlq}/messages/${DEAD_LETTER_MESSAGE}` }],
    };
  }
  return { channels, operations };
}

function packageVersion(): string {
  // src/ and dist/ both sit right under the package root.
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** The AsyncAPI 3.0.0 description of every topic and event, generated from the catalogs and payload classes. */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const { channels, operations } = channelsAndOperations();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Front office events',
      version: packageVersion(),
      description:
        'Events exchanged by the front-office services over Kafka. One topic per producing service, keyed by ' +
        'propertyId; payload changes within a version are additive only, and a breaking change is a new version ' +
        'published beside the old one. Generated from @frontoffice/contracts: do not edit by hand.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'The single-node development broker started by `npm run kafka:start`.',
      },
    },
    channels,
    operations,
    components: {
      schemas: contractSchemas(),
      messages: {
        ...Object.fromEntries(EVENT_CATALOG.map((definition) => [messageId(definition), eventMessage(definition)])),
        [DEAD_LETTER_MESSAGE]: deadLetterMessage(),
      },
    },
  };
}
