import type { VipLevel } from '@frontoffice/contracts';
import { zonedTimeToUtc } from '@frontoffice/platform';

/** The front office manager greets vip and vvip guests in person. */
export function isVip(level: VipLevel): boolean {
  return level === 'vip' || level === 'vvip';
}

/** Guests usually arrive from the property's check-in time: the welcome is due then, or one SLA from now if later. */
export const CHECK_IN_TIME = '14:00';

export function welcomeDueAt(arrival: string, timezone: string, earliest: Date): Date {
  const checkIn = zonedTimeToUtc(arrival, CHECK_IN_TIME, timezone);
  return checkIn > earliest ? checkIn : earliest;
}

export function guestName(guest: { firstName: string; lastName: string }): string {
  return `${guest.firstName} ${guest.lastName}`;
}
