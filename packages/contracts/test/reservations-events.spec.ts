import { createEvent, EventType, RESERVATIONS_EVENTS, validateEvent } from '../src';
import { issuesOf, pathsOf, PROPERTY_ID, RESERVATION_ID, ROOM_TYPE_ID } from './fixtures';

const ROOM_ID = '1f0e2d3c-4b5a-4968-8776-655443322110';
const OTHER_ROOM_ID = '2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const GUEST_ID = '7c6b5a49-3827-4165-9e4d-3c2b1a098765';
const BLOCK_ID = '8d7c6b5a-4938-4271-a6f5-e4d3c2b1a098';
const AUDIT_ID = '9e8d7c6b-5a49-4382-b716-f5e4d3c2b1a0';
const RATE_PLAN_ID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const CHANNEL_ID = 'b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const guest = { guestId: GUEST_ID, firstName: 'Camille', lastName: 'Durand', language: 'fr', vipLevel: 'vip' as const };
const nights = [
  { date: '2027-03-27', price: eur(12_900) },
  { date: '2027-03-28', price: eur(12_900) },
];
const stay = { roomTypeId: ROOM_TYPE_ID, arrival: '2027-03-27', departure: '2027-03-29' };

/** One realistic payload per reservations event, as the reservations service publishes them. */
const SAMPLES: Record<string, { subject: string; data: Record<string, unknown> }> = {
  'property.created': {
    subject: PROPERTY_ID,
    data: {
      propertyId: PROPERTY_ID,
      code: 'PAR-OPERA',
      name: 'Opéra',
      timezone: 'Europe/Paris',
      currency: 'EUR',
      country: 'FR',
      businessDate: '2027-03-27',
    },
  },
  'property.updated': {
    subject: PROPERTY_ID,
    data: {
      propertyId: PROPERTY_ID,
      code: 'PAR-OPERA',
      name: 'Opéra',
      timezone: 'Europe/Paris',
      currency: 'EUR',
      country: 'FR',
      starRating: 4,
      deskHours: { open: '07:00', close: '23:00' },
      roomCount: 1000,
    },
  },
  'reservation.created': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      confirmationNumber: 'K7M2QX9A',
      status: 'confirmed',
      guest,
      ...stay,
      adults: 2,
      children: 0,
      totalPrice: eur(25_800),
      nights,
      source: 'phone',
      groupBlockId: BLOCK_ID,
    },
  },
  'reservation.modified': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      confirmationNumber: 'K7M2QX9A',
      status: 'confirmed',
      changes: ['dates', 'guests'],
      guest,
      ...stay,
      previousArrival: '2027-03-26',
      previousDeparture: '2027-03-28',
      previousRoomTypeId: ROOM_TYPE_ID,
      adults: 1,
      children: 0,
      totalPrice: eur(25_800),
      nights,
    },
  },
  'reservation.cancelled': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      confirmationNumber: 'K7M2QX9A',
      ...stay,
      reason: 'Flight cancelled',
      cancelledAt: '2027-03-20T10:00:00.000Z',
    },
  },
  'reservation.no-show': {
    subject: RESERVATION_ID,
    data: { reservationId: RESERVATION_ID, confirmationNumber: 'K7M2QX9A', ...stay, businessDate: '2027-03-27' },
  },
  'stay.checked-in': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      confirmationNumber: 'K7M2QX9A',
      roomId: ROOM_ID,
      roomNumber: '101',
      roomTypeId: ROOM_TYPE_ID,
      bookedRoomTypeId: ROOM_TYPE_ID,
      upgraded: false,
      guest,
      arrival: stay.arrival,
      departure: stay.departure,
      adults: 2,
      children: 0,
      businessDate: '2027-03-27',
      checkedInAt: '2027-03-27T14:05:00.000Z',
    },
  },
  'stay.room-moved': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      fromRoomId: ROOM_ID,
      fromRoomNumber: '101',
      toRoomId: OTHER_ROOM_ID,
      toRoomNumber: '102',
      roomTypeId: ROOM_TYPE_ID,
      reason: 'Noisy air conditioning',
      businessDate: '2027-03-27',
      movedAt: '2027-03-27T20:00:00.000Z',
    },
  },
  'stay.checked-out': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      confirmationNumber: 'K7M2QX9A',
      roomId: OTHER_ROOM_ID,
      roomNumber: '102',
      arrival: stay.arrival,
      departure: stay.departure,
      early: false,
      businessDate: '2027-03-29',
      checkedOutAt: '2027-03-29T09:30:00.000Z',
    },
  },
  'room.status-changed': {
    subject: ROOM_ID,
    data: {
      roomId: ROOM_ID,
      roomNumber: '101',
      roomTypeId: ROOM_TYPE_ID,
      status: 'out_of_order',
      previousStatus: 'vacant_dirty',
      reason: 'Water leak',
      outOfOrderFrom: '2027-03-27',
      outOfOrderTo: '2027-03-29',
    },
  },
  'guest.profile-updated': {
    subject: GUEST_ID,
    data: {
      guestId: GUEST_ID,
      firstName: 'Camille',
      lastName: 'Durand',
      vipLevel: 'vvip',
      changes: ['vipLevel'],
      erased: false,
    },
  },
  'group-block.created': {
    subject: BLOCK_ID,
    data: {
      groupBlockId: BLOCK_ID,
      code: 'CHOIR',
      name: 'Choir',
      roomTypeId: ROOM_TYPE_ID,
      cutoffDate: '2027-03-20',
      nights: [
        { date: '2027-03-27', rooms: 10 },
        { date: '2027-03-28', rooms: 10 },
      ],
    },
  },
  'group-block.released': {
    subject: BLOCK_ID,
    data: {
      groupBlockId: BLOCK_ID,
      roomTypeId: ROOM_TYPE_ID,
      businessDate: '2027-03-20',
      released: [{ date: '2027-03-27', rooms: 4 }],
      roomNightsReleased: 4,
    },
  },
  'night-audit.room-night-posted': {
    subject: RESERVATION_ID,
    data: {
      reservationId: RESERVATION_ID,
      confirmationNumber: 'K7M2QX9A',
      businessDate: '2027-03-27',
      roomId: ROOM_ID,
      roomNumber: '101',
      roomTypeId: ROOM_TYPE_ID,
      roomTypeCode: 'DBL',
      rate: eur(12_900),
      adults: 2,
      children: 1,
    },
  },
  'night-audit.completed': {
    subject: AUDIT_ID,
    data: {
      auditId: AUDIT_ID,
      businessDate: '2027-03-27',
      nextBusinessDate: '2027-03-28',
      roomsTotal: 120,
      roomsOutOfOrder: 2,
      roomsAvailable: 118,
      roomsSold: 97,
      roomRevenue: eur(1_251_300),
      arrivals: 30,
      departures: 25,
      noShows: 1,
      groupRoomNightsReleased: 4,
      completedAt: '2027-03-28T01:02:03.000Z',
    },
  },
  'inventory.availability-changed': {
    subject: ROOM_TYPE_ID,
    data: {
      roomTypeId: ROOM_TYPE_ID,
      roomTypeCode: 'DBL',
      from: '2027-03-27',
      to: '2027-03-29',
      causes: ['inventory', 'rates'],
      nights: [
        { date: '2027-03-27', available: 0, rooms: 12, outOfOrder: 1, sold: 10, blocked: 1 },
        { date: '2027-03-28', available: 3, rooms: 12, outOfOrder: 0, sold: 9, blocked: 0 },
      ],
      rates: [
        { ratePlanId: RATE_PLAN_ID, ratePlanCode: 'BAR', from: '2027-03-27', to: '2027-03-28', nightly: eur(12_900) },
        { ratePlanId: RATE_PLAN_ID, ratePlanCode: 'BAR', from: '2027-03-28', to: '2027-03-29', nightly: eur(14_900) },
      ],
    },
  },
  'channel.mapping-updated': {
    subject: CHANNEL_ID,
    data: {
      channelId: CHANNEL_ID,
      channelCode: 'SITEMINDER',
      hotelCode: 'PAROPERA',
      active: true,
      roomTypes: [{ code: 'DBL-STD', roomTypeId: ROOM_TYPE_ID }],
      ratePlans: [{ code: 'BAR-RO', ratePlanId: RATE_PLAN_ID }],
    },
  },
};

