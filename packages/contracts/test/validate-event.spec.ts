import { validateEvent, type PropertyCreatedV1, type ReservationCreatedV1 } from '../src';
import {
  FOLIO_ID,
  folioOpenedData,
  issuesOf,
  pathsOf,
  PROPERTY_ID,
  propertyCreatedData,
  rawEvent,
  reservationCreatedData,
} from './fixtures';

// These tests write wrongly typed values on purpose; `any` values let any payload class be cast to this.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

function reservationEventWith(change: (data: ReservationCreatedV1) => void) {
  const data = reservationCreatedData();
  change(data);
  return rawEvent({ data });
}

function propertyEventWith(change: (data: PropertyCreatedV1) => void) {
  const data = propertyCreatedData();
  change(data);
  return rawEvent({ type: 'property.created', subject: PROPERTY_ID, data });
}

describe('validateEvent', () => {
  describe('valid events', () => {
    it.each([
      ['property.created', PROPERTY_ID, propertyCreatedData()],
      ['reservation.created', reservationCreatedData().reservationId, reservationCreatedData()],
    ])('accepts a complete %s', (type, subject, data) => {
      expect(validateEvent(rawEvent({ type, subject, data })).type).toBe(type);
    });

    it('accepts folio.opened from the billing bridge', () => {
      const raw = rawEvent({
        type: 'folio.opened',
        source: 'billing-bridge',
        subject: FOLIO_ID,
        data: folioOpenedData(),
      });
      expect(validateEvent(raw).source).toBe('billing-bridge');
    });

    it('returns data as the very plain object it was given, not a class instance', () => {
      const raw = rawEvent();
      const event = validateEvent(raw);
      expect(event.data).toBe(raw.data);
      expect(Object.getPrototypeOf(event.data)).toBe(Object.prototype);
      expect(Object.getPrototypeOf((event.data as { guest: object }).guest)).toBe(Object.prototype);
    });

    it('accepts a JSON round trip, which is how consumers receive events', () => {
      expect(() => validateEvent(JSON.parse(JSON.stringify(rawEvent())))).not.toThrow();
    });

    it('accepts optional fields left out', () => {
      const raw = propertyEventWith((data) => {
        delete data.starRating;
        delete data.roomCount;
      });
      expect(() => validateEvent(raw)).not.toThrow();
    });

    it('accepts and keeps unknown extra payload fields, so additive changes do not break older consumers', () => {
      const raw = reservationEventWith((data) => {
        (data as Data).loyaltyTier = 'gold';
        (data.guest as Data).title = 'Dr';
        (data.nights[0] as Data).rateCode = 'BAR';
      });
      const data = validateEvent(raw).data as Data;
      expect(data.loyaltyTier).toBe('gold');
      expect((data.guest as Data).title).toBe('Dr');
    });
  });

  describe('payload issues carry the path from the envelope down', () => {
    it('reports a missing nested field', () => {
      const raw = reservationEventWith(
        (data) => delete (data.guest as Partial<ReservationCreatedV1['guest']>).lastName,
      );
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.guest.lastName']);
    });

    it('reports a float amount inside an array element with its index', () => {
      const raw = reservationEventWith((data) => (data.nights[1].price.amountMinor = 180.5));
      expect(issuesOf(() => validateEvent(raw))).toEqual([
        { path: 'data.nights[1].price.amountMinor', message: 'amountMinor must be an integer number' },
      ]);
    });

    it.each([
      ['a float', 359.99],
      ['a numeric string', '36000'],
      ['beyond the safe-integer range', 2 ** 53],
    ])('refuses an amount that is %s', (_label, amountMinor) => {
      const raw = reservationEventWith((data) => ((data.totalPrice as Data).amountMinor = amountMinor));
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.totalPrice.amountMinor']);
    });

    it.each(['eur', 'EURO', '€'])('refuses the currency %p', (currency) => {
      const raw = reservationEventWith((data) => (data.totalPrice.currency = currency));
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.totalPrice.currency']);
    });

    it('refuses a nested object given as an array, which nested validation alone would let through', () => {
      const raw = reservationEventWith((data) => ((data as Data).totalPrice = [data.totalPrice]));
      expect(pathsOf(() => validateEvent(raw))).toContain('data.totalPrice');
    });

    it.each([
      ['missing', undefined],
      ['a string', 'Camille Durand'],
      ['null', null],
    ])('refuses a guest that is %s', (_label, guest) => {
      const raw = reservationEventWith((data) => ((data as Data).guest = guest));
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.guest']);
    });

    it('refuses a stay without nights, and nights that are not objects', () => {
      expect(pathsOf(() => validateEvent(reservationEventWith((data) => (data.nights = []))))).toEqual(['data.nights']);
      const raw = reservationEventWith((data) => ((data as Data).nights = ['2026-03-10', [data.nights[1]]]));
      expect(issuesOf(() => validateEvent(raw))).toEqual(
        expect.arrayContaining([
          { path: 'data.nights', message: 'each value in nights must be an object' },
          { path: 'data.nights[0]', message: 'each value in nested property nights must be either object or array' },
        ]),
      );
    });

    it('refuses 2026-02-30, which has the right shape but is not a day', () => {
      const raw = reservationEventWith((data) => (data.arrival = '2026-02-30'));
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.arrival']);
    });

    it.each([
      ['before', '2026-03-09'],
      ['on', '2026-03-10'],
    ])('refuses a departure %s the arrival day', (_label, departure) => {
      const raw = reservationEventWith((data) => (data.departure = departure));
      expect(issuesOf(() => validateEvent(raw))).toEqual([
        { path: 'data.departure', message: 'departure must be after arrival' },
      ]);
    });

    it('refuses invalid counts, status and vip level', () => {
      const raw = reservationEventWith((data) => {
        data.adults = 0;
        data.children = -1;
        (data as Data).status = 'checked_in';
        (data.guest as Data).vipLevel = 'gold';
      });
      expect(pathsOf(() => validateEvent(raw))).toEqual([
        'data.adults',
        'data.children',
        'data.guest.vipLevel',
        'data.status',
      ]);
    });

    it.each(['english', 'en_GB', ''])('refuses the guest language %p', (language) => {
      const raw = reservationEventWith((data) => (data.guest.language = language));
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.guest.language']);
    });

    it('refuses null in an optional field, whose type promises a value or nothing', () => {
      const raw = propertyEventWith((data) => ((data as Data).starRating = null));
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.starRating']);
    });

    it.each([
      ['timezone', 'Mars/Olympus_Mons'],
      ['timezone', '+01:00'],
      ['country', 'fr'],
      ['country', 'XX'],
      ['currency', 'euro'],
      ['starRating', 6],
      ['starRating', 3.5],
      ['roomCount', -1],
      ['code', ''],
      ['code', 'A-VERY-LONG-PROPERTY-CODE'],
      ['businessDate', '01/03/2026'],
    ])('refuses a property with %s = %p', (field, value) => {
      const raw = propertyEventWith((data) => ((data as Data)[field] = value));
      expect(pathsOf(() => validateEvent(raw))).toEqual([`data.${field}`]);
    });
  });

  describe('catalog checks', () => {
    it('refuses an unknown type on the type path', () => {
      expect(issuesOf(() => validateEvent(rawEvent({ type: 'reservation.teleported' })))).toEqual([
        { path: 'type', message: 'unknown event reservation.teleported version 1' },
      ]);
    });

    it('refuses an unknown version of a known type on the type path', () => {
      expect(pathsOf(() => validateEvent(rawEvent({ version: 2 })))).toEqual(['type']);
    });

    it('refuses a source that is not the producer of the type', () => {
      expect(pathsOf(() => validateEvent(rawEvent({ source: 'concierge' })))).toEqual(['source']);
    });

    it('refuses a subject that is not the aggregate id the catalog names', () => {
      expect(issuesOf(() => validateEvent(rawEvent({ subject: PROPERTY_ID })))).toEqual([
        { path: 'subject', message: 'subject must equal data.reservationId' },
      ]);
    });

    it('reports envelope and payload issues together', () => {
      const raw = rawEvent({ time: 'now', data: { ...reservationCreatedData(), adults: '2' } });
      expect(pathsOf(() => validateEvent(raw))).toEqual(['data.adults', 'time']);
    });
  });
});
