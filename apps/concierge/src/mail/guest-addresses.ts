import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_ENV, signDevToken } from '@frontoffice/platform';
import type { ConciergeEnv } from '../config/concierge.env';

export type AddressLookup =
  | { kind: 'found'; address: string }
  /** The booking has no e-mail address (or reservations does not know it): retrying will not help. */
  | { kind: 'none'; reason: string }
  /** Reservations did not answer: try again later. */
  | { kind: 'unavailable'; reason: string };

const TOKEN_SECONDS = 120;

/**
 * Guests' e-mail addresses stay in reservations (they never travel on Kafka, where they could not be erased); the
 * worker asks its API for the booking's address right before sending, with a short-lived token scoped to the one
 * property and the concierge role.
 */
@Injectable()
export class GuestAddresses {
  constructor(@Inject(SERVICE_ENV) private readonly env: ConciergeEnv) {}

  async lookup(propertyId: string, reservationId: string): Promise<AddressLookup> {
    const token = signDevToken({
      sub: 'concierge-mail',
      roles: ['concierge'],
      properties: [propertyId],
      secret: this.env.AUTH_JWT_SECRET,
      expiresInSeconds: TOKEN_SECONDS,
    });
    const url = `${this.env.RESERVATIONS_URL.replace(/\/$/, '')}/v1/properties/${propertyId}/reservations/${reservationId}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      return { kind: 'unavailable', reason: `reservations API unreachable: ${(error as Error).message}` };
    }
    if (response.status === 404) return { kind: 'none', reason: 'the reservation is unknown to reservations' };
    if (!response.ok) return { kind: 'unavailable', reason: `reservations API answered ${response.status}` };
    const body = (await response.json().catch(() => ({}))) as { guest?: { email?: string } };
    const address = body.guest?.email;
    return address ? { kind: 'found', address } : { kind: 'none', reason: 'the booking has no e-mail address' };
  }
}
