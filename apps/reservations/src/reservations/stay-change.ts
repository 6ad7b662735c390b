import type { NightPrice } from '../properties/pricing';

export interface StayShape {
  roomTypeId: string;
  nights: string[] | NightPrice[];
}

export interface StayChangePlan {
  /** Nights of the old room type to give back. */
  release: string[];
  /** Nights of the new room type to take. */
  hold: string[];
  /** The stay's priced nights after the change: kept nights keep their booked price, new ones take `priced`. */
  merge(priced: NightPrice[]): NightPrice[];
}

const dateOf = (night: string | NightPrice) => (typeof night === 'string' ? night : night.date);

/**
 * What a change of dates or room type does to inventory: with the same room type only the nights that differ move
 * (so an extension never loses the room it already has); with another room type every night moves.
 */
export function planChange(before: { roomTypeId: string; nights: NightPrice[] }, after: StayShape): StayChangePlan {
  const oldDates = before.nights.map(dateOf);
  const newDates = after.nights.map(dateOf);
  const sameType = before.roomTypeId === after.roomTypeId;
  const kept = sameType ? new Set(newDates.filter((date) => oldDates.includes(date))) : new Set<string>();
  const release = oldDates.filter((date) => !kept.has(date));
  const hold = newDates.filter((date) => !kept.has(date));
  return {
    release,
    hold,
    merge(priced: NightPrice[]): NightPrice[] {
      const byDate = new Map<string, NightPrice>();
      for (const night of before.nights) if (kept.has(night.date)) byDate.set(night.date, night);
      for (const night of priced) byDate.set(night.date, night);
      return newDates.map((date) => byDate.get(date)!);
    },
  };
}
