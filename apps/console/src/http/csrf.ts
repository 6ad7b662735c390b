import { timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfInput {
  method: string;
  /** `x-csrf-token` as sent. */
  token: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

/**
 * Why a state-changing request is refused, or undefined when it may go through: it must carry the session's token
 * (which only a page of the console can read, from `/api/session`) and, when the browser says where it comes from,
 * come from the console's own origin. The SameSite cookie is a third line, not the only one.
 */
export function csrfRefusal(input: CsrfInput, sessionToken: string, publicOrigin: string): string | undefined {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return undefined;
  if (!input.token || !sameSecret(input.token, sessionToken)) return 'The x-csrf-token header is missing or wrong';
  if (input.origin !== undefined && input.origin !== publicOrigin) return 'The request comes from another origin';
  if (input.secFetchSite !== undefined && input.secFetchSite !== 'same-origin') {
    return 'The request comes from another site';
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
