import { createHash, timingSafeEqual } from 'node:crypto';

/** Where and to whom `/metrics` answers, from METRICS_TOKEN and METRICS_PORT. */
export interface MetricsAccess {
  token?: string;
  port?: number;
}

/** `Authorization: Bearer <METRICS_TOKEN>` when a token is configured; anything goes without one. */
export function metricsAuthorized(access: MetricsAccess, authorization: string | string[] | undefined): boolean {
  if (!access.token) return true;
  const match = /^Bearer\s+(\S+)$/i.exec(typeof authorization === 'string' ? authorization : '');
  if (!match) return false;
  // Equal-length digests, so the comparison takes the same time whatever the caller sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(access.token));
}
