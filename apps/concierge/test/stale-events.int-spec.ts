import { BookingHistory, eventually, RunningTestService, TestEventProducer } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { client, Items, kafka, startConcierge } from './support';

type Guest = { reservationId: string; status: string; firstName: string; lastName: string; roomNumber: string | null };

/**
 * Late and replayed reservations events against the concierge's read model, through the real broker: an event older
 * than what the stay already holds (a dead letter replayed after the booking was cancelled, a retried producer's
 * late copy) changes nothing, and an erased guest's name never comes back.
 */
describe('concierge: a late or replayed event never rolls a stay back', () => {
  let service: RunningTestService;
  let producer: TestEventProducer;
  const propertyId = randomUUID();
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  beforeAll(async () => {
    service = await startConcierge();
    producer = await new TestEventProducer(kafka).start();
    const manager = client(service, ['front_office_manager'], [propertyId]);
    expect((await manager.put(`/v1/properties/${propertyId}/concierge-settings`, { hasPorters: true })).status).toBe(
      200,
    );
  });

  afterAll(async () => {
    await producer?.stop();
    await service?.shutdown();
  });

  const desk = () => client(service, ['front_desk'], [propertyId]);
  const guest = async (reservationId: string) => {
    const answer = await desk().get<Guest>(`/v1/properties/${propertyId}/guests/${reservationId}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const requests = async (reservationId: string) =>
    (
      await desk().get<Items<{ kind: string; description: string }>>(
        `/v1/properties/${propertyId}/requests?reservationId=${reservationId}`,
      )
    ).body.items;
  /** Events of one property share a partition: once a later booking is in, everything sent before it was consumed. */
  const drained = async () => {
    const marker = new BookingHistory(propertyId, { firstName: 'Marker', lastName: 'Booking', vipLevel: 'none' });
    await producer.send(marker.created(new Date()));
    await eventually(async () => expect((await guest(marker.reservationId)).status).toBe('expected'));
  };

  it('keeps a booking cancelled, and its erased guest nameless, when its dead-lettered creation is replayed', async () => {
    const booking = new BookingHistory(propertyId, {
      guestId: randomUUID(),
      firstName: 'Grace',
      lastName: 'Hopper',
      vipLevel: 'vip',
    });
    // Its creation was dead-lettered; reservations went on: the booking was cancelled, the guest then erased.
    const deadLettered = booking.created(minutesAgo(30));
    await producer.send(booking.cancelled(minutesAgo(20)), booking.guestErased(minutesAgo(10)));
    await eventually(async () => expect((await guest(booking.reservationId)).status).toBe('cancelled'));

    await producer.send(deadLettered);
    await drained();

    const stay = await guest(booking.reservationId);
    expect(stay.status).toBe('cancelled');
    expect(JSON.stringify(stay)).not.toMatch(/Grace|Hopper/);
    // No VIP welcome (naming the guest) was opened for the cancelled booking.
    expect(await requests(booking.reservationId)).toEqual([]);
  });

  it('keeps an in-house stay in house, with the erased name, when an older change arrives late', async () => {
    const booking = new BookingHistory(propertyId, {
      guestId: randomUUID(),
      firstName: 'Alan',
      lastName: 'Turing',
      vipLevel: 'none',
    });
    const late = booking.modified(minutesAgo(25), { ...booking.guest, firstName: 'Alan M.' });
    await producer.send(
      booking.created(minutesAgo(30)),
      booking.checkedIn(minutesAgo(20), '415'),
      booking.guestErased(minutesAgo(10)),
    );
    await eventually(async () =>
      expect(await guest(booking.reservationId)).toMatchObject({ status: 'in_house', firstName: 'erased' }),
    );

    await producer.send(late);
    await drained();

    expect(await guest(booking.reservationId)).toMatchObject({
      status: 'in_house',
      roomNumber: '415',
      firstName: 'erased',
      lastName: 'erased',
    });
  });

  it('still applies a newer change, and keeps an erased name erased even then', async () => {
    const booking = new BookingHistory(propertyId, {
      guestId: randomUUID(),
      firstName: 'Ada',
      lastName: 'King',
      vipLevel: 'none',
    });
    await producer.send(booking.created(minutesAgo(30)), booking.guestErased(minutesAgo(20)));
    await eventually(async () => expect((await guest(booking.reservationId)).firstName).toBe('erased'));

    // A booking change made after the erasure, still carrying the name a desk agent typed back in.
    await producer.send(booking.checkedIn(minutesAgo(10), '210'));
    await eventually(async () =>
      expect(await guest(booking.reservationId)).toMatchObject({
        status: 'in_house',
        roomNumber: '210',
        firstName: 'erased',
        lastName: 'erased',
      }),
    );
  });
});
