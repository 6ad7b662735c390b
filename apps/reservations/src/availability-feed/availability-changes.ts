import type { AvailabilityChangeCause } from '@frontoffice/contracts';
import { addDays } from '@frontoffice/platform';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Nights of one room type whose availability or price a transaction changed. `from`/`to` (exclusive) bound the
 * range; an open end (`null`) means "from the business date" / "up to the push horizon" (a room added, a plan's
 * base price, an out-of-order room without an end date).
 */
export interface AvailabilityChangeNote {
  propertyId: string;
  roomTypeId: string;
  from: string | null;
  to: string | null;
  cause: AvailabilityChangeCause;
}

/** What one transaction changed for one room type, coalesced. */
export interface CoalescedChange {
  propertyId: string;
  roomTypeId: string;
  from: string | null;
  to: string | null;
  causes: AvailabilityChangeCause[];
}

const pending = new WeakMap<QueryRunner, AvailabilityChangeNote[]>();

/**
 * Records, inside the transaction that makes it, that a room type's nights changed. Nothing is queried here: the
 * notes are coalesced and published once, just before the transaction commits (AvailabilityFeedSubscriber), so a
 * booking of twelve nights or a bulk of forty rooms costs one event per room type, not one per night or per row.
 */
export function noteAvailabilityChange(manager: EntityManager, note: AvailabilityChangeNote): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return;
  const notes = pending.get(runner);
  if (notes) notes.push(note);
  else pending.set(runner, [note]);
}

/** Notes of nights given as a list (inventory changes): one range from the first night to the day after the last. */
export function noteNightsChanged(
  manager: EntityManager,
  propertyId: string,
  roomTypeId: string,
  nights: readonly string[],
  cause: AvailabilityChangeCause = 'inventory',
): void {
  if (nights.length === 0) return;
  let first = nights[0];
  let last = nights[0];
  for (const night of nights) {
    if (night < first) first = night;
    if (night > last) last = night;
  }
  noteAvailabilityChange(manager, { propertyId, roomTypeId, from: first, to: addDays(last, 1), cause });
}

export function takeNotes(runner: QueryRunner): AvailabilityChangeNote[] {
  const notes = pending.get(runner) ?? [];
  pending.delete(runner);
  return notes;
}

export function dropNotes(runner: QueryRunner): void {
  pending.delete(runner);
}

/** One change per room type covering every range noted for it; an open end wins over any closed one. */
export function coalesce(notes: readonly AvailabilityChangeNote[]): CoalescedChange[] {
  const byType = new Map<string, CoalescedChange>();
  for (const note of notes) {
    const seen = byType.get(note.roomTypeId);
    if (!seen) {
      const { cause, ...range } = note;
      byType.set(note.roomTypeId, { ...range, causes: [cause] });
      continue;
    }
    seen.from = seen.from === null || note.from === null ? null : note.from < seen.from ? note.from : seen.from;
    seen.to = seen.to === null || note.to === null ? null : note.to > seen.to ? note.to : seen.to;
    if (!seen.causes.includes(note.cause)) seen.causes.push(note.cause);
  }
  return [...byType.values()].sort((a, b) => a.roomTypeId.localeCompare(b.roomTypeId));
}

/**
 * The closed range a change is published for: open ends become the business date and the horizon after it, and
 * nights before the business date (already past for sale) are left out. Undefined when nothing is left.
 */
export function publishedRange(
  change: Pick<CoalescedChange, 'from' | 'to'>,
  businessDate: string,
  horizonDays: number,
): { from: string; to: string } | undefined {
  const horizon = addDays(businessDate, horizonDays);
  const from = change.from === null || change.from < businessDate ? businessDate : change.from;
  const to = change.to === null || change.to > horizon ? horizon : change.to;
  return from < to ? { from, to } : undefined;
}

export interface PriceNight {
  ratePlanId: string;
  ratePlanCode: string;
  date: string;
  amountMinor: number;
}

export interface RateRun {
  ratePlanId: string;
  ratePlanCode: string;
  from: string;
  to: string;
  amountMinor: number;
}

/** Consecutive nights of one plan at one price become one run [from, to); input sorted by plan, then date. */
export function rateRuns(nights: readonly PriceNight[]): RateRun[] {
  const runs: RateRun[] = [];
  for (const night of nights) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.ratePlanId === night.ratePlanId &&
      last.amountMinor === night.amountMinor &&
      last.to === night.date
    ) {
      last.to = addDays(night.date, 1);
    } else {
      runs.push({
        ratePlanId: night.ratePlanId,
        ratePlanCode: night.ratePlanCode,
        from: night.date,
        to: addDays(night.date, 1),
        amountMinor: night.amountMinor,
      });
    }
  }
  return runs;
}

/** An out-of-order range: first and last night out of order (inclusive); no `to` means until further notice. */
export interface OutOfOrderRange {
  from: string | null;
  to: string | null;
}

/** The nights whose count an out-of-order range change moved: both ranges, from the earlier start to the later end. */
export function outOfOrderChange(
  previous: OutOfOrderRange,
  next: OutOfOrderRange,
): { from: string; to: string | null } | undefined {
  if (previous.from === next.from && previous.to === next.to) return undefined;
  const ranges = [previous, next].filter((range): range is { from: string; to: string | null } => range.from !== null);
  if (ranges.length === 0) return undefined;
  const from = ranges.map((range) => range.from).sort()[0];
  const to = ranges.some((range) => range.to === null)
    ? null
    : addDays(ranges.map((range) => range.to!).sort()[ranges.length - 1], 1);
  return { from, to };
}

export function noteOutOfOrderChange(
  manager: EntityManager,
  room: { propertyId: string; roomTypeId: string; outOfOrderFrom: string | null; outOfOrderTo: string | null },
  previous: OutOfOrderRange,
): void {
  const changed = outOfOrderChange(previous, { from: room.outOfOrderFrom, to: room.outOfOrderTo });
  if (changed)
    noteAvailabilityChange(manager, {
      propertyId: room.propertyId,
      roomTypeId: room.roomTypeId,
      ...changed,
      cause: 'rooms',
    });
}
