import { EventPattern } from '@nestjs/microservices';

/** Patterns of batch handlers are registered with Nest under this prefix, apart from the per-event ones. */
export const EVENT_BATCH_PATTERN_PREFIX = 'event-batch:';

/**
 * Marks a method that applies many events at once, in set-based statements: `(events: EventEnvelope[], context:
 * EventBatchContext)`. `pattern` is an exact event type (`'night-audit.room-night-posted'`), a prefix wildcard
 * (`'reservation.*'`) or `'*'` for every valid event of the consumed topics. Throwing rolls the whole batch back;
 * the platform then retries it, or re-delivers it in smaller batches down to one event to isolate a poison one.
 */
export function EventBatchHandler(pattern: string): MethodDecorator {
  if (!isValidBatchPattern(pattern)) {
    throw new Error(`@EventBatchHandler('${pattern}'): use an event type, a prefix like 'reservation.*', or '*'`);
  }
  return EventPattern(`${EVENT_BATCH_PATTERN_PREFIX}${pattern}`);
}

function isValidBatchPattern(pattern: string): boolean {
  return pattern === '*' || /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*(\.\*)?$/.test(pattern);
}

/** Whether a batch handler registered for `pattern` takes events of `type`. */
export function batchPatternMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}
