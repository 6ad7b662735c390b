import {
  classifyFailure,
  composeMail,
  eventReminderIsDue,
  onceKey,
  preArrivalDueAt,
  preArrivalIsDue,
  replyCode,
  retryDelayMs,
} from './mail-rules';

describe('pre-arrival scheduling', () => {
  it('is due N days before arrival at the property-local hour, in summer and in winter time', () => {
    // Paris is UTC+2 in summer, UTC+1 in winter.
    expect(preArrivalDueAt('2027-07-10', 3, 10, 'Europe/Paris').toISOString()).toBe('2027-07-07T08:00:00.000Z');
    expect(preArrivalDueAt('2027-01-10', 3, 10, 'Europe/Paris').toISOString()).toBe('2027-01-07T09:00:00.000Z');
  });

  it('follows the local day across a daylight-saving change between the send day and arrival', () => {
    // Clocks go forward in Paris on 2027-03-28: sent on the 27th (UTC+1) for a 30 March arrival.
    expect(preArrivalDueAt('2027-03-30', 3, 9, 'Europe/Paris').toISOString()).toBe('2027-03-27T08:00:00.000Z');
    // New York goes back on 2027-11-07: two days before a 8 Nov arrival, 18:00 local on the 6th (UTC-4).
    expect(preArrivalDueAt('2027-11-08', 2, 18, 'America/New_York').toISOString()).toBe('2027-11-06T22:00:00.000Z');
  });

  it('keys on the property-local day, not on UTC: Tokyo is a day ahead of UTC in the morning', () => {
    const settings = { daysBefore: 1, hour: 8, timeZone: 'Asia/Tokyo' };
    // 08:00 in Tokyo on 9 May is 23:00 UTC on 8 May.
    expect(preArrivalIsDue(new Date('2027-05-08T22:59:00Z'), '2027-05-10', settings)).toBe(false);
    expect(preArrivalIsDue(new Date('2027-05-08T23:00:00Z'), '2027-05-10', settings)).toBe(true);
  });

  it('is late but still sent before the arrival day, never on or after it', () => {
    const settings = { daysBefore: 3, hour: 10, timeZone: 'Europe/Paris' };
    expect(preArrivalIsDue(new Date('2027-01-09T20:00:00Z'), '2027-01-10', settings)).toBe(true);
    expect(preArrivalIsDue(new Date('2027-01-09T23:30:00Z'), '2027-01-10', settings)).toBe(false);
  });
});

describe('group event reminders', () => {
  const event = { date: '2027-03-28', startTime: '19:30', timeZone: 'Europe/Paris' };
  it('goes out the given hours before the local start and not after the start', () => {
    // 19:30 Paris summer time on 28 March (the change day) is 17:30 UTC.
    expect(eventReminderIsDue(new Date('2027-03-27T17:29:00Z'), event, 24)).toBe(false);
    expect(eventReminderIsDue(new Date('2027-03-27T17:30:00Z'), event, 24)).toBe(true);
    expect(eventReminderIsDue(new Date('2027-03-28T17:29:00Z'), event, 24)).toBe(true);
    expect(eventReminderIsDue(new Date('2027-03-28T17:30:00Z'), event, 24)).toBe(false);
  });
});

describe('delivery outcome', () => {
  it('retries 4xx and connection errors, fails on 5xx, and gives up after the last attempt', () => {
    expect(classifyFailure({ responseCode: 451, response: '451 4.3.0 try later' }, 1, 5)).toEqual({
      status: 'deferred',
      smtpCode: 451,
      reply: '451 4.3.0 try later',
    });
    expect(classifyFailure({ code: 'ECONNREFUSED', message: 'connect refused' }, 2, 5).status).toBe('deferred');
    expect(classifyFailure({ responseCode: 550, response: '550 5.1.1 no such user' }, 1, 5)).toEqual({
      status: 'failed',
      smtpCode: 550,
      reply: '550 5.1.1 no such user',
    });
    const exhausted = classifyFailure({ responseCode: 421, response: '421 busy' }, 5, 5);
    expect(exhausted.status).toBe('failed');
    expect(exhausted.reply).toContain('421 busy');
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelayMs(attempt, 1000, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000,
    ]);
  });

  it('reads the reply code of a server answer', () => {
    expect(replyCode('250 2.0.0 OK queued as 4F2A')).toBe(250);
    expect(replyCode('')).toBeUndefined();
  });

  it('keys automatic messages per stay and purpose', () => {
    expect(onceKey('r1', 'welcome')).toBe('r1/welcome');
    expect(onceKey('r1', 'event_reminder', 'e1')).toBe('r1/event_reminder/e1');
  });
});

describe('composing an e-mail', () => {
  it('gives a text and an escaped HTML part, with the opt-out link in the guest language', () => {
    const mail = composeMail({
      subject: 'Bienvenue',
      body: 'Chère Camille,\nvotre chambre 512 est prête.\n\nÀ bientôt <3',
      language: 'fr',
      propertyName: 'Hôtel & Spa',
      optOutUrl: 'http://h/opt-out?token=abc',
    });
    expect(mail.text).toContain('votre chambre 512 est prête.');
    expect(mail.text).toContain('Ne plus recevoir de messages automatiques : http://h/opt-out?token=abc');
    expect(mail.html).toContain('<p>Chère Camille,<br>votre chambre 512 est prête.</p>');
    expect(mail.html).toContain('À bientôt &lt;3');
    expect(mail.html).toContain('Hôtel &amp; Spa');
    expect(mail.html).toContain('href="http://h/opt-out?token=abc"');
    const desk = composeMail({ subject: 'S', body: 'B', language: 'en', propertyName: 'P' });
    expect(desk.text).toBe('B\n');
    expect(desk.html).not.toContain('opt-out');
  });
});
