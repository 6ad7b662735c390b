import type { ScheduledRole } from '@frontoffice/contracts';
import { addDays, clockMinutes, zonedInstant } from '@frontoffice/platform';
import type { ShiftPattern, StaffingRules } from './staffing-rules';

/** What the reservations read model expects on one business date. */
export interface DayForecast {
  date: string;
  arrivals: number;
  departures: number;
  /** Rooms occupied on the night of `date`. */
  inHouse: number;
  vipArrivals: number;
  groupArrivals: number;
  /** Arrivals per guest language (those that stated one). */
  arrivalLanguages: Record<string, number>;
}

export interface PropertyProfile {
  timezone: string;
  roomCount: number | null;
  starRating: number | null;
  /** Null for a desk open around the clock. */
  deskHours: { open: string; close: string } | null;
}

export interface DemandItem {
  date: string;
  shift: string;
  /** ISO-8601 instants. */
  start: string;
  end: string;
  role: ScheduledRole;
  required: number;
  reasons: string[];
  /** Skills a person filling this slot needs besides the role. */
  skills: string[];
  /** Languages spoken by many arrivals in this shift: the schedule tries to staff someone who speaks each. */
  languages: string[];
}

export function emptyForecast(date: string): DayForecast {
  return { date, arrivals: 0, departures: 0, inHouse: 0, vipArrivals: 0, groupArrivals: 0, arrivalLanguages: {} };
}

interface Interval {
  from: number;
  to: number;
}

/** The shift as minutes from midnight of its start date; crosses midnight when end <= start. */
export function shiftInterval(shift: ShiftPattern): Interval {
  const from = clockMinutes(shift.start);
  let to = clockMinutes(shift.end);
  if (to <= from) to += 1440;
  return { from, to };
}

function overlapMinutes(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}

/** Overlap of a shift with a daily clock window, counting the window on the shift's day and on the next. */
function dailyOverlap(shift: Interval, window: Interval): number {
  return overlapMinutes(shift, window) + overlapMinutes(shift, { from: window.from + 1440, to: window.to + 1440 });
}

const DAYTIME: Interval = { from: 7 * 60, to: 23 * 60 };

/** A day shift spends most of its time between 07:00 and 23:00; the others are night shifts. */
export function isDayShift(shift: ShiftPattern): boolean {
  const interval = shiftInterval(shift);
  return dailyOverlap(interval, DAYTIME) * 2 >= interval.to - interval.from;
}

function deskOpenDuring(shift: Interval, deskHours: PropertyProfile['deskHours']): boolean {
  if (!deskHours) return true;
  const open = clockMinutes(deskHours.open);
  let close = clockMinutes(deskHours.close);
  if (close <= open) close += 1440;
  const window = { from: open, to: close };
  return dailyOverlap(shift, window) + overlapMinutes(shift, { from: open - 1440, to: close - 1440 }) > 0;
}

interface ShiftLoad {
  checkIns: number;
  checkOuts: number;
  checkInShare: number;
  checkOutShare: number;
  peak: { hour: number; checkIns: number; checkOuts: number };
  vipArrivals: number;
  groupArrivals: number;
  languages: Record<string, number>;
  inHouse: number;
}

function total(profile: number[]): number {
  return profile.reduce((sum, weight) => sum + weight, 0) || 1;
}

/** Spreads the day's transactions over the clock hours the shift covers, with the hourly profiles of the rules. */
function shiftLoad(
  shift: Interval,
  date: string,
  forecastOf: (date: string) => DayForecast,
  rules: StaffingRules,
): ShiftLoad {
  const inTotal = total(rules.checkInProfile);
  const outTotal = total(rules.checkOutProfile);
  const load: ShiftLoad = {
    checkIns: 0,
    checkOuts: 0,
    checkInShare: 0,
    checkOutShare: 0,
    peak: { hour: 0, checkIns: -1, checkOuts: 0 },
    vipArrivals: 0,
    groupArrivals: 0,
    languages: {},
    inHouse: forecastOf(date).inHouse,
  };
  for (let hourStart = Math.floor(shift.from / 60) * 60; hourStart < shift.to; hourStart += 60) {
    const covered = overlapMinutes(shift, { from: hourStart, to: hourStart + 60 }) / 60;
    if (covered <= 0) continue;
    const day = forecastOf(hourStart >= 1440 ? addDays(date, 1) : date);
    const hour = (hourStart / 60) % 24;
    const inShare = ((rules.checkInProfile[hour] ?? 0) / inTotal) * covered;
    const outShare = ((rules.checkOutProfile[hour] ?? 0) / outTotal) * covered;
    const checkIns = day.arrivals * inShare;
    const checkOuts = day.departures * outShare;
    load.checkIns += checkIns;
    load.checkOuts += checkOuts;
    if (hourStart < 1440) {
      load.checkInShare += inShare;
      load.checkOutShare += outShare;
    }
    load.vipArrivals += day.vipArrivals * inShare;
    load.groupArrivals += day.groupArrivals * inShare;
    for (const [language, count] of Object.entries(day.arrivalLanguages)) {
      load.languages[language] = (load.languages[language] ?? 0) + count * inShare;
    }
    const work = checkIns * rules.minutesPerCheckIn + checkOuts * rules.minutesPerCheckOut;
    const peakWork = load.peak.checkIns * rules.minutesPerCheckIn + load.peak.checkOuts * rules.minutesPerCheckOut;
    if (work > peakWork) load.peak = { hour, checkIns, checkOuts };
  }
  return load;
}

