import type { ScheduledRole } from '@frontoffice/contracts';

export interface ShiftPattern {
  /** e.g. 'morning'; a shift whose end is not after its start ends the next day. */
  code: string;
  start: string;
  end: string;
}

/**
 * How a property turns its forecast into headcount. Every figure has a default that suits most hotels; the front
 * office manager changes what does not fit (PUT .../staffing/rules).
 */
export interface StaffingRules {
  shifts: ShiftPattern[];
  /** Desk minutes one check-in / check-out takes. */
  minutesPerCheckIn: number;
  minutesPerCheckOut: number;
  /** Share of an agent's time that may be planned as transactions (the rest: phone, mail, filing, breaks). */
  targetUtilisation: number;
  /** Relative weight of each clock hour (0-23) in the day's check-ins and check-outs: where the peaks are. */
  checkInProfile: number[];
  checkOutProfile: number[];
  /** Up to this many rooms, one multi-role clerk runs the desk (check-in, check-out, filing, luggage). */
  smallPropertyMaxRooms: number;
  /** From this many rooms, a front office manager is on duty on every day shift. */
  managerOnDutyMinRooms: number;
  conciergeMinStars: number;
  conciergeMinRooms: number;
  /** One concierge per this many in-house rooms on a day shift. */
  inHouseRoomsPerConcierge: number;
  porterMinStars: number;
  porterMinRooms: number;
  /** Porter minutes per luggage move (one arrival or one departure). */
  minutesPerLuggageMove: number;
  /** From this category a porter is on duty at night too. */
  nightPorterMinStars: number;
  /** From this many rooms, the night shift has a night auditor besides the desk. */
  nightAuditorMinRooms: number;
  /** Arrivals speaking one language in a shift from which the schedule tries to staff someone who speaks it. */
  languageMatchMinArrivals: number;
  /** Skills an employee needs, on top of the role, to fill a slot of that role. */
  requiredSkills: Partial<Record<ScheduledRole, string[]>>;
  minRestHours: number;
  /** Default for employees that have no limit of their own. */
  maxConsecutiveDays: number;
}

//                             0  1    2  3  4  5  6  7  8  9 10 11 12 13  14  15  16  17  18 19 20 21 22 23
const CHECK_IN_PROFILE = [1, 0.5, 0, 0, 0, 0, 0, 1, 1, 1, 2, 3, 4, 6, 10, 16, 14, 12, 10, 8, 5, 3, 2, 1];
const CHECK_OUT_PROFILE = [0, 0, 0, 0, 0, 0, 2, 6, 12, 18, 20, 16, 10, 5, 3, 2, 1, 1, 1, 1, 0, 0, 0, 0];

export const DEFAULT_STAFFING_RULES: StaffingRules = Object.freeze({
  shifts: [
    { code: 'morning', start: '07:00', end: '15:00' },
    { code: 'evening', start: '15:00', end: '23:00' },
    { code: 'night', start: '23:00', end: '07:00' },
  ],
  minutesPerCheckIn: 6,
  minutesPerCheckOut: 4,
  targetUtilisation: 0.8,
  checkInProfile: CHECK_IN_PROFILE,
  checkOutProfile: CHECK_OUT_PROFILE,
  smallPropertyMaxRooms: 30,
  managerOnDutyMinRooms: 150,
  conciergeMinStars: 4,
  conciergeMinRooms: 80,
  inHouseRoomsPerConcierge: 250,
  porterMinStars: 3,
  porterMinRooms: 60,
  minutesPerLuggageMove: 5,
  nightPorterMinStars: 5,
  nightAuditorMinRooms: 150,
  languageMatchMinArrivals: 5,
  requiredSkills: {},
  minRestHours: 11,
  maxConsecutiveDays: 6,
}) as StaffingRules;

/** The defaults overlaid with what the manager changed. */
export function effectiveRules(overrides: Partial<StaffingRules> | null | undefined): StaffingRules {
  return { ...DEFAULT_STAFFING_RULES, ...(overrides ?? {}) };
}
