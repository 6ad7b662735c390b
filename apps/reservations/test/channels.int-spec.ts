import type { EventEnvelope } from '@frontoffice/contracts';
import { eventually } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { resNotif, SampleBooking, summarize } from './ota-messages';
import { booking, ReservationsHarness } from './reservations-harness';

interface Channel {
  id: string;
  code: string;
  credentials: { username: string; apiKey: string };
}

/** Channel managers through HTTP, with the real database and broker: OTA_HotelResNotifRQ in, OTA answers out. */
describe('channel managers (OpenTravel)', () => {
  const harness = new ReservationsHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  const newChannel = () =>
    harness.json<Channel>(201, 'POST', '/v1/channels', harness.admin, {
      code: `cm-${randomUUID().slice(0, 8)}`,
      name: 'Channel Manager',
    });

  /** A hotel with `rooms` rooms of one type, mapped to the channel as hotel `hotelCode`, room type DBL-STD. */
  async function connectedHotel(channel: Channel, rooms = 5) {
    const hotel = await harness.hotel(rooms);
    const hotelCode = `H${randomUUID().slice(0, 8).toUpperCase()}`;
    const manager = harness.token(['front_office_manager'], hotel.propertyId);
    await harness.json(200, 'PUT', `/v1/properties/${hotel.propertyId}/channels/${channel.id}`, manager, {
      hotelCode,
      roomTypes: [{ code: 'DBL-STD', roomTypeId: hotel.roomTypeId }],
      ratePlans: [],
    });
    return { ...hotel, hotelCode, manager };
  }

  /** Like the harness's, with room for a loaded CI machine (the relay and the probe can lag by seconds). */
  const waitForEvent = (propertyId: string, predicate: (event: EventEnvelope) => boolean) =>
    eventually(
      () => {
        const events = harness.events(propertyId);
        if (!events.some(predicate)) throw new Error(`no matching event yet (${events.map((e) => e.type).join(', ')})`);
        return events;
      },
      { timeoutMs: 30_000 },
    );

  const basic = (channel: Channel) =>
    `Basic ${Buffer.from(`${channel.credentials.username}:${channel.credentials.apiKey}`).toString('base64')}`;

  async function post(channel: Channel | undefined, body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${harness.service.url}/v1/ota/hotel-res-notif`, {
      method: 'POST',
      headers: {
        'content-type': 'application/xml',
        ...(channel ? { authorization: basic(channel) } : {}),
        ...headers,
      },
      body,
    });
    expect(response.headers.get('content-type')).toContain('application/xml');
    const text = await response.text();
    expect(text).toContain('<OTA_HotelResNotifRS');
    return summarize(response.status, text);
  }

  const send = (channel: Channel, message: SampleBooking) => post(channel, resNotif(message));

  const reservationsOf = (propertyId: string, token: string) =>
    harness.json<{
      items: {
        id: string;
        confirmationNumber: string;
        status: string;
        arrival: string;
        departure: string;
        source: string;
        adults: number;
      }[];
    }>(200, 'GET', `/v1/properties/${propertyId}/reservations?limit=100`, token);

  it('books, answers a replay with the same confirmation, modifies and cancels', async () => {
    const channel = await newChannel();
    const hotel = await connectedHotel(channel);
    const channelReservationId = `BDC-${randomUUID().slice(0, 8)}`;

    const booked = await send(channel, { channelReservationId, hotelCode: hotel.hotelCode, echoToken: 'first' });
    expect(booked).toMatchObject({ status: 200, success: true, echoToken: 'first' });
    expect(booked.confirmationNumber).toMatch(/^[A-Z0-9]{6,}$/);
    expect(booked.body).toContain(`<UniqueID Type="14" ID="${channelReservationId}"`);

    const replay = await send(channel, { channelReservationId, hotelCode: hotel.hotelCode, echoToken: 'again' });
    expect(replay).toMatchObject({ status: 200, success: true, echoToken: 'again' });
    expect(replay.confirmationNumber).toBe(booked.confirmationNumber);
    let found = await reservationsOf(hotel.propertyId, hotel.manager);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      confirmationNumber: booked.confirmationNumber,
      status: 'confirmed',
      arrival: '2027-05-10',
      departure: '2027-05-13',
      source: 'channel',
    });

    const modified = await send(channel, {
      resStatus: 'Modify',
      channelReservationId,
      hotelCode: hotel.hotelCode,
      arrival: '2027-05-11',
      departure: '2027-05-15',
      adults: 1,
    });
    expect(modified).toMatchObject({ status: 200, success: true, confirmationNumber: booked.confirmationNumber });
    found = await reservationsOf(hotel.propertyId, hotel.manager);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ arrival: '2027-05-11', departure: '2027-05-15', adults: 1 });

    const cancelled = await send(channel, { resStatus: 'Cancel', channelReservationId, hotelCode: hotel.hotelCode });
    expect(cancelled).toMatchObject({ status: 200, success: true, confirmationNumber: booked.confirmationNumber });
    const again = await send(channel, { resStatus: 'Cancel', channelReservationId, hotelCode: hotel.hotelCode });
    expect(again).toMatchObject({ status: 200, success: true, confirmationNumber: booked.confirmationNumber });
    found = await reservationsOf(hotel.propertyId, hotel.manager);
    expect(found.items.map((item) => item.status)).toEqual(['cancelled']);

    // A modification of a cancelled booking is refused; inventory is back to five rooms on every night.
    const late = await send(channel, { resStatus: 'Modify', channelReservationId, hotelCode: hotel.hotelCode });
    expect(late).toMatchObject({ status: 200, success: false, errorCode: '95' });
    const availability = await harness.json<{ items: { available: number }[] }>(
      200,
      'GET',
      `/v1/properties/${hotel.propertyId}/availability?from=2027-05-10&to=2027-05-15&roomTypeId=${hotel.roomTypeId}`,
      hotel.manager,
    );
    expect(availability.items.map((item) => item.available)).toEqual([5, 5, 5, 5, 5]);
  });

  it('answers OpenTravel errors for unknown codes, bad dates and unknown bookings, booking nothing', async () => {
    const channel = await newChannel();
    const hotel = await connectedHotel(channel);
    const id = () => `BDC-${randomUUID().slice(0, 8)}`;
    const cases: [SampleBooking, string][] = [
      [{ channelReservationId: id(), hotelCode: hotel.hotelCode, roomTypeCode: 'SUITE-X' }, '402'],
      [{ channelReservationId: id(), hotelCode: hotel.hotelCode, ratePlanCode: 'NOPE' }, '249'],
      [{ channelReservationId: id(), hotelCode: 'NOT-A-HOTEL' }, '392'],
      [
        { channelReservationId: id(), hotelCode: hotel.hotelCode, arrival: '2027-05-13', departure: '2027-05-10' },
        '404',
      ],
      [
        { channelReservationId: id(), hotelCode: hotel.hotelCode, arrival: '2027-02-30', departure: '2027-03-02' },
        '15',
      ],
      [
        { channelReservationId: id(), hotelCode: hotel.hotelCode, arrival: '2020-01-01', departure: '2020-01-03' },
        '136',
      ],
      [{ channelReservationId: id(), hotelCode: hotel.hotelCode, adults: 9 }, '320'],
      [{ resStatus: 'Modify', channelReservationId: id(), hotelCode: hotel.hotelCode }, '245'],
      [{ resStatus: 'Cancel', channelReservationId: id(), hotelCode: hotel.hotelCode }, '245'],
    ];
    for (const [message, code] of cases) {
      const answer = await send(channel, message);
      expect({ code: answer.errorCode, status: answer.status, success: answer.success }).toEqual({
        code,
        status: 200,
        success: false,
      });
      expect(answer.body).toMatch(/<Errors>\s*<Error Type="\d+" Code="\d+" ShortText="[^"]+">[^<]+<\/Error>/);
    }
    expect((await reservationsOf(hotel.propertyId, hotel.manager)).items).toHaveLength(0);
  });

  it('refuses bad credentials, DTDs, oversized and malformed messages with OTA errors, never a 500', async () => {
    const channel = await newChannel();
    const hotel = await connectedHotel(channel);
    const message = resNotif({ channelReservationId: 'X-1', hotelCode: hotel.hotelCode, echoToken: 'tok-1' });

    const anonymous = await post(undefined, message);
    expect(anonymous).toMatchObject({ status: 401, errorCode: '497', errorType: '4' });
    const wrongKey = await post({ ...channel, credentials: { ...channel.credentials, apiKey: 'cm_guess' } }, message);
    expect(wrongKey).toMatchObject({ status: 401, errorCode: '497' });

    const xxe = message.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    );
    expect(await post(channel, xxe)).toMatchObject({ status: 400, errorCode: '450', errorType: '7' });
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${message.slice(38)}`;
    expect(await post(channel, laughs)).toMatchObject({ status: 400, errorCode: '450' });
    const broken = await post(channel, message.slice(0, message.length - 30));
    expect(broken).toMatchObject({ status: 400, errorCode: '450', echoToken: 'tok-1' });
    expect(await post(channel, '<OTA_PingRQ xmlns="http://www.opentravel.org/OTA/2003/05"/>')).toMatchObject({
      status: 400,
      errorCode: '450',
    });
    const huge = message.replace('Late arrival', 'x'.repeat(300_000));
    expect(await post(channel, huge)).toMatchObject({ status: 413, errorCode: '450' });
    expect(await post(channel, '{"json":true}', { 'content-type': 'application/json' })).toMatchObject({
      status: 415,
    });
    expect((await reservationsOf(hotel.propertyId, hotel.manager)).items).toHaveLength(0);
  });

  it('keeps a channel inside the properties it is mapped to', async () => {
    const channelA = await newChannel();
    const channelB = await newChannel();
    const hotelA = await connectedHotel(channelA);
    const hotelB = await connectedHotel(channelB);

    // Channel A knows B's hotel code (it is B's channel's), but that code names nothing for A.
    const intrusion = await send(channelA, { channelReservationId: 'A-INTO-B', hotelCode: hotelB.hotelCode });
    expect(intrusion).toMatchObject({ status: 200, success: false, errorCode: '392' });
    expect((await reservationsOf(hotelB.propertyId, hotelB.manager)).items).toHaveLength(0);

    // A manager of A cannot map B's room type into A, nor touch B's mapping with A's token.
    const mapInto = await harness.call(
      'PUT',
      `/v1/properties/${hotelA.propertyId}/channels/${channelA.id}`,
      hotelA.manager,
      { hotelCode: hotelA.hotelCode, roomTypes: [{ code: 'STOLEN', roomTypeId: hotelB.roomTypeId }], ratePlans: [] },
    );
    expect(mapInto.status).toBe(404);
    const foreign = await harness.call('GET', `/v1/properties/${hotelB.propertyId}/channels`, hotelA.manager);
    expect(foreign.status).toBe(403);
    // A front desk agent may not change mappings; only an admin creates channels.
    const desk = harness.token(['front_desk'], hotelA.propertyId);
    expect(
      (
        await harness.call('PUT', `/v1/properties/${hotelA.propertyId}/channels/${channelA.id}`, desk, {
          hotelCode: 'X',
          roomTypes: [],
          ratePlans: [],
        })
      ).status,
    ).toBe(403);
    expect((await harness.call('POST', '/v1/channels', hotelA.manager, { code: 'mine', name: 'Mine' })).status).toBe(
      403,
    );

    // Disconnected, the channel can no longer book into A.
    await harness.json(204, 'DELETE', `/v1/properties/${hotelA.propertyId}/channels/${channelA.id}`, hotelA.manager);
    const after = await send(channelA, { channelReservationId: 'A-AFTER', hotelCode: hotelA.hotelCode });
    expect(after).toMatchObject({ success: false, errorCode: '392' });
    await waitForEvent(
      hotelA.propertyId,
      (event) => event.type === 'channel.mapping-updated' && (event.data as { active: boolean }).active === false,
    );
  });

  it('sells the last room once when the channel and the desk book it at the same moment', async () => {
    const channel = await newChannel();
    for (let round = 0; round < 3; round += 1) {
      const hotel = await connectedHotel(channel, 1);
      const desk = harness.token(['front_desk'], hotel.propertyId);
      const [fromChannel, fromDesk] = await Promise.all([
        send(channel, {
          channelReservationId: `LAST-${round}-${randomUUID().slice(0, 6)}`,
          hotelCode: hotel.hotelCode,
        }),
        harness.call(
          'POST',
          `/v1/properties/${hotel.propertyId}/reservations`,
          desk,
          booking(hotel.roomTypeId, '2027-05-10', '2027-05-13'),
        ),
      ]);
      const winners = [fromChannel.success, fromDesk.status === 201].filter(Boolean);
      expect(winners).toHaveLength(1);
      if (!fromChannel.success) expect(fromChannel).toMatchObject({ status: 200, errorCode: '322' });
      else expect(fromDesk.status).toBe(409);
      const found = await reservationsOf(hotel.propertyId, hotel.manager);
      expect(found.items).toHaveLength(1);

      // The sale reaches the availability feed: zero rooms left on the three nights.
      const sale = (event: { type: string; data: unknown }) =>
        event.type === 'inventory.availability-changed' &&
        (event.data as { causes: string[] }).causes.includes('inventory');
      const events = await waitForEvent(hotel.propertyId, sale);
      const change = events.find(sale)!.data as {
        from: string;
        to: string;
        nights: { date: string; available: number; sold: number }[];
      };
      expect(change).toMatchObject({ from: '2027-05-10', to: '2027-05-13' });
      expect(change.nights.map((night) => [night.date, night.available, night.sold])).toEqual([
        ['2027-05-10', 0, 1],
        ['2027-05-11', 0, 1],
        ['2027-05-12', 0, 1],
      ]);
    }
  });

  it('stores no API key, only its hash; a rotated key keeps the old one for the overlap', async () => {
    const channel = await newChannel();
    const hotel = await connectedHotel(channel);
    const [row]: { key_hash: string }[] = await harness.service.app
      .get(DataSource)
      .query('SELECT key_hash FROM channel WHERE id = $1', [channel.id]);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.key_hash).not.toContain(channel.credentials.apiKey);

    const rotated = await harness.json<Channel>(200, 'POST', `/v1/channels/${channel.id}/key`, harness.admin, {
      overlapHours: 1,
    });
    expect(rotated.credentials.apiKey).not.toBe(channel.credentials.apiKey);
    const message = () =>
      resNotif({ channelReservationId: `R-${randomUUID().slice(0, 6)}`, hotelCode: hotel.hotelCode });
    expect((await post(channel, message())).success).toBe(true);
    expect((await post(rotated, message())).success).toBe(true);
    await harness.json(200, 'POST', `/v1/channels/${channel.id}/key`, harness.admin, { overlapHours: 0 });
    expect((await post(rotated, message())).status).toBe(401);
  });
});
