import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import {
  findEventDefinition,
  findLatestEventDefinition,
  type EventDataMap,
  type EventDefinition,
  type EventType,
} from './catalog';
import { ENVELOPE_FIELDS, EventEnvelopeShape, type EventEnvelope } from './envelope';
import { EventValidationError, type ValidationIssue } from './errors';

const VALIDATOR_OPTIONS: ValidatorOptions = {
  // Unknown fields pass: within a version, payloads grow additively, and older consumers must keep working.
  whitelist: false,
  forbidNonWhitelisted: false,
  // Refuses nested values that are not instances of a known class, e.g. after a `__proto__` key in the input.
  forbidUnknownValues: true,
  // Issue paths need each value to tell array indexes from object keys; the target would only leak data.
  validationError: { target: false, value: true },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childPath(parentPath: string, property: string, parentIsArray: boolean): string {
  if (parentIsArray) return `${parentPath}[${property}]`;
  return parentPath === '' ? property : `${parentPath}.${property}`;
}

function toIssues(errors: ValidationError[], parentPath: string, parentValue: unknown): ValidationIssue[] {
  return errors.flatMap((error) => {
    const path = childPath(parentPath, error.property, Array.isArray(parentValue));
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...toIssues(error.children ?? [], path, error.value)];
  });
}

interface EnvelopeCheck {
  envelope: EventEnvelope<unknown> | undefined;
  issues: ValidationIssue[];
}

function checkEnvelope(raw: unknown): EnvelopeCheck {
  if (!isRecord(raw)) return { envelope: undefined, issues: [{ path: '', message: 'an event must be a JSON object' }] };
  // Copying only the known fields drops stray envelope fields and never assigns a `__proto__` key.
  const envelope = Object.fromEntries(
    ENVELOPE_FIELDS.map((field) => [field, raw[field]]),
  ) as unknown as EventEnvelope<unknown>;
  const errors = validateSync(Object.assign(new EventEnvelopeShape(), envelope), VALIDATOR_OPTIONS);
  return { envelope, issues: toIssues(errors, '', envelope) };
}

function errorContext(raw: unknown): string {
  if (!isRecord(raw)) return 'Invalid event';
  const type = typeof raw.type === 'string' ? raw.type : '?';
  const version = typeof raw.version === 'number' ? `v${raw.version}` : 'v?';
  const id = typeof raw.id === 'string' ? ` ${raw.id}` : '';
  return `Invalid event ${type} ${version}${id}`;
}

function payloadIssues(definition: EventDefinition, envelope: EventEnvelope<unknown>): ValidationIssue[] {
  const data = envelope.data as Record<string, unknown>;
  const payload = plainToInstance(definition.payload, data) as object;
  const issues = toIssues(validateSync(payload, VALIDATOR_OPTIONS), 'data', data);

  // The envelope repeats these so consumers can route and deduplicate without reading the payload; a mismatch
  // means the producer wired the envelope wrongly, and the event cannot be trusted either way.
  if (envelope.source !== definition.source) {
    issues.push({ path: 'source', message: `${definition.type} is published by ${definition.source} only` });
  }
  const subjectInData = data[definition.subject];
  if (typeof subjectInData === 'string' && subjectInData !== envelope.subject) {
    issues.push({ path: 'subject', message: `subject must equal data.${definition.subject}` });
  }
  return issues;
}

/** Checks the envelope only, so a consumer can route, deduplicate or dead-letter before knowing the payload. */
export function validateEnvelope(raw: unknown): EventEnvelope<unknown> {
  const { envelope, issues } = checkEnvelope(raw);
  if (!envelope || issues.length > 0) throw new EventValidationError(issues, errorContext(raw));
  return envelope;
}

/**
 * Checks the envelope, that (type, version) is in the catalog and the payload against its class. `data` comes
 * back as the plain object that was given, unknown fields included, never as a class instance.
 */
export function validateEvent(raw: unknown): EventEnvelope<unknown> {
  const { envelope, issues } = checkEnvelope(raw);
  if (!envelope) throw new EventValidationError(issues, errorContext(raw));

  const typeAndVersionAreWellFormed = !issues.some((issue) => issue.path === 'type' || issue.path === 'version');
  if (typeAndVersionAreWellFormed) {
    const definition = findEventDefinition(envelope.type, envelope.version);
    if (!definition) {
      issues.push({ path: 'type', message: `unknown event ${envelope.type} version ${envelope.version}` });
    } else if (isRecord(envelope.data)) {
      issues.push(...payloadIssues(definition, envelope));
    }
  }

  if (issues.length > 0) throw new EventValidationError(issues, errorContext(raw));
  return envelope;
}

/**
 * Narrows to the payload of the latest version of `type`, which is what EventDataMap describes; an older version
 * of the same type is not narrowed, because its payload may have a different shape.
 */
export function isEventOfType<K extends EventType>(
  event: EventEnvelope<unknown>,
  type: K,
): event is EventEnvelope<EventDataMap[K]> {
  return event.type === type && event.version === findLatestEventDefinition(type)?.version;
}
