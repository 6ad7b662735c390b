import { getMetadataStorage } from 'class-validator';
import {
  dlqTopicOf,
  EVENT_CATALOG,
  findEventDefinition,
  FolioOpenedV1,
  LATEST_PAYLOADS,
  SERVICE_NAMES,
  TOPIC_CATALOG,
  TOPICS,
  EVENT_TYPE_PATTERN,
} from '../src';

describe('TOPIC_CATALOG', () => {
  it('describes every topic in TOPICS exactly once', () => {
    expect(TOPIC_CATALOG.map((topic) => topic.name).sort()).toEqual(Object.values(TOPICS).sort());
  });

  it('gives each topic 6 partitions, a description and its dead-letter topic', () => {
    for (const topic of TOPIC_CATALOG) {
      expect(topic.partitions).toBe(6);
      expect(topic.description.length).toBeGreaterThan(20);
      expect(topic.dlq).toBe(`${topic.name}.dlq`);
    }
  });

  it('has one topic per producing service', () => {
    expect(TOPIC_CATALOG.map((topic) => topic.producer).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it('cannot be changed at run time by one of its users', () => {
    expect(Object.isFrozen(TOPIC_CATALOG)).toBe(true);
    expect(Object.isFrozen(TOPIC_CATALOG[0])).toBe(true);
  });
});

describe('dlqTopicOf', () => {
  it('appends .dlq', () => {
    expect(dlqTopicOf(TOPICS.billing)).toBe('billing.events.v1.dlq');
  });
});

describe('EVENT_CATALOG', () => {
  it('has each (type, version) once', () => {
    const keys = EVENT_CATALOG.map((definition) => `${definition.type}@${definition.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('publishes each event on a catalogued topic, from that topic’s producer', () => {
    for (const definition of EVENT_CATALOG) {
      const topic = TOPIC_CATALOG.find((candidate) => candidate.name === definition.topic);
      expect(topic).toBeDefined();
      expect(definition.source).toBe(topic?.producer);
    }
  });

  it('uses positive integer versions, well-formed types and a summary for the AsyncAPI document', () => {
    for (const definition of EVENT_CATALOG) {
      expect(Number.isInteger(definition.version) && definition.version >= 1).toBe(true);
      expect(definition.type).toMatch(EVENT_TYPE_PATTERN);
      expect(definition.summary).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('names as subject a validated field of each payload', () => {
    for (const definition of EVENT_CATALOG) {
      const validatedFields = getMetadataStorage()
        .getTargetValidationMetadatas(definition.payload, '', true, false)
        .map((metadata) => metadata.propertyName);
      expect(validatedFields).toContain(definition.subject);
    }
  });

  it('catalogues every EventDataMap type, with the EventDataMap class as its latest version', () => {
    for (const [type, payload] of Object.entries(LATEST_PAYLOADS)) {
      const versions = EVENT_CATALOG.filter((definition) => definition.type === type);
      expect(versions.length).toBeGreaterThan(0);
      const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
      expect(latest.payload).toBe(payload);
    }
  });

  it('has no type that EventDataMap, and so createEvent, leaves out', () => {
    const mapped = Object.keys(LATEST_PAYLOADS);
    for (const definition of EVENT_CATALOG) expect(mapped).toContain(definition.type);
  });
});

describe('findEventDefinition', () => {
  it('finds a catalogued (type, version)', () => {
    expect(findEventDefinition('folio.opened', 1)).toMatchObject({
      topic: TOPICS.billing,
      source: 'billing-bridge',
      payload: FolioOpenedV1,
      subject: 'folioId',
    });
  });

  it('finds nothing for an unknown type or version', () => {
    expect(findEventDefinition('folio.opened', 2)).toBeUndefined();
    expect(findEventDefinition('folio.burned', 1)).toBeUndefined();
  });
});
