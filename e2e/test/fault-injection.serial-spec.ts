import { eventually, testKafka, ThrowawayPostgres } from '@frontoffice/platform/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { Admin } from 'kafkajs';
import { Client } from 'pg';
import { Fleet, ROOT, SERVICES } from './support/fleet';
import { FrontDeskTraffic } from './support/front-desk-traffic';
import { Invariants } from './support/invariants';

const execFileAsync = promisify(execFile);
const KAFKA_SH = join(ROOT, 'infra', 'kafka', 'kafka.sh');
const KAFKA_STATE_DIR = process.env.KAFKA_STATE_DIR ?? join(ROOT, 'infra', 'kafka', '.local');
/** kafka.sh listens where the tests connect (KAFKA_BROKERS), as scripts/infra.mjs starts it. */
const KAFKA_PORT = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].split(':').pop()!;
/** How long consumers may take to catch up once a fault is over. */
const CATCH_UP_MS = 30_000;
const DATABASE_OUTAGE_MS = 10_000;

/**
 * Faults injected into the four built services running as processes, with a steady front desk booking, checking
 * in, auditing nights and checking out through them: the broker killed, a consumer killed mid-batch, the database
 * stopped for ten seconds (also while a relay is publishing). After each: one folio per booking, one posting per
 * room night, a balanced journal batch per closed day, empty outboxes and dead-letter topics, every consumer caught
 * up within 30 s, and during the database outage 503 problem+json with Retry-After, never a 500.
 *
 * It stops the shared test broker, so it runs in the serial phase of `npm test`, alone. PostgreSQL is a throwaway
 * cluster of its own; the machine's server is never touched.
 */
