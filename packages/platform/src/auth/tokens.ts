import { sign } from 'jsonwebtoken';
import type { StaffRole } from '@frontoffice/contracts';

export interface DevTokenRequest {
  sub?: string;
  roles: StaffRole[];
  properties: string[];
  secret: string;
  expiresInSeconds?: number;
  /**
   * A service with AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE set checks them on HS256 tokens too: pass the same values
   * (e.g. the local identity provider's issuer and `frontoffice`).
   */
  issuer?: string;
  audience?: string;
}

/** Mints an HS256 token with the platform's claims, for development (`npm run token`) and tests. */
export function signDevToken(request: DevTokenRequest): string {
  return sign({ roles: request.roles, properties: request.properties }, request.secret, {
    algorithm: 'HS256',
    subject: request.sub ?? 'dev-user',
    expiresIn: request.expiresInSeconds ?? 12 * 3600,
    ...(request.issuer ? { issuer: request.issuer } : {}),
    ...(request.audience ? { audience: request.audience } : {}),
  });
}
