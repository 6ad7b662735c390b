import {
  BookingHistory,
  eventually,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  TestEventProducer,
} from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule, STAFFING_APP } from '../src/app.module';
import { StaffingEnv } from '../src/config/staffing.env';

/**
 * Late and replayed reservations events against the forecast's copy of each booking, through the real broker: an
 * event older than what the row already holds (a dead letter replayed after the booking was cancelled) changes
 * nothing, so a cancelled booking never counts in the demand again.
 */
describe('staffing: a late or replayed event never rolls a forecast booking back', () => {
  let service: RunningTestService;
  let producer: TestEventProducer;
  let database: Client;
  const propertyId = randomUUID();
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const guest = { firstName: 'Ana', lastName: 'Lopez', language: 'es', vipLevel: 'vip' as const };

  beforeAll(async () => {
    const env = testEnv('staffing', StaffingEnv);
    service = await startTestService(AppModule.register(env), STAFFING_APP);
    producer = await new TestEventProducer(testKafka('staffing-stale-events')).start();
    database = new Client({ connectionString: env.DATABASE_URL });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await producer?.stop();
    await service?.shutdown();
  });

  const forecastRow = async (reservationId: string) => {
    const { rows } = await database.query(
      'SELECT status, vip_level AS "vipLevel" FROM forecast_reservation WHERE reservation_id = $1',
      [reservationId],
    );
    return rows[0] as { status: string; vipLevel: string } | undefined;
  };
  /** Events of one property share a partition: once a later booking is in, everything sent before it was consumed. */
  const drained = async () => {
    const marker = new BookingHistory(propertyId, { firstName: 'Marker', lastName: 'Booking', vipLevel: 'none' });
    await producer.send(marker.created(new Date()));
    await eventually(async () => expect(await forecastRow(marker.reservationId)).toBeDefined());
  };

  it('keeps a booking cancelled when its dead-lettered creation is replayed after the cancellation', async () => {
    const booking = new BookingHistory(propertyId, guest);
    const deadLettered = booking.created(minutesAgo(30));
    await producer.send(booking.cancelled(minutesAgo(20)));
    await eventually(async () =>
      expect(await forecastRow(booking.reservationId)).toMatchObject({ status: 'cancelled' }),
    );

    await producer.send(deadLettered);
    await drained();

    expect(await forecastRow(booking.reservationId)).toMatchObject({ status: 'cancelled' });
  });

  it('keeps a stay checked in when an older change of the booking arrives late', async () => {
    const booking = new BookingHistory(propertyId, guest);
    const late = booking.modified(minutesAgo(25), { ...guest, vipLevel: 'none' });
    await producer.send(booking.created(minutesAgo(30)), booking.checkedIn(minutesAgo(20), '301'));
    await eventually(async () =>
      expect(await forecastRow(booking.reservationId)).toMatchObject({ status: 'checked_in' }),
    );

    await producer.send(late);
    await drained();

    expect(await forecastRow(booking.reservationId)).toEqual({ status: 'checked_in', vipLevel: 'vip' });
  });

  it('applies events that arrive in order, newest last', async () => {
    const booking = new BookingHistory(propertyId, guest);
    await producer.send(
      booking.created(minutesAgo(30)),
      booking.modified(minutesAgo(20), { ...guest, vipLevel: 'vvip' }),
    );
    await eventually(async () =>
      expect(await forecastRow(booking.reservationId)).toEqual({ status: 'confirmed', vipLevel: 'vvip' }),
    );
    await producer.send(booking.cancelled(minutesAgo(10)));
    await eventually(async () =>
      expect(await forecastRow(booking.reservationId)).toEqual({ status: 'cancelled', vipLevel: 'vvip' }),
    );
  });
});
