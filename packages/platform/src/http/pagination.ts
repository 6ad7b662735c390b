import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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
