import { sign } from 'jsonwebtoken';
import type { StaffRole } from '@frontoffice/contracts';

export interface DevTokenRequest {
  sub?: string;
  roles: StaffRole[];
  properties: string[];
  secret: string;
  expiresInSeconds?: number;
}

/** Mints an HS256 token with the platform's claims, for development (`npm run token`) and tests. */
export function signDevToken(request: DevTokenRequest): string {
  return sign({ roles: request.roles, properties: request.properties }, request.secret, {
    algorithm: 'HS256',
    subject: request.sub ?? 'dev-user',
    expiresIn: request.expiresInSeconds ?? 12 * 3600,
  });
}
