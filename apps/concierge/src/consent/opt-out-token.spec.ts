import { consentKeyFor, signOptOutToken, verifyOptOutToken } from './opt-out-token';

const SECRET = 'a-test-secret-of-some-length';
const SUBJECT = {
  propertyId: '6f1c6a9e-4c1e-4a53-9f57-0d1f3c1b2a10',
  consentKey: 'b1d3e5f7-0000-4000-8000-000000000001',
};

describe('opt-out tokens', () => {
  it('round-trips the subject', () => {
    expect(verifyOptOutToken(signOptOutToken(SUBJECT, SECRET), SECRET)).toEqual(SUBJECT);
  });

  it('refuses a token signed with another secret, altered or malformed', () => {
    const token = signOptOutToken(SUBJECT, SECRET);
    expect(verifyOptOutToken(token, 'another-secret-entirely')).toBeUndefined();
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ p: SUBJECT.propertyId, k: 'someone-else' })).toString('base64url');
    expect(verifyOptOutToken(`${forged}.${mac}`, SECRET)).toBeUndefined();
    expect(verifyOptOutToken(payload, SECRET)).toBeUndefined();
    expect(verifyOptOutToken(`${token}.x`, SECRET)).toBeUndefined();
    expect(verifyOptOutToken('not a token', SECRET)).toBeUndefined();
  });

  it('keys preferences by guest profile, else by booking', () => {
    expect(consentKeyFor({ guestId: 'g-1', reservationId: 'r-1' })).toBe('g-1');
    expect(consentKeyFor({ guestId: null, reservationId: 'r-1' })).toBe('reservation:r-1');
  });
});
