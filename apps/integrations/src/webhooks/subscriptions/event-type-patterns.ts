import { EVENT_TYPE_PATTERN } from '@frontoffice/contracts';

/**
 * What a subscription may ask for: `*` (everything its scope sees), an exact type (`reservation.created`) or a
 * prefix wildcard on whole segments (`reservation.*`, `night-audit.*`). The SQL fan-out applies the same rule.
 */
export const EVENT_TYPE_FILTER_PATTERN =
  /^(\*|[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*\.\*|[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+)$/;

export function isEventTypeFilter(value: string): boolean {
  return EVENT_TYPE_FILTER_PATTERN.test(value);
}

export function matchesEventType(filters: readonly string[], type: string): boolean {
  if (!EVENT_TYPE_PATTERN.test(type)) return false;
  return filters.some((filter) =>
    filter === '*' ? true : filter.endsWith('.*') ? type.startsWith(filter.slice(0, -1)) : filter === type,
  );
}

/** The SQL twin of matchesEventType, for `$filters` a text[] column and `$type` a text expression. */
export function eventTypeMatchSql(filters: string, type: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${filters}) AS f(filter)
    WHERE f.filter = '*' OR f.filter = ${type}
       OR (right(f.filter, 2) = '.*' AND starts_with(${type}, left(f.filter, -1))))`;
}
