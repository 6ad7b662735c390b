import { TOPICS } from '@frontoffice/contracts';
import { postgresUrl } from '@frontoffice/platform';
import {
  EventProbe,
  eventually,
  freePort,
  RunningTestService,
  ServiceProcess,
  spawnServiceProcess,
  waitUntilReady,
} from '@frontoffice/platform/testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { AutomaticMessagesScheduler } from '../src/mail/automatic-messages.scheduler';
import { client, Client, Items, kafka, startConcierge } from './support';

type Refusal = { code: number; message: string };

/**
 * A real SMTP server on a free port: it keeps what it accepts, parsed, and refuses recipients as told (a list of
 * refusals per address, consumed one per attempt, or one refusal for every attempt).
 */
class TestSmtpServer {
  readonly received: Array<ParsedMail & { envelopeTo: string[] }> = [];
  readonly refusals = new Map<string, Refusal[]>();
  readonly alwaysRefuse = new Map<string, Refusal>();
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const refusal = this.alwaysRefuse.get(address.address) ?? this.refusals.get(address.address)?.shift();
        if (!refusal) return callback();
        const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
        return callback(error);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
            this.received.push(Object.assign(mail, { envelopeTo }));
            callback(null, `Message queued as T${this.received.length}`);
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  to(address: string) {
    return this.received.filter((mail) => mail.envelopeTo.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface LoggedMessage {
  id: string;
  purpose: string;
  language: string;
  status: string;
  attempts: number;
  recipient: string;
  recipientAddress: string | null;
  subject: string;
  body: string;
  smtpMessageId: string | null;
  smtpCode: number | null;
  smtpResponse: string | null;
  scrubbedAt: string | null;
}

const ROOT = join(__dirname, '..', '..', '..');
/** Addresses of this run only: the test database keeps earlier runs' messages. */
const RUN = randomUUID().slice(0, 8);
const at = (name: string) => `${name}.${RUN}@guest.example`;

function listUnsubscribe(mail: ParsedMail): string {
  // Long header lines are folded onto several lines.
  return (mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line ?? '').replace(/\r?\n\s+/g, ' ');
}

/**
 * Guest e-mail end to end: the real reservations service (its own process: it keeps the guests' addresses and
 * publishes the stay events), the concierge consuming them from the real broker, and a real SMTP server receiving.
 */
describe('guest e-mail over SMTP', () => {
  const smtp = new TestSmtpServer();
  let reservations: ServiceProcess;
  let concierge: RunningTestService;
  let probe: EventProbe;
  let propertyId: string;
  let businessDate: string;
  let roomTypeId: string;
  let admin: Client;
  let manager: Client;
  let desk: Client;
  let reservationsManager: Client;
  let reservationsDesk: Client;
  const rooms: string[] = [];

  beforeAll(async () => {
    await smtp.start();
    reservations = spawnServiceProcess({
      name: 'reservations',
      entry: join(ROOT, 'apps', 'reservations', 'dist', 'main.js'),
      port: await freePort(),
      env: {
        DATABASE_URL: postgresUrl('frontoffice_reservations_test'),
        KAFKA_GROUP_ID: `frontoffice-reservations-mail-test-${randomUUID()}`,
        KAFKA_FROM_BEGINNING: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    probe = await new EventProbe(kafka, [TOPICS.reservations, TOPICS.concierge]).start();
    concierge = await startConcierge({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_POOL: 'false',
      MAIL_POLL_INTERVAL_MS: '100',
      MAIL_RETRY_BASE_MS: '300',
      MAIL_RETRY_MAX_MS: '2000',
      MAIL_MAX_ATTEMPTS: '40',
      MAIL_DELIVERY_ENABLED: 'true',
      // The test moves the scheduler through chosen instants itself.
      MAIL_SCHEDULER_ENABLED: 'false',
      MAIL_PUBLIC_BASE_URL: 'http://guest-links.example',
      RESERVATIONS_URL: reservations.url,
    });
    await waitUntilReady(reservations.url, 90_000);

    admin = client({ url: reservations.url }, ['admin'], ['*']);
    const property = await admin.post<{ id: string; businessDate: string }>(
      '/v1/properties',
      {
        code: `M${randomUUID().slice(0, 7).toUpperCase()}`,
        name: 'Hôtel du Lac',
        timezone: 'America/New_York',
        currency: 'USD',
        country: 'US',
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(property.status).toBe(201);
    propertyId = property.body.id;
    businessDate = property.body.businessDate;
    reservationsManager = client({ url: reservations.url }, ['front_office_manager'], [propertyId]);
    reservationsDesk = client({ url: reservations.url }, ['front_desk'], [propertyId]);
    manager = client(concierge, ['front_office_manager'], [propertyId], 'fom-1');
    desk = client(concierge, ['front_desk'], [propertyId], 'desk-1');
    const roomType = await reservationsManager.post<{ id: string }>(`/v1/properties/${propertyId}/room-types`, {
      code: 'DBL',
      name: 'Double',
      maxOccupancy: 2,
      baseRate: { amountMinor: 20_000, currency: 'USD' },
    });
    expect(roomType.status).toBe(201);
    roomTypeId = roomType.body.id;
    rooms.push(...Array.from({ length: 8 }, (_, index) => String(301 + index)));
    const created = await reservationsManager.post(`/v1/properties/${propertyId}/rooms/bulk`, {
      rooms: rooms.map((number) => ({ number, roomTypeId, floor: 3 })),
    });
    expect(created.status).toBe(201);

    // The concierge learns the property (name, time zone) from its event.
    await eventually(
      async () => {
        const settings = await manager.get<{ propertyName: string | null }>(
          `/v1/properties/${propertyId}/concierge-settings`,
        );
        expect(settings.body.propertyName).toBe('Hôtel du Lac');
      },
      { timeoutMs: 20_000 },
    );
    const templates: Array<[string, string, string, string]> = [
      [
        'welcome',
        'fr',
        'Bienvenue {{guestFirstName}}',
        'Chère/Cher {{guestName}},\nvotre chambre {{roomNumber}} vous attend au {{propertyName}}.',
      ],
      [
        'welcome',
        'en',
        'Welcome {{guestFirstName}}',
        'Dear {{guestName}},\nroom {{roomNumber}} is ready at {{propertyName}}.',
      ],
      ['checkout_thanks', 'en', 'Thank you, {{guestFirstName}}', 'Thank you for staying at {{propertyName}}.'],
      ['pre_arrival', 'en', 'See you on {{arrivalDate}}', 'Dear {{guestName}}, we expect you on {{arrivalDate}}.'],
      [
        'event_reminder',
        'en',
        'Reminder: {{eventName}}',
        '{{eventName}} starts at {{eventTime}} on {{eventDate}} in {{eventVenue}}.',
      ],
    ];
    for (const [purpose, language, subject, body] of templates) {
      const saved = await manager.put(`/v1/properties/${propertyId}/message-templates/${purpose}/${language}`, {
        subject,
        body,
      });
      expect(saved.status).toBe(200);
    }
    const settings = await manager.put<{ effectiveFrom: string }>(`/v1/properties/${propertyId}/mail-settings`, {
      senderAddress: 'reception@lac.example',
      replyTo: 'concierge@lac.example',
      preArrivalDaysBefore: 3,
      preArrivalHour: 21,
    });
    expect(settings.status).toBe(200);
    expect(settings.body.effectiveFrom).toBe('"Hôtel du Lac" <reception@lac.example>');
  }, 150_000);

  afterAll(async () => {
    await concierge?.shutdown();
    await probe?.stop();
    await reservations?.stop('SIGKILL');
    await smtp.stop();
  });

  async function book(
    guest: { firstName: string; lastName: string; email?: string; language?: string },
    arrival = businessDate,
  ): Promise<{ id: string; guestId: string }> {
    const departure = new Date(Date.parse(`${arrival}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const booked = await reservationsDesk.post<{ id: string }>(
      `/v1/properties/${propertyId}/reservations`,
      { guest, roomTypeId, arrival, departure, adults: 1 },
      { 'idempotency-key': randomUUID() },
    );
    expect(booked.status).toBe(201);
    const detail = await reservationsDesk.get<{ guest: { guestId: string } }>(
      `/v1/properties/${propertyId}/reservations/${booked.body.id}`,
    );
    // The concierge has the stay once reservation.created is consumed.
    await eventually(
      async () => expect((await desk.get(`/v1/properties/${propertyId}/guests/${booked.body.id}`)).status).toBe(200),
      { timeoutMs: 15_000 },
    );
    return { id: booked.body.id, guestId: detail.body.guest.guestId };
  }

  async function checkIn(reservationId: string) {
    const answer = await reservationsDesk.post(
      `/v1/properties/${propertyId}/reservations/${reservationId}/check-in`,
      {},
    );
    expect(answer.status).toBe(200);
  }

  async function checkOut(reservationId: string) {
    const answer = await reservationsDesk.post(
      `/v1/properties/${propertyId}/reservations/${reservationId}/check-out`,
      {},
    );
    expect(answer.status).toBe(200);
  }

  async function log(reservationId: string): Promise<LoggedMessage[]> {
    const answer = await desk.get<Items<LoggedMessage>>(
      `/v1/properties/${propertyId}/messages?reservationId=${reservationId}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.items;
  }

  /** The concierge has consumed the stay event: its read model shows the new status. */
  async function conciergeSees(reservationId: string, status: string) {
    await eventually(
      async () => {
        const stay = await desk.get<{ status: string }>(`/v1/properties/${propertyId}/guests/${reservationId}`);
        expect(stay.body.status).toBe(status);
      },
      { timeoutMs: 15_000 },
    );
  }

  it('sends exactly one welcome at check-in, in the guest language, placeholders filled, from the property; a redelivered check-in sends nothing more', async () => {
    const stay = await book({
      firstName: 'Camille',
      lastName: 'Durand',
      email: at('camille'),
      language: 'fr-CA',
    });
    await checkIn(stay.id);

    const [mail] = await eventually(
      () => {
        const received = smtp.to(at('camille'));
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 20_000 },
    );
    expect(mail.subject).toBe('Bienvenue Camille');
    expect(mail.from?.value[0]).toEqual({ name: 'Hôtel du Lac', address: 'reception@lac.example' });
    expect(mail.replyTo?.value[0].address).toBe('concierge@lac.example');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toEqual({
      name: 'Camille Durand',
      address: at('camille'),
    });
    expect(mail.text).toMatch(/Chère\/Cher Camille Durand,\nvotre chambre 30\d vous attend au Hôtel du Lac\./);
    expect(mail.text).not.toContain('{{');
    expect(mail.html).toMatch(
      /<p>Chère\/Cher Camille Durand,<br>votre chambre 30\d vous attend au Hôtel du Lac\.<\/p>/,
    );
    expect(mail.headers.get('content-language')).toBe('fr');
    const unsubscribe = listUnsubscribe(mail);
    expect(unsubscribe).toMatch(/^List-Unsubscribe:\s+<http:\/\/guest-links\.example\/v1\/mail\/opt-out\?token=.+>$/);
    expect(mail.text).toContain('Ne plus recevoir de messages automatiques');

    const [logged] = await eventually(async () => {
      const entries = await log(stay.id);
      expect(entries).toHaveLength(1);
      expect(entries[0].status).toBe('sent');
      return entries;
    });
    expect(logged).toMatchObject({
      purpose: 'welcome',
      language: 'fr',
      attempts: 1,
      recipientAddress: at('camille'),
      smtpCode: 250,
      smtpMessageId: mail.messageId,
    });
    expect(logged.smtpResponse).toContain('Message queued as');

    // Redelivery: the very same event again (the inbox drops it), and the same check-in under a new event id
    // (the once-per-stay key drops it).
    const checkedIn = await probe.waitFor(
      (message) => message.json?.type === 'stay.checked-in' && message.json?.subject === stay.id,
    );
    const producer = kafka.producer();
    await producer.connect();
    const again = { ...checkedIn.json, id: randomUUID() };
    await producer.send({
      topic: TOPICS.reservations,
      messages: [
        { key: propertyId, value: checkedIn.value, headers: checkedIn.headers },
        { key: propertyId, value: JSON.stringify(again), headers: { ...checkedIn.headers, id: again.id } },
      ],
    });
    await producer.disconnect();
    await probe.waitFor((message) => message.json?.id === again.id);
    await sleep(2_000);
    expect(smtp.to(at('camille'))).toHaveLength(1);
    expect(await log(stay.id)).toHaveLength(1);

    // message-sent and the delivery event carry ids and status, never the address or the text.
    const events = probe.messages.filter(
      (message) =>
        message.topic === TOPICS.concierge && (message.json?.data as { messageId?: string })?.messageId === logged.id,
    );
    expect(events.map((event) => event.json?.type).sort()).toEqual([
      'concierge.message-delivery-changed',
      'concierge.message-sent',
    ]);
    for (const event of events) {
      expect(event.value).not.toContain(at('camille'));
      expect(event.value).not.toContain('Chère');
    }
  }, 60_000);

  it('defers a message the server refuses for now (4xx) and sends it once when it accepts', async () => {
    smtp.refusals.set(at('later'), [{ code: 451, message: '4.3.0 Mailbox busy, try later' }]);
    const stay = await book({ firstName: 'Lena', lastName: 'Berg', email: at('later'), language: 'de' });
    await checkIn(stay.id);
    await eventually(() => expect(smtp.to(at('later'))).toHaveLength(1), { timeoutMs: 20_000 });
    const [logged] = await eventually(async () => {
      const entries = await log(stay.id);
      expect(entries[0]?.status).toBe('sent');
      return entries;
    });
    expect(logged.attempts).toBe(2);
    expect(logged.language).toBe('en');
    // The log says sent as the transaction commits; its event reaches Kafka through the outbox a moment later.
    await eventually(() => {
      const statuses = probe.messages
        .filter(
          (message) =>
            message.json?.type === 'concierge.message-delivery-changed' &&
            (message.json.data as { messageId: string }).messageId === logged.id,
        )
        .map((message) => message.json?.data as { status: string; smtpCode?: number; attempts: number });
      expect(statuses).toEqual([
        expect.objectContaining({ status: 'deferred', smtpCode: 451, attempts: 1 }),
        expect.objectContaining({ status: 'sent', smtpCode: 250, attempts: 2 }),
      ]);
    });
    await sleep(1_000);
    expect(smtp.to(at('later'))).toHaveLength(1);
  }, 60_000);

  it('fails a message the server refuses for good (5xx), with the reply visible through the API', async () => {
    smtp.alwaysRefuse.set(at('nobody'), { code: 550, message: '5.1.1 Mailbox unavailable' });
    const stay = await book({ firstName: 'Noé', lastName: 'Personne', email: at('nobody'), language: 'en' });
    await checkIn(stay.id);
    const [logged] = await eventually(
      async () => {
        const entries = await log(stay.id);
        expect(entries[0]?.status).toBe('failed');
        return entries;
      },
      { timeoutMs: 20_000 },
    );
    const detail = await desk.get<LoggedMessage>(`/v1/properties/${propertyId}/messages/${logged.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'failed', attempts: 1, smtpCode: 550 });
    expect(detail.body.smtpResponse).toContain('5.1.1 Mailbox unavailable');
    const failed = await desk.get<Items<LoggedMessage>>(`/v1/properties/${propertyId}/messages?status=failed`);
    expect(failed.body.items.map((item) => item.id)).toContain(logged.id);
    await sleep(1_000);
    expect((await desk.get<LoggedMessage>(`/v1/properties/${propertyId}/messages/${logged.id}`)).body.attempts).toBe(1);
  }, 60_000);

  it('sends no automatic message to a guest who opted out, at the desk or through the link in an e-mail', async () => {
    // At the desk, before arrival.
    const quiet = await book({ firstName: 'Quentin', lastName: 'Calme', email: at('quiet'), language: 'en' });
    const saved = await desk.put(`/v1/properties/${propertyId}/reservations/${quiet.id}/communication-preferences`, {
      automaticMessages: false,
    });
    expect(saved.status).toBe(200);
    await checkIn(quiet.id);
    await conciergeSees(quiet.id, 'in_house');

    // Through the link of the welcome e-mail: the page changes nothing, the confirmation does.
    const linked = await book({ firstName: 'Lina', lastName: 'Lien', email: at('link'), language: 'en' });
    await checkIn(linked.id);
    const [welcome] = await eventually(
      () => {
        const received = smtp.to(at('link'));
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 20_000 },
    );
    const link = /<http:\/\/guest-links\.example(\/v1\/mail\/opt-out\?token=[^>]+)>/.exec(listUnsubscribe(welcome))![1];
    const page = await fetch(`${concierge.url}${link}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const forged = await fetch(`${concierge.url}${link.slice(0, -3)}abc`, { method: 'POST' });
    expect(forged.status).toBe(400);
    const confirmed = await fetch(`${concierge.url}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(confirmed.status).toBe(200);
    const preferences = await desk.get<{ automaticMessages: boolean; anyMessages: boolean }>(
      `/v1/properties/${propertyId}/reservations/${linked.id}/communication-preferences`,
    );
    expect(preferences.body).toMatchObject({ automaticMessages: false, anyMessages: true });

    await checkOut(linked.id);
    await checkOut(quiet.id);
    await conciergeSees(linked.id, 'departed');
    await conciergeSees(quiet.id, 'departed');
    await sleep(1_500);
    expect(smtp.to(at('quiet'))).toHaveLength(0);
    expect(smtp.to(at('link'))).toHaveLength(1);
    expect(await log(quiet.id)).toHaveLength(0);
    expect((await log(linked.id)).map((entry) => entry.purpose)).toEqual(['welcome']);

    // A hard opt-out refuses even what the desk sends by hand.
    const none = await desk.put(`/v1/properties/${propertyId}/reservations/${quiet.id}/communication-preferences`, {
      anyMessages: false,
    });
    expect(none.body).toMatchObject({ automaticMessages: false, anyMessages: false, marketing: false });
    const refused = await desk.post<{ code: string }>(`/v1/properties/${propertyId}/messages`, {
      purpose: 'checkout_thanks',
      reservationId: quiet.id,
      channel: 'email',
    });
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');

    // A guest who did not opt out gets the thank-you at check-out.
    const happy = await book({ firstName: 'Hugo', lastName: 'Content', email: at('happy'), language: 'en' });
    await checkIn(happy.id);
    await checkOut(happy.id);
    await eventually(
      () => expect(smtp.to(at('happy')).map((mail) => mail.subject)).toEqual(['Welcome Hugo', 'Thank you, Hugo']),
      {
        timeoutMs: 20_000,
      },
    );
  }, 90_000);

  it('sends an erased guest nothing more and keeps no address of theirs in the log', async () => {
    // The relay keeps deferring this guest, so their e-mails are still waiting when the erasure arrives.
    smtp.alwaysRefuse.set(at('erin'), { code: 452, message: '4.2.2 Mailbox full' });
    const stay = await book({ firstName: 'Erin', lastName: 'Effacée', email: at('erin'), language: 'en' });
    await checkIn(stay.id);
    await checkOut(stay.id);
    await eventually(
      async () => {
        const entries = await log(stay.id);
        expect(entries.map((entry) => entry.status).sort()).toEqual(['deferred', 'deferred']);
        expect(entries.every((entry) => entry.recipientAddress === at('erin'))).toBe(true);
      },
      { timeoutMs: 20_000 },
    );
    const erased = await reservationsManager.post(`/v1/properties/${propertyId}/guests/${stay.guestId}/erase`, {
      reason: 'Guest request by email (GDPR art. 17)',
    });
    expect(erased.status).toBe(200);
    const entries = await eventually(
      async () => {
        const current = await log(stay.id);
        expect(current.map((entry) => entry.status)).toEqual(['cancelled', 'cancelled']);
        return current;
      },
      { timeoutMs: 20_000 },
    );
    smtp.alwaysRefuse.delete(at('erin'));
    await sleep(1_500);
    expect(smtp.to(at('erin'))).toHaveLength(0);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        recipientAddress: null,
        recipient: 'erased',
        subject: '',
        body: '',
        smtpResponse: null,
      });
      expect(entry.scrubbedAt).not.toBeNull();
    }
    const everything = await desk.get(`/v1/properties/${propertyId}/messages?limit=200`);
    expect(JSON.stringify(everything.body)).not.toContain(at('erin'));
    expect(JSON.stringify(everything.body)).not.toContain('Erin');
  }, 90_000);

  it('sends the pre-arrival message on the property-local day and hour, across the change to summer time', async () => {
    // New York moves to summer time on 2027-03-14. Three days before a 16 March arrival at 21:00 local is
    // 13 March 21:00 EST, i.e. 02:00 UTC on the 14th, when UTC already shows the next day.
    const stay = await book({ firstName: 'Ava', lastName: 'Early', email: at('ava'), language: 'en' }, '2027-03-16');
    const scheduler = concierge.app.get(AutomaticMessagesScheduler);
    await scheduler.tick(new Date('2027-03-13T14:00:00Z'));
    await scheduler.tick(new Date('2027-03-14T01:59:00Z'));
    expect(await log(stay.id)).toHaveLength(0);
    await scheduler.tick(new Date('2027-03-14T02:00:00Z'));
    await scheduler.tick(new Date('2027-03-14T02:05:00Z'));
    expect((await log(stay.id)).map((entry) => entry.purpose)).toEqual(['pre_arrival']);
    const [mail] = await eventually(
      () => {
        const received = smtp.to(at('ava'));
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 20_000 },
    );
    expect(mail.subject).toBe('See you on 2027-03-16');
    await eventually(async () =>
      expect((await log(stay.id)).map((entry) => [entry.purpose, entry.status])).toEqual([['pre_arrival', 'sent']]),
    );
  }, 60_000);

  it('reminds the guests of a group event the set hours before its local start, once', async () => {
    const stay = await book({ firstName: 'Gus', lastName: 'Group', email: at('gus'), language: 'en' }, '2027-03-20');
    const conciergeDesk = client(concierge, ['concierge'], [propertyId], 'conc-1');
    const created = await conciergeDesk.post(`/v1/properties/${propertyId}/group-events`, {
      name: 'Gala dinner',
      date: '2027-03-21',
      startTime: '19:30',
      venue: 'Salon du Lac',
      headcount: 20,
      reservationIds: [stay.id],
    });
    expect(created.status).toBe(201);
    const scheduler = concierge.app.get(AutomaticMessagesScheduler);
    // 19:30 EDT on 21 March is 23:30 UTC; 24 hours before is 23:30 UTC on the 20th.
    await scheduler.tick(new Date('2027-03-20T23:29:00Z'));
    expect((await log(stay.id)).filter((entry) => entry.purpose === 'event_reminder')).toHaveLength(0);
    await scheduler.tick(new Date('2027-03-20T23:30:00Z'));
    await scheduler.tick(new Date('2027-03-21T10:00:00Z'));
    const [mail] = await eventually(
      () => {
        const received = smtp.to(at('gus')).filter((candidate) => candidate.subject === 'Reminder: Gala dinner');
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 20_000 },
    );
    expect(mail.text).toContain('Gala dinner starts at 19:30 on 2027-03-21 in Salon du Lac.');
  }, 60_000);
});
