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
    probe = await new EventProbe(testKafka('e2e'), [TOPICS.reservations, TOPICS.billing, TOPICS.concierge]).start();
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

  // Answers are checked by expect() at run time; typing every service's views here would duplicate them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const call = async (name: Name, method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${url(name)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, body: json as Json, text, headers: response.headers };
  };
  const expectOk = async (result: Promise<{ status: number; body: Json }>, status = 200) => {
    const answer = await result;
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
    return answer.body;
  };

  /**
   * One guest's stay through every service, only over HTTP and the topics: reservations books and checks in,
   * concierge sends a porter and sells a show, a complaint's compensation lands once on the folio, the night
   * audit posts the room, the desk takes a card and checks out, billing invoices and closes a balanced journal
   * that exports as FEC, and staffing counts the arrival in its forecast.
   */
  it('runs a stay across the four services', async () => {
    const admin = testToken(['admin'], ['*']);
    const property = await expectOk(
      call('reservations', 'POST', '/v1/properties', admin, {
        code: `D${randomUUID().slice(0, 8).toUpperCase()}`,
        name: 'E2E Grand Hôtel',
        timezone: 'Europe/Paris',
        currency: 'EUR',
        country: 'FR',
        starRating: 4,
      }),
      201,
    );
    const propertyId: string = property.id;
    const businessDate: string = property.businessDate;
    const at = (path: string) => `/v1/properties/${propertyId}${path}`;
    const manager = testToken(['front_office_manager'], [propertyId], 'fom-e2e');
    const desk = testToken(['front_desk'], [propertyId], 'desk-e2e');
    const concierge = testToken(['concierge'], [propertyId], 'concierge-e2e');
    const finance = testToken(['finance'], [propertyId], 'finance-e2e');

    const roomType = await expectOk(
      call('reservations', 'POST', at('/room-types'), manager, {
        code: 'DBL',
        name: 'Double',
        maxOccupancy: 2,
        baseRate: { amountMinor: 15_000, currency: 'EUR' },
      }),
      201,
    );
    await expectOk(
      call('reservations', 'POST', at('/rooms/bulk'), manager, {
        rooms: ['101', '102', '103'].map((number) => ({ number, roomTypeId: roomType.id, floor: 1 })),
      }),
      201,
    );
    // Concierge and billing learn about the property from its events; configure them once they have.
    await eventually(
      async () =>
        expectOk(
          call('concierge', 'PUT', at('/concierge-settings'), manager, { hasPorters: true, fallbackLanguage: 'en' }),
        ),
      { timeoutMs: 20_000 },
    );
    await eventually(
      async () => expectOk(call('billing-bridge', 'PATCH', at('/journal/settings'), manager, { siren: '732829320' })),
      { timeoutMs: 20_000 },
    );

    const departure = new Date(Date.parse(`${businessDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const reservation = await expectOk(
      call('reservations', 'POST', at('/reservations'), desk, {
        guest: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: `ada-${propertyId}@example.org`,
          language: 'en',
          vipLevel: 'vip',
        },
        roomTypeId: roomType.id,
        arrival: businessDate,
        departure,
        adults: 2,
      }),
      201,
    );
    const reservationId: string = reservation.id;
    const checkedIn = await expectOk(
      call('reservations', 'POST', at(`/reservations/${reservationId}/check-in`), desk, {}),
    );
    expect(checkedIn).toMatchObject({ status: 'checked_in' });

    // The porter's luggage-up task and the manager's VIP welcome appear in the concierge.
    const tasks = await eventually(
      async () => {
        const list = await expectOk(call('concierge', 'GET', at(`/requests?reservationId=${reservationId}`), manager));
        const kinds = list.items.map((item: { kind: string }) => item.kind);
        expect(kinds).toEqual(expect.arrayContaining(['luggage_up']));
        return list.items as Array<{ kind: string; roomNumber: string }>;
      },
      { timeoutMs: 20_000 },
    );
    const room = await expectOk(call('reservations', 'GET', at(`/rooms/${checkedIn.roomId}`), desk));
    expect(tasks.find((task) => task.kind === 'luggage_up')?.roomNumber).toBe(room.number);

    // A show booked by the concierge is charged to the folio.
    await eventually(
      async () =>
        expectOk(
          call('concierge', 'POST', at('/bookings'), concierge, {
            reservationId,
            description: 'Two seats, Palais Garnier',
            bookedFor: new Date(Date.now() + 6 * 3_600_000).toISOString(),
            partySize: 2,
            price: { amountMinor: 24_000, currency: 'EUR' },
            chargeType: 'local_booking',
          }),
          201,
        ),
      { timeoutMs: 20_000 },
    );

    // A complaint with a compensation: the concierge cannot approve it, the manager can, and billing posts it once.
    const complaint = await expectOk(
      call('concierge', 'POST', at('/complaints'), concierge, {
        category: 'noise',
        whatWentWrong: 'Works next door started at 7:00',
        guestWords: 'I could not sleep at all.',
        reservationId,
        compensation: { kind: 'allowance', amount: { amountMinor: 5_000, currency: 'EUR' }, description: 'Noise' },
      }),
      201,
    );
    const approve = () =>
      call('concierge', 'POST', at(`/complaints/${complaint.id}/compensation/approve`), manager, { note: 'Sorry' });
    expect(
      (await call('concierge', 'POST', at(`/complaints/${complaint.id}/compensation/approve`), concierge, {})).status,
    ).toBe(403);
    await expectOk(approve());
    await expectOk(approve());

    const folioList = await eventually(async () => {
      const list = await expectOk(call('billing-bridge', 'GET', at(`/folios?reservationId=${reservationId}`), desk));
      expect(list.items).toHaveLength(1);
      return list;
    });
    const folioId: string = folioList.items[0].id;

    const nightAudit = await expectOk(call('reservations', 'POST', at('/night-audit'), manager, { businessDate }));
    expect(nightAudit).toMatchObject({ businessDate, nextBusinessDate: departure, roomNightsPosted: 1 });

    const folio = await eventually(
      async () => {
        const body = await expectOk(call('billing-bridge', 'GET', at(`/folios/${folioId}`), desk));
        const sources = body.postings.map((posting: { source: string }) => posting.source).sort();
        expect(sources).toEqual(['compensation', 'concierge', 'night_audit']);
        return body;
      },
      { timeoutMs: 20_000 },
    );
    const bySource = (source: string) =>
      folio.postings.find((posting: { source: string }) => posting.source === source);
    expect(bySource('concierge').amount).toEqual({ amountMinor: 24_000, currency: 'EUR' });
    expect(bySource('compensation').amount).toEqual({ amountMinor: -5_000, currency: 'EUR' });
    expect(bySource('night_audit').net.amountMinor + bySource('night_audit').vat.amountMinor).toBe(15_000);

    // The broker delivers the compensation a second time (a producer retry, a replayed DLQ…): billing posts nothing more.
    const granted = await probe.waitFor(
      (message) => message.json?.type === 'concierge.compensation-granted' && message.json?.propertyId === propertyId,
    );
    const producer = testKafka('e2e-redelivery').producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.concierge,
      messages: [{ key: granted.key, value: granted.value, headers: granted.headers }],
    });
    await producer.disconnect();
    // A later charge on the same partition shows the duplicate has been consumed before we count again.
    await expectOk(
      call('concierge', 'POST', at('/bookings'), concierge, {
        reservationId,
        description: 'Taxi to Orly',
        bookedFor: new Date(Date.now() + 20 * 3_600_000).toISOString(),
        partySize: 2,
        price: { amountMinor: 6_000, currency: 'EUR' },
        chargeType: 'transport',
      }),
      201,
    );
    const folioNow = await eventually(async () => {
      const body = await expectOk(call('billing-bridge', 'GET', at(`/folios/${folioId}`), desk));
      expect(body.postings.filter((posting: { source: string }) => posting.source === 'concierge')).toHaveLength(2);
      return body;
    });
    expect(folioNow.postings.filter((posting: { source: string }) => posting.source === 'compensation')).toHaveLength(
      1,
    );

    const balance: number = folioNow.balance.amountMinor;
    expect(balance).toBe(
      folioNow.postings.reduce(
        (sum: number, posting: { amount: { amountMinor: number } }) => sum + posting.amount.amountMinor,
        0,
      ),
    );
    await expectOk(
      call('billing-bridge', 'POST', at(`/folios/${folioId}/payments`), desk, {
        method: 'card',
        amount: { amountMinor: balance, currency: 'EUR' },
        cardLast4: '4242',
        processorRef: 'psp_e2e_1',
      }),
      201,
    );

    await expectOk(call('reservations', 'POST', at(`/reservations/${reservationId}/check-out`), desk));
    const invoice = await eventually(
      async () => expectOk(call('billing-bridge', 'POST', at(`/folios/${folioId}/settle`), desk, {}), 201),
      { timeoutMs: 20_000 },
    );
    expect(invoice).toMatchObject({ kind: 'invoice', total: { amountMinor: balance, currency: 'EUR' } });

    // The closed business date is one balanced journal batch, and its FEC export is well formed.
    const journal = await eventually(async () => {
      const body = await expectOk(call('billing-bridge', 'GET', at(`/journal?businessDate=${businessDate}`), finance));
      expect(body.batch).toBeTruthy();
      return body;
    });
    expect(journal.totals.debit).toEqual(journal.totals.credit);
    expect(journal.totals.debit.amountMinor).toBeGreaterThan(0);
    const fec = await call(
      'billing-bridge',
      'GET',
      at(`/exports/fec?from=${businessDate}&to=${businessDate}`),
      finance,
    );
    expect(fec.status).toBe(200);
    const [header, ...entries] = fec.text.trim().split(/\r?\n/);
    expect(header.split('|')).toHaveLength(18);
    expect(entries.length).toBeGreaterThan(0);
    const amount = (value: string) => Math.round(Number(value.replace(',', '.')) * 100);
    const columns = entries.map((line) => line.split('|'));
    const debit = columns.reduce((sum, fields) => sum + amount(fields[11]), 0);
    const credit = columns.reduce((sum, fields) => sum + amount(fields[12]), 0);
    expect(debit).toBe(credit);

    // Staffing counted the arrival in its forecast for that day.
    const demand = await eventually(async () => {
      const body = await expectOk(
        call('staffing', 'GET', at(`/staffing/demand?from=${businessDate}&to=${businessDate}`), manager),
      );
      expect(body.items.length).toBeGreaterThan(0);
      return body;
    });
    expect(demand.items.every((item: { date: string }) => item.date === businessDate)).toBe(true);
  });

  it('stops every service cleanly on SIGTERM', async () => {
    for (const service of running.values()) {
      const code = await service.stop('SIGTERM', 30_000);
      expect({ service: service.name, code }).toEqual({ service: service.name, code: 0 });
      expect(service.output.some((line) => line.includes('stopped cleanly'))).toBe(true);
    }
  });
});
