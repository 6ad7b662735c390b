import type { ScheduledRole } from '@frontoffice/contracts';

/** One shift on one date, with its real instants (a night shift ends the next day; DST is in the instants). */
export interface PlanShift {
  date: string;
  shift: string;
  startMs: number;
  endMs: number;
}

/** A demand slot: `required` people of `role` (with `skills`) in one shift. */
export interface PlanSlot {
  date: string;
  shift: string;
  role: ScheduledRole;
  required: number;
  skills: string[];
  /** Languages that someone in this shift should speak (soft). */
  languages: string[];
}

export interface PlanEmployee {
  id: string;
  roles: ScheduledRole[];
  skills: string[];
  languages: string[];
  contractHoursPerWeek: number;
  maxHoursPerWeek: number;
  maxConsecutiveDays: number;
  /** Keys the employee cannot work: 'YYYY-MM-DD' (whole day, e.g. an absence) or 'YYYY-MM-DD|shift'. */
  blocked: string[];
  /** Positive: wants to work that day/shift; negative: would rather not. Keys as in `blocked`. */
  preferences: { key: string; weight: number }[];
}

export interface PlanAssignment {
  employeeId: string;
  role: ScheduledRole;
  date: string;
  shift: string;
}

export type UnfilledReason = 'no_one_qualified' | 'no_one_available' | 'limits_reached';

export interface PlanUnfilled {
  date: string;
  shift: string;
  role: ScheduledRole;
  missing: number;
  reason: UnfilledReason;
  explanation: string;
}

export interface PlanningProblem {
  /** First day of the horizon; hours are limited per 7-day week from here. */
  weekStart: string;
  days: number;
  shifts: PlanShift[];
  slots: PlanSlot[];
  employees: PlanEmployee[];
  minRestHours: number;
  /** Published shifts just before the horizon: they count for rest and for days in a row. */
  history: PlanHistoryShift[];
}

export interface PlanHistoryShift {
  employeeId: string;
  date: string;
  startMs: number;
  endMs: number;
}

export interface SolveStats {
  method: 'mip' | 'greedy';
  /** HiGHS model status of each sub-model solved. */
  statuses: string[];
  subproblems: number;
  variables: number;
  constraints: number;
  objective: number;
  seconds: number;
}

export interface PlanResult {
  assignments: PlanAssignment[];
  unfilled: PlanUnfilled[];
  stats: SolveStats;
}

export const shiftKey = (date: string, shift: string): string => `${date}|${shift}`;

export function qualifies(employee: PlanEmployee, role: ScheduledRole, skills: string[]): boolean {
  return employee.roles.includes(role) && skills.every((skill) => employee.skills.includes(skill));
}

export function isBlocked(employee: PlanEmployee, date: string, shift: string, blocked = new Set(employee.blocked)) {
  return blocked.has(date) || blocked.has(shiftKey(date, shift));
}

/** Why demand stays uncovered, in the words the draft shows. */
export function explainUnfilled(
  problem: PlanningProblem,
  slot: PlanSlot,
  missing: number,
): Omit<PlanUnfilled, 'date' | 'shift' | 'role' | 'missing'> {
  const qualified = problem.employees.filter((employee) => qualifies(employee, slot.role, slot.skills));
  const skillWords = slot.skills.length > 0 ? ` with ${slot.skills.join(', ')}` : '';
  if (qualified.length === 0) {
    return { reason: 'no_one_qualified', explanation: `no employee has the role ${slot.role}${skillWords}` };
  }
  const available = qualified.filter((employee) => !isBlocked(employee, slot.date, slot.shift));
  if (available.length === 0) {
    return {
      reason: 'no_one_available',
      explanation: `all ${qualified.length} qualified employees are absent or unavailable`,
    };
  }
  return {
    reason: 'limits_reached',
    explanation:
      `${missing} more needed; the ${available.length} available qualified employees are on other shifts or at ` +
      'their maximum hours, rest or consecutive-day limits',
  };
}
