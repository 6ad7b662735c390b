import { randomBytes } from 'node:crypto';
import { TokenSealer } from './token-sealer';

describe('TokenSealer', () => {
  const sealer = new TokenSealer(randomBytes(32).toString('base64'));
  const context = Buffer.from('session-a');

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = sealer.seal('{"accessToken":"eyJ.secret"}', context);
    expect(sealed).not.toContain('secret');
    expect(sealer.open(sealed, context)).toBe('{"accessToken":"eyJ.secret"}');
  });

  it('refuses a value moved to another context, sealed with another key, or altered', () => {
    const sealed = sealer.seal('token', context);
    expect(() => sealer.open(sealed, Buffer.from('session-b'))).toThrow();
    expect(() => new TokenSealer(randomBytes(32).toString('base64')).open(sealed, context)).toThrow();
    const altered = Buffer.from(sealed, 'base64');
    altered[altered.length - 1] ^= 1;
    expect(() => sealer.open(altered.toString('base64'), context)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new TokenSealer(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
