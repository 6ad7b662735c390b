import { basicCredentials, hashApiKey, keyMatches, newApiKey } from './channel-credentials';

describe('channel credentials', () => {
  it('checks a key against its hash only', () => {
    const key = newApiKey();
    const stored = hashApiKey(key);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(keyMatches(key, stored)).toBe(true);
    expect(keyMatches(`${key}x`, stored)).toBe(false);
    expect(newApiKey()).not.toBe(key);
  });

  it('reads HTTP Basic credentials, keeping colons in the password', () => {
    const header = `Basic ${Buffer.from('siteminder:a:b').toString('base64')}`;
    expect(basicCredentials(header)).toEqual({ username: 'siteminder', password: 'a:b' });
    expect(basicCredentials('Bearer abc')).toBeUndefined();
    expect(basicCredentials(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeUndefined();
    expect(basicCredentials(undefined)).toBeUndefined();
  });
});
