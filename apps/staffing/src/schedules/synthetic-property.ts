import { SCHEDULED_ROLES, type ScheduledRole } from '@frontoffice/contracts';
import { addDays, dateRange } from '@frontoffice/platform';
import { computeDemand, DayForecast, DemandItem, PropertyProfile } from '../demand/demand-calculator';
import { DEFAULT_STAFFING_RULES, StaffingRules } from '../demand/staffing-rules';
import type { EmployeeProfile } from './planning-input';

/**
 * Generated properties of a given headcount, for the solver tests and the benchmark: a hotel sized to the team, a
 * plausible week of reservations, employees spread over the roles in proportion to the demand, with part-timers,
 * holidays, weekly unavailability, preferences and languages. Seeded, so every run sees the same property.
 */
export interface SyntheticProperty {
  property: PropertyProfile;
  rules: StaffingRules;
  weekStart: string;
  days: number;
  demand: DemandItem[];
  employees: EmployeeProfile[];
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'ja', 'zh'];

export function syntheticProperty(
  employeeCount: number,
  options: { seed?: number; weeks?: number; shiftsPerEmployee?: number } = {},
): SyntheticProperty {
  const next = random(options.seed ?? employeeCount);
  const weeks = options.weeks ?? 1;
  const weekStart = '2027-03-22';
  const days = weeks * 7;
  const starRating = employeeCount >= 40 ? 5 : employeeCount >= 12 ? 4 : 2;
  const rules = DEFAULT_STAFFING_RULES;
  const draws = Array.from({ length: days + 1 }, () => [
    next(),
    next(),
    next(),
    next(),
    ...LANGUAGES.map(() => next()),
  ]);
  const demandFor = (rooms: number): { property: PropertyProfile; demand: DemandItem[] } => {
    const property: PropertyProfile = { timezone: 'Europe/Paris', roomCount: rooms, starRating, deskHours: null };
    const forecasts = new Map<string, DayForecast>();
    dateRange(weekStart, days + 1).forEach((date, index) => {
      const [occupancyDraw, arrivalDraw, departureDraw, groupDraw, ...languageDraws] = draws[index]!;
      const inHouse = Math.round(rooms * (0.65 + occupancyDraw! * 0.3));
      const arrivals = Math.round(inHouse / (2 + arrivalDraw!));
      const languages: Record<string, number> = {};
      LANGUAGES.forEach((language, l) => {
        languages[language] = Math.round(arrivals * (language === 'en' ? 0.4 : 0.1 * languageDraws[l]!));
      });
      forecasts.set(date, {
        date,
        arrivals,
        departures: Math.round(inHouse / (2 + departureDraw!)),
        inHouse,
        vipArrivals: Math.round(arrivals * 0.03),
        groupArrivals: Math.round(arrivals * 0.1 * groupDraw!),
        arrivalLanguages: languages,
      });
    });
    return { property, demand: computeDemand(property, rules, dateRange(weekStart, days), (d) => forecasts.get(d)!) };
  };
  // Size the hotel so that the demand takes about 85% of the team's contract hours (about 4.3 shifts a week each)
  // unless asked for a tighter team.
  const personShifts = (demand: DemandItem[]): number => demand.reduce((sum, item) => sum + item.required, 0);
  const target = employeeCount * (options.shiftsPerEmployee ?? 4.3) * weeks;
  let rooms = employeeCount * 8;
  for (let attempt = 0; attempt < 3; attempt++) {
    rooms = Math.max(20, Math.round((rooms * target) / Math.max(1, personShifts(demandFor(rooms).demand))));
  }
  const { property, demand } = demandFor(rooms);

  // Heads per role in proportion to the person-shifts each role needs, then the rest of the team as desk agents.
  const need = new Map<ScheduledRole, number>();
  for (const item of demand) need.set(item.role, (need.get(item.role) ?? 0) + item.required);
  const totalNeed = [...need.values()].reduce((sum, value) => sum + value, 0);
  const roles: ScheduledRole[] = [];
  for (const role of SCHEDULED_ROLES) {
    const share = need.get(role) ?? 0;
    if (share === 0) continue;
    const heads = Math.max(1, Math.round((share / totalNeed) * employeeCount));
    for (let i = 0; i < heads && roles.length < employeeCount; i++) roles.push(role);
  }
  while (roles.length < employeeCount) roles.push('front_desk');

  const employees: EmployeeProfile[] = roles.map((role, index) => {
    const contract = next() < 0.7 ? 40 : next() < 0.6 ? 32 : 24;
    const own: ScheduledRole[] = [role];
    if (role === 'front_desk' && next() < 0.15) own.push('night_auditor');
    if (role === 'front_office_manager' && next() < 0.5) own.push('front_desk');
    if (role === 'porter' && next() < 0.2) own.push('concierge');
    const languages = ['en', ...LANGUAGES.filter((language) => language !== 'en' && next() < 0.2)];
    const absenceStart = Math.floor(next() * days);
    const employee: EmployeeProfile = {
      id: `emp-${String(index + 1).padStart(3, '0')}`,
      roles: own,
      skills: [],
      languages,
      contractHoursPerWeek: contract,
      maxHoursPerWeek: Math.min(48, contract + 8),
      maxConsecutiveDays: null,
      unavailable: next() < 0.1 ? [{ dayOfWeek: 1 + Math.floor(next() * 7) }] : [],
      preferences:
        next() < 0.3
          ? [
              { kind: 'desired', dayOfWeek: 1 + Math.floor(next() * 7), shift: 'morning' },
              { kind: 'undesired', dayOfWeek: 6 + Math.floor(next() * 2) },
            ]
          : [],
      absences:
        next() < 0.06 ? [{ from: addDays(weekStart, absenceStart), to: addDays(weekStart, absenceStart + 2) }] : [],
    };
    return employee;
  });
  return { property, rules, weekStart, days, demand, employees };
}
