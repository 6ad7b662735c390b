import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, isUUID, Max, MaxLength, Min } from 'class-validator';
import { BusinessRuleViolation } from './domain-errors';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/**
 * `?limit&cursor` for every list route: lists answer `{ items, nextCursor }` (API.md), and a client follows
 * `nextCursor` until it is null. Extend it (or IntersectionType it) in a route's query DTO.
 */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The sort key of the last row of a page (e.g. `[createdAt, id]`), opaque to clients. */
export type CursorKey = readonly (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key a cursor carries, checked against the number of columns the route sorts by; anything else is the
 * client's mistake (400 `bad-cursor` on the `cursor` field), never a 500.
 */
export function decodeCursor(cursor: string, columns: number): (string | number | null)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === columns &&
      key.every((part) => part === null || typeof part === 'string' || typeof part === 'number')
    ) {
      return key as (string | number | null)[];
    }
  } catch {
    // reported below
  }
  throw new BusinessRuleViolation('bad-cursor', 'cursor must be a nextCursor this API returned', 'cursor');
}

export function pageLimit(query: Pick<PageQuery, 'limit'>): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1` in keyset order: the extra row only tells that there is a
 * next page, whose cursor is the sort key of the last row kept.
 */
export function pageOf<Row, Item = Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  toItem: (row: Row) => Item = (row) => row as unknown as Item,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return {
    items: kept.map(toItem),
    nextCursor: hasMore && kept.length > 0 ? encodeCursor(keyOf(kept[kept.length - 1]!)) : null,
  };
}

/** What a sort-key column holds, checked before PostgreSQL casts a cursor value (a failed cast would be a 500). */
export type KeyKind = 'timestamp' | 'date' | 'uuid' | 'text' | 'int';

const CASTS: Record<KeyKind, string> = {
  timestamp: 'timestamptz',
  date: 'date',
  uuid: 'uuid',
  text: 'text',
  int: 'int',
};
/**
 * ISO-8601 or PostgreSQL's `timestamptz::text` (`2027-03-10 09:15:02.123456+00`), to the microsecond. Each field is
 * range-checked too: a tampered but well-formed cursor (hour 99) must be a 400, not a failed cast in PostgreSQL.
 */
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?(Z|[+-](0\d|1[0-4])(:?[0-5]\d){0,2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists, in the years PostgreSQL and the services both handle (1900–2199, as local dates). */
function isCalendarDay(value: string): boolean {
  const day = value.slice(0, 10);
  const year = Number(day.slice(0, 4));
  if (year < 1900 || year > 2199) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

function fits(kind: KeyKind, value: string | number | null): boolean {
  switch (kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < 2 ** 31;
    case 'uuid':
      return typeof value === 'string' && isUUID(value);
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value) && isCalendarDay(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isCalendarDay(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000');
  }
}

function badCursor(): BusinessRuleViolation {
  return new BusinessRuleViolation('bad-cursor', 'cursor must be a nextCursor this API returned', 'cursor');
}

/**
 * The keyset a `cursor` carries as SQL parameters, one per column, each checked against its kind (all `null`
 * without a cursor, so a query can read `($n::type IS NULL OR (columns) > ($n, …))`).
 */
export function cursorParameters(cursor: string | undefined, kinds: readonly KeyKind[]): (string | number | null)[] {
  if (cursor === undefined) return kinds.map(() => null);
  const key = decodeCursor(cursor, kinds.length);
  if (!key.every((value, index) => fits(kinds[index]!, value))) throw badCursor();
  return key;
}

/** One column of a keyset sort key: the SQL expression rows are ordered and compared by, and its kind. */
export interface KeyColumn {
  sql: string;
  kind: KeyKind;
}

/**
 * A keyset sort: rows ordered by `columns` (all ascending or all descending; negate a column to flip it) whose
 * last column is unique, so `(columns) > (cursor key)` resumes exactly after the last row of the previous page.
 */
export class Keyset {
  constructor(
    private readonly columns: readonly KeyColumn[],
    private readonly direction: 'ASC' | 'DESC' = 'ASC',
  ) {}

  /** Select-list entry carrying the row's sort key as the cursor will hold it (timestamps to the microsecond). */
  get pageKey(): string {
    const parts = this.columns.map((column) => {
      if (column.kind === 'timestamp') {
        return `to_char((${column.sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
      }
      if (column.kind === 'date') return `to_char(${column.sql}, 'YYYY-MM-DD')`;
      return column.sql;
    });
    return `json_build_array(${parts.join(', ')}) AS page_key`;
  }

  get orderBy(): string {
    return this.columns.map((column) => `${column.sql} ${this.direction}`).join(', ');
  }

  /**
   * The condition for the rows after `cursor` (`TRUE` on the first page), its parameters numbered from
   * `firstParameter`. A cursor this sort did not produce is the client's mistake: 400 bad-cursor on `cursor`.
   */
  after(cursor: string | undefined, firstParameter: number): { sql: string; parameters: unknown[] } {
    if (cursor === undefined) return { sql: 'TRUE', parameters: [] };
    const parameters = cursorParameters(
      cursor,
      this.columns.map((column) => column.kind),
    );
    const placeholders = this.columns.map((column, index) => `$${firstParameter + index}::${CASTS[column.kind]}`);
    const operator = this.direction === 'ASC' ? '>' : '<';
    return {
      sql: `(${this.columns.map((column) => column.sql).join(', ')}) ${operator} (${placeholders.join(', ')})`,
      parameters,
    };
  }
}

/** A page of rows fetched with `LIMIT limit + 1` that carry their `page_key` (see `Keyset.pageKey`). */
export function keyedPage<Row extends { page_key: CursorKey }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): Page<Item> {
  return pageOf(rows, limit, (row) => row.page_key, toItem);
}
