import { createEvent, EventDataMap, EventEnvelope, EventType, StaffRole, TOPICS } from '@frontoffice/contracts';
import { RunningTestService, startTestService, testEnv, testKafka, testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { AppModule, CONCIERGE_APP } from '../src/app.module';
import { ConciergeEnv } from '../src/config/concierge.env';

export const kafka = testKafka('concierge-test');

export function startConcierge(overrides: Record<string, string> = {}): Promise<RunningTestService> {
  return startTestService(
    AppModule.register(
      testEnv('concierge', ConciergeEnv, {
        ESCALATION_INTERVAL_MS: '200',
        ESCALATION_ENABLED: 'true',
        // Suites share the test database: only the guest-mail suite delivers and schedules e-mail, so no other
        // suite's worker claims its messages.
        MAIL_DELIVERY_ENABLED: 'false',
        MAIL_SCHEDULER_ENABLED: 'false',
        ...overrides,
      }),
    ),
    CONCIERGE_APP,
  );
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
}

/** A caller of the HTTP API with one token. */
export function client(service: { url: string }, roles: StaffRole[], properties: string[], sub?: string) {
  const token = testToken(roles, properties, sub);
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, headers),
    put: <T = Record<string, unknown>>(path: string, body?: unknown) => call<T>('PUT', path, body ?? {}),
  };
}

export type Client = ReturnType<typeof client>;

export type Items<T = Record<string, unknown>> = { items: T[]; nextCursor: string | null };

/** Produces contract-valid events on the real broker, the way reservations and staffing publish them. */
export class Broker {
  private producer?: Producer;

  async start(): Promise<this> {
    this.producer = kafka.producer();
    await this.producer.connect();
    return this;
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  async publish<K extends EventType>(
    type: K,
    propertyId: string,
    subject: string,
    data: EventDataMap[K],
    times = 1,
  ): Promise<EventEnvelope<EventDataMap[K]>> {
    const event = createEvent(type, { propertyId, subject, data });
    const topic = type === 'employee.updated' ? TOPICS.staffing : TOPICS.reservations;
    const message = { key: propertyId, value: JSON.stringify(event), headers: { id: event.id, type: event.type } };
    for (let i = 0; i < times; i += 1) await this.producer!.send({ topic, messages: [message] });
    return event;
  }

  employee(
    propertyId: string,
    employeeId: string,
    roles: Array<'porter' | 'concierge' | 'front_desk' | 'front_office_manager'>,
  ) {
    return this.publish('employee.updated', propertyId, employeeId, {
      employeeId,
      name: `Employee ${employeeId}`,
      roles,
      languages: ['en'],
      active: true,
      propertyId,
    });
  }

  propertyCreated(propertyId: string, currency = 'EUR') {
    return this.publish('property.created', propertyId, propertyId, {
      propertyId,
      code: 'TST',
      name: 'Hôtel du Test',
      timezone: 'Europe/Paris',
      currency,
      country: 'FR',
      businessDate: '2027-01-10',
    });
  }

  reservationCreated(
    propertyId: string,
    guest: { firstName?: string; lastName?: string; language?: string; vipLevel?: 'none' | 'vip' | 'vvip' } = {},
    reservationId = randomUUID(),
  ) {
    return this.publish('reservation.created', propertyId, reservationId, {
      reservationId,
      confirmationNumber: 'CNF12345',
      status: 'confirmed',
      guest: {
        firstName: guest.firstName ?? 'Camille',
        lastName: guest.lastName ?? 'Durand',
        ...(guest.language ? { language: guest.language } : {}),
        vipLevel: guest.vipLevel ?? 'none',
      },
      roomTypeId: randomUUID(),
      arrival: '2027-01-10',
      departure: '2027-01-12',
      adults: 2,
      children: 0,
      totalPrice: { amountMinor: 36_000, currency: 'EUR' },
      nights: [
        { date: '2027-01-10', price: { amountMinor: 18_000, currency: 'EUR' } },
        { date: '2027-01-11', price: { amountMinor: 18_000, currency: 'EUR' } },
      ],
    });
  }

  checkedIn(
    propertyId: string,
    reservationId: string,
    roomNumber: string,
    guest: {
      guestId?: string;
      firstName?: string;
      lastName?: string;
      language?: string;
      vipLevel?: 'none' | 'vip' | 'vvip';
    } = {},
    times = 1,
  ) {
    const roomTypeId = randomUUID();
    return this.publish(
      'stay.checked-in',
      propertyId,
      reservationId,
      {
        reservationId,
        confirmationNumber: 'CNF12345',
        roomId: randomUUID(),
        roomNumber,
        roomTypeId,
        bookedRoomTypeId: roomTypeId,
        upgraded: false,
        guest: {
          ...(guest.guestId ? { guestId: guest.guestId } : {}),
          firstName: guest.firstName ?? 'Camille',
          lastName: guest.lastName ?? 'Durand',
          ...(guest.language ? { language: guest.language } : {}),
          vipLevel: guest.vipLevel ?? 'none',
        },
        arrival: '2027-01-10',
        departure: '2027-01-12',
        adults: 2,
        children: 0,
        businessDate: '2027-01-10',
        checkedInAt: new Date().toISOString(),
      },
      times,
    );
  }

  roomMoved(propertyId: string, reservationId: string, from: string, to: string) {
    return this.publish('stay.room-moved', propertyId, reservationId, {
      reservationId,
      fromRoomId: randomUUID(),
      fromRoomNumber: from,
      toRoomId: randomUUID(),
      toRoomNumber: to,
      roomTypeId: randomUUID(),
      businessDate: '2027-01-11',
      movedAt: new Date().toISOString(),
    });
  }

  guestProfile(propertyId: string, guestId: string, vipLevel: 'none' | 'vip' | 'vvip', language?: string) {
    return this.publish('guest.profile-updated', propertyId, guestId, {
      guestId,
      firstName: 'Maria',
      lastName: 'Callas',
      ...(language ? { language } : {}),
      vipLevel,
      changes: ['vipLevel'],
      erased: false,
    });
  }

  checkedOut(propertyId: string, reservationId: string, roomNumber: string) {
    return this.publish('stay.checked-out', propertyId, reservationId, {
      reservationId,
      confirmationNumber: 'CNF12345',
      roomId: randomUUID(),
      roomNumber,
      arrival: '2027-01-10',
      departure: '2027-01-12',
      early: false,
      businessDate: '2027-01-12',
      checkedOutAt: new Date().toISOString(),
    });
  }
}
