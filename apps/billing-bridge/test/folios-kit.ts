import {
  createEvent,
  TOPICS,
  type EventDataMap,
  type EventEnvelope,
  type EventType,
  type StaffRole,
} from '@frontoffice/contracts';
import {
  EventProbe,
  eventually as eventuallyWithin,
  ProbedMessage,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  testToken,
} from '@frontoffice/platform/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AppModule, BILLING_APP } from '../src/app.module';
import { BillingEnv } from '../src/config/billing.env';

/**
 * Every billing test service consumes every event the machine's tests produce on the shared topics, so under a
 * loaded CI run an event can take seconds to be applied: wait up to 30 s (an upper bound, not a timed assertion).
 */
export const EVENT_WAIT_MS = 30_000;

export function eventually<T>(assertion: () => Promise<T> | T): Promise<T> {
  return eventuallyWithin(assertion, { timeoutMs: EVENT_WAIT_MS });
}

/** Shared by the folio-side integration specs: the real service, the real broker, contract-valid events. */
export interface BillingHarness {
  service: RunningTestService;
  producer: Producer;
  probe: EventProbe;
  /** The first message on the billing topic matching `predicate`, waiting up to EVENT_WAIT_MS. */
  waitFor(predicate: (message: ProbedMessage) => boolean): Promise<ProbedMessage>;
  stop(): Promise<void>;
}

export async function startBilling(): Promise<BillingHarness> {
  const kafka = testKafka('billing-folios-test');
  const probe = await new EventProbe(kafka, [TOPICS.billing]).start();
  const service = await startTestService(AppModule.register(testEnv('billing-bridge', BillingEnv)), BILLING_APP);
  const producer = kafka.producer();
  await producer.connect();
  return {
    service,
    producer,
    probe,
    waitFor: (predicate) => probe.waitFor(predicate, EVENT_WAIT_MS),
    async stop() {
      await producer.disconnect();
      await probe.stop();
      await service.shutdown();
    },
  };
}

const TOPIC_OF: Partial<Record<EventType, string>> = {
  'concierge.service-charged': TOPICS.concierge,
  'concierge.compensation-granted': TOPICS.concierge,
};

/** Produces events as their producing service would: keyed by property, id and type in the headers. */
export async function produce(producer: Producer, ...events: EventEnvelope[]): Promise<void> {
  for (const event of events) {
    await producer.send({
      topic: TOPIC_OF[event.type as EventType] ?? TOPICS.reservations,
      messages: [{ key: event.propertyId, value: JSON.stringify(event), headers: { id: event.id, type: event.type } }],
    });
  }
}

export function event<K extends EventType>(
  type: K,
  propertyId: string,
  subject: string,
  data: EventDataMap[K],
): EventEnvelope<EventDataMap[K]> {
  return createEvent(type, { propertyId, subject, data });
}

export const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

export interface Stay {
  propertyId: string;
  reservationId: string;
  roomId: string;
  arrival: string;
  departure: string;
}

export function newStay(propertyId: string = randomUUID(), arrival = '2027-03-10', departure = '2027-03-12'): Stay {
  return { propertyId, reservationId: randomUUID(), roomId: randomUUID(), arrival, departure };
}

export function propertyCreated(propertyId: string, code: string, businessDate = '2027-03-10') {
  return event('property.created', propertyId, propertyId, {
    propertyId,
    code,
    name: `Hotel ${code}`,
    timezone: 'Europe/Paris',
    currency: 'EUR',
    country: 'FR',
    businessDate,
    roomCount: 40,
  });
}

export function reservationCreated(stay: Stay, nightlyRate = 12_000) {
  return event('reservation.created', stay.propertyId, stay.reservationId, {
    reservationId: stay.reservationId,
    confirmationNumber: 'CNF-' + stay.reservationId.slice(0, 6).toUpperCase(),
    status: 'confirmed',
    guest: { firstName: 'Camille', lastName: 'Durand', language: 'fr', vipLevel: 'none' },
    roomTypeId: randomUUID(),
    arrival: stay.arrival,
    departure: stay.departure,
    adults: 2,
    children: 0,
    totalPrice: eur(nightlyRate * 2),
    nights: [
      { date: stay.arrival, price: eur(nightlyRate) },
      { date: stay.departure, price: eur(nightlyRate) },
    ],
  });
}

