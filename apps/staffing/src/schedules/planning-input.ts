import type { ScheduledRole } from '@frontoffice/contracts';
import { addDays, dateRange, isoDayOfWeek, zonedInstant } from '@frontoffice/platform';
import { DemandItem, shiftInterval } from '../demand/demand-calculator';
import type { StaffingRules } from '../demand/staffing-rules';
import type { CheckedAssignment, CheckedEmployee } from './schedule-checker';
import type { PlanAssignment, PlanEmployee, PlanningProblem, PlanShift } from './planning';

export interface EmployeePreference {
  kind: 'desired' | 'undesired';
  dayOfWeek?: number;
  shift?: string;
}

/** What scheduling knows of an employee: the stored record, in plain data. */
export interface EmployeeProfile {
  id: string;
  roles: ScheduledRole[];
  skills: string[];
  languages: string[];
  contractHoursPerWeek: number;
  maxHoursPerWeek: number;
  maxConsecutiveDays: number | null;
  unavailable: { dayOfWeek: number; shift?: string }[];
  preferences: EmployeePreference[];
  absences: { from: string; to: string }[];
}

export function planShifts(weekStart: string, days: number, rules: StaffingRules, timezone: string): PlanShift[] {
  return dateRange(weekStart, days).flatMap((date) =>
    rules.shifts.map((pattern) => {
      const endDate = shiftInterval(pattern).to > 1440 ? addDays(date, 1) : date;
      return {
        date,
        shift: pattern.code,
        startMs: zonedInstant(date, pattern.start, timezone),
        endMs: zonedInstant(endDate, pattern.end, timezone),
      };
    }),
  );
}

export function toPlanEmployee(profile: EmployeeProfile, dates: string[], rules: StaffingRules): PlanEmployee {
  const blocked: string[] = [];
  const preferences: PlanEmployee['preferences'] = [];
  for (const date of dates) {
    if (profile.absences.some((absence) => absence.from <= date && date <= absence.to)) blocked.push(date);
    const dow = isoDayOfWeek(date);
    for (const u of profile.unavailable.filter((item) => item.dayOfWeek === dow)) {
      blocked.push(u.shift ? `${date}|${u.shift}` : date);
    }
    for (const p of profile.preferences) {
      if (p.dayOfWeek !== undefined && p.dayOfWeek !== dow) continue;
      const weight = p.kind === 'desired' ? 1 : -1;
      if (p.shift) preferences.push({ key: `${date}|${p.shift}`, weight });
      else if (p.dayOfWeek !== undefined) preferences.push({ key: date, weight });
    }
  }
  return {
    id: profile.id,
    roles: profile.roles,
    skills: profile.skills,
    languages: profile.languages,
    contractHoursPerWeek: profile.contractHoursPerWeek,
    maxHoursPerWeek: profile.maxHoursPerWeek,
    maxConsecutiveDays: profile.maxConsecutiveDays ?? rules.maxConsecutiveDays,
    blocked,
    preferences,
  };
}

export interface PlanningInput {
  weekStart: string;
  days: number;
  timezone: string;
  rules: StaffingRules;
  demand: DemandItem[];
  employees: EmployeeProfile[];
  /** Published shifts of the days before `weekStart`. */
  history?: CheckedAssignment[];
}

export function planningProblem(input: PlanningInput): PlanningProblem {
  const dates = dateRange(input.weekStart, input.days);
  return {
    weekStart: input.weekStart,
    days: input.days,
    shifts: planShifts(input.weekStart, input.days, input.rules, input.timezone),
    slots: input.demand
      .filter((item) => item.required > 0)
      .map((item) => ({
        date: item.date,
        shift: item.shift,
        role: item.role,
        required: item.required,
        skills: item.skills,
        languages: item.languages,
      })),
    employees: input.employees.map((profile) => toPlanEmployee(profile, dates, input.rules)),
    minRestHours: input.rules.minRestHours,
    history: (input.history ?? []).map((h) => ({
      employeeId: h.employeeId,
      date: h.date,
      startMs: Date.parse(h.start),
      endMs: Date.parse(h.end),
    })),
  };
}

export function toCheckedEmployee(profile: EmployeeProfile, rules: StaffingRules): CheckedEmployee {
  return {
    id: profile.id,
    roles: profile.roles,
    skills: profile.skills,
    maxHoursPerWeek: profile.maxHoursPerWeek,
    maxConsecutiveDays: profile.maxConsecutiveDays ?? rules.maxConsecutiveDays,
    absences: profile.absences,
    unavailable: profile.unavailable,
  };
}

/** Assignments with the instants of their shifts, as stored and shown. */
export function withInstants(
  assignments: PlanAssignment[],
  shifts: PlanShift[],
): (PlanAssignment & CheckedAssignment)[] {
  const byKey = new Map(shifts.map((shift) => [`${shift.date}|${shift.shift}`, shift]));
  return assignments.map((a) => {
    const shift = byKey.get(`${a.date}|${a.shift}`);
    if (!shift) throw new Error(`No shift ${a.shift} on ${a.date}`);
    return {
      employeeId: a.employeeId,
      role: a.role,
      date: a.date,
      shift: a.shift,
      start: new Date(shift.startMs).toISOString(),
      end: new Date(shift.endMs).toISOString(),
    };
  });
}
