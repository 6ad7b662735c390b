import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whose preference an opt-out link changes: a guest profile at a property (or a booking without a profile). */
export interface OptOutSubject {
  propertyId: string;
  consentKey: string;
}

function signature(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`opt-out.v1.${payload}`).digest();
}

/**
 * A link token for the public opt-out page: the subject in base64url JSON and its HMAC-SHA256. It carries no name or
 * address, and it never expires, since a guest may click the link of a message they kept for months.
 */
export function signOptOutToken(subject: OptOutSubject, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ p: subject.propertyId, k: subject.consentKey })).toString('base64url');
  return `${payload}.${signature(payload, secret).toString('base64url')}`;
}

/** The subject of a well-signed token; undefined for anything forged, truncated or malformed. */
export function verifyOptOutToken(token: string, secret: string): OptOutSubject | undefined {
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return undefined;
  const expected = signature(payload, secret);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p?: unknown; k?: unknown };
    if (typeof parsed.p !== 'string' || typeof parsed.k !== 'string') return undefined;
    return { propertyId: parsed.p, consentKey: parsed.k };
  } catch {
    return undefined;
  }
}

/** Preferences belong to the guest profile; a booking without one keeps them on the reservation. */
export function consentKeyFor(stay: { guestId: string | null; reservationId: string }): string {
  return stay.guestId ?? `reservation:${stay.reservationId}`;
}
