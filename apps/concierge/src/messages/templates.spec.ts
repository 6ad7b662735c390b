import { chooseLanguage, placeholdersIn, render, templateProblems } from './templates';

describe('template placeholders', () => {
  it('finds placeholders, spaces inside the braces allowed', () => {
    expect(placeholdersIn('Dear {{guestFirstName}}, room {{ roomNumber }} ({{guestFirstName}})')).toEqual([
      'guestFirstName',
      'roomNumber',
    ]);
  });

  it('accepts known placeholders and names the unknown ones, per field', () => {
    expect(templateProblems('welcome', { subject: 'Welcome {{guestName}}', body: 'Room {{roomNumber}}' })).toEqual([]);
    const problems = templateProblems('welcome', { subject: 'Hi {{nickname}}', body: 'Your event {{eventName}}' });
    expect(problems.map((problem) => problem.field)).toEqual(['subject', 'body']);
    expect(problems[0].messages[0]).toContain('{{nickname}}');
    expect(problems[1].messages[0]).toContain('{{eventName}}');
    expect(
      templateProblems('event_reminder', { subject: '{{eventName}}', body: '{{eventVenue}} at {{eventTime}}' }),
    ).toEqual([]);
  });

  it('refuses malformed braces', () => {
    expect(templateProblems('welcome', { subject: 'ok', body: 'Dear {{guest name}}' })[0].field).toBe('body');
    expect(templateProblems('welcome', { subject: 'Dear {{guestName}', body: 'ok' })[0].field).toBe('subject');
  });

  it('renders values and reports placeholders without one', () => {
    expect(
      render('Dear {{guestFirstName}}, room {{roomNumber}}', { guestFirstName: 'Ana', roomNumber: '512' }),
    ).toEqual({
      text: 'Dear Ana, room 512',
      missing: [],
    });
    expect(render('{{eventName}} at {{eventTime}}', { eventName: 'Gala' })).toEqual({
      text: 'Gala at {{eventTime}}',
      missing: ['eventTime'],
    });
  });
});

describe('message language', () => {
  it('uses the guest language, also through its base language', () => {
    expect(chooseLanguage(['en', 'fr', 'de'], 'fr', 'en')).toEqual({
      language: 'fr',
      fallbackUsed: false,
      source: 'guest',
    });
    expect(chooseLanguage(['en', 'fr'], 'fr-CA', 'en')).toMatchObject({ language: 'fr', fallbackUsed: false });
    expect(chooseLanguage(['en-GB', 'fr'], 'en', 'fr')).toMatchObject({ language: 'en-GB', fallbackUsed: false });
  });

  it('falls back to the property language, then to any available one', () => {
    expect(chooseLanguage(['en', 'fr'], 'ja', 'en')).toEqual({
      language: 'en',
      fallbackUsed: true,
      source: 'property_fallback',
    });
    expect(chooseLanguage(['en', 'fr'], null, 'fr')).toMatchObject({ language: 'fr', source: 'property_fallback' });
    expect(chooseLanguage(['it', 'de'], 'ja', 'en')).toEqual({
      language: 'de',
      fallbackUsed: true,
      source: 'any_available',
    });
    expect(chooseLanguage([], 'fr', 'en')).toBeUndefined();
  });
});
