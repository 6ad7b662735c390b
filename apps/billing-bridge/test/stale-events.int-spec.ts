import { randomUUID } from 'node:crypto';
import type { EventEnvelope, ReservationGuestV1 } from '@frontoffice/contracts';
import {
  BillingHarness,
  Caller,
  caller,
  eur,
  event,
  eventually,
  FolioSummary,
  guestFolio,
  knownProperty,
  newStay,
  produce,
  propertyCreated,
  reservationCreated,
  startBilling,
  Stay,
} from './folios-kit';

interface NamedFolio extends FolioSummary {
  guestName: string;
}

/** Envelope time `minutes` after a fixed past instant: the order reservations committed the changes in. */
function at<T extends EventEnvelope>(envelope: T, minutes: number): T {
  envelope.time = new Date(Date.UTC(2027, 2, 1, 8, 0) + minutes * 60_000).toISOString();
  return envelope;
}

function booked(stay: Stay, guest: ReservationGuestV1) {
  const created = reservationCreated(stay);
  created.data.guest = guest;
  return created;
}

function modified(stay: Stay, guest: ReservationGuestV1) {
  return event('reservation.modified', stay.propertyId, stay.reservationId, {
    reservationId: stay.reservationId,
    confirmationNumber: 'CNF-' + stay.reservationId.slice(0, 6).toUpperCase(),
    status: 'confirmed',
    changes: ['guest'],
    guest,
    roomTypeId: randomUUID(),
    arrival: stay.arrival,
    departure: stay.departure,
    previousArrival: stay.arrival,
    previousDeparture: stay.departure,
    previousRoomTypeId: randomUUID(),
    adults: 2,
    children: 0,
    totalPrice: eur(24_000),
    nights: [
      { date: stay.arrival, price: eur(12_000) },
      { date: stay.departure, price: eur(12_000) },
    ],
  });
}

function cancelled(stay: Stay) {
  return event('reservation.cancelled', stay.propertyId, stay.reservationId, {
    reservationId: stay.reservationId,
    confirmationNumber: 'CNF-' + stay.reservationId.slice(0, 6).toUpperCase(),
    roomTypeId: randomUUID(),
    arrival: stay.arrival,
    departure: stay.departure,
    reason: 'Guest cancelled',
    cancelledAt: new Date().toISOString(),
  });
}

async function foliosOf(desk: Caller, stay: Stay): Promise<NamedFolio[]> {
  const list = await desk.get<{ items: NamedFolio[] }>(
    `/v1/properties/${stay.propertyId}/folios?reservationId=${stay.reservationId}`,
  );
  expect(list.status).toBe(200);
  return list.body.items;
}

/**
 * Late or replayed events (a dead letter requeued with `npm run dlq -- requeue`, long after newer events of the same
 * booking were applied) never roll billing back. Each property's events share one partition, so once a fresh
 * booking produced after them has its folio, every event produced before it was consumed.
 */
