import { csrfRefusal } from './csrf';

describe('csrfRefusal', () => {
  const origin = 'https://console.example';
  const good = { method: 'POST', token: 'tok-123', origin, secFetchSite: 'same-origin' };

  it('lets reads through without a token', () => {
    expect(
      csrfRefusal(
        { method: 'GET', token: undefined, origin: undefined, secFetchSite: 'cross-site' },
        'tok-123',
        origin,
      ),
    ).toBeUndefined();
  });

  it('lets a same-origin write with the session token through, also from a client that sends neither header', () => {
    expect(csrfRefusal(good, 'tok-123', origin)).toBeUndefined();
    expect(csrfRefusal({ ...good, origin: undefined, secFetchSite: undefined }, 'tok-123', origin)).toBeUndefined();
  });

  it('refuses a write without the token, with another one, or with one of another length', () => {
    expect(csrfRefusal({ ...good, token: undefined }, 'tok-123', origin)).toMatch(/x-csrf-token/);
    expect(csrfRefusal({ ...good, token: 'tok-124' }, 'tok-123', origin)).toMatch(/x-csrf-token/);
    expect(csrfRefusal({ ...good, token: 'tok-1234' }, 'tok-123', origin)).toMatch(/x-csrf-token/);
  });

  it('refuses a write from another origin or site even with the token', () => {
    expect(csrfRefusal({ ...good, origin: 'https://evil.example' }, 'tok-123', origin)).toMatch(/origin/);
    expect(csrfRefusal({ ...good, secFetchSite: 'cross-site' }, 'tok-123', origin)).toMatch(/site/);
    expect(csrfRefusal({ ...good, method: 'delete', secFetchSite: 'same-site' }, 'tok-123', origin)).toMatch(/site/);
  });
});
