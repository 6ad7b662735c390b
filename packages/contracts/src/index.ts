// Decorators below read and write design-time type metadata, which needs the polyfill before any class loads.
import 'reflect-metadata';

export { SERVICE_NAMES, type ServiceName } from './services';
export { TOPICS, TOPIC_CATALOG, dlqTopicOf, type TopicDefinition, type TopicName } from './topics';
export { EVENT_TYPE_PATTERN, type EventEnvelope } from './envelope';
export { EventValidationError, type ValidationIssue } from './errors';
export { Money } from './money';
export { STAFF_ROLES, VIP_LEVELS, type StaffRole, type VipLevel } from './vocabulary';
export {
  CURRENCY_CODE_PATTERN,
  IsAfterLocalDate,
  IsCountryCode,
  IsCurrencyCode,
  IsIanaTimeZone,
  IsLanguageTag,
  IsLocalDate,
  IsUtcInstant,
  Omittable,
  isIanaTimeZone,
  isLanguageTag,
  isLocalDate,
  isUtcInstant,
} from './validators';
export * from './events/reservations';
export * from './events/concierge';
export * from './events/staffing';
export * from './events/billing';
export * from './events/integrations';
export { defineEvent, type LatestPayloads } from './define-event';
export {
  EVENT_CATALOG,
  LATEST_PAYLOADS,
  findEventDefinition,
  findLatestEventDefinition,
  type EventDataMap,
  type EventDefinition,
  type EventType,
} from './catalog';
export { createEvent, type CreateEventInit } from './create-event';
export { isEventOfType, validateEnvelope, validateEvent } from './validate';
export { buildAsyncApiDocument } from './asyncapi';
