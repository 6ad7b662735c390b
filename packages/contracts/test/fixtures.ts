import {
  EventValidationError,
  type FolioOpenedV1,
  type PropertyCreatedV1,
  type ReservationCreatedV1,
  type ValidationIssue,
} from '../src';

export const PROPERTY_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
export const RESERVATION_ID = '9f1c2c7e-8d0a-4a53-9a55-3f2b8f0c1d11';
export const ROOM_TYPE_ID = 'c5a1f0de-7b7e-4b8e-9f57-0a0b6f2b9d42';
export const FOLIO_ID = '0e7b5c1a-52a8-4f0f-8e0b-6c3f6c1f2a77';
export const EVENT_ID = '5d3f0a8e-1c2b-4e7f-9a6d-2b1c0e9f8a73';

export function propertyCreatedData(): PropertyCreatedV1 {
  return {
    propertyId: PROPERTY_ID,
    code: 'PAR-OPERA',
    name: 'Hôtel de l’Opéra',
    timezone: 'Europe/Paris',
    currency: 'EUR',
    country: 'FR',
    starRating: 4,
    businessDate: '2026-03-01',
    roomCount: 120,
  };
}

export function reservationCreatedData(): ReservationCreatedV1 {
  return {
    reservationId: RESERVATION_ID,
    confirmationNumber: 'OPR-7Q4K2',
    status: 'confirmed',
    guest: { firstName: 'Camille', lastName: 'Durand', language: 'fr', vipLevel: 'none' },
    roomTypeId: ROOM_TYPE_ID,
    arrival: '2026-03-10',
    departure: '2026-03-12',
    adults: 2,
    children: 0,
    totalPrice: { amountMinor: 36000, currency: 'EUR' },
    nights: [
      { date: '2026-03-10', price: { amountMinor: 18000, currency: 'EUR' } },
      { date: '2026-03-11', price: { amountMinor: 18000, currency: 'EUR' } },
    ],
    source: 'direct',
  };
}

export function folioOpenedData(): FolioOpenedV1 {
  return {
    folioId: FOLIO_ID,
    reservationId: RESERVATION_ID,
    status: 'open',
    balance: { amountMinor: 0, currency: 'EUR' },
  };
}

/** A raw event as a consumer would parse it from a Kafka message value. */
export function rawEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: EVENT_ID,
    type: 'reservation.created',
    version: 1,
    source: 'reservations',
    time: '2026-03-01T09:30:00.000Z',
    propertyId: PROPERTY_ID,
    subject: RESERVATION_ID,
    correlationId: EVENT_ID,
    causationId: null,
    data: reservationCreatedData(),
    ...overrides,
  };
}

/** Runs `action`, which must throw an EventValidationError, and returns its issues. */
export function issuesOf(action: () => unknown): ValidationIssue[] {
  try {
    action();
  } catch (error) {
    if (error instanceof EventValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected an EventValidationError, but nothing was thrown');
}

/** The distinct paths with issues, sorted; a path has one issue per broken rule. */
export function pathsOf(action: () => unknown): string[] {
  return [...new Set(issuesOf(action).map((issue) => issue.path))].sort();
}
