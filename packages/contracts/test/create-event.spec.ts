import { createEvent, isEventOfType, validateEnvelope, validateEvent, type EventEnvelope } from '../src';
import {
  EVENT_ID,
  FOLIO_ID,
  folioOpenedData,
  pathsOf,
  PROPERTY_ID,
  RESERVATION_ID,
  reservationCreatedData,
} from './fixtures';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createEvent', () => {
  it('fills in the envelope from the catalog and sensible defaults', () => {
    const before = Date.now();
    const event = createEvent('reservation.created', {
      propertyId: PROPERTY_ID,
      subject: RESERVATION_ID,
      data: reservationCreatedData(),
    });

    expect(event.id).toMatch(UUID_V4);
    expect(event).toMatchObject({
      type: 'reservation.created',
      version: 1,
      source: 'reservations',
      propertyId: PROPERTY_ID,
      subject: RESERVATION_ID,
      correlationId: event.id,
      causationId: null,
    });
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(event.time)).toBeLessThanOrEqual(Date.now());
    expect(event.time.endsWith('Z')).toBe(true);
  });

  it('takes the producer from the catalog, e.g. the billing bridge for folio.opened', () => {
    const event = createEvent('folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpenedData() });
    expect(event.source).toBe('billing-bridge');
  });

  it('keeps the ids, time and causation it is given', () => {
    const causationId = '1f0e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
    const event = createEvent('reservation.created', {
      propertyId: PROPERTY_ID,
      subject: RESERVATION_ID,
      data: reservationCreatedData(),
      id: EVENT_ID,
      time: '2026-03-01T09:30:00.000Z',
      correlationId: 'req-7f3a',
      causationId,
      version: 1,
    });
    expect(event).toMatchObject({
      id: EVENT_ID,
      time: '2026-03-01T09:30:00.000Z',
      correlationId: 'req-7f3a',
      causationId,
    });
  });

  it('gives each event its own id', () => {
    const init = { propertyId: PROPERTY_ID, subject: RESERVATION_ID, data: reservationCreatedData() };
    expect(createEvent('reservation.created', init).id).not.toBe(createEvent('reservation.created', init).id);
  });

  it('builds what consumers accept after a trip through JSON', () => {
    const event = createEvent('reservation.created', {
      propertyId: PROPERTY_ID,
      subject: RESERVATION_ID,
      data: reservationCreatedData(),
    });
    expect(validateEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses invalid data with the paths consumers would report', () => {
    const data = reservationCreatedData();
    data.nights[0].price.amountMinor = 179.99;
    data.departure = '2026-03-01';
    expect(
      pathsOf(() => createEvent('reservation.created', { propertyId: PROPERTY_ID, subject: RESERVATION_ID, data })),
    ).toEqual(['data.departure', 'data.nights[0].price.amountMinor']);
  });

  it('refuses a broken envelope too, before any consumer sees it', () => {
    const init = { propertyId: 'PAR-OPERA', subject: RESERVATION_ID, data: reservationCreatedData(), time: 'now' };
    expect(pathsOf(() => createEvent('reservation.created', init))).toEqual(['propertyId', 'time']);
  });

  it('refuses a version the catalog does not have', () => {
    const init = { propertyId: PROPERTY_ID, subject: RESERVATION_ID, data: reservationCreatedData(), version: 9 };
    expect(pathsOf(() => createEvent('reservation.created', init))).toEqual(['type']);
  });
});

describe('isEventOfType', () => {
  const event: EventEnvelope<unknown> = validateEnvelope(
    JSON.parse(
      JSON.stringify(
        createEvent('reservation.created', {
          propertyId: PROPERTY_ID,
          subject: RESERVATION_ID,
          data: reservationCreatedData(),
        }),
      ),
    ),
  );

  it('narrows an event to the payload of its type', () => {
    expect(isEventOfType(event, 'reservation.created')).toBe(true);
    if (!isEventOfType(event, 'reservation.created')) throw new Error('unreachable');
    // Compiles only because of the narrowing.
    expect(event.data.guest.lastName).toBe('Durand');
  });

  it('does not narrow to another type', () => {
    expect(isEventOfType(event, 'folio.opened')).toBe(false);
  });

  it('does not narrow a version whose payload EventDataMap does not describe', () => {
    expect(isEventOfType({ ...event, version: 2 }, 'reservation.created')).toBe(false);
  });
});
