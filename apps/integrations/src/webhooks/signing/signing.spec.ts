import { Webhook } from 'standardwebhooks';
import { SecretBox } from './secret-box';
import { generateSigningSecret, signWebhook } from './webhook-signature';

describe('webhook signing', () => {
  it('signs so that the standardwebhooks library verifies it', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ id: 'e1', type: 'reservation.created' });
    const headers = signWebhook('msg_1', new Date(), body, [secret]);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs with both secrets during a rotation, each verifies on its own', () => {
    const previous = generateSigningSecret();
    const next = generateSigningSecret();
    const body = '{"a":1}';
    const headers = signWebhook('msg_2', new Date(), body, [next, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(next).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, { ...headers })).toThrow();
  });

  it('seals secrets at rest and refuses a tampered one', () => {
    const box = new SecretBox(Buffer.alloc(32, 7).toString('base64'));
    const secret = generateSigningSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed)).toBe(secret);
    const parts = sealed.split(':');
    parts[3] = Buffer.from('forged').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
  });
});
