import { redactUrl } from './redact';

describe('redactUrl (issue 11, finding 8)', () => {
  it('redacts a guest search by name and e-mail in the query string', () => {
    expect(redactUrl('/v1/properties/p1/guests?q=Camille%20Durand&email=camille.durand%40example.com&limit=20')).toBe(
      '/v1/properties/p1/guests?q=[redacted]&email=[redacted]&limit=20',
    );
  });

  it('keeps dates, ids and page sizes, and redacts cursors (they carry sort keys such as names)', () => {
    expect(redactUrl('/v1/x/availability?from=2027-03-01&to=2027-03-05&cursor=WyJEdXJhbmQiXQ')).toBe(
      '/v1/x/availability?from=2027-03-01&to=2027-03-05&cursor=[redacted]',
    );
  });

  it('redacts a safe key holding something personal, and e-mail addresses in the path', () => {
    expect(redactUrl('/v1/x/guests/anna@example.com?status=a%40b.c')).toBe('/v1/x/guests/[redacted]?status=[redacted]');
    expect(redactUrl('/v1/x?status=%E0%A4%A')).toBe('/v1/x?status=[redacted]');
    expect(redactUrl('/health/live')).toBe('/health/live');
  });
});
