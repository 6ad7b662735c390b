import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Headers of one connection, not of the message (RFC 9110 §7.6.1), plus the ones a proxy must set itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Never sent on to a service: the session stays between browser and console, the bearer is the console's to add. */
const BROWSER_ONLY = new Set(['cookie', 'authorization', 'x-csrf-token', 'origin', 'referer']);

/** Never sent back to the browser: a service must not set cookies on the console's origin. */
const SERVICE_ONLY = new Set(['set-cookie']);

function listedInConnection(headers: IncomingHttpHeaders): Set<string> {
  const connection = headers.connection;
  const value = Array.isArray(connection) ? connection.join(',') : (connection ?? '');
  return new Set(
    value
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

function copy(headers: IncomingHttpHeaders, dropped: Set<string>): OutgoingHttpHeaders {
  const named = listedInConnection(headers);
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || dropped.has(name) || named.has(name)) continue;
    result[name] = value;
  }
  return result;
}

/** The browser's request headers as the service gets them, with the user's bearer. */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders, accessToken: string): OutgoingHttpHeaders {
  return { ...copy(headers, BROWSER_ONLY), authorization: `Bearer ${accessToken}` };
}

/** The service's answer headers as the browser gets them. */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return copy(headers, SERVICE_ONLY);
}