describe('fault injection: broker, consumer and database failures under steady traffic', () => {
  let postgres: ThrowawayPostgres;
  let fleet: Fleet;
  let traffic: FrontDeskTraffic;
  let invariants: Invariants;
  let admin: Admin;

  beforeAll(async () => {
    postgres = await ThrowawayPostgres.create();
    const server = new Client({ connectionString: postgres.url() });
    await server.connect();
    for (const service of SERVICES) await server.query(`CREATE DATABASE "${service.database}"`);
    await server.end();
    fleet = new Fleet((database) => postgres.url(database), randomUUID().slice(0, 8));
    await fleet.migrate();
    admin = testKafka('fault-injection').admin();
    await admin.connect();
    invariants = new Invariants(admin, fleet, (database) => postgres.url(database));
    await invariants.markStart();
    await fleet.startAll();
    traffic = new FrontDeskTraffic({
      reservations: () => fleet.url('reservations'),
      billing: () => fleet.url('billing-bridge'),
    });
    await traffic.addProperty(1);
    await traffic.addProperty(2);
  }, 240_000);

  // A scenario that failed leaves no traffic running into the next one.
  afterEach(async () => {
    await traffic?.stop().catch(() => undefined);
  }, 120_000);

  afterAll(async () => {
    await traffic?.stop().catch(() => undefined);
    await fleet?.stopAll();
    await invariants?.close();
    await admin?.disconnect();
    await postgres?.destroy();
  }, 60_000);

  /**
   * Once the fault is over (every service ready again) and the desk has finished its day, consumers catch up within
   * 30 s and everything holds.
   */
  async function expectConsistent(): Promise<void> {
    await traffic.stop();
    await fleet.allReady();
    const settledAt = Date.now();
    try {
      await eventually(
        async () => {
          expect(await invariants.unpublished()).toEqual({
            reservations: 0,
            concierge: 0,
            staffing: 0,
            'billing-bridge': 0,
          });
          expect(await invariants.lag()).toEqual({ reservations: 0, concierge: 0, staffing: 0, 'billing-bridge': 0 });
        },
        { timeoutMs: CATCH_UP_MS, intervalMs: 250 },
      );
    } catch (error) {
      throw new Error(
        `consumers not caught up ${CATCH_UP_MS} ms after the fault: ${(error as Error).message}\n${fleet.tails()}`,
      );
    }
    console.log(
      `caught up ${Date.now() - settledAt} ms after the fault and the traffic were over; ${traffic.bookings.size} bookings so far`,
    );
    expect(await invariants.deadLettered()).toBe(0);
    const properties = traffic.properties;
    expect(await invariants.folioMismatches(properties)).toEqual([]);
    expect(await invariants.roomNightMismatches(properties)).toEqual([]);
    expect(await invariants.journalMismatches(properties)).toEqual([]);
    // Every answer of the run so far: a fault may delay an answer, never turn it into a server error.
    const serverErrors = traffic.answers.filter((answer) => answer.status === 500);
    if (serverErrors.length > 0) console.error(`what the services logged:\n${fleet.logged(serverErrors)}`);
    expect(serverErrors).toEqual([]);
  }

  /** Lets the desk work for a while, so a fault meets events in flight. */
  async function steadyTraffic(ms = 3_000): Promise<void> {
    traffic.start();
    await sleep(ms);
  }

  function expectUnavailableAnswers(from: number, to: number): void {
    const during = traffic.answersBetween(from, to).filter((answer) => answer.status >= 500);
    // The desk kept calling while the database was down: those calls were answered 503, as problem+json.
    expect(during.length).toBeGreaterThan(0);
    for (const answer of during) {
      expect({ status: answer.status, contentType: answer.contentType, retryAfter: answer.retryAfter }).toEqual({
        status: 503,
        contentType: expect.stringContaining('application/problem+json'),
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }
  }

  it('(a) survives the broker being killed and restarted', async () => {
    await steadyTraffic();
    const pid = Number(readFileSync(join(KAFKA_STATE_DIR, 'kafka.pid'), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    await sleep(3_000);
    // Asynchronously: the desk keeps working while the broker recovers its logs.
    await execFileAsync('bash', [KAFKA_SH, 'start'], {
      timeout: 260_000,
      // Recovering the logs of a killed broker takes longer than a clean start on a busy machine.
      env: { ...process.env, KAFKA_STATE_DIR, KAFKA_PORT, KAFKA_START_TIMEOUT: '240' },
    });
    await expectConsistent();
  }, 300_000);

  it('(b) survives a consuming service killed mid-batch and restarted', async () => {
    await steadyTraffic(1_000);
    // Mid-batch: billing-bridge is applying events (its inbox grows) when it is killed.
    const inboxSize = () => invariants.inboxCount('billing');
    const before = await inboxSize();
    await eventually(async () => expect(await inboxSize()).toBeGreaterThan(before), {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
    await fleet.kill('billing-bridge');
    await sleep(2_000);
    await fleet.restart('billing-bridge');
    await expectConsistent();
  }, 300_000);

  it('(c) answers 503 with Retry-After while the database is stopped for 10 s, and loses nothing', async () => {
    await steadyTraffic();
    const stoppedAt = Date.now();
    await postgres.stop();
    await sleep(DATABASE_OUTAGE_MS);
    await postgres.start();
    const startedAt = Date.now();
    await expectConsistent();
    expectUnavailableAnswers(stoppedAt, startedAt);
  }, 300_000);

  it('(d) loses nothing when the database stops while a relay is publishing', async () => {
    await steadyTraffic(1_000);
    const burst = traffic.burst(30);
    // Stop the database the moment reservations' outbox holds rows its relay has not marked published yet.
    await eventually(async () => expect((await invariants.unpublished()).reservations).toBeGreaterThan(0), {
      timeoutMs: 30_000,
      intervalMs: 10,
    });
    const stoppedAt = Date.now();
    await postgres.stop();
    await sleep(DATABASE_OUTAGE_MS);
    await postgres.start();
    const startedAt = Date.now();
    await burst;
    await expectConsistent();
    expectUnavailableAnswers(stoppedAt, startedAt);
  }, 300_000);
});
