/**
 * Recognises the errors that mean "PostgreSQL cannot be reached right now" (as opposed to a bad query or a rule the
 * database enforced): the server refused or dropped the connection, is shutting down or starting up, or the pool
 * could not hand out a connection in time. The same request succeeds once the database is back, so HTTP answers
 * 503 with Retry-After and a consumer retries instead of dead-lettering.
 */

/** SQLSTATE classes and codes of an unavailable server: connection exceptions, shutdown/start-up, no slots left. */
const UNAVAILABLE_SQLSTATE_CLASSES = ['08'];
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
]);

/** Socket-level failures of the connection to the server. */
const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool report a lost or unobtainable connection with plain errors, known by their message. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection is not queryable|client has encountered a connection error/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** Causes are followed this deep at most: TypeORM wraps driver errors, and some callers wrap those again. */
const MAX_CAUSE_DEPTH = 5;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function causes(error: unknown): unknown[] {
  if (typeof error !== 'object' || error === null) return [];
  const { driverError, cause, errors } = error as ErrorLike;
  // AggregateError: node's net module reports every refused address of a host that resolves to several.
  return [driverError, cause, ...(Array.isArray(errors) ? errors : [])].filter((next) => next !== undefined);
}

function looksUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as ErrorLike;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
    // A five-character code is a SQLSTATE: its first two characters are its class.
    if (code.length === 5 && UNAVAILABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when the error, or one of the errors it wraps, says the database cannot be reached at the moment. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let level: unknown[] = [error];
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && level.length > 0; depth += 1) {
    if (level.some(looksUnavailable)) return true;
    level = level.flatMap(causes);
  }
  return false;
}
