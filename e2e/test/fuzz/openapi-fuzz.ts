/**
 * A small request generator driven by a service's OpenAPI document: for every operation it builds requests that are
 * nearly right (every required field, values inside the documented ranges) and then breaks one thing — a wrong
 * type, a huge string or array, an out-of-range number or date, an unknown field, malformed JSON, an odd id,
 * cursor or Idempotency-Key. Everything comes from one seeded PRNG, so a seed replays the same run.
 */

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  nullable?: boolean;
  additionalProperties?: boolean | SchemaObject;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }>; required?: boolean };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface FuzzOperation {
  method: string;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  body?: SchemaObject;
  takesIdempotencyKey: boolean;
}

export interface FuzzRequest {
  operation: FuzzOperation;
  method: string;
  /** Path and query string, to append to the service's base URL. */
  url: string;
  headers: Record<string, string>;
  /** Raw text sent as the body (malformed on purpose at times), or undefined for none. */
  body?: string;
  /** What this request breaks, for the failure report. */
  mutation: string;
}

/** mulberry32: tiny, fast and good enough to pick test values; the whole run follows from its seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  uuid(): string {
    const hex = () => this.int(0, 15).toString(16);
    const block = (n: number) => Array.from({ length: n }, hex).join('');
    return `${block(8)}-${block(4)}-4${block(3)}-${this.pick(['8', '9', 'a', 'b'])}${block(3)}-${block(12)}`;
  }
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
        takesIdempotencyKey: parameters.some(
          (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
        ),
      });
    }
  }
  return operations;
}

/** Values that break a field of any type. */
const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  -0.000001,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  9007199254740991,
  '',
  ' ',
  'NaN',
  'Infinity',
  '1e309',
  '0x10',
  '-1',
  '0000-01-01',
  '9999-12-31',
  '1000-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '2027-03-10T99:00:00Z',
  '24:61',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '4111 1111 1111 1111',
  '4111111111111111 1228',
  '4111.1111.1111.1111',
  "'; DROP TABLE reservation; --",
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
  '🙂'.repeat(50),
  'ÆØÅ-名前-اسم',
  {},
  [],
  [null],
  { $gt: '' },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
];

const ODD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '1',
  '-1',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '%00',
  '%2e%2e%2f%2e%2e',
  '%E2%80%AE',
  'a'.repeat(300),
  "'%20OR%201=1--",
  'null',
  'undefined',
];

function badCursor(rng: Rng): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return rng.pick([
    encode(['2027-03-10T99:15:02.123456Z', rng.uuid()]),
    encode(['0000-01-01', rng.uuid()]),
    encode(['9999-12-31T23:59:59Z', rng.uuid()]),
    encode([rng.uuid()]),
    encode(['2027-03-10T09:15:02Z', 'not-a-uuid']),
    encode([1e308, rng.uuid()]),
    encode({ a: 1 }),
    encode(null),
    encode(['x'.repeat(2000)]),
    encode(Array.from({ length: 50 }, () => 1)),
    'not base64 at all!',
    '%%%',
    'W10',
    Buffer.from('{"unterminated').toString('base64url'),
  ]);
}

/** Percent-encodes, sending a lone surrogate as the invalid UTF-8 it would be (a hostile value in its own right). */
function encodeQuery(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}

