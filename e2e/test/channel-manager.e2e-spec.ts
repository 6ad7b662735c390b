import {
  eventually,
  freePort,
  ServiceProcess,
  spawnServiceProcess,
  testToken,
  waitUntilReady,
} from '@frontoffice/platform/testing';
import { postgresUrl } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SERVICES = [
  { name: 'reservations', dir: 'apps/reservations', database: 'frontoffice_reservations_test', env: {} },
  {
    name: 'integrations',
    dir: 'apps/integrations',
    database: 'frontoffice_integrations_test',
    // The test's channel manager listens on loopback over plain HTTP; the address policy must let it through.
    env: {
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_WORKER_ENABLED: 'false',
      CHANNEL_PUSH_POLL_MS: '200',
      CHANNEL_PUSH_RETRY_BASE_DELAY_MS: '200',
      CHANNEL_PUSH_RETRY_MAX_DELAY_MS: '1000',
    },
  },
] as const;
type Name = (typeof SERVICES)[number]['name'];

interface Received {
  path: string;
  authorization?: string;
  body: string;
  at: number;
}

/** A channel manager's push endpoint: records every notification; fails the first `failFirst` on each path. */
class FakeChannelManager {
  readonly received: Received[] = [];
  private readonly failures = new Map<string, number>();
  private server?: Server;
  url = '';

  constructor(private readonly failFirst: number) {}

  async start(): Promise<this> {
    this.server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const failed = this.failures.get(path) ?? 0;
        if (failed < this.failFirst) {
          this.failures.set(path, failed + 1);
          response.writeHead(503).end('busy');
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ path, authorization: request.headers.authorization, body, at: Date.now() });
        const root = /<(OTA_\w+)RQ\b/.exec(body)?.[1] ?? 'OTA_Unknown';
        response
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(`<?xml version="1.0"?><${root}RS xmlns="http://www.opentravel.org/OTA/2003/05"><Success/></${root}RS>`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  on(path: string, root: string): Received[] {
    return this.received.filter((message) => message.path === path && message.body.includes(`<${root}`));
  }
}

/** The availability messages of a notification, as [InvTypeCode, Start, End, BookingLimit]. */
function availability(body: string): [string, string, string, string][] {
  return [
    ...body.matchAll(
      /<AvailStatusMessage BookingLimit="(\d+)"[^>]*>\s*<StatusApplicationControl Start="([\d-]+)" End="([\d-]+)" InvTypeCode="([^"]+)"/g,
    ),
  ].map((match) => [match[4], match[2], match[3], match[1]]);
}

/**
 * Reservations and integrations as separate processes with a fake channel manager: a booking made over OpenTravel
 * (or at the desk) is pushed back to the channel as availability within seconds; rate changes as rate amounts.
 */
