/**
 * Query parameters whose values say nothing about a person: dates, ids, page sizes, statuses. Every other value
 * (a guest search's name or e-mail, a cursor that carries a sort key such as a last name) is logged as [redacted].
 */
const SAFE_QUERY_KEYS = new Set([
  'limit',
  'from',
  'to',
  'date',
  'businessDate',
  'asOf',
  'status',
  'state',
  'method',
  'kind',
  'type',
  'category',
  'priority',
  'propertyId',
  'roomTypeId',
  'ratePlanId',
  'reservationId',
  'stayId',
  'folioId',
  'employeeId',
  'nonZero',
]);
const SAFE_VALUE = /^[\w:.+-]{0,64}$/;
const EMAIL = /[^\s/?&=@]+@[^\s/?&=@]+/g;

export const REDACTED = '[redacted]';

/** The URL as it may be written to the logs: path kept (e-mail addresses masked), personal query values redacted. */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(EMAIL, REDACTED);
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals === -1 ? pair : pair.slice(0, equals);
      if (equals === -1) return key;
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(equals + 1).replace(/\+/g, ' '));
      } catch {
        return `${key}=${REDACTED}`;
      }
      return SAFE_QUERY_KEYS.has(key) && SAFE_VALUE.test(value) && !value.includes('@') ? pair : `${key}=${REDACTED}`;
    });
  return `${path}?${query.join('&')}`;
}

/**
 * pino redaction paths: credentials, request bodies wherever a line carries one, and what a failed SQL statement
 * carries (its parameters and PostgreSQL's `detail`, e.g. `Key (email)=(…) already exists`).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'req.body',
  'body',
  'err.parameters',
  'err.detail',
  'err.driverError.detail',
  'err.driverError.parameters',
  'err.body',
];
