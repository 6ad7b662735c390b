import { postgresUrl } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { booking, ReservationsHarness } from './reservations-harness';

/**
 * The Idempotency-Key record commits in the same transaction as the booking it answers. Faults are injected with
 * PostgreSQL triggers that fire once (a sequence is not rolled back), and only for this spec's own keys or guests.
 */
describe('idempotency record in the booking transaction', () => {
  const harness = new ReservationsHarness();
  const database = new Client({ connectionString: postgresUrl('frontoffice_reservations_test') });
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    await harness.start();
    await database.connect();
    await database.query(`
      CREATE SEQUENCE IF NOT EXISTS test_fault_${tag};
      CREATE OR REPLACE FUNCTION test_fault_${tag}() RETURNS trigger AS $$
      BEGIN
        IF nextval('test_fault_${tag}') = 1 THEN RAISE EXCEPTION 'injected fault'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      -- The answer being stored fails once: before, the booking had committed and the key was deleted.
      CREATE TRIGGER test_fault_answer_${tag} BEFORE INSERT OR UPDATE ON idempotency_record FOR EACH ROW
        WHEN (NEW.status_code IS NOT NULL AND NEW.idempotency_key = 'answer-fails-${tag}')
        EXECUTE FUNCTION test_fault_${tag}();
      -- The booking itself fails once, inside its transaction.
      CREATE TRIGGER test_fault_booking_${tag} BEFORE INSERT ON reservation FOR EACH ROW
        WHEN (NEW.guest_last_name = 'Inside-${tag}')
        EXECUTE FUNCTION test_fault_${tag}();`);
  });

  afterAll(async () => {
    await database.query(`
      DROP TRIGGER IF EXISTS test_fault_answer_${tag} ON idempotency_record;
      DROP TRIGGER IF EXISTS test_fault_booking_${tag} ON reservation;
      DROP FUNCTION IF EXISTS test_fault_${tag}();
      DROP SEQUENCE IF EXISTS test_fault_${tag};`);
    await database.end();
    await harness.stop();
  });

  const resetFault = () => database.query(`SELECT setval('test_fault_${tag}', 1, false)`);
  const bookingsOf = async (lastName: string) =>
    Number(
      (await database.query('SELECT count(*) AS n FROM reservation WHERE guest_last_name = $1', [lastName])).rows[0].n,
    );
  const recordOf = async (key: string) =>
    (await database.query('SELECT status_code FROM idempotency_record WHERE idempotency_key = $1', [key])).rows[0];

  const book = (propertyId: string, roomTypeId: string, lastName: string, key: string) =>
    harness.call(
      'POST',
      `/v1/properties/${propertyId}/reservations`,
      harness.token(['front_desk'], propertyId),
      booking(roomTypeId, '2027-05-10', '2027-05-12', { guest: { firstName: 'Ida', lastName } }),
      { 'idempotency-key': key },
    );

  it('a failure while storing the answer rolls the booking back with it: the retry books once', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(3);
    await resetFault();
    const key = `answer-fails-${tag}`;
    const lastName = `Answer-${tag}`;
    const first = await book(propertyId, roomTypeId, lastName, key);
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(await bookingsOf(lastName)).toBe(0);

    const retry = await book(propertyId, roomTypeId, lastName, key);
    expect(retry.status).toBe(201);
    const replay = await book(propertyId, roomTypeId, lastName, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await retry.json());
    expect(await bookingsOf(lastName)).toBe(1);
  });

  it('a failure inside the booking transaction leaves no record; the retry books', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(3);
    await resetFault();
    const key = `inside-${tag}`;
    const lastName = `Inside-${tag}`;
    const first = await book(propertyId, roomTypeId, lastName, key);
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(await recordOf(key)).toBeUndefined();
    expect(await bookingsOf(lastName)).toBe(0);

    const retry = await book(propertyId, roomTypeId, lastName, key);
    expect(retry.status).toBe(201);
    expect(await recordOf(key)).toEqual({ status_code: 201 });
    expect(await bookingsOf(lastName)).toBe(1);
  });

  it('the answer is committed with the booking: nothing is left "in progress" after the commit', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(3);
    const key = `committed-${tag}`;
    const lastName = `Committed-${tag}`;
    // Watch the record from another connection while the booking runs: it is either absent or answered, never a
    // committed claim without its answer (the state a crash after the booking's commit used to leave for ever).
    let watching = true;
    const seen: unknown[] = [];
    const watcher = (async () => {
      while (watching) {
        const record = await recordOf(key);
        if (record) seen.push(record.status_code);
      }
    })();
    const first = await book(propertyId, roomTypeId, lastName, key);
    watching = false;
    await watcher;
    expect(first.status).toBe(201);
    expect(seen.every((status) => status === 201)).toBe(true);
    expect(await bookingsOf(lastName)).toBe(1);
  });

  it('concurrent duplicates wait for the first and get its answer: one booking', async () => {
    const { propertyId, roomTypeId } = await harness.hotel(3);
    const key = `concurrent-${tag}`;
    const lastName = `Concurrent-${tag}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => book(propertyId, roomTypeId, lastName, key)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { id: string }[];
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await bookingsOf(lastName)).toBe(1);
  });
});
