import {
  EventProbe,
  eventually,
  freePort,
  ServiceProcess,
  spawnServiceProcess,
  testKafka,
  testToken,
  waitUntilReady,
} from '@frontoffice/platform/testing';
import { TOPICS, validateEvent } from '@frontoffice/contracts';
import { postgresUrl } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');
const SERVICES = [
  { name: 'reservations', dir: 'apps/reservations', database: 'frontoffice_reservations_test' },
  { name: 'concierge', dir: 'apps/concierge', database: 'frontoffice_concierge_test' },
  { name: 'staffing', dir: 'apps/staffing', database: 'frontoffice_staffing_test' },
  { name: 'billing-bridge', dir: 'apps/billing-bridge', database: 'frontoffice_billing_test' },
] as const;
type Name = (typeof SERVICES)[number]['name'];

/**
 * The four built services as separate processes (`node apps/<service>/dist/main.js`), as an operator runs them,
 * exercised only through HTTP and the topics: one booking crosses the broker and opens a folio.
 */
describe('walking skeleton: four services, one broker, one database server', () => {
  const running = new Map<Name, ServiceProcess>();
  let probe: EventProbe;

  beforeAll(async () => {
    probe = await new EventProbe(testKafka('e2e'), [TOPICS.reservations, TOPICS.billing]).start();
    const run = randomUUID().slice(0, 8);
    for (const service of SERVICES) {
      const process = spawnServiceProcess({
        name: service.name,
        entry: join(ROOT, service.dir, 'dist', 'main.js'),
        port: await freePort(),
        env: {
          DATABASE_URL: postgresUrl(service.database),
          KAFKA_GROUP_ID: `frontoffice-${service.name}-e2e-${run}`,
          KAFKA_FROM_BEGINNING: 'false',
          LOG_LEVEL: 'info',
        },
      });
      running.set(service.name, process);
    }
    try {
      await Promise.all([...running.values()].map((service) => waitUntilReady(service.url, 90_000)));
    } catch (error) {
      for (const service of running.values())
        console.error(`--- ${service.name}\n${service.output.slice(-30).join('\n')}`);
      throw error;
    }
  }, 120_000);

  afterAll(async () => {
    await probe?.stop();
    await Promise.all([...running.values()].map((service) => service.stop('SIGKILL')));
  });

  const url = (name: Name) => running.get(name)!.url;
  const post = async (name: Name, path: string, token: string, body: unknown) => {
    const response = await fetch(`${url(name)}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { id: string } };
  };

  it('books a stay in reservations and finds its folio in billing-bridge, through Kafka', async () => {
    const property = await post('reservations', '/v1/properties', testToken(['admin'], ['*']), {
      code: `E${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'E2E Palace',
      timezone: 'Asia/Tokyo',
      currency: 'JPY',
      country: 'JP',
      starRating: 5,
    });
    expect(property.status).toBe(201);
    const propertyId = property.body.id;
    const roomType = await post(
      'reservations',
      `/v1/properties/${propertyId}/room-types`,
      testToken(['front_office_manager'], [propertyId]),
      {
        code: 'TWN',
        name: 'Twin',
        maxOccupancy: 2,
        baseRate: { amountMinor: 32_000, currency: 'JPY' },
      },
    );
    expect(roomType.status).toBe(201);
    const rooms = await post(
      'reservations',
      `/v1/properties/${propertyId}/rooms/bulk`,
      testToken(['front_office_manager'], [propertyId]),
      { rooms: ['201', '202'].map((number) => ({ number, roomTypeId: roomType.body.id, floor: 2 })) },
    );
    expect(rooms.status).toBe(201);

    const desk = testToken(['front_desk'], [propertyId]);
    const bookedAt = Date.now();
    const reservation = await post('reservations', `/v1/properties/${propertyId}/reservations`, desk, {
      guest: { firstName: 'Yuki', lastName: 'Tanaka', language: 'ja', vipLevel: 'vvip' },
      roomTypeId: roomType.body.id,
      arrival: '2027-04-01',
      departure: '2027-04-03',
      adults: 2,
    });
    expect(reservation.status).toBe(201);

    const folio = await eventually(
      async () => {
        const response = await fetch(
          `${url('billing-bridge')}/v1/properties/${propertyId}/folios?reservationId=${reservation.body.id}`,
          {
            headers: { authorization: `Bearer ${desk}` },
          },
        );
        const list = (await response.json()) as { items: Array<Record<string, unknown>> };
        expect(list.items).toHaveLength(1);
        return list.items[0];
      },
      { timeoutMs: 15_000, intervalMs: 25 },
    );
    const latencyMs = Date.now() - bookedAt;
    console.log(`booking → folio visible in billing-bridge: ${latencyMs} ms`);
    expect(folio).toMatchObject({
      reservationId: reservation.body.id,
      status: 'open',
      balance: { amountMinor: 0, currency: 'JPY' },
    });

    // On the wire: reservation.created then folio.opened, both valid against the contracts and causally linked.
    const created = validateEvent(
      (await probe.waitFor((message) => message.json?.subject === reservation.body.id)).json,
    );
    const opened = validateEvent((await probe.waitFor((message) => message.json?.subject === folio.id)).json);
    expect(opened.causationId).toBe(created.id);
    expect(opened.correlationId).toBe(created.correlationId);

    // Staffing kept its read model of the new property (its own database, fed only by the topic).
    const staffingDb = new Client({ connectionString: postgresUrl('frontoffice_staffing_test') });
    await staffingDb.connect();
    try {
      await eventually(async () => {
        const { rows } = await staffingDb.query('SELECT code FROM staffed_property WHERE id = $1', [propertyId]);
        expect(rows).toEqual([{ code: property.body.code }]);
      });
    } finally {
      await staffingDb.end();
    }
  });

  it('stops every service cleanly on SIGTERM', async () => {
    for (const service of running.values()) {
      const code = await service.stop('SIGTERM', 30_000);
      expect({ service: service.name, code }).toEqual({ service: service.name, code: 0 });
      expect(service.output.some((line) => line.includes('stopped cleanly'))).toBe(true);
    }
  });
});