describe('channel manager: bookings in, availability and rates out', () => {
  const running = new Map<Name, ServiceProcess>();
  const channelManager = new FakeChannelManager(2);
  const admin = testToken(['admin'], ['*']);

  beforeAll(async () => {
    await channelManager.start();
    const run = randomUUID().slice(0, 8);
    for (const service of SERVICES) {
      running.set(
        service.name,
        spawnServiceProcess({
          name: service.name,
          entry: join(ROOT, service.dir, 'dist', 'main.js'),
          port: await freePort(),
          env: {
            DATABASE_URL: postgresUrl(service.database),
            KAFKA_GROUP_ID: `frontoffice-${service.name}-e2e-channels-${run}`,
            KAFKA_FROM_BEGINNING: 'false',
            LOG_LEVEL: 'info',
            ...service.env,
          },
        }),
      );
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
    await Promise.all([...running.values()].map((service) => service.stop()));
    await channelManager.stop();
  }, 60_000);

  async function call<T>(service: Name, method: string, path: string, token: string, body?: unknown, expected = 200) {
    const response = await fetch(`${running.get(service)!.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A property with one room of type DBL and rate plan BAR, mapped to a new channel whose endpoint is `path`. */
  async function connectedHotel(path: string) {
    const code = `cm-${randomUUID().slice(0, 8)}`;
    const channel = await call<{ id: string; credentials: { username: string; apiKey: string } }>(
      'reservations',
      'POST',
      '/v1/channels',
      admin,
      { code, name: 'Channel Manager' },
      201,
    );
    await call('integrations', 'PUT', `/v1/channels/${channel.id}/endpoint`, admin, {
      url: `${channelManager.url}${path}`,
      username: 'hotel-push',
      password: 's3cret-push',
    });
    const property = await call<{ id: string }>(
      'reservations',
      'POST',
      '/v1/properties',
      admin,
      {
        code: `E${randomUUID().slice(0, 8).toUpperCase()}`,
        name: 'Hôtel du Canal',
        timezone: 'Europe/Paris',
        currency: 'EUR',
        country: 'FR',
        starRating: 3,
      },
      201,
    );
    const manager = testToken(['front_office_manager'], [property.id]);
    const roomType = await call<{ id: string }>(
      'reservations',
      'POST',
      `/v1/properties/${property.id}/room-types`,
      manager,
      {
        code: 'DBL',
        name: 'Double',
        maxOccupancy: 2,
        baseRate: { amountMinor: 11_000, currency: 'EUR' },
      },
      201,
    );
    await call(
      'reservations',
      'POST',
      `/v1/properties/${property.id}/rooms/bulk`,
      manager,
      {
        rooms: [{ number: '101', roomTypeId: roomType.id, floor: 1 }],
      },
      201,
    );
    const plan = await call<{ id: string }>(
      'reservations',
      'POST',
      `/v1/properties/${property.id}/rate-plans`,
      manager,
      {
        code: 'BAR',
        name: 'Best available',
        isDefault: true,
        prices: [{ roomTypeId: roomType.id, nightly: { amountMinor: 12_900, currency: 'EUR' } }],
      },
      201,
    );
    const hotelCode = `H${randomUUID().slice(0, 6).toUpperCase()}`;
    await call('reservations', 'PUT', `/v1/properties/${property.id}/channels/${channel.id}`, manager, {
      hotelCode,
      roomTypes: [{ code: 'DBL-STD', roomTypeId: roomType.id }],
      ratePlans: [{ code: 'BAR-RO', ratePlanId: plan.id }],
    });
    return { channel, propertyId: property.id, roomTypeId: roomType.id, ratePlanId: plan.id, hotelCode, manager };
  }

  it('pushes the sale of the last room, made over OpenTravel while the desk tries too, within seconds', async () => {
    const hotel = await connectedHotel('/a');
    const other = await connectedHotel('/b');

    // After the mapping, the channel gets the open inventory (after two refused attempts: retried with backoff).
    await eventually(
      () => {
        const pushes = channelManager.on('/a', 'OTA_HotelAvailNotifRQ');
        expect(pushes.length).toBeGreaterThan(0);
        expect(availability(pushes[0].body).every(([code, , , limit]) => code === 'DBL-STD' && limit === '1')).toBe(
          true,
        );
      },
      { timeoutMs: 30_000 },
    );
    const first = channelManager.on('/a', 'OTA_HotelAvailNotifRQ')[0];
    expect(first.authorization).toBe(`Basic ${Buffer.from('hotel-push:s3cret-push').toString('base64')}`);
    expect(first.body).toContain(`HotelCode="${hotel.hotelCode}"`);
    await eventually(() => expect(channelManager.on('/a', 'OTA_HotelRateAmountNotifRQ').length).toBeGreaterThan(0), {
      timeoutMs: 30_000,
    });
    expect(channelManager.on('/a', 'OTA_HotelRateAmountNotifRQ')[0].body).toMatch(
      /InvTypeCode="DBL-STD" RatePlanCode="BAR-RO"[\s\S]*AmountAfterTax="129.00" CurrencyCode="EUR"/,
    );

    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="e2e" TimeStamp="2026-12-01T10:00:00Z" Version="1.0" ResStatus="Commit">
  <HotelReservations><HotelReservation>
    <UniqueID Type="14" ID="E2E-${randomUUID().slice(0, 6)}"/>
    <RoomStays><RoomStay>
      <RoomTypes><RoomType RoomTypeCode="DBL-STD"/></RoomTypes>
      <RatePlans><RatePlan RatePlanCode="BAR-RO"/></RatePlans>
      <GuestCounts><GuestCount AgeQualifyingCode="10" Count="2"/></GuestCounts>
      <TimeSpan Start="2027-05-10" End="2027-05-13"/>
      <BasicPropertyInfo HotelCode="${hotel.hotelCode}"/>
    </RoomStay></RoomStays>
    <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>
      <PersonName><GivenName>Lena</GivenName><Surname>Berg</Surname></PersonName>
    </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
  </HotelReservation></HotelReservations>
</OTA_HotelResNotifRQ>`;
    const basic = Buffer.from(`${hotel.channel.credentials.username}:${hotel.channel.credentials.apiKey}`).toString(
      'base64',
    );
    const sent = Date.now();
    const [fromChannel, fromDesk] = await Promise.all([
      fetch(`${running.get('reservations')!.url}/v1/ota/hotel-res-notif`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'text/xml' },
        body: xml,
      }).then(async (response) => ({ status: response.status, body: await response.text() })),
      fetch(`${running.get('reservations')!.url}/v1/properties/${hotel.propertyId}/reservations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${testToken(['front_desk'], [hotel.propertyId])}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          guest: { firstName: 'Walk', lastName: 'In' },
          roomTypeId: hotel.roomTypeId,
          arrival: '2027-05-11',
          departure: '2027-05-12',
          adults: 1,
        }),
      }),
    ]);
    const channelWon = fromChannel.body.includes('<Success');
    expect([channelWon, fromDesk.status === 201].filter(Boolean)).toHaveLength(1);
    if (!channelWon) expect(fromChannel.body).toContain('Code="322"');

    // Whoever won, the channel hears that the room is gone for the nights sold.
    const soldNights = channelWon ? ['2027-05-10', '2027-05-12'] : ['2027-05-11', '2027-05-11'];
    const closed = await eventually(
      () => {
        const match = channelManager
          .on('/a', 'OTA_HotelAvailNotifRQ')
          .find((push) =>
            availability(push.body).some(
              ([code, start, end, limit]) =>
                code === 'DBL-STD' && start === soldNights[0] && end === soldNights[1] && limit === '0',
            ),
          );
        expect(match).toBeDefined();
        return match!;
      },
      { timeoutMs: 15_000 },
    );
    expect(closed.body).toContain('<RestrictionStatus Status="Close"/>');
    // "Never more than a few seconds behind": consumer, coalescing and push in well under five seconds here.
    expect(closed.at - sent).toBeLessThan(5_000);

    // A rate override is pushed as a rate amount for exactly its nights.
    await call(
      'reservations',
      'POST',
      `/v1/properties/${hotel.propertyId}/rate-plans/${hotel.ratePlanId}/overrides`,
      hotel.manager,
      {
        overrides: [
          {
            roomTypeId: hotel.roomTypeId,
            from: '2027-07-14',
            to: '2027-07-15',
            nightly: { amountMinor: 19_900, currency: 'EUR' },
          },
        ],
      },
      201,
    );
    await eventually(
      () =>
        expect(
          channelManager
            .on('/a', 'OTA_HotelRateAmountNotifRQ')
            .some((push) =>
              /Start="2027-07-14" End="2027-07-15"[^>]*RatePlanCode="BAR-RO"[\s\S]*?AmountAfterTax="199.00"/.test(
                push.body,
              ),
            ),
        ).toBe(true),
      { timeoutMs: 15_000 },
    );

    // Property isolation: the other property's channel endpoint never hears about this hotel, nor this one about it.
    expect(
      channelManager.received.filter((push) => push.path === '/b').every((push) => push.body.includes(other.hotelCode)),
    ).toBe(true);
    expect(
      channelManager.received
        .filter((push) => push.path === '/a')
        .every((push) => !push.body.includes(other.hotelCode)),
    ).toBe(true);

    // The push state is visible to the admin: the lane caught up, the refused attempts were retried.
    const endpoint = await call<{
      properties: { hotelCode: string; pending: boolean; lastSuccessAt: string | null }[];
    }>('integrations', 'GET', `/v1/channels/${hotel.channel.id}/endpoint`, admin);
    expect(endpoint.properties).toEqual([
      expect.objectContaining({ hotelCode: hotel.hotelCode, lastSuccessAt: expect.any(String) }),
    ]);
    const metrics = await (await fetch(`${running.get('integrations')!.url}/metrics`)).text();
    expect(metrics).toContain(`channel_push_attempts_total{channel_id="${hotel.channel.id}",outcome="failed"} 2`);
    expect(metrics).toMatch(
      new RegExp(`channel_push_attempts_total\\{channel_id="${hotel.channel.id}",outcome="accepted"\\} [1-9]`),
    );
    expect(metrics).toContain('channel_push_lanes_failing');
  }, 120_000);
});
