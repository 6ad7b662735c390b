import { TOPICS, validateEvent } from '@frontoffice/contracts';
import { EventProbe, eventually, RunningTestService } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { Broker, client, Items, kafka, startConcierge } from './support';

type Message = {
  id: string;
  language: string;
  fallbackUsed: boolean;
  languageSource: string;
  subject: string;
  body: string;
  recipient: string;
  sentBy: string;
};

/** The guest-communication protocol: templates validated on save, rendered in the guest's language, logged. */
describe('concierge: message templates and the message log', () => {
  let service: RunningTestService;
  let broker: Broker;
  let probe: EventProbe;
  const propertyId = randomUUID();
  const french = randomUUID();
  const japanese = randomUUID();
  const canadian = randomUUID();

  beforeAll(async () => {
    probe = await new EventProbe(kafka, [TOPICS.concierge]).start();
    service = await startConcierge();
    broker = await new Broker().start();
    await broker.checkedIn(propertyId, french, '512', { firstName: 'Ana', lastName: 'Morel', language: 'fr' });
    await broker.checkedIn(propertyId, japanese, '601', { firstName: 'Yuki', lastName: 'Sato', language: 'ja' });
    await broker.checkedIn(propertyId, canadian, '702', { firstName: 'Luc', lastName: 'Roy', language: 'fr-CA' });
    const desk = client(service, ['front_desk'], [propertyId]);
    await eventually(async () =>
      expect((await desk.get<Items>(`/v1/properties/${propertyId}/guests`)).body.items).toHaveLength(3),
    );
    const fom = client(service, ['front_office_manager'], [propertyId], 'fom-1');
    expect((await fom.put(`/v1/properties/${propertyId}/concierge-settings`, { fallbackLanguage: 'en' })).status).toBe(
      200,
    );
    for (const [language, subject, body] of [
      ['fr', 'Bienvenue {{guestFirstName}}', 'Votre chambre {{roomNumber}} est prête, {{guestName}}.'],
      [
        'en',
        'Welcome {{guestFirstName}}',
        'Your room {{roomNumber}} is ready, {{guestName}}. Arrival: {{arrivalDate}}.',
      ],
    ]) {
      const saved = await fom.put(`/v1/properties/${propertyId}/message-templates/welcome/${language}`, {
        subject,
        body,
      });
      expect(saved.status).toBe(200);
    }
  });

  afterAll(async () => {
    await broker?.stop();
    await probe?.stop();
    await service?.shutdown();
  });

  const fom = () => client(service, ['front_office_manager'], [propertyId], 'fom-1');
  const concierge = () => client(service, ['concierge'], [propertyId], 'conc-1');

  it('renders a welcome in the guest’s language, logs it and announces it', async () => {
    // Handed over by the desk (a letter): announced at once. E-mail is queued for SMTP (guest-mail.int-spec.ts).
    const sent = await concierge().post<Message>(`/v1/properties/${propertyId}/messages`, {
      purpose: 'welcome',
      reservationId: french,
      channel: 'letter',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      language: 'fr',
      fallbackUsed: false,
      languageSource: 'guest',
      subject: 'Bienvenue Ana',
      body: 'Votre chambre 512 est prête, Ana Morel.',
      recipient: 'Ana Morel',
      sentBy: 'conc-1',
    });
    // fr-CA has no template of its own: the French one is the guest's language.
    const canadianMessage = await concierge().post<Message>(`/v1/properties/${propertyId}/messages/preview`, {
      purpose: 'welcome',
      reservationId: canadian,
      channel: 'in_person',
    });
    expect(canadianMessage.status).toBe(200);
    expect(canadianMessage.body).toMatchObject({ language: 'fr', fallbackUsed: false, subject: 'Bienvenue Luc' });

    const log = await concierge().get<Items<Message>>(`/v1/properties/${propertyId}/messages?reservationId=${french}`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      id: sent.body.id,
      sentBy: 'conc-1',
      channel: 'letter',
      language: 'fr',
      status: 'sent',
    });
    const event = await probe.waitFor(
      (message) => (message.json?.data as { messageId?: string })?.messageId === sent.body.id,
    );
    expect(validateEvent(event.json)).toMatchObject({
      type: 'concierge.message-sent',
      data: { purpose: 'welcome', language: 'fr', fallbackUsed: false, reservationId: french, sentBy: 'conc-1' },
    });
  });

  it('falls back to the property language, then to any language the template exists in', async () => {
    const fallback = await concierge().post<Message>(`/v1/properties/${propertyId}/messages`, {
      purpose: 'welcome',
      reservationId: japanese,
      channel: 'sms',
    });
    expect(fallback.body).toMatchObject({
      language: 'en',
      fallbackUsed: true,
      languageSource: 'property_fallback',
      subject: 'Welcome Yuki',
      body: 'Your room 601 is ready, Yuki Sato. Arrival: 2027-01-10.',
    });
    expect(
      (
        await fom().put(`/v1/properties/${propertyId}/message-templates/apology/it`, {
          subject: 'Ci scusiamo, {{guestFirstName}}',
          body: 'Per {{apologyReason}}: ci dispiace molto.',
        })
      ).status,
    ).toBe(200);
    const anyLanguage = await concierge().post<Message>(`/v1/properties/${propertyId}/messages`, {
      purpose: 'apology',
      reservationId: japanese,
      channel: 'letter',
      variables: { apologyReason: 'il rumore' },
    });
    expect(anyLanguage.body).toMatchObject({
      language: 'it',
      languageSource: 'any_available',
      body: 'Per il rumore: ci dispiace molto.',
    });
    const missing = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/messages`,
      {
        purpose: 'apology',
        reservationId: japanese,
        channel: 'letter',
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error) => error.field)).toEqual(['variables.apologyReason']);
    const noTemplate = await concierge().post(`/v1/properties/${propertyId}/messages`, {
      purpose: 'event_reminder',
      reservationId: japanese,
      channel: 'app',
    });
    expect(noTemplate.status).toBe(404);
  });

  it('refuses a template with an unknown placeholder (400 naming it), and non-managers', async () => {
    const refused = await fom().put<{ errors: Array<{ field: string; messages: string[] }> }>(
      `/v1/properties/${propertyId}/message-templates/welcome/de`,
      { subject: 'Willkommen {{guestFirstName}}', body: 'Hallo {{nickname}}, Zimmer {{roomNumber}}' },
    );
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].field).toBe('body');
    expect(refused.body.errors[0].messages[0]).toContain('{{nickname}}');
    const listed = await concierge().get<Items>(`/v1/properties/${propertyId}/message-templates?purpose=welcome`);
    expect(listed.body.items.map((template) => template.language)).toEqual(['en', 'fr']);

    expect(
      (await concierge().put(`/v1/properties/${propertyId}/message-templates/welcome/de`, { subject: 'a', body: 'b' }))
        .status,
    ).toBe(403);
    const badPath = await fom().put<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/message-templates/spam/english`,
      { subject: 'a', body: 'b' },
    );
    expect(badPath.status).toBe(400);
    expect(badPath.body.errors.map((error) => error.field).sort()).toEqual(['language', 'purpose']);
    const badSend = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/messages`,
      {
        purpose: 'welcome',
        reservationId: french,
        channel: 'pigeon',
        variables: { eventName: 'x' },
      },
    );
    expect(badSend.status).toBe(400);
    expect(badSend.body.errors.map((error) => error.field)).toEqual(['channel']);
    const unknownVariable = await concierge().post<{ errors: Array<{ field: string }> }>(
      `/v1/properties/${propertyId}/messages`,
      { purpose: 'welcome', reservationId: french, channel: 'email', variables: { eventName: 'x' } },
    );
    expect(unknownVariable.body.errors.map((error) => error.field)).toEqual(['variables.eventName']);
    const otherProperty = client(service, ['concierge'], [randomUUID()]);
    expect((await otherProperty.get(`/v1/properties/${propertyId}/messages`)).status).toBe(403);
  });

  it('fills an event reminder from the group event', async () => {
    expect(
      (
        await fom().put(`/v1/properties/${propertyId}/message-templates/event_reminder/en`, {
          subject: 'Reminder: {{eventName}}',
          body: '{{guestFirstName}}, see you on {{eventDate}} at {{eventTime}} in the {{eventVenue}}.',
        })
      ).status,
    ).toBe(200);
    const event = await concierge().post<{ id: string }>(`/v1/properties/${propertyId}/group-events`, {
      name: 'Gala dinner',
      date: '2027-01-11',
      startTime: '19:30',
      venue: 'Salon Opéra',
      headcount: 30,
      reservationIds: [japanese],
    });
    const sent = await concierge().post<Message>(`/v1/properties/${propertyId}/messages`, {
      purpose: 'event_reminder',
      reservationId: japanese,
      channel: 'app',
      groupEventId: event.body.id,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      subject: 'Reminder: Gala dinner',
      body: 'Yuki, see you on 2027-01-11 at 19:30 in the Salon Opéra.',
      language: 'en',
    });
    const unknownEvent = await concierge().post(`/v1/properties/${propertyId}/messages`, {
      purpose: 'event_reminder',
      reservationId: japanese,
      channel: 'app',
      groupEventId: randomUUID(),
    });
    expect(unknownEvent.status).toBe(404);
  });
});