const roundTrip = (event: unknown) => validateEvent(JSON.parse(JSON.stringify(event)));
const build = (type: string, data: Record<string, unknown>) =>
  createEvent(type as EventType, { propertyId: PROPERTY_ID, subject: SAMPLES[type].subject, data: data as never });

describe('reservations events', () => {
  it('has a sample for every reservations event in the catalog', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(RESERVATIONS_EVENTS.map((definition) => definition.type).sort());
  });

  it.each(Object.entries(SAMPLES))('%s: a complete sample validates and round-trips', (type, sample) => {
    const event = build(type, sample.data);
    expect(event.source).toBe('reservations');
    expect(event.propertyId).toBe(PROPERTY_ID);
    const parsed = roundTrip(event);
    expect(parsed.type).toBe(type);
    expect(parsed.data).toEqual(sample.data);
  });

  it('refuses a modification to a status that is not live, and an unknown change', () => {
    const data = { ...SAMPLES['reservation.modified'].data, status: 'cancelled', changes: ['price'] };
    expect(pathsOf(() => build('reservation.modified', data))).toEqual(['data.changes', 'data.status']);
  });

  it('refuses a room-night posting without guests or with a fractional rate', () => {
    const data = {
      ...SAMPLES['night-audit.room-night-posted'].data,
      adults: 0,
      rate: { amountMinor: 129.5, currency: 'EUR' },
    };
    expect(pathsOf(() => build('night-audit.room-night-posted', data))).toEqual([
      'data.adults',
      'data.rate.amountMinor',
    ]);
  });

  it('refuses an unknown room status and a malformed out-of-order date', () => {
    const data = { ...SAMPLES['room.status-changed'].data, status: 'sparkling', outOfOrderTo: '2027-02-30' };
    expect(pathsOf(() => build('room.status-changed', data))).toEqual(['data.outOfOrderTo', 'data.status']);
  });

  it('refuses a cancellation whose departure is not after arrival, and a local time as an instant', () => {
    const data = { ...SAMPLES['reservation.cancelled'].data, departure: '2027-03-27', cancelledAt: '2027-03-20 10:00' };
    expect(pathsOf(() => build('reservation.cancelled', data))).toEqual(['data.cancelledAt', 'data.departure']);
  });

  it('refuses a group block without nights and negative audit figures', () => {
    expect(pathsOf(() => build('group-block.created', { ...SAMPLES['group-block.created'].data, nights: [] }))).toEqual(
      ['data.nights'],
    );
    const audit = { ...SAMPLES['night-audit.completed'].data, roomsSold: -1 };
    expect(issuesOf(() => build('night-audit.completed', audit)).map((issue) => issue.path)).toContain(
      'data.roomsSold',
    );
  });

  it('refuses a booking with an unknown VIP level, a bad language tag and no nights', () => {
    const data = {
      ...SAMPLES['reservation.created'].data,
      guest: { ...guest, vipLevel: 'royal', language: 'French' },
      nights: [],
    };
    expect(pathsOf(() => build('reservation.created', data))).toEqual([
      'data.guest.language',
      'data.guest.vipLevel',
      'data.nights',
    ]);
  });
});
