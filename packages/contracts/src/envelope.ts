import { IsIn, IsInt, IsObject, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { SERVICE_NAMES, type ServiceName } from './services';
import { IsNonEmptyStringOrNull, IsUtcInstant } from './validators';

/** What every service puts on Kafka: a CloudEvents-like envelope around a versioned payload. */
export interface EventEnvelope<TData = unknown> {
  /** uuid v4; consumers record it in their inbox so a redelivered event has no second effect. */
  id: string;
  /** What happened, e.g. 'reservation.created'. */
  type: string;
  /** Major version of `data`; a breaking payload change is a new version published beside the old one. */
  version: number;
  source: ServiceName;
  /** ISO-8601 UTC instant at which the change was committed. */
  time: string;
  /** Also the Kafka message key, so one property's events keep their order. */
  propertyId: string;
  /** Id of the aggregate the event is about, e.g. the reservation id. */
  subject: string;
  /** Shared by every event and request of one business flow; the first event of a flow uses its own id. */
  correlationId: string;
  /** Id of the event that caused this one, or null when a person or a schedule did. */
  causationId: string | null;
  data: TData;
}

/** `<noun>.<past-tense verb>`, lower case, words joined by '-' or '_', e.g. 'reservation.created' or 'night-audit.room-night-posted'. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/** Generous enough for any request or trace id scheme, small enough to bound what lands in inbox tables. */
const MAX_REFERENCE_LENGTH = 200;

/** The envelope's fields in wire order; validation copies only these, so stray envelope fields are dropped. */
export const ENVELOPE_FIELDS = [
  'id',
  'type',
  'version',
  'source',
  'time',
  'propertyId',
  'subject',
  'correlationId',
  'causationId',
  'data',
] as const satisfies readonly (keyof EventEnvelope)[];

/**
 * The validation rules of {@link EventEnvelope}, and the source of its JSON Schema in the AsyncAPI document.
 * Not exported from the package: code should depend on the interface, not on this class.
 */
export class EventEnvelopeShape implements EventEnvelope<Record<string, unknown>> {
  @IsUUID('4')
  id!: string;

  @IsString()
  @Matches(EVENT_TYPE_PATTERN, { message: 'type must look like reservation.created' })
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(SERVICE_NAMES)
  source!: ServiceName;

  @IsUtcInstant()
  time!: string;

  @IsUUID()
  propertyId!: string;

  @IsString()
  @Length(1, MAX_REFERENCE_LENGTH)
  subject!: string;

  @IsString()
  @Length(1, MAX_REFERENCE_LENGTH)
  correlationId!: string;

  @IsNonEmptyStringOrNull()
  causationId!: string | null;

  @IsObject()
  data!: Record<string, unknown>;
}