const ceil = (value: number): number => Math.ceil(value - 1e-9);
const one = (value: number): string => (Math.round(value * 10) / 10).toString();
const percent = (share: number): string => `${Math.round(share * 100)}%`;
const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The headcount each role needs in each shift of each date, with the reasons in words. One set of rules sizes a
 * 20-room motel (one multi-role clerk per open shift) and a 600-room five-star hotel (agents for the check-in peak,
 * concierges, porters, a manager on duty, a night auditor) alike.
 */
export function computeDemand(
  property: PropertyProfile,
  rules: StaffingRules,
  dates: string[],
  forecastOf: (date: string) => DayForecast,
): DemandItem[] {
  const rooms = property.roomCount ?? 0;
  const stars = property.starRating ?? 0;
  const small = rooms <= rules.smallPropertyMaxRooms;
  const sizeWords = property.roomCount === null ? 'room count not known yet' : plural(rooms, 'room');
  const starWords = property.starRating === null ? 'no category' : `${stars}★`;
  const items: DemandItem[] = [];
  for (const date of dates) {
    for (const pattern of rules.shifts) {
      const interval = shiftInterval(pattern);
      const start = new Date(zonedInstant(date, pattern.start, property.timezone)).toISOString();
      const endDate = interval.to > 1440 ? addDays(date, 1) : date;
      const end = new Date(zonedInstant(endDate, pattern.end, property.timezone)).toISOString();
      const shiftHours = (interval.to - interval.from) / 60;
      const day = isDayShift(pattern);
      const load = shiftLoad(interval, date, forecastOf, rules);
      const deskOpen = deskOpenDuring(interval, property.deskHours);
      const capacityPerAgentHour = 60 * rules.targetUtilisation;
      const add = (role: ScheduledRole, required: number, reasons: string[], languages: string[] = []): void => {
        items.push({
          date,
          shift: pattern.code,
          start,
          end,
          role,
          required,
          reasons,
          skills: rules.requiredSkills[role] ?? [],
          languages,
        });
      };
      const forecast = forecastOf(date);
      const peakWindow = `${hh(load.peak.hour)}–${hh((load.peak.hour + 1) % 24)}`;
      const peakMinutes =
        Math.max(0, load.peak.checkIns) * rules.minutesPerCheckIn + load.peak.checkOuts * rules.minutesPerCheckOut;
      const languages = Object.entries(load.languages)
        .filter(([, count]) => count >= rules.languageMatchMinArrivals)
        .map(([language]) => language)
        .sort();

      // Front desk.
      if (!deskOpen) {
        add('front_desk', 0, [
          `the desk is closed during this shift (open ${property.deskHours?.open}–${property.deskHours?.close})`,
        ]);
      } else {
        const reasons = [
          property.deskHours
            ? `the desk is open ${property.deskHours.open}–${property.deskHours.close}: at least one person on the desk`
            : 'the desk is open around the clock: at least one person on the desk',
        ];
        const workMinutes = load.checkIns * rules.minutesPerCheckIn + load.checkOuts * rules.minutesPerCheckOut;
        const average = ceil(workMinutes / (shiftHours * capacityPerAgentHour));
        const peak = ceil(peakMinutes / capacityPerAgentHour);
        reasons.push(
          `${forecast.arrivals} arrivals and ${forecast.departures} departures on ${date}; this shift takes ` +
            `${percent(load.checkInShare)} of the check-ins and ${percent(load.checkOutShare)} of the check-outs: ` +
            `${one(load.checkIns)} check-ins × ${rules.minutesPerCheckIn} min + ${one(load.checkOuts)} check-outs × ` +
            `${rules.minutesPerCheckOut} min = ${Math.round(workMinutes)} min of desk work, ` +
            `${plural(average, 'agent')} over ${shiftHours} h at ${percent(rules.targetUtilisation)} utilisation`,
        );
        if (peakMinutes > 0) {
          reasons.push(
            `peak ${peakWindow}: ${one(Math.max(0, load.peak.checkIns))} check-ins and ${one(load.peak.checkOuts)} ` +
              `check-outs = ${Math.round(peakMinutes)} min in one hour → ${plural(peak, 'agent')}`,
          );
        }
        if (load.vipArrivals >= 0.5 || load.groupArrivals >= 0.5) {
          reasons.push(
            `${one(load.vipArrivals)} VIP and ${one(load.groupArrivals)} group arrivals expected in this shift`,
          );
        }
        if (languages.length > 0) {
          reasons.push(
            `${languages.join(', ')} spoken by ${rules.languageMatchMinArrivals}+ arrivals: someone on the desk should speak it`,
          );
        }
        if (small) {
          reasons.push(
            `small property (${sizeWords}, up to ${rules.smallPropertyMaxRooms}): one multi-role clerk checks guests ` +
              'in and out, keeps the files and helps with luggage',
          );
        }
        add('front_desk', Math.max(1, average, peak), reasons, languages);
      }
      if (small) continue;

      // Manager on duty.
      if (day && deskOpen) {
        if (rooms >= rules.managerOnDutyMinRooms) {
          add('front_office_manager', 1, [
            `${sizeWords} (from ${rules.managerOnDutyMinRooms}): a front office manager on duty every day shift`,
          ]);
        } else if (load.vipArrivals >= 0.5) {
          add('front_office_manager', 1, [
            `${one(load.vipArrivals)} VIP arrivals in this shift: the front office manager greets them in person`,
          ]);
        }
      }

      // Concierge.
      if (day && stars >= rules.conciergeMinStars && rooms >= rules.conciergeMinRooms) {
        const required = Math.max(1, ceil(load.inHouse / rules.inHouseRoomsPerConcierge));
        add(
          'concierge',
          required,
          [
            `${starWords}, ${sizeWords} (from ${rules.conciergeMinStars}★ and ${rules.conciergeMinRooms} rooms): a concierge on day shifts`,
            `${load.inHouse} rooms in house / ${rules.inHouseRoomsPerConcierge} per concierge → ${plural(required, 'concierge')}`,
          ],
          languages,
        );
      }

      // Porters.
      if (stars >= rules.porterMinStars && rooms >= rules.porterMinRooms) {
        if (day) {
          const peakMoves = Math.max(0, load.peak.checkIns) + load.peak.checkOuts;
          const byPeak = ceil((peakMoves * rules.minutesPerLuggageMove) / capacityPerAgentHour);
          const required = Math.max(1, byPeak);
          add('porter', required, [
            `${starWords}, ${sizeWords} (from ${rules.porterMinStars}★ and ${rules.porterMinRooms} rooms): porters carry luggage`,
            `peak ${peakWindow}: ${one(peakMoves)} luggage moves × ${rules.minutesPerLuggageMove} min → ${plural(required, 'porter')}`,
            ...(load.groupArrivals >= 0.5 ? [`${one(load.groupArrivals)} group arrivals with luggage`] : []),
          ]);
        } else if (stars >= rules.nightPorterMinStars) {
          add('porter', 1, [`${starWords} (from ${rules.nightPorterMinStars}★): a night porter`]);
        }
      }

      // Night audit.
      if (!day && deskOpen && rooms >= rules.nightAuditorMinRooms) {
        add('night_auditor', 1, [
          `${sizeWords} (from ${rules.nightAuditorMinRooms}): a night auditor closes the business date`,
        ]);
      }
    }
  }
  return items;
}

export interface Peak {
  /** Clock hour window, property-local. */
  from: string;
  to: string;
  /** Expected transactions in that hour. */
  count: number;
}

/** The busiest hour of the day for check-ins and for check-outs, from the day's counts and the rules' profiles. */
export function peaksOf(
  day: DayForecast,
  rules: Pick<StaffingRules, 'checkInProfile' | 'checkOutProfile'>,
): {
  checkInPeak: Peak;
  checkOutPeak: Peak;
} {
  const peak = (profile: number[], count: number): Peak => {
    const hour = profile.reduce((best, weight, index) => (weight > (profile[best] ?? 0) ? index : best), 0);
    return {
      from: hh(hour),
      to: hh((hour + 1) % 24),
      count: Math.round(((count * (profile[hour] ?? 0)) / total(profile)) * 10) / 10,
    };
  };
  return {
    checkInPeak: peak(rules.checkInProfile, day.arrivals),
    checkOutPeak: peak(rules.checkOutProfile, day.departures),
  };
}
