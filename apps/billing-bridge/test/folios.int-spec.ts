import { createEvent, EventEnvelope, ReservationCreatedV1, TOPICS, validateEvent } from '@frontoffice/contracts';
import {
  EventProbe,
  eventually,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  testToken,
} from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { AppModule, BILLING_APP } from '../src/app.module';
import { BillingEnv } from '../src/config/billing.env';

function reservationCreated(propertyId: string): EventEnvelope<ReservationCreatedV1> {
  const reservationId = randomUUID();
  return createEvent('reservation.created', {
    propertyId,
    subject: reservationId,
    data: {
      reservationId,
      confirmationNumber: 'ABCD2345',
      status: 'confirmed',
      guest: { firstName: 'Jean', lastName: 'Valjean', language: 'fr', vipLevel: 'none' },
      roomTypeId: randomUUID(),
      arrival: '2027-01-10',
      departure: '2027-01-11',
      adults: 1,
      children: 0,
      totalPrice: { amountMinor: 9_900, currency: 'EUR' },
      nights: [{ date: '2027-01-10', price: { amountMinor: 9_900, currency: 'EUR' } }],
    },
  });
}

/** Folios opened from reservation events read off the real broker, stored in the real database. */
describe('billing-bridge folios', () => {
  const kafka = testKafka('billing-test');
  let service: RunningTestService;
  let producer: Producer;
  let probe: EventProbe;

  beforeAll(async () => {
    probe = await new EventProbe(kafka, [TOPICS.billing]).start();
    service = await startTestService(AppModule.register(testEnv('billing-bridge', BillingEnv)), BILLING_APP);
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await service?.shutdown();
  });

  const folios = async (propertyId: string, reservationId: string, token = testToken(['front_desk'], [propertyId])) => {
    const response = await fetch(`${service.url}/v1/properties/${propertyId}/folios?reservationId=${reservationId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as { items: Array<Record<string, unknown>> } };
  };

  it('opens one folio per reservation, even when the event is delivered twice, and announces it', async () => {
    const event = reservationCreated(randomUUID());
    const message = {
      key: event.propertyId,
      value: JSON.stringify(event),
      headers: { id: event.id, type: event.type },
    };
    await producer.send({ topic: TOPICS.reservations, messages: [message] });
    await producer.send({ topic: TOPICS.reservations, messages: [message] });

    const { body } = await eventually(async () => {
      const result = await folios(event.propertyId, event.data.reservationId);
      expect(result.body.items).toHaveLength(1);
      return result;
    });
    expect(body.items[0]).toMatchObject({
      reservationId: event.data.reservationId,
      status: 'open',
      guestName: 'Jean Valjean',
      balance: { amountMinor: 0, currency: 'EUR' },
    });
    const announced = await probe.waitFor(
      (candidate) =>
        (candidate.json?.data as { reservationId?: string } | undefined)?.reservationId === event.data.reservationId,
    );
    const folioOpened = validateEvent(announced.json);
    expect(folioOpened).toMatchObject({
      type: 'folio.opened',
      source: 'billing-bridge',
      causationId: event.id,
      correlationId: event.correlationId,
    });

    // A second delivery could only have shown up by now if it were applied: the marker on the same key is later.
    const marker = reservationCreated(event.propertyId);
    await producer.send({
      topic: TOPICS.reservations,
      messages: [{ key: marker.propertyId, value: JSON.stringify(marker) }],
    });
    await eventually(async () =>
      expect((await folios(marker.propertyId, marker.data.reservationId)).body.items).toHaveLength(1),
    );
    expect((await folios(event.propertyId, event.data.reservationId)).body.items).toHaveLength(1);

    const detail = await fetch(`${service.url}/v1/properties/${event.propertyId}/folios/${body.items[0].id}`, {
      headers: { authorization: `Bearer ${testToken(['finance'], ['*'])}` },
    });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: body.items[0].id, postings: [], payments: [] });
  });

  it("never shows a property's folios to another property's token, nor to a porter", async () => {
    const propertyId = randomUUID();
    expect((await folios(propertyId, randomUUID(), testToken(['front_desk'], [randomUUID()]))).status).toBe(403);
    expect((await folios(propertyId, randomUUID(), testToken(['porter'], [propertyId]))).status).toBe(403);
    const invalid = await folios(propertyId, 'not-a-uuid');
    expect(invalid.status).toBe(400);
  });
});
