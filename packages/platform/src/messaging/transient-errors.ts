/**
 * Tells a passing failure (the database or the broker is briefly away, a lock or a serialization conflict) from one
 * that will happen again on every retry. Consumers retry the first kind for as long as it takes and never
 * dead-letter an event because of it; only the second kind counts towards the attempts before the DLQ.
 */

/** PostgreSQL SQLSTATE classes that mean "try again later", not "this event is wrong". */
const TRANSIENT_SQLSTATE_CLASSES = [
  '08', // connection exception
  '53', // insufficient resources: too many connections, out of memory, disk full
  '57P', // operator intervention: admin/crash shutdown, cannot connect now
  '58', // system error (I/O)
];

const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '57014', // query_canceled (statement_timeout)
  '25P03', // idle_in_transaction_session_timeout
]);

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ESHUTDOWN',
]);

/** Messages of node-postgres and its pool that carry no code. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /too many clients/i,
  /remaining connection slots are reserved/i,
  /query read timeout/i,
];

export function isTransientError(error: unknown): boolean {
  return causesOf(error).some(isTransientItself);
}

function isTransientItself(error: object): boolean {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NETWORK_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.some((prefix) => code.startsWith(prefix))) return true;
  }
  // Every kafkajs error (connection, request timeout, retries exhausted, broker not available...) is about the
  // broker, never about the event being handled: handlers do not produce, so these come from the DLQ send or the
  // consumer's own calls.
  if (typeof name === 'string' && name.startsWith('KafkaJS')) return true;
  return typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error and what it wraps: TypeORM's `driverError`, `cause`, kafkajs' `originalError`, AggregateError's list. */
function causesOf(error: unknown, seen = new Set<object>()): object[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return [];
  seen.add(error);
  const wrapper = error as { driverError?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  const nested = [wrapper.driverError, wrapper.cause, wrapper.originalError];
  if (Array.isArray(wrapper.errors)) nested.push(...(wrapper.errors as unknown[]));
  return [error, ...nested.flatMap((inner) => causesOf(inner, seen))];
}
