/**
 * The independent rule checker. It shares no code with the solver's model: it reads the assignments as a manager
 * would (instants, calendar dates, the employee's own absences and weekly unavailability) and reports every hard
 * rule broken. It checks drafts after a manager's edit, and in the tests it checks what the solver built.
 */

export interface CheckedEmployee {
  id: string;
  roles: string[];
  skills: string[];
  maxHoursPerWeek: number;
  maxConsecutiveDays: number;
  absences: { from: string; to: string }[];
  /** Recurring: ISO day of week (1 = Monday), the whole day or one shift. */
  unavailable: { dayOfWeek: number; shift?: string }[];
}

export interface CheckedAssignment {
  employeeId: string;
  role: string;
  date: string;
  shift: string;
  /** ISO-8601 instants. */
  start: string;
  end: string;
}

export interface CheckContext {
  weekStart: string;
  days: number;
  minRestHours: number;
  requiredSkills: Partial<Record<string, string[]>>;
}

export type ViolationRule =
  | 'unknown_employee'
  | 'role_not_held'
  | 'skill_missing'
  | 'absent'
  | 'unavailable'
  | 'outside_schedule'
  | 'two_shifts_same_day'
  | 'overlapping_shifts'
  | 'rest_too_short'
  | 'max_hours_exceeded'
  | 'max_consecutive_days';

export interface Violation {
  rule: ViolationRule;
  employeeId: string;
  date?: string;
  shift?: string;
  message: string;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function weekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * `history`: published shifts just before the schedule; they are not checked themselves but count for the rest
 * before the first shift and for the days in a row.
 */
export function checkSchedule(
  context: CheckContext,
  employees: CheckedEmployee[],
  assignments: CheckedAssignment[],
  history: CheckedAssignment[] = [],
): Violation[] {
  const violations: Violation[] = [];
  const people = new Map(employees.map((employee) => [employee.id, employee]));
  const firstDay = dayNumber(context.weekStart);
  const byEmployee = new Map<string, CheckedAssignment[]>();

  for (const a of assignments) {
    const where = { employeeId: a.employeeId, date: a.date, shift: a.shift };
    const employee = people.get(a.employeeId);
    if (!employee) {
      violations.push({ rule: 'unknown_employee', ...where, message: `${a.employeeId} is not an employee here` });
      continue;
    }
    const offset = dayNumber(a.date) - firstDay;
    if (offset < 0 || offset >= context.days) {
      violations.push({ rule: 'outside_schedule', ...where, message: `${a.date} is outside this schedule` });
    }
    if (!employee.roles.includes(a.role)) {
      violations.push({ rule: 'role_not_held', ...where, message: `${a.employeeId} does not have the role ${a.role}` });
    }
    const missing = (context.requiredSkills[a.role] ?? []).filter((skill) => !employee.skills.includes(skill));
    if (missing.length > 0) {
      violations.push({
        rule: 'skill_missing',
        ...where,
        message: `${a.role} needs ${missing.join(', ')}, which ${a.employeeId} does not have`,
      });
    }
    if (employee.absences.some((absence) => absence.from <= a.date && a.date <= absence.to)) {
      violations.push({ rule: 'absent', ...where, message: `${a.employeeId} is absent on ${a.date}` });
    }
    const dow = weekday(a.date);
    if (employee.unavailable.some((u) => u.dayOfWeek === dow && (u.shift === undefined || u.shift === a.shift))) {
      violations.push({ rule: 'unavailable', ...where, message: `${a.employeeId} is not available then` });
    }
    byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a]);
  }

  const restMs = context.minRestHours * 3_600_000;
  const past = new Set(history);
  for (const [employeeId, own] of byEmployee) {
    const employee = people.get(employeeId)!;
    const before = history.filter((h) => h.employeeId === employeeId);
    const sorted = [...before, ...own].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    // Same day, overlaps and rest, pair by pair.
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const first = sorted[i]!;
        const second = sorted[j]!;
        if (past.has(first) && past.has(second)) continue;
        const where = { employeeId, date: second.date, shift: second.shift };
        if (first.date === second.date) {
          violations.push({
            rule: 'two_shifts_same_day',
            ...where,
            message: `${employeeId} has ${first.shift} and ${second.shift} on ${first.date}`,
          });
        }
        const gap = Date.parse(second.start) - Date.parse(first.end);
        if (gap < 0) {
          violations.push({
            rule: 'overlapping_shifts',
            ...where,
            message: `${first.date} ${first.shift} overlaps ${second.date} ${second.shift}`,
          });
        } else if (gap < restMs) {
          violations.push({
            rule: 'rest_too_short',
            ...where,
            message: `only ${Math.round((gap / 3_600_000) * 10) / 10} h rest between ${first.date} ${first.shift} and ${second.date} ${second.shift} (${context.minRestHours} h needed)`,
          });
        }
      }
    }
    // Hours per week (real durations).
    const hoursPerWeek = new Map<number, number>();
    for (const a of own) {
      const week = Math.floor((dayNumber(a.date) - firstDay) / 7);
      const hours = (Date.parse(a.end) - Date.parse(a.start)) / 3_600_000;
      hoursPerWeek.set(week, (hoursPerWeek.get(week) ?? 0) + hours);
    }
    for (const [week, hours] of hoursPerWeek) {
      if (hours > employee.maxHoursPerWeek + 1e-6) {
        violations.push({
          rule: 'max_hours_exceeded',
          employeeId,
          message: `${employeeId} works ${hours} h in week ${week + 1}, more than ${employee.maxHoursPerWeek} h`,
        });
      }
    }
    // Days in a row.
    const days = [...new Set([...before, ...own].map((a) => dayNumber(a.date)))].sort((a, b) => a - b);
    let run = 0;
    let previous = Number.NaN;
    for (const day of days) {
      run = day === previous + 1 ? run + 1 : 1;
      previous = day;
      if (
        run > employee.maxConsecutiveDays &&
        day >= firstDay &&
        (run === employee.maxConsecutiveDays + 1 || day === firstDay)
      ) {
        violations.push({
          rule: 'max_consecutive_days',
          employeeId,
          date: new Date(day * DAY_MS).toISOString().slice(0, 10),
          message: `${employeeId} works more than ${employee.maxConsecutiveDays} days in a row`,
        });
      }
    }
  }
  return violations;
}

export interface Shortfall {
  date: string;
  shift: string;
  role: string;
  missing: number;
}

/** Demand the assignments leave uncovered, counted from scratch. */
export function coverageShortfalls(
  demand: { date: string; shift: string; role: string; required: number }[],
  assignments: CheckedAssignment[],
): Shortfall[] {
  return demand.flatMap((slot) => {
    const staffed = assignments.filter(
      (a) => a.date === slot.date && a.shift === slot.shift && a.role === slot.role,
    ).length;
    return staffed < slot.required
      ? [{ date: slot.date, shift: slot.shift, role: slot.role, missing: slot.required - staffed }]
      : [];
  });
}
