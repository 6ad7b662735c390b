import { addDays } from '@frontoffice/platform';
import { testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** One HTTP answer as the client saw it (status 0: no answer at all, e.g. the process was killed). */
export interface Answer {
  at: number;
  service: string;
  method: string;
  path: string;
  status: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
}

// Answers are checked at run time by the suite; typing every service's views here would duplicate them.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How long one step may keep retrying through a fault before the traffic gives up and fails the suite. */
const STEP_DEADLINE_MS = 90_000;
const RETRY_PAUSE_MS = 300;

/**
 * A steady front desk: for each property, day after day, guests book, check in, the night audit closes the day,
 * they check out and housekeeping cleans their rooms. Every step is retried through faults with the same
 * Idempotency-Key until it succeeds, as a careful client would; every answer is recorded.
 */
export class FrontDeskTraffic {
  readonly answers: Answer[] = [];
  /** Every booking the desk made (the id reservations answered). */
  readonly bookings = new Set<string>();
  readonly properties: string[] = [];
  private readonly businessDates = new Map<string, string>();
  private readonly roomTypes = new Map<string, string>();
  private loops: Promise<void>[] = [];
  private stopping = false;
  private failure?: Error;

  constructor(
    private readonly urls: { reservations: () => string; billing: () => string },
    private readonly guestsPerDay = 2,
    private readonly pauseBetweenDaysMs = 400,
  ) {}

  /** A property with one room type and enough rooms for a day's guests, each room cleaned after its guest left. */
  async addProperty(index: number): Promise<string> {
    const admin = testToken(['admin'], ['*']);
    const property = await this.step('reservations', 'POST', '/v1/properties', admin, {
      code: `F${randomUUID().slice(0, 8).toUpperCase()}`,
      name: `Fault Hotel ${index}`,
      timezone: 'Europe/Paris',
      currency: 'EUR',
      country: 'FR',
      starRating: 3,
    });
    const propertyId: string = property.id;
    const manager = this.staff(propertyId);
    const roomType = await this.step('reservations', 'POST', `/v1/properties/${propertyId}/room-types`, manager, {
      code: 'DBL',
      name: 'Double',
      maxOccupancy: 2,
      baseRate: { amountMinor: 12_000, currency: 'EUR' },
    });
    await this.step('reservations', 'POST', `/v1/properties/${propertyId}/rooms/bulk`, manager, {
      rooms: Array.from({ length: this.guestsPerDay * 3 }, (_, room) => ({
        number: String(101 + room),
        roomTypeId: roomType.id,
        floor: 1,
      })),
    });
    this.properties.push(propertyId);
    this.businessDates.set(propertyId, property.businessDate);
    this.roomTypes.set(propertyId, roomType.id);
    return propertyId;
  }

  start(): void {
    if (this.loops.length > 0) return;
    this.stopping = false;
    this.failure = undefined;
    this.loops = this.properties.map((propertyId) => this.dayAfterDay(propertyId));
  }

  /** Lets every property finish the day it is in (through whatever fault is still on), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    this.loops = [];
    if (this.failure) throw this.failure;
  }

  /** Bookings made all at once, far enough ahead not to meet the daily guests: a burst of outbox rows. */
  async burst(count: number): Promise<void> {
    const propertyId = this.properties[0];
    const from = this.businessDates.get(propertyId)!;
    await Promise.all(
      Array.from({ length: count }, (_, index) => this.book(propertyId, addDays(from, 300 + index), 1)),
    );
  }

  answersBetween(from: number, to: number): Answer[] {
    return this.answers.filter((answer) => answer.at >= from && answer.at <= to);
  }

  private async dayAfterDay(propertyId: string): Promise<void> {
    try {
      while (!this.stopping) {
        await this.oneDay(propertyId);
        await sleep(this.pauseBetweenDaysMs);
      }
    } catch (error) {
      this.failure ??= error as Error;
    }
  }

  private async oneDay(propertyId: string): Promise<void> {
    const staff = this.staff(propertyId);
    const at = (path: string) => `/v1/properties/${propertyId}${path}`;
    const businessDate = this.businessDates.get(propertyId)!;
    const reservations: string[] = [];
    for (let guest = 0; guest < this.guestsPerDay; guest += 1) {
      reservations.push(await this.book(propertyId, businessDate, 1));
    }
    const rooms: string[] = [];
    for (const id of reservations) {
      rooms.push((await this.step('reservations', 'POST', at(`/reservations/${id}/check-in`), staff, {})).roomId);
    }
    // The desk looks at the guest's account (billing reads its own database).
    await this.step('billing', 'GET', at(`/folios?reservationId=${reservations[0]}`), staff);
    const audit = await this.step('reservations', 'POST', at('/night-audit'), staff, { businessDate });
    for (const id of reservations)
      await this.step('reservations', 'POST', at(`/reservations/${id}/check-out`), staff, {});
    for (const roomId of rooms) {
      await this.step('reservations', 'PATCH', at(`/rooms/${roomId}/status`), staff, { status: 'vacant_clean' });
    }
    this.businessDates.set(propertyId, audit.nextBusinessDate);
  }

  private async book(propertyId: string, arrival: string, nights: number): Promise<string> {
    const booking = await this.step(
      'reservations',
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      this.staff(propertyId),
      {
        guest: { firstName: 'Fault', lastName: `Guest ${randomUUID().slice(0, 6)}`, language: 'en', vipLevel: 'none' },
        roomTypeId: this.roomTypes.get(propertyId),
        arrival,
        departure: addDays(arrival, nights),
        adults: 1,
      },
    );
    this.bookings.add(booking.id);
    return booking.id;
  }

  private staff(propertyId: string): string {
    return testToken(['front_desk', 'front_office_manager'], [propertyId], 'fault-desk');
  }

  /**
   * One request, retried with the same Idempotency-Key while the answer says "not now" (no answer, 5xx, or the first
   * attempt with this key still in progress); any other 4xx is a bug in the suite or the services and fails at once.
   */
  private async step(
    service: 'reservations' | 'billing',
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<Json> {
    const idempotencyKey = randomUUID();
    const deadline = Date.now() + STEP_DEADLINE_MS;
    for (;;) {
      const answer = await this.call(service, method, path, token, idempotencyKey, body);
      if (answer.status >= 200 && answer.status < 300) return JSON.parse(answer.body) as Json;
      const inProgress = answer.status === 409 && answer.body.includes('still being processed');
      if (answer.status >= 400 && answer.status < 500 && !inProgress) {
        throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body}`);
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${method} ${path} still failing after ${STEP_DEADLINE_MS} ms: ${answer.status} ${answer.body}`,
        );
      }
      await sleep(RETRY_PAUSE_MS);
    }
  }

  private async call(
    service: 'reservations' | 'billing',
    method: string,
    path: string,
    token: string,
    idempotencyKey: string,
    body?: unknown,
  ): Promise<Answer> {
    const base = service === 'reservations' ? this.urls.reservations() : this.urls.billing();
    const answer: Answer = {
      at: Date.now(),
      service,
      method,
      path,
      status: 0,
      contentType: '',
      retryAfter: null,
      body: '',
    };
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      answer.status = response.status;
      answer.contentType = response.headers.get('content-type') ?? '';
      answer.retryAfter = response.headers.get('retry-after');
      answer.body = await response.text();
    } catch (error) {
      answer.body = (error as Error).message;
    }
    this.answers.push(answer);
    return answer;
  }
}
