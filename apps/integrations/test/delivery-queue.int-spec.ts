import type { EventEnvelope } from '@frontoffice/contracts';
import { postgresUrl } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { INTEGRATIONS_MIGRATIONS } from '../src/database/schema';
import { DeliveriesRepository } from '../src/webhooks/deliveries/deliveries.repository';
import { SubscriptionsRepository } from '../src/webhooks/subscriptions/subscriptions.repository';

/**
 * The delivery queue's SQL against the real PostgreSQL: set-based fan-out, SKIP LOCKED lane claims, leases. It
 * claims every due lane, so it runs on a database of its own, apart from the running services' tests.
 */
const QUEUE_DATABASE = 'frontoffice_integrations_queue_test';

describe('webhook delivery queue', () => {
  let dataSource: DataSource;
  let deliveries: DeliveriesRepository;
  let subscriptions: SubscriptionsRepository;

  beforeAll(async () => {
    const server = await new DataSource({ type: 'postgres', url: postgresUrl('postgres') }).initialize();
    const exists: unknown[] = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [QUEUE_DATABASE]);
    if (exists.length === 0) await server.query(`CREATE DATABASE ${QUEUE_DATABASE}`).catch(() => undefined);
    await server.destroy();
    dataSource = await new DataSource({
      type: 'postgres',
      url: postgresUrl(QUEUE_DATABASE),
      migrations: INTEGRATIONS_MIGRATIONS,
      migrationsRun: true,
      extra: { max: 4 },
    }).initialize();
    await dataSource.query('TRUNCATE webhook_subscription, webhook_event CASCADE');
    deliveries = new DeliveriesRepository(dataSource);
    subscriptions = new SubscriptionsRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function subscription(propertyId: string | null, eventTypes: string[], maxInFlight = 10): Promise<string> {
    const created = await subscriptions.insert({
      id: randomUUID(),
      propertyId,
      url: 'https://hooks.example.com/in',
      description: null,
      eventTypes,
      includePersonalData: false,
      maxInFlight,
      sealedSecret: 'v1:sealed',
      createdBy: 'test',
    });
    return created.id;
  }

  function event(type: string, propertyId: string): EventEnvelope {
    return {
      id: randomUUID(),
      type,
      version: 1,
      source: 'reservations',
      time: new Date().toISOString(),
      propertyId,
      subject: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
      data: {},
    };
  }

  async function deliveriesOf(subscriptionId: string): Promise<{ event_id: string; property_id: string }[]> {
    return dataSource.query(
      'SELECT event_id, property_id FROM webhook_delivery WHERE subscription_id = $1 ORDER BY id',
      [subscriptionId],
    );
  }

  it('queues a batch for every subscription whose scope and filters take it, in batch order, in one statement', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const reservationsOfA = await subscription(a, ['reservation.*']);
    const roomsOfA = await subscription(a, ['room.status-changed']);
    const everythingOfB = await subscription(b, ['*']);
    await subscriptions.pause(everythingOfB, b);
    const chain = await subscription(null, ['reservation.created', 'stay.*']);
    const batch = [
      event('reservation.created', a),
      event('room.status-changed', a),
      event('reservation.created', b),
      event('stay.checked-in', a),
      event('reservation.cancelled', a),
      event('reservations.created', a),
    ];

    const queued = await dataSource.transaction((manager) => deliveries.fanOut(manager, batch));

    const ids = (indexes: number[]) => indexes.map((index) => batch[index]!.id);
    expect((await deliveriesOf(reservationsOfA)).map((row) => row.event_id)).toEqual(ids([0, 4]));
    expect((await deliveriesOf(roomsOfA)).map((row) => row.event_id)).toEqual(ids([1]));
    // Paused subscriptions keep queueing, so resuming loses nothing.
    expect((await deliveriesOf(everythingOfB)).map((row) => row.event_id)).toEqual(ids([2]));
    expect((await deliveriesOf(chain)).map((row) => row.event_id)).toEqual(ids([0, 2, 3]));
    expect(queued).toBe(7);
    // Each wanted event is stored once; the unwanted one (no subscription takes it) not at all.
    const stored: { id: string }[] = await dataSource.query('SELECT id FROM webhook_event WHERE id = ANY($1)', [
      batch.map((candidate) => candidate.id),
    ]);
    expect(stored.map((row) => row.id).sort()).toEqual(ids([0, 1, 2, 3, 4]).sort());
    const lanes: { property_id: string }[] = await dataSource.query(
      'SELECT property_id FROM webhook_lane WHERE subscription_id = $1 AND next_attempt_at IS NOT NULL ORDER BY 1',
      [chain],
    );
    expect(lanes.map((lane) => lane.property_id)).toEqual([a, b].sort());
  });

  it('lets concurrent claims take disjoint lanes, never a leased one, and at most max_in_flight per subscription', async () => {
    // The first test's lanes are done with.
    await dataSource.query('UPDATE webhook_lane SET next_attempt_at = NULL');
    const wide = await subscription(null, ['reservation.*'], 10);
    const narrow = await subscription(null, ['reservation.*'], 2);
    const properties = Array.from({ length: 6 }, () => randomUUID());
    await dataSource.transaction((manager) =>
      deliveries.fanOut(
        manager,
        properties.map((propertyId) => event('reservation.created', propertyId)),
      ),
    );

    const [first, second] = await Promise.all([deliveries.claimLanes(4, 60_000), deliveries.claimLanes(4, 60_000)]);
    const claimed = [...first, ...second].map((lane) => `${lane.subscriptionId}/${lane.propertyId}`);
    expect(new Set(claimed).size).toBe(claimed.length);
    const more = await deliveries.claimLanes(20, 60_000);
    const all = [...claimed, ...more.map((lane) => `${lane.subscriptionId}/${lane.propertyId}`)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((lane) => lane.startsWith(wide))).toHaveLength(6);
    // Concurrent claims may each see the narrow subscription's two slots free; a later claim never adds to them.
    const narrowCount = all.filter((lane) => lane.startsWith(narrow)).length;
    expect(narrowCount).toBeGreaterThanOrEqual(2);
    expect(narrowCount).toBeLessThanOrEqual(4);
    expect(await deliveries.claimLanes(20, 60_000)).toEqual([]);

    // A released lane with work waiting is due again; the head is the oldest waiting delivery.
    // (A wide lane: releasing a narrow one would let the claim pick its older sibling, rightly.)
    const lane = [...first, ...second, ...more].find((candidate) => candidate.subscriptionId === wide)!;
    const [head] = await deliveries.heads([lane]);
    expect(head).toMatchObject({ subscriptionId: lane.subscriptionId, propertyId: lane.propertyId, attempts: 0 });
    await dataSource.transaction((manager) => deliveries.releaseLane(manager, lane, null));
    expect(await deliveries.claimLanes(20, 60_000)).toEqual([lane]);
  });

  it('purges delivered webhooks past the retention, and events nothing refers to, but never waiting ones', async () => {
    const propertyId = randomUUID();
    const subscriptionId = await subscription(propertyId, ['*']);
    const [old, recent, waiting] = [
      event('folio.opened', propertyId),
      event('folio.charge-posted', propertyId),
      event('payment.recorded', propertyId),
    ];
    await dataSource.transaction((manager) => deliveries.fanOut(manager, [old, recent, waiting]));
    await dataSource.query(
      `UPDATE webhook_delivery SET status = 'delivered', delivered_at = now() - CASE WHEN event_id = $1 THEN interval '40 days' ELSE interval '1 day' END
        WHERE event_id = ANY($2)`,
      [old.id, [old.id, recent.id]],
    );
    await dataSource.query(`UPDATE webhook_event SET received_at = now() - interval '40 days'`);
    await dataSource.query(`UPDATE webhook_delivery SET created_at = now() - interval '90 days' WHERE event_id = $1`, [
      waiting.id,
    ]);

    expect(await deliveries.purge(30, 1000)).toBe(1);
    expect((await deliveriesOf(subscriptionId)).map((row) => row.event_id)).toEqual([recent.id, waiting.id]);
    const events: { id: string }[] = await dataSource.query('SELECT id FROM webhook_event WHERE id = ANY($1)', [
      [old.id, recent.id, waiting.id],
    ]);
    expect(events.map((row) => row.id).sort()).toEqual([recent.id, waiting.id].sort());
  });
});
