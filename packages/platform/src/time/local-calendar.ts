import { TZDate, tzOffset } from '@date-fns/tz';

/**
 * Property-local calendar and clock arithmetic. A property's dates (business date, arrival, shift date) are plain
 * calendar days, YYYY-MM-DD, with no zone: day arithmetic on them is done in UTC, where no day is 23 or 25 hours
 * long. Only turning a wall-clock time into an instant, or an instant into a date, involves the property's IANA zone,
 * and that goes through `@date-fns/tz`.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function parseDate(date: string): [year: number, monthIndex: number, day: number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month - 1, day];
}

function formatUtcDate(instantMs: number): string {
  return new Date(instantMs).toISOString().slice(0, 10);
}

/** Minutes east of UTC in `timeZone` at `instantMs`; an unknown zone is an error, never a NaN instant. */
function offsetMinutes(timeZone: string, instantMs: number): number {
  const offset = tzOffset(timeZone, new Date(instantMs));
  if (Number.isNaN(offset)) throw new RangeError(`Invalid time zone: ${timeZone}`);
  return offset;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The calendar date (YYYY-MM-DD) the wall clock of `timeZone` shows at `instant` (now by default). */
export function localDateIn(timeZone: string, instant: Date | number = new Date()): string {
  const local = new TZDate(typeof instant === 'number' ? instant : instant.getTime(), timeZone);
  if (Number.isNaN(local.getFullYear())) throw new RangeError(`Invalid time zone or instant: ${timeZone}`);
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * The instant (epoch milliseconds) at which the wall clock of `timeZone` shows `date` (YYYY-MM-DD) at `time`
 * (HH:mm). A time skipped by a forward change (02:30 when clocks jump from 02:00 to 03:00) moves forward by the
 * gap (03:30); a time that occurs twice when clocks go back picks the first occurrence (still on summer time).
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [year, monthIndex, day] = parseDate(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, monthIndex, day, hour, minute);
  // Offsets (minutes east of UTC) a day either side of the wall time: at most one change lies between them.
  const before = offsetMinutes(timeZone, wall - DAY_MS);
  const after = offsetMinutes(timeZone, wall + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wall - offsetMinutes(timeZone, instant) * MINUTE_MS === instant)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; read it with the offset in force before the change.
  return candidates[0] ?? wall - before * MINUTE_MS;
}

/** `zonedInstant` as a `Date`: the UTC instant of a property-local wall-clock time. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  return new Date(zonedInstant(date, time, timeZone));
}

/** The calendar date `days` after `date` (negative for before); plain dates, so daylight saving cannot shift it. */
export function addDays(date: string, days: number): string {
  const [year, monthIndex, day] = parseDate(date);
  return formatUtcDate(Date.UTC(year, monthIndex, day + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO day of week: Monday 1 … Sunday 7. */
export function isoDayOfWeek(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `days` consecutive calendar dates from `from` (included); empty when `days` is 0 or less. */
export function dateRange(from: string, days: number): string[] {
  return Array.from({ length: Math.max(0, days) }, (_, index) => addDays(from, index));
}

/** Minutes after midnight of an HH:mm clock time. */
export function clockMinutes(time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}
