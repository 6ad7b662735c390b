/**
 * Availability arithmetic for one room type and one night, in plain numbers so it can be tested without a database:
 * sellable = rooms − out of order + overbooking allowance; available = sellable − booked − held in group blocks.
 */
export interface NightCounts {
  date: string;
  rooms: number;
  outOfOrder: number;
  overbookingAllowance: number;
  booked: number;
  blocked: number;
}

export function sellable(counts: Omit<NightCounts, 'date' | 'booked' | 'blocked'>): number {
  return Math.max(0, counts.rooms - counts.outOfOrder) + counts.overbookingAllowance;
}

/** Rooms still for sale; never below zero (a room put out of order after the night was sold can overbook it). */
export function available(counts: NightCounts): number {
  return Math.max(0, sellable(counts) - counts.booked - counts.blocked);
}

/** The first night (in date order) that cannot take `rooms` more rooms, or undefined when every night can. */
export function firstShortNight(nights: NightCounts[], rooms = 1): string | undefined {
  return [...nights].sort((a, b) => a.date.localeCompare(b.date)).find((night) => available(night) < rooms)?.date;
}

/** Nights sorted and de-duplicated: locks are always taken in this order, so two bookings never deadlock. */
export function lockOrder(nights: readonly string[]): string[] {
  return [...new Set(nights)].sort();
}