export function roomNightPosted(stay: Stay, businessDate: string, rate = 12_000) {
  return event('night-audit.room-night-posted', stay.propertyId, stay.reservationId, {
    reservationId: stay.reservationId,
    confirmationNumber: 'CNF-1',
    businessDate,
    roomId: stay.roomId,
    roomNumber: '101',
    roomTypeId: randomUUID(),
    roomTypeCode: 'DBL',
    rate: eur(rate),
    adults: 2,
    children: 0,
  });
}

export function serviceCharged(stay: Stay, amountMinor: number, chargeId = randomUUID()) {
  return event('concierge.service-charged', stay.propertyId, chargeId, {
    chargeId,
    reservationId: stay.reservationId,
    chargeType: 'local_booking',
    description: 'Opera tickets',
    amount: eur(amountMinor),
    chargedBy: 'concierge-7',
    chargedAt: new Date().toISOString(),
  });
}

export function checkedIn(stay: Stay) {
  return event('stay.checked-in', stay.propertyId, stay.reservationId, {
    reservationId: stay.reservationId,
    confirmationNumber: 'CNF-1',
    roomId: stay.roomId,
    roomNumber: '101',
    roomTypeId: randomUUID(),
    bookedRoomTypeId: randomUUID(),
    upgraded: false,
    guest: { firstName: 'Camille', lastName: 'Durand', vipLevel: 'none' },
    arrival: stay.arrival,
    departure: stay.departure,
    adults: 2,
    children: 0,
    businessDate: stay.arrival,
    checkedInAt: new Date().toISOString(),
  });
}

export function checkedOut(stay: Stay) {
  return event('stay.checked-out', stay.propertyId, stay.reservationId, {
    reservationId: stay.reservationId,
    confirmationNumber: 'CNF-1',
    roomId: stay.roomId,
    roomNumber: '101',
    arrival: stay.arrival,
    departure: stay.departure,
    early: false,
    businessDate: stay.departure,
    checkedOutAt: new Date().toISOString(),
  });
}

export function nightAuditCompleted(propertyId: string, businessDate: string, nextBusinessDate: string) {
  const auditId = randomUUID();
  return event('night-audit.completed', propertyId, auditId, {
    auditId,
    businessDate,
    nextBusinessDate,
    roomsTotal: 40,
    roomsOutOfOrder: 0,
    roomsAvailable: 40,
    roomsSold: 1,
    roomRevenue: eur(12_000),
    arrivals: 1,
    departures: 0,
    noShows: 0,
    groupRoomNightsReleased: 0,
    completedAt: new Date().toISOString(),
  });
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A caller with roles on properties; `sub` distinguishes agents (tills, four-eyes rules). */
export function caller(service: RunningTestService, roles: StaffRole[], properties: string[], sub?: string) {
  const token = testToken(roles, properties, sub ?? `agent-${randomUUID().slice(0, 8)}`);
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}, key?: string) =>
      call<T>('POST', path, body, key),
    put: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}

export type Caller = ReturnType<typeof caller>;

/** The fields a problem+json 400 names, sorted. */
export function fieldsOf(answer: ApiAnswer): string[] {
  const errors = (answer.body.errors ?? []) as Array<{ field: string }>;
  return [...new Set(errors.map((error) => error.field))].sort();
}

export interface FolioSummary {
  id: string;
  reservationId: string;
  balance: { amountMinor: number; currency: string };
  status: string;
}

export interface FolioDetail extends FolioSummary {
  postings: Array<Record<string, unknown> & { amount: { amountMinor: number }; source: string }>;
  payments: Array<Record<string, unknown> & { amount: { amountMinor: number }; refunded: { amountMinor: number } }>;
}

/** Waits until the stay's guest folio exists (its reservation.created was consumed) and returns it. */
export async function guestFolio(api: Caller, stay: Stay): Promise<FolioSummary> {
  return eventually(async () => {
    const list = await api.get<{ items: FolioSummary[] }>(
      `/v1/properties/${stay.propertyId}/folios?reservationId=${stay.reservationId}`,
    );
    expect(list.body.items).toHaveLength(1);
    return list.body.items[0];
  });
}

/** Waits until billing knows the property (its property.created was consumed). */
export async function knownProperty(api: Caller, propertyId: string, code: string): Promise<void> {
  await eventually(async () =>
    expect((await api.get(`/v1/properties/${propertyId}/billing-settings`)).body.code).toBe(code),
  );
}