describe('billing-bridge: older events never roll newer state back', () => {
  let harness: BillingHarness;
  let desk: Caller;
  const propertyId = randomUUID();

  beforeAll(async () => {
    harness = await startBilling();
    desk = caller(harness.service, ['front_desk'], [propertyId]);
    await produce(harness.producer, propertyCreated(propertyId, 'STL'));
    await knownProperty(desk, propertyId, 'STL');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** How many events of `type` billing reported on /metrics as ignored for being older than what it held. */
  async function ignoredOnMetrics(type: string): Promise<number> {
    const text = await (await fetch(`${harness.service.url}/metrics`)).text();
    const line = text.split('\n').find((row) => row.startsWith(`billing_stale_events_ignored_total{type="${type}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  /** Everything produced so far on the property has been consumed. */
  async function consumedSoFar(): Promise<void> {
    const marker = newStay(propertyId);
    await produce(harness.producer, reservationCreated(marker));
    await guestFolio(desk, marker);
  }

  it('a booking created, then cancelled, then its creation requeued: no folio opens and nothing is posted', async () => {
    const stay = newStay(propertyId);
    const guest: ReservationGuestV1 = { firstName: 'Noor', lastName: 'Haddad', vipLevel: 'none' };
    // The creation was dead-lettered; the cancellation went through; the creation is requeued afterwards.
    const creation = at(booked(stay, guest), 0);
    const ignoredBefore = await ignoredOnMetrics('reservation.created');
    await produce(harness.producer, at(cancelled(stay), 10), creation);
    await consumedSoFar();

    const folios = await foliosOf(desk, stay);
    expect(folios.filter((folio) => folio.status === 'open' || folio.status === 'due')).toEqual([]);
    for (const folio of folios) {
      const detail = await desk.get<{ postings: unknown[] }>(`/v1/properties/${propertyId}/folios/${folio.id}`);
      expect(detail.body.postings).toEqual([]);
    }
    expect(await ignoredOnMetrics('reservation.created')).toBe(ignoredBefore + 1);
  });

  it('a booking changed twice, the first change requeued after the second: the second change’s name stays', async () => {
    const stay = newStay(propertyId);
    const guestId = randomUUID();
    const name = (lastName: string): ReservationGuestV1 => ({ guestId, firstName: 'Léa', lastName, vipLevel: 'none' });
    await produce(harness.producer, at(booked(stay, name('Roux')), 0));
    const folio = await guestFolio(desk, stay);

    await produce(harness.producer, at(modified(stay, name('Moreau')), 20));
    await eventually(async () => {
      const [held] = await foliosOf(desk, stay);
      expect(held.guestName).toBe('Léa Moreau');
    });
    const ignoredBefore = await ignoredOnMetrics('reservation.modified');
    await produce(harness.producer, at(modified(stay, name('Girard')), 10));
    await consumedSoFar();

    const [held] = await foliosOf(desk, stay);
    expect(held).toMatchObject({ id: folio.id, guestName: 'Léa Moreau', status: 'open' });
    expect(await ignoredOnMetrics('reservation.modified')).toBe(ignoredBefore + 1);
  });

  it('an erased guest: an older profile update and older booking events requeued later never bring the name back', async () => {
    const guestId = randomUUID();
    const lastName = `Lindqvist${randomUUID().slice(0, 6)}`;
    const guest: ReservationGuestV1 = { guestId, firstName: 'Ingrid', lastName, language: 'sv', vipLevel: 'none' };
    const known = newStay(propertyId);
    const deadLettered = newStay(propertyId, '2027-04-02', '2027-04-04');
    await produce(harness.producer, at(booked(known, guest), 0));
    await guestFolio(desk, known);
    const lateCreation = at(booked(deadLettered, guest), 5);

    await produce(
      harness.producer,
      at(
        event('guest.profile-updated', propertyId, guestId, {
          guestId,
          firstName: 'Erased',
          lastName: 'Guest',
          vipLevel: 'none',
          changes: ['erased'],
          erased: true,
          reservationIds: [known.reservationId, deadLettered.reservationId],
        }),
        30,
      ),
    );
    await eventually(async () => {
      const [held] = await foliosOf(desk, known);
      expect(held.guestName).toBe('Erased Guest');
    });

    // Requeued after the erasure, all older than it: a profile update, a change of the booking, the other booking.
    await produce(
      harness.producer,
      at(
        event('guest.profile-updated', propertyId, guestId, {
          guestId,
          firstName: 'Ingrid',
          lastName,
          language: 'sv',
          vipLevel: 'vip',
          changes: ['vipLevel'],
          erased: false,
        }),
        20,
      ),
      at(modified(known, guest), 25),
      lateCreation,
    );
    await consumedSoFar();

    const folios = [
      ...(await foliosOf(desk, known)),
      ...(await guestFolio(desk, deadLettered).then(() => foliosOf(desk, deadLettered))),
    ];
    expect(folios).toHaveLength(2);
    for (const folio of folios) expect(folio.guestName).toBe('Erased Guest');
    expect(JSON.stringify(folios)).not.toMatch(new RegExp(`Ingrid|${lastName}`));
  });
});