export class RequestGenerator {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly rng: Rng,
    /** Ids that exist (a seeded property): requests then reach the code behind validation more often. */
    private readonly knownIds: Record<string, string> = {},
  ) {}

  private resolve(schema: SchemaObject | undefined, depth = 0): SchemaObject {
    if (!schema || depth > 8) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      return this.resolve(this.document.components?.schemas?.[name], depth + 1);
    }
    if (schema.allOf) {
      const parts = schema.allOf.map((part) => this.resolve(part, depth + 1));
      return {
        ...Object.assign({}, ...parts),
        ...schema,
        allOf: undefined,
        properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), schema.properties ?? {}),
        required: [...parts.flatMap((part) => part.required ?? []), ...(schema.required ?? [])],
      };
    }
    if (schema.oneOf || schema.anyOf) return this.resolve(this.rng.pick((schema.oneOf ?? schema.anyOf)!), depth + 1);
    return schema;
  }

  /** A value the schema accepts, as far as the document tells. */
  valid(raw: SchemaObject | undefined, name = '', depth = 0): unknown {
    const schema = this.resolve(raw);
    const rng = this.rng;
    if (schema.enum && schema.enum.length > 0) return rng.pick(schema.enum);
    if (schema.example !== undefined && rng.chance(0.5)) return schema.example;
    const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
    switch (type) {
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? 0;
        const max = Math.min(schema.maximum ?? min + 100, min + 1000);
        return rng.int(Math.ceil(min), Math.floor(max));
      }
      case 'boolean':
        return rng.chance(0.5);
      case 'array': {
        if (depth > 4) return [];
        const count = rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 2, 3));
        return Array.from({ length: count }, () => this.valid(schema.items, name, depth + 1));
      }
      case 'object': {
        if (depth > 4) return {};
        const result: Record<string, unknown> = {};
        const required = new Set(schema.required ?? []);
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          if (required.has(key) || rng.chance(0.5)) result[key] = this.valid(property, key, depth + 1);
        }
        return result;
      }
      default:
        return this.validString(schema, name);
    }
  }

  private validString(schema: SchemaObject, name: string): string {
    const rng = this.rng;
    if (this.knownIds[name] && rng.chance(0.7)) return this.knownIds[name]!;
    if (schema.format === 'uuid' || /Id$/.test(name)) return rng.uuid();
    if (schema.format === 'date' || /(date|Date|^from$|^to$|arrival|departure|asOf)/.test(name)) {
      return `202${rng.int(6, 8)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
    }
    if (schema.format === 'date-time') return new Date(Date.UTC(2027, rng.int(0, 11), rng.int(1, 28))).toISOString();
    if (schema.format === 'email') return `guest${rng.int(1, 999)}@example.com`;
    const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12));
    return 'Fz' + 'x'.repeat(Math.max(0, length - 2));
  }

  /** A value that breaks the field: a wrong type, something huge, out of range, or plain hostile. */
  hostile(raw: SchemaObject | undefined): unknown {
    const schema = this.resolve(raw);
    const rng = this.rng;
    const roll = rng.int(0, 9);
    if (roll === 0) return 'x'.repeat(rng.pick([1001, 10_001, 100_001]));
    if (roll === 1) return Array.from({ length: rng.pick([101, 1001, 20_000]) }, () => rng.pick(['x', 1, {}]));
    if (roll === 2 && (schema.type === 'integer' || schema.type === 'number')) {
      return rng.pick([
        (schema.maximum ?? 2 ** 53) + 1,
        (schema.minimum ?? -(2 ** 53)) - 1,
        0.5,
        2 ** 53 - 1,
        -(2 ** 53) + 1,
        String(schema.minimum ?? 1),
      ]);
    }
    if (roll === 3) {
      let nested: unknown = 'deep';
      for (let level = 0; level < rng.pick([50, 500]); level += 1) nested = { a: nested };
      return nested;
    }
    return rng.pick(HOSTILE_VALUES);
  }

  private pathValue(parameter: Parameter): string {
    const rng = this.rng;
    const known = this.knownIds[parameter.name];
    const roll = rng.next();
    if (known && roll < 0.6) return known;
    if (roll < 0.8) {
      const schema = this.resolve(parameter.schema);
      const value = this.valid(schema, parameter.name);
      return encodeURIComponent(String(value));
    }
    return rng.pick(ODD_IDS);
  }

  private queryString(operation: FuzzOperation, mutate: boolean): { text: string; mutation?: string } {
    const rng = this.rng;
    const pairs: [string, string][] = [];
    let mutation: string | undefined;
    const target = mutate && operation.query.length > 0 ? rng.pick(operation.query) : undefined;
    for (const parameter of operation.query) {
      const include = parameter.required || rng.chance(0.4) || parameter === target;
      if (!include) continue;
      let value: string;
      if (parameter === target) {
        const hostile =
          parameter.name === 'cursor' && rng.chance(0.7) ? badCursor(rng) : this.hostile(parameter.schema);
        value = typeof hostile === 'string' ? hostile : (JSON.stringify(hostile) ?? 'undefined');
        mutation = `query ${parameter.name}=${value.slice(0, 60)}`;
        if (rng.chance(0.2)) pairs.push([parameter.name, 'second-value']);
      } else {
        const generated = this.valid(parameter.schema, parameter.name);
        value = Array.isArray(generated) ? generated.join(',') : String(generated);
      }
      pairs.push([parameter.name, value]);
    }
    if (mutate && (!target || rng.chance(0.15))) {
      pairs.push([rng.pick(['unknownParam', '__proto__', 'constructor[prototype]', 'limit[]']), 'x']);
      mutation ??= 'unknown query parameter';
    }
    const text = pairs.map(([key, value]) => `${encodeQuery(key)}=${encodeQuery(value)}`).join('&');
    return { text, mutation };
  }

  private idempotencyKey(): { value?: string; odd: boolean } {
    const rng = this.rng;
    const roll = rng.next();
    if (roll < 0.5) return { value: rng.uuid(), odd: false };
    if (roll < 0.6) return { value: undefined, odd: false };
    return {
      value: rng.pick(['', ' ', 'x'.repeat(300), 'x'.repeat(5000), '\t', 'a b c', '../../etc', '%00', '0', 'null']),
      odd: true,
    };
  }

  /** The next request for an operation; about one in eight is left valid-looking. */
  next(operation: FuzzOperation): FuzzRequest {
    const rng = this.rng;
    const mutations: string[] = [];
    let path = operation.path;
    for (const parameter of operation.pathParams) {
      const value = this.pathValue(parameter);
      if (!this.knownIds[parameter.name] || value !== this.knownIds[parameter.name]) {
        mutations.push(`path ${parameter.name}=${value.slice(0, 40)}`);
      }
      path = path.replace(`{${parameter.name}}`, value);
    }
    const kind = rng.int(0, 7);
    const query = this.queryString(operation, kind === 1 || (kind === 0 && !operation.body));
    if (query.mutation) mutations.push(query.mutation);
    const headers: Record<string, string> = {};
    if (operation.takesIdempotencyKey || rng.chance(0.1)) {
      const key = this.idempotencyKey();
      if (key.value !== undefined) headers['idempotency-key'] = key.value;
      if (key.odd) mutations.push(`Idempotency-Key ${JSON.stringify(key.value?.slice(0, 20))}`);
    }
    let body: string | undefined;
    if (operation.body || operation.method !== 'GET') {
      headers['content-type'] = 'application/json';
      const schema = this.resolve(operation.body);
      const value = operation.body ? this.valid(schema) : {};
      if (kind === 2 && value && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(schema.properties ?? {});
        const field = keys.length > 0 ? rng.pick(keys) : 'anything';
        (value as Record<string, unknown>)[field] = this.hostile(schema.properties?.[field]);
        mutations.push(`body.${field} hostile`);
        body = JSON.stringify(value);
      } else if (kind === 3 && value && typeof value === 'object') {
        this.breakNested(value as Record<string, unknown>, schema, mutations);
        body = JSON.stringify(value);
      } else if (kind === 4) {
        (value as Record<string, unknown>)[rng.pick(['unknownField', 'isAdmin', '__proto__', 'id'])] = 'x';
        mutations.push('unknown body field');
        body = JSON.stringify(value);
      } else if (kind === 5) {
        body = rng.pick(['{', '{"a":', 'nul', '[1,2', '{"a":1}}', '\u0000', '{"a":"\\x"}', "{'a':1}", 'undefined']);
        mutations.push(`malformed JSON ${JSON.stringify(body)}`);
      } else if (kind === 6) {
        body = JSON.stringify(rng.pick([[], 'text', 42, null, true, [{}], { ...{} }]));
        mutations.push(`body of another type ${body}`);
      } else {
        body = JSON.stringify(value ?? {});
      }
    }
    const separator = query.text ? `?${query.text}` : '';
    return {
      operation,
      method: operation.method,
      url: `${path}${separator}`,
      headers,
      body,
      mutation: mutations.join('; ') || 'none',
    };
  }

  /** Breaks one field one or two levels down (a guest's name, a line's amount), where top-level fuzzing never looks. */
  private breakNested(value: Record<string, unknown>, schema: SchemaObject, mutations: string[]): void {
    const rng = this.rng;
    const nestedKeys = Object.entries(schema.properties ?? {}).filter(([key]) => {
      const inner = value[key];
      return inner !== null && typeof inner === 'object';
    });
    if (nestedKeys.length === 0) {
      const keys = Object.keys(schema.properties ?? {});
      const field = keys.length > 0 ? rng.pick(keys) : 'anything';
      value[field] = this.hostile(schema.properties?.[field]);
      mutations.push(`body.${field} hostile`);
      return;
    }
    const [key, property] = rng.pick(nestedKeys);
    const resolved = this.resolve(property);
    const inner = value[key];
    const container = Array.isArray(inner) ? inner[0] : inner;
    const innerSchema = this.resolve(Array.isArray(inner) ? resolved.items : resolved);
    if (container && typeof container === 'object') {
      const innerKeys = Object.keys(innerSchema.properties ?? {});
      const field = innerKeys.length > 0 ? rng.pick(innerKeys) : 'anything';
      (container as Record<string, unknown>)[field] = this.hostile(innerSchema.properties?.[field]);
      mutations.push(`body.${key}.${field} hostile`);
    } else {
      value[key] = this.hostile(property);
      mutations.push(`body.${key} hostile`);
    }
  }
}
