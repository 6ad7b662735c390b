import { BusinessRuleViolation, decodeCursor } from '@frontoffice/platform';
import { isUUID } from 'class-validator';

/** The SQL type of one column of a keyset, checked before it reaches a query (a forged cursor is a 400, not a 500). */
export type KeyPart = 'uuid' | 'int' | 'instant' | 'date' | 'text';

/** `timestamptz::text` as PostgreSQL writes it, e.g. `2027-03-10 09:15:02.123456+00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2}){0,2})$/;

const valid: Record<KeyPart, (part: string | number | null) => boolean> = {
  uuid: (part) => typeof part === 'string' && isUUID(part),
  int: (part) => typeof part === 'number' && Number.isSafeInteger(part),
  instant: (part) => typeof part === 'string' && INSTANT.test(part),
  date: (part) => typeof part === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(part),
  text: (part) => typeof part === 'string',
};

/**
 * The keyset a `cursor` carries, one SQL parameter per column (all `null` without a cursor, so queries read
 * `($n::type IS NULL OR (columns) > ($n, ...))`). Timestamps travel as PostgreSQL text (`column::text`) to keep
 * their microseconds.
 */
export function cursorParameters(cursor: string | undefined, parts: readonly KeyPart[]): (string | number | null)[] {
  if (cursor === undefined) return parts.map(() => null);
  const key = decodeCursor(cursor, parts.length);
  if (!key.every((part, index) => valid[parts[index]!](part))) {
    throw new BusinessRuleViolation('bad-cursor', 'cursor must be a nextCursor this API returned', 'cursor');
  }
  return key;
}
