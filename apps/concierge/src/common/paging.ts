import { BusinessRuleViolation, CursorKey, decodeCursor, Page, pageOf } from '@frontoffice/platform';

/** What a sort-key column holds, for checking a cursor before PostgreSQL casts it (a bad cast would be a 500). */
export type KeyKind = 'timestamp' | 'date' | 'uuid' | 'text' | 'int';

/** One column of a keyset sort key: the SQL expression the rows are ordered and compared by, and its kind. */
export interface KeyColumn {
  sql: string;
  kind: KeyKind;
}

const CASTS: Record<KeyKind, string> = {
  timestamp: 'timestamptz',
  date: 'date',
  uuid: 'uuid',
  text: 'text',
  int: 'int',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string): boolean {
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

function fits(kind: KeyKind, value: string | number | null): boolean {
  switch (kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < 2 ** 31;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value) && validDay(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value) && validDay(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000');
  }
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

  /** Select list entry carrying the row's sort key as the cursor will hold it (timestamps to the microsecond). */
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
    const key = decodeCursor(cursor, this.columns.length);
    if (!key.every((value, index) => fits(this.columns[index]!.kind, value))) {
      throw new BusinessRuleViolation('bad-cursor', 'cursor must be a nextCursor this API returned', 'cursor');
    }
    const placeholders = this.columns.map((column, index) => `$${firstParameter + index}::${CASTS[column.kind]}`);
    const operator = this.direction === 'ASC' ? '>' : '<';
    return {
      sql: `(${this.columns.map((column) => column.sql).join(', ')}) ${operator} (${placeholders.join(', ')})`,
      parameters: key,
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
