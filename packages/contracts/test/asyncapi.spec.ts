import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Parser } from '@asyncapi/parser';
import { IsString } from 'class-validator';
import { buildAsyncApiDocument, EVENT_CATALOG, TOPIC_CATALOG } from '../src';

/** DiagnosticSeverity.Error in @stoplight/types, which the parser reports with. */
const SEVERITY_ERROR = 0;

/** Stands for a service's HTTP DTO that is loaded in the same process; it is not part of the contract. */
class UnrelatedHttpDto {
  @IsString()
  note!: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function resolvePointer(document: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, segment) => (node as Json | undefined)?.[segment], document);
}

function allRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => allRefs(child, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
}

async function errorsOf(document: unknown): Promise<string[]> {
  const diagnostics = await new Parser().validate(document as { asyncapi: string } & Record<string, unknown>);
  return diagnostics
    .filter((diagnostic) => diagnostic.severity === SEVERITY_ERROR)
    .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
}

describe('buildAsyncApiDocument', () => {
  const document = buildAsyncApiDocument() as Json;

  it('is a valid AsyncAPI 3.0.0 document', async () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(await errorsOf(document)).toEqual([]);
  });

  it('is checked by a parser that does report errors', async () => {
    const broken = structuredClone(document);
    broken.operations[`send-${TOPIC_CATALOG[0]?.name}`].action = 'publish';
    expect((await errorsOf(broken)).length).toBeGreaterThan(0);
  });

  it('has a channel with its partition count for every topic, and one for its dead-letter topic', () => {
    for (const topic of TOPIC_CATALOG) {
      expect(document.channels[topic.name]).toMatchObject({
        address: topic.name,
        bindings: { kafka: { topic: topic.name, partitions: topic.partitions } },
      });
      expect(document.channels[topic.dlq]).toMatchObject({ address: topic.dlq });
    }
    expect(Object.keys(document.channels)).toHaveLength(TOPIC_CATALOG.length * 2);
  });

  it('has a send operation for every channel', () => {
    const sentChannels = Object.values(document.operations as Json).map((operation: Json) => {
      expect(operation.action).toBe('send');
      return operation.channel.$ref;
    });
    expect(sentChannels.sort()).toEqual(
      Object.keys(document.channels)
        .map((id) => `#/channels/${id}`)
        .sort(),
    );
  });

  it.each(EVENT_CATALOG.map((definition) => [`${definition.type} v${definition.version}`, definition] as const))(
    'describes %s on its topic, sent by its producer, with its payload schema inside the envelope',
    (_label, definition) => {
      const id = `${definition.type}.v${definition.version}`;
      const message = document.components.messages[id];
      expect(message).toMatchObject({ name: definition.type, summary: definition.summary });
      expect(document.channels[definition.topic].messages[id]).toEqual({ $ref: `#/components/messages/${id}` });
      expect(document.operations[`send-${definition.topic}`].messages).toContainEqual({
        $ref: `#/channels/${definition.topic}/messages/${id}`,
      });

      const [envelope, specifics] = message.payload.allOf;
      expect(envelope).toEqual({ $ref: '#/components/schemas/EventEnvelope' });
      expect(specifics.properties).toEqual({
        type: { const: definition.type },
        version: { const: definition.version },
        source: { const: definition.source },
        data: { $ref: `#/components/schemas/${definition.payload.name}` },
      });
      expect(message.bindings.kafka.key).toMatchObject({ type: 'string', format: 'uuid' });
    },
  );

  it('declares the id, type and traceparent headers', () => {
    const headers = resolvePointer(
      document,
      document.components.messages['reservation.created.v1'].headers.$ref,
    ) as Json;
    expect(Object.keys(headers.properties)).toEqual(['id', 'type', 'traceparent']);
    expect(headers.required).toEqual(['id', 'type']);
  });

  it('resolves every $ref, including nested classes reached through @Type', () => {
    const refs = allRefs(document);
    for (const ref of refs) expect([ref, resolvePointer(document, ref)]).toEqual([ref, expect.anything()]);
    expect(refs).toEqual(
      expect.arrayContaining([
        '#/components/schemas/ReservationGuestV1',
        '#/components/schemas/ReservationNightV1',
        '#/components/schemas/Money',
      ]),
    );
  });

  it('spells out nested rules: integer money and at least one night', () => {
    const { schemas } = document.components;
    expect(schemas.Money.properties.amountMinor.type).toBe('integer');
    expect(schemas.Money.required).toEqual(['amountMinor', 'currency']);
    expect(schemas.ReservationCreatedV1.properties.nights).toEqual({
      type: 'array',
      minItems: 1,
      items: { $ref: '#/components/schemas/ReservationNightV1' },
    });
    expect(schemas.ReservationCreatedV1.properties.arrival).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas.ReservationCreatedV1.required).not.toContain('groupBlockId');
  });

  it('leaves out validated classes that no event uses', () => {
    expect(new UnrelatedHttpDto()).toBeInstanceOf(UnrelatedHttpDto);
    expect(Object.keys(document.components.schemas)).not.toContain(UnrelatedHttpDto.name);
    const schemaNames = Object.keys(document.components.schemas);
    for (const definition of EVENT_CATALOG) expect(schemaNames).toContain(definition.payload.name);
    expect(schemaNames).toEqual(expect.arrayContaining(['EventEnvelope', 'EventHeaders', 'Money']));
    // Every other schema is a nested payload part, reachable from some payload through a $ref.
    const referenced = new Set(
      [...JSON.stringify(document.components.schemas).matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]),
    );
    const payloadNames = new Set(EVENT_CATALOG.map((definition) => definition.payload.name));
    for (const name of schemaNames) {
      if (!payloadNames.has(name) && !['EventEnvelope', 'EventHeaders'].includes(name)) {
        expect({ name, referenced: referenced.has(name) }).toEqual({ name, referenced: true });
      }
    }
  });

  it('matches the committed asyncapi.json', () => {
    const committedPath = join(__dirname, '..', 'asyncapi.json');
    const committed: unknown = JSON.parse(readFileSync(committedPath, 'utf8'));
    const upToDate = isDeepStrictEqual(committed, JSON.parse(JSON.stringify(document)));
    if (!upToDate) {
      throw new Error(`${committedPath} is out of date: run \`npm run asyncapi\` and commit the result.`);
    }
  });
});
