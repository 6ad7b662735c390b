import { EventEnvelope, TOPICS, validateEvent } from '@frontoffice/contracts';
import {
  EventProbe,
  eventually,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  testToken,
} from '@frontoffice/platform/testing';
import type { StaffRole } from '@frontoffice/contracts';
import { randomUUID } from 'node:crypto';
import { AppModule, RESERVATIONS_APP } from '../src/app.module';
import { ReservationsEnv } from '../src/config/reservations.env';

/** One running reservations service (real database and broker), a probe on its topic, and set-up shortcuts. */
export class ReservationsHarness {
  service!: RunningTestService;
  probe!: EventProbe;
  readonly admin = testToken(['admin'], ['*']);

  async start(): Promise<this> {
    this.probe = await new EventProbe(testKafka(`reservations-test-${randomUUID()}`), [TOPICS.reservations]).start();
    this.service = await startTestService(
      AppModule.register(testEnv('reservations', ReservationsEnv)),
      RESERVATIONS_APP,
    );
    return this;
  }

  async stop(): Promise<void> {
    await this.probe?.stop();
    await this.service?.shutdown();
  }

  /** The property's events that reached the topic so far, in partition order, each validated against the contracts. */
  events(propertyId: string): EventEnvelope[] {
    return this.probe.messages
      .filter((message) => message.key === propertyId && message.json)
      .map((message) => validateEvent(message.json));
  }

  /** Waits until an event of the property matches, then returns all of the property's events so far. */
  async waitForEvent(propertyId: string, predicate: (event: EventEnvelope) => boolean): Promise<EventEnvelope[]> {
    return eventually(() => {
      const events = this.events(propertyId);
      if (!events.some(predicate)) throw new Error(`no matching event yet (${events.map((e) => e.type).join(', ')})`);
      return events;
    });
  }

  token(roles: StaffRole[], propertyId: string): string {
    return testToken(roles, [propertyId]);
  }

  call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.service.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Calls and parses, failing the test with the problem body when the status is not the expected one. */
  async json<T = Record<string, unknown>>(
    expected: number,
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await this.call(method, path, token, body, headers);
    const text = await response.text();
    if (response.status !== expected) {
      throw new Error(`${method} ${path}: expected ${expected}, got ${response.status} ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * Every row of a list, following `nextCursor` until it is null, `limit` rows a page; fails if a page is larger
   * than `limit` or a short page still has a next one.
   */
  async allPages<T>(path: string, token: string, limit?: number): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = [limit === undefined ? '' : `limit=${limit}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : '']
        .filter(Boolean)
        .join('&');
      const url = query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
      const page: { items: T[]; nextCursor: string | null } = await this.json(200, 'GET', url, token);
      if (limit !== undefined && page.items.length > limit) throw new Error(`${url}: more than ${limit} items`);
      if (page.nextCursor && limit !== undefined && page.items.length < limit) {
        throw new Error(`${url}: a short page with a next cursor`);
      }
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      if (pages > 1000) throw new Error(`${path}: nextCursor never ends`);
    } while (cursor);
    return { items, pages };
  }

  async property(timezone = 'Europe/Paris', currency = 'EUR'): Promise<{ id: string; businessDate: string }> {
    return this.json(201, 'POST', '/v1/properties', this.admin, {
      code: `T${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'Hôtel des Tests',
      timezone,
      currency,
      country: 'FR',
      starRating: 4,
    });
  }

  async roomType(propertyId: string, code = 'DBL', baseRateMinor = 12_900, currency = 'EUR'): Promise<string> {
    const created = await this.json<{ id: string }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/room-types`,
      this.token(['front_office_manager'], propertyId),
      { code, name: `Room ${code}`, maxOccupancy: 3, baseRate: { amountMinor: baseRateMinor, currency } },
    );
    return created.id;
  }

  async rooms(
    propertyId: string,
    roomTypeId: string,
    count: number,
    prefix = '',
  ): Promise<{ id: string; number: string }[]> {
    const body = {
      rooms: Array.from({ length: count }, (_, index) => ({
        number: `${prefix}${String(index + 101)}`,
        roomTypeId,
        floor: 1,
      })),
    };
    const created = await this.json<{ items: { id: string; number: string }[] }>(
      201,
      'POST',
      `/v1/properties/${propertyId}/rooms/bulk`,
      this.token(['front_office_manager'], propertyId),
      body,
    );
    return created.items;
  }

  /** A property with one room type and `rooms` rooms of it. */
  async hotel(
    rooms = 5,
    timezone = 'Europe/Paris',
  ): Promise<{ propertyId: string; businessDate: string; roomTypeId: string }> {
    const property = await this.property(timezone);
    const roomTypeId = await this.roomType(property.id);
    if (rooms > 0) await this.rooms(property.id, roomTypeId, rooms);
    return { propertyId: property.id, businessDate: property.businessDate, roomTypeId };
  }
}

export function booking(roomTypeId: string, arrival = '2027-03-27', departure = '2027-03-30', extra: object = {}) {
  return {
    guest: { firstName: 'Camille', lastName: 'Durand', language: 'fr', vipLevel: 'vip' },
    roomTypeId,
    arrival,
    departure,
    adults: 2,
    ...extra,
  };
}

/** YYYY-MM-DD plus n days, on plain calendar dates (the platform's, re-exported for the specs). */
export { addDays } from '@frontoffice/platform';
