import { addDays, daysBetween } from '@frontoffice/platform';
import { hasSolution, HighsResult, MipOptions, solveLp } from './highs-solver';
import {
  explainUnfilled,
  isBlocked,
  PlanAssignment,
  PlanEmployee,
  PlanningProblem,
  PlanResult,
  PlanShift,
  PlanSlot,
  PlanUnfilled,
  qualifies,
  shiftKey,
  SolveStats,
} from './planning';

/** Objective weights: coverage first by far, then overtime, fairness, preferences and languages. */
export const WEIGHTS = {
  unfilled: 1000,
  overtimePerHour: 4,
  deviationPerHour: 0.5,
  maxRelativeDeviation: 40,
  preference: 3,
  language: 8,
  /** Repair: one shift added to or taken from someone's published plan. */
  change: 10,
};

export interface MipSchedulerOptions extends MipOptions {
  /** Above this many assignment variables the problem is solved role group by role group. */
  maxVariablesPerModel: number;
}

export const DEFAULT_MIP_OPTIONS: MipSchedulerOptions = {
  timeLimitSeconds: 20,
  relativeGap: 0.005,
  maxVariablesPerModel: 12_000,
};

/** Shares of the contract hours and the cost multiplier of each stretch of deviation from them. */
const DEVIATION_SEGMENTS = [
  { share: 0.1, weight: 0.2 },
  { share: 0.15, weight: 1 },
  { share: 0.25, weight: 2 },
  { share: Number.POSITIVE_INFINITY, weight: 4 },
];

interface Variable {
  name: string;
  employee: number;
  shift: number;
  role: PlanSlot['role'];
  slot: number;
}

/** Work already decided outside the model (earlier sub-problems): constants in the limits of its employees. */
interface ModelInput {
  problem: PlanningProblem;
  slots: PlanSlot[];
  employees: PlanEmployee[];
  fixed: PlanAssignment[];
  /** Repair mode: minimise changes against this plan instead of the fairness terms. */
  baseline?: PlanAssignment[];
}

interface BuiltModel {
  lp: string;
  variables: Variable[];
  slackNames: string[];
  constraints: number;
}

const hoursOf = (shift: PlanShift): number => (shift.endMs - shift.startMs) / 3_600_000;
const fmt = (value: number): string => {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded >= 0 ? `+ ${rounded}` : `- ${-rounded}`;
};

/** Pairs of shifts one person cannot both work: they overlap or leave less than the minimum rest between them. */
export function conflictingShiftPairs(shifts: PlanShift[], minRestHours: number): [number, number][] {
  const rest = minRestHours * 3_600_000;
  const order = shifts.map((_, index) => index).sort((a, b) => shifts[a]!.startMs - shifts[b]!.startMs);
  const pairs: [number, number][] = [];
  for (let i = 0; i < order.length; i++) {
    const first = shifts[order[i]!]!;
    for (let j = i + 1; j < order.length; j++) {
      const second = shifts[order[j]!]!;
      if (second.startMs >= first.endMs + rest && second.startMs >= first.startMs + rest) break;
      if (second.startMs < first.endMs + rest) pairs.push([order[i]!, order[j]!]);
    }
  }
  return pairs;
}

function buildModel(input: ModelInput): BuiltModel {
  const { problem, slots, employees } = input;
  const shiftIndex = new Map(problem.shifts.map((shift, index) => [shiftKey(shift.date, shift.shift), index]));
  const dayOf = (date: string): number => daysBetween(problem.weekStart, date);
  const weeks = Math.ceil(problem.days / 7);
  const baseline = new Set((input.baseline ?? []).map((a) => `${a.employeeId}|${a.date}|${a.shift}|${a.role}`));

  const variables: Variable[] = [];
  const byEmployeeShift = new Map<string, string[]>();
  const bySlot: string[][] = slots.map(() => []);
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  let rowCount = 0;
  const row = (expression: string): void => {
    rows.push(` r${rowCount++}: ${expression}`);
  };

  // Fixed work per employee (constants).
  const fixedByEmployee = new Map<string, PlanAssignment[]>();
  for (const assignment of input.fixed) {
    const list = fixedByEmployee.get(assignment.employeeId) ?? [];
    list.push(assignment);
    fixedByEmployee.set(assignment.employeeId, list);
  }
  const conflicts = conflictingShiftPairs(problem.shifts, problem.minRestHours);
  const conflictsOf = new Map<number, number[]>();
  for (const [a, b] of conflicts) {
    conflictsOf.set(a, [...(conflictsOf.get(a) ?? []), b]);
    conflictsOf.set(b, [...(conflictsOf.get(b) ?? []), a]);
  }

  employees.forEach((employee, e) => {
    const blocked = new Set(employee.blocked);
    const fixed = fixedByEmployee.get(employee.id) ?? [];
    const fixedShifts = new Set(fixed.map((a) => shiftIndex.get(shiftKey(a.date, a.shift))!));
    const fixedDays = new Set(fixed.map((a) => a.date));
    const history = problem.history.filter((h) => h.employeeId === employee.id);
    const rest = problem.minRestHours * 3_600_000;
    const unusable = (index: number): boolean => {
      const shift = problem.shifts[index]!;
      return (
        fixedDays.has(shift.date) ||
        (conflictsOf.get(index) ?? []).some((o) => fixedShifts.has(o)) ||
        history.some((h) => shift.startMs < h.endMs + rest && h.startMs < shift.endMs + rest)
      );
    };
    slots.forEach((slot, s) => {
      if (slot.required <= 0 || !qualifies(employee, slot.role, slot.skills)) return;
      if (isBlocked(employee, slot.date, slot.shift, blocked)) return;
      const t = shiftIndex.get(shiftKey(slot.date, slot.shift));
      if (t === undefined || unusable(t)) return;
      const name = `x${variables.length}`;
      variables.push({ name, employee: e, shift: t, role: slot.role, slot: s });
      bySlot[s]!.push(name);
      const key = `${e}|${t}`;
      byEmployeeShift.set(key, [...(byEmployeeShift.get(key) ?? []), name]);
      binaries.push(name);
      if (input.baseline) {
        const kept = baseline.has(`${employee.id}|${slot.date}|${slot.shift}|${slot.role}`);
        objective.push(`${fmt(kept ? -WEIGHTS.change : WEIGHTS.change)} ${name}`);
      } else {
        const preference = employee.preferences
          .filter((p) => p.key === slot.date || p.key === shiftKey(slot.date, slot.shift))
          .reduce((sum, p) => sum + p.weight, 0);
        if (preference !== 0) objective.push(`${fmt(-WEIGHTS.preference * preference)} ${name}`);
      }
    });
  });

  // Coverage, with a slack for what nobody can fill.
  const slackNames: string[] = [];
  slots.forEach((slot, s) => {
    const slack = `u${s}`;
    slackNames.push(slack);
    if (slot.required <= 0) return;
    objective.push(`${fmt(WEIGHTS.unfilled)} ${slack}`);
    bounds.push(` 0 <= ${slack} <= ${slot.required}`);
    // Building: exactly the demand (no one planned for nothing). Repair: at least the demand, so a published shift
    // the manager added on top is kept rather than counted as a change.
    const sense = input.baseline ? '>=' : '=';
    row(`${bySlot[s]!.map((name) => `+ ${name}`).join(' ')} + ${slack} ${sense} ${slot.required}`);
    // Language match: reward a shift where someone assigned speaks each language many arrivals speak.
    if (input.baseline) return;
    slot.languages.forEach((language, l) => {
      const speakers = variables
        .filter((v) => v.slot === s && employees[v.employee]!.languages.includes(language))
        .map((v) => v.name);
      if (speakers.length === 0) return;
      const y = `y${s}_${l}`;
      bounds.push(` 0 <= ${y} <= 1`);
      objective.push(`${fmt(-WEIGHTS.language)} ${y}`);
      row(`${y} ${speakers.map((name) => `- ${name}`).join(' ')} <= 0`);
    });
  });

  employees.forEach((employee, e) => {
    const fixed = fixedByEmployee.get(employee.id) ?? [];
    const perDay = new Map<number, string[]>();
    const perWeek: { terms: string[]; fixedHours: number }[] = Array.from({ length: weeks }, () => ({
      terms: [],
      fixedHours: 0,
    }));
    for (const a of fixed) {
      const shift = problem.shifts[shiftIndex.get(shiftKey(a.date, a.shift))!]!;
      const week = perWeek[Math.floor(dayOf(a.date) / 7)];
      if (week) week.fixedHours += hoursOf(shift);
    }
    const shiftsOfEmployee = new Set<number>();
    for (const [key, names] of byEmployeeShift) {
      const [ek, tk] = key.split('|').map(Number) as [number, number];
      if (ek !== e) continue;
      shiftsOfEmployee.add(tk);
      const shift = problem.shifts[tk]!;
      const day = dayOf(shift.date);
      perDay.set(day, [...(perDay.get(day) ?? []), ...names]);
      const week = perWeek[Math.floor(day / 7)];
      if (week) week.terms.push(...names.map((name) => `${fmt(hoursOf(shift))} ${name}`));
    }
    // One shift a day.
    for (const names of perDay.values()) if (names.length > 1) row(`${names.map((n) => `+ ${n}`).join(' ')} <= 1`);
    // Rest between shifts of different days (same-day pairs are covered by one shift a day).
    for (const [a, b] of conflicts) {
      if (!shiftsOfEmployee.has(a) || !shiftsOfEmployee.has(b)) continue;
      if (problem.shifts[a]!.date === problem.shifts[b]!.date) continue;
      const names = [...byEmployeeShift.get(`${e}|${a}`)!, ...byEmployeeShift.get(`${e}|${b}`)!];
      row(`${names.map((n) => `+ ${n}`).join(' ')} <= 1`);
    }
    // Days in a row: every window of maxConsecutiveDays + 1 days has a day off.
    const limit = employee.maxConsecutiveDays;
    const fixedDayIndexes = new Set([
      ...fixed.map((a) => dayOf(a.date)),
      ...problem.history.filter((h) => h.employeeId === employee.id).map((h) => dayOf(h.date)),
    ]);
    for (let first = -limit; first + limit < problem.days; first++) {
      const names: string[] = [];
      let constant = 0;
      for (let day = first; day <= first + limit; day++) {
        names.push(...(perDay.get(day) ?? []));
        if (fixedDayIndexes.has(day)) constant++;
      }
      if (names.length + constant > limit && names.length > 0) {
        row(`${names.map((n) => `+ ${n}`).join(' ')} <= ${Math.max(0, limit - constant)}`);
      }
    }
    // Hours per week: the maximum (hard), overtime and the deviation from the contract (soft).
    perWeek.forEach((week, w) => {
      if (week.terms.length === 0) return;
      const hours = week.terms.join(' ');
      const remainingMax = employee.maxHoursPerWeek - week.fixedHours;
      row(`${hours} <= ${remainingMax}`);
      if (input.baseline) return;
      const contract = employee.contractHoursPerWeek - week.fixedHours;
      const over = `o${e}_${w}`;
      objective.push(`${fmt(WEIGHTS.overtimePerHour)} ${over}`);
      row(`${hours} - ${over} <= ${contract}`);
      // |hours - contract| as a sum of segments that cost more the further they go (a convex, piecewise-linear
      // stand-in for a squared deviation): hours are spread evenly instead of some people getting all of them.
      const segments = DEVIATION_SEGMENTS.map((segment, index) => {
        const name = `d${e}_${w}_${index}`;
        objective.push(`${fmt(WEIGHTS.deviationPerHour * segment.weight)} ${name}`);
        if (Number.isFinite(segment.share)) {
          bounds.push(` 0 <= ${name} <= ${Math.max(0, segment.share * employee.contractHoursPerWeek)}`);
        }
        return name;
      });
      const deviation = segments.map((name) => `+ ${name}`).join(' ');
      row(`${hours} ${segments.map((name) => `- ${name}`).join(' ')} <= ${contract}`);
      row(`${hours} ${deviation} >= ${contract}`);
      if (employee.contractHoursPerWeek > 0) {
        row(`D${w} ${segments.map((name) => fmt(-1 / employee.contractHoursPerWeek) + ' ' + name).join(' ')} >= 0`);
      }
    });
  });
  if (!input.baseline) {
    for (let w = 0; w < weeks; w++) objective.push(`${fmt(WEIGHTS.maxRelativeDeviation)} D${w}`);
  }

  const lp = [
    'Minimize',
    ` obj: ${objective.length > 0 ? objective.join(' ') : '0 u0'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ...chunk(binaries, 50).map((names) => ` ${names.join(' ')}`),
    'End',
  ].join('\n');
  return { lp, variables, slackNames, constraints: rowCount };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

interface SubSolution {
  assignments: PlanAssignment[];
  status: string;
  objective: number;
  variables: number;
  constraints: number;
}

function primal(result: HighsResult, name: string): number {
  const column = result.Columns[name];
  return column && 'Primal' in column ? column.Primal : 0;
}

async function solveModel(input: ModelInput, options: MipOptions): Promise<SubSolution> {
  const model = buildModel(input);
  if (model.variables.length === 0) {
    return { assignments: [], status: 'Empty', objective: 0, variables: 0, constraints: model.constraints };
  }
  const result = await solveLp(model.lp, options);
  if (!hasSolution(result)) {
    throw new Error(`HiGHS found no schedule (${result.Status})`);
  }
  const assignments = model.variables
    .filter((variable) => primal(result, variable.name) > 0.5)
    .map((variable) => {
      const shift = input.problem.shifts[variable.shift]!;
      return {
        employeeId: input.employees[variable.employee]!.id,
        role: variable.role,
        date: shift.date,
        shift: shift.shift,
      };
    });
  return {
    assignments,
    status: result.Status,
    objective: result.ObjectiveValue,
    variables: model.variables.length,
    constraints: model.constraints,
  };
}

/**
 * Groups roles that share employees (a multi-role clerk ties front desk and night audit together): each group is an
 * independent optimisation unless it is too large, in which case its roles are solved one after the other, the
 * scarcest first, with earlier decisions fixed in the later models.
 */
export function roleGroups(problem: PlanningProblem): PlanSlot['role'][][] {
  const roles = [...new Set(problem.slots.filter((s) => s.required > 0).map((s) => s.role))];
  const parent = new Map(roles.map((role) => [role, role]));
  const find = (role: PlanSlot['role']): PlanSlot['role'] => {
    while (parent.get(role) !== role) role = parent.get(role)!;
    return role;
  };
  for (const employee of problem.employees) {
    const own = employee.roles.filter((role) => parent.has(role));
    for (const role of own.slice(1)) parent.set(find(role), find(own[0]!));
  }
  const groups = new Map<PlanSlot['role'], PlanSlot['role'][]>();
  for (const role of roles) groups.set(find(role), [...(groups.get(find(role)) ?? []), role]);
  return [...groups.values()];
}

function estimateVariables(problem: PlanningProblem, roles: PlanSlot['role'][]): number {
  return problem.slots
    .filter((slot) => roles.includes(slot.role) && slot.required > 0)
    .reduce((sum, slot) => sum + problem.employees.filter((e) => qualifies(e, slot.role, slot.skills)).length, 0);
}

/** Builds a schedule with HiGHS: binary x[employee, shift, role], hard rules as constraints, the rest as costs. */
export async function buildSchedule(
  problem: PlanningProblem,
  options: MipSchedulerOptions = DEFAULT_MIP_OPTIONS,
): Promise<PlanResult> {
  const started = Date.now();
  const stats: SolveStats = {
    method: 'mip',
    statuses: [],
    subproblems: 0,
    variables: 0,
    constraints: 0,
    objective: 0,
    seconds: 0,
  };
  const fixed: PlanAssignment[] = [];
  const record = (solution: SubSolution): void => {
    fixed.push(...solution.assignments);
    stats.statuses.push(solution.status);
    stats.subproblems++;
    stats.variables += solution.variables;
    stats.constraints += solution.constraints;
  };
  const groups = roleGroups(problem);
  const totalVariables = estimateVariables(problem, groups.flat());
  if (totalVariables > options.maxVariablesPerModel && problem.days > 7) {
    return buildWeekByWeek(problem, options, started);
  }
  if (totalVariables <= options.maxVariablesPerModel) {
    record(await solveModel({ problem, slots: problem.slots, employees: problem.employees, fixed: [] }, options));
  } else {
    for (const group of groups) {
      const units =
        estimateVariables(problem, group) <= options.maxVariablesPerModel
          ? [group]
          : [...group]
              .sort((a, b) => scarcity(problem, b) - scarcity(problem, a))
              .map((role) => [role] as PlanSlot['role'][]);
      for (const roles of units) {
        const employees = problem.employees.filter((e) => e.roles.some((role) => roles.includes(role)));
        const slots = problem.slots.filter((slot) => roles.includes(slot.role));
        const share = Math.max(
          Math.min(5, options.timeLimitSeconds),
          (options.timeLimitSeconds * estimateVariables(problem, roles)) / totalVariables,
        );
        record(
          await solveModel({ problem, slots, employees, fixed: [...fixed] }, { ...options, timeLimitSeconds: share }),
        );
      }
    }
  }
  const unfilled = unfilledOf(problem, fixed);
  stats.objective = qualityOf(problem, fixed).objective;
  stats.seconds = (Date.now() - started) / 1000;
  return { assignments: fixed, unfilled, stats };
}

/**
 * Several weeks that are too large for one model: hours are limited per week, so the weeks are solved in order, each
 * an optimisation of its own, with the weeks already planned as history (rest and days in a row carry over).
 */
async function buildWeekByWeek(
  problem: PlanningProblem,
  options: MipSchedulerOptions,
  started: number,
): Promise<PlanResult> {
  const assignments: PlanAssignment[] = [];
  const statuses: string[] = [];
  let subproblems = 0;
  let variables = 0;
  let constraints = 0;
  const shiftOf = new Map(problem.shifts.map((shift) => [shiftKey(shift.date, shift.shift), shift]));
  for (let first = 0; first < problem.days; first += 7) {
    const weekStart = addDays(problem.weekStart, first);
    const days = Math.min(7, problem.days - first);
    const inWeek = (date: string): boolean => {
      const offset = daysBetween(weekStart, date);
      return offset >= 0 && offset < days;
    };
    const week: PlanningProblem = {
      ...problem,
      weekStart,
      days,
      shifts: problem.shifts.filter((shift) => inWeek(shift.date)),
      slots: problem.slots.filter((slot) => inWeek(slot.date)),
      history: [
        ...problem.history,
        ...assignments.map((a) => {
          const shift = shiftOf.get(shiftKey(a.date, a.shift))!;
          return { employeeId: a.employeeId, date: a.date, startMs: shift.startMs, endMs: shift.endMs };
        }),
      ],
    };
    const result = await buildSchedule(week, options);
    assignments.push(...result.assignments);
    statuses.push(...result.stats.statuses);
    subproblems += result.stats.subproblems;
    variables += result.stats.variables;
    constraints += result.stats.constraints;
  }
  return {
    assignments,
    unfilled: unfilledOf(problem, assignments),
    stats: {
      method: 'mip',
      statuses,
      subproblems,
      variables,
      constraints,
      objective: qualityOf(problem, assignments).objective,
      seconds: (Date.now() - started) / 1000,
    },
  };
}

/** Demand per qualified person: the role that is hardest to staff is planned first. */
function scarcity(problem: PlanningProblem, role: PlanSlot['role']): number {
  const demand = problem.slots.filter((s) => s.role === role).reduce((sum, s) => sum + s.required, 0);
  const people = problem.employees.filter((e) => e.roles.includes(role)).length;
  return demand / Math.max(1, people);
}

/** Slots not fully covered by `assignments`, with why. */
export function unfilledOf(problem: PlanningProblem, assignments: PlanAssignment[]): PlanUnfilled[] {
  const covered = new Map<string, number>();
  for (const a of assignments) {
    const key = `${a.date}|${a.shift}|${a.role}`;
    covered.set(key, (covered.get(key) ?? 0) + 1);
  }
  return problem.slots.flatMap((slot) => {
    const missing = slot.required - (covered.get(`${slot.date}|${slot.shift}|${slot.role}`) ?? 0);
    if (missing <= 0) return [];
    return [
      { date: slot.date, shift: slot.shift, role: slot.role, missing, ...explainUnfilled(problem, slot, missing) },
    ];
  });
}

export interface ScheduleQuality {
  unfilled: number;
  objective: number;
  overtimeHours: number;
  /** Sum over employees and weeks of |hours - contract hours|. */
  hoursDeviation: number;
  /** Largest |hours - contract| / contract over employees and weeks. */
  maxRelativeDeviation: number;
  /** Standard deviation of hours / contract hours. */
  fairnessSpread: number;
  preferencesHonoured: number;
  preferencesBroken: number;
}

/** The objective the MIP minimises, evaluated for any plan (so a greedy plan can be compared with it). */
export function qualityOf(problem: PlanningProblem, assignments: PlanAssignment[]): ScheduleQuality {
  const shiftHours = new Map(problem.shifts.map((s) => [shiftKey(s.date, s.shift), hoursOf(s)]));
  const weeks = Math.ceil(problem.days / 7);
  const hours = new Map<string, number[]>();
  let honoured = 0;
  let broken = 0;
  let preferenceCost = 0;
  const byId = new Map(problem.employees.map((e) => [e.id, e]));
  for (const a of assignments) {
    const list = hours.get(a.employeeId) ?? new Array<number>(weeks).fill(0);
    const week = Math.floor(daysBetween(problem.weekStart, a.date) / 7);
    list[week] = (list[week] ?? 0) + (shiftHours.get(shiftKey(a.date, a.shift)) ?? 0);
    hours.set(a.employeeId, list);
    for (const p of byId.get(a.employeeId)?.preferences ?? []) {
      if (p.key !== a.date && p.key !== shiftKey(a.date, a.shift)) continue;
      if (p.weight > 0) honoured++;
      else broken++;
      preferenceCost -= WEIGHTS.preference * p.weight;
    }
  }
  let overtime = 0;
  let deviation = 0;
  let deviationCost = 0;
  let maxRelative = 0;
  const ratios: number[] = [];
  const worstPerWeek = new Array<number>(weeks).fill(0);
  for (const employee of problem.employees) {
    const list = hours.get(employee.id) ?? new Array<number>(weeks).fill(0);
    list.forEach((h, w) => {
      overtime += Math.max(0, h - employee.contractHoursPerWeek);
      deviation += Math.abs(h - employee.contractHoursPerWeek);
      deviationCost += segmentedDeviationCost(
        Math.abs(h - employee.contractHoursPerWeek),
        employee.contractHoursPerWeek,
      );
      if (employee.contractHoursPerWeek > 0) {
        const relative = Math.abs(h - employee.contractHoursPerWeek) / employee.contractHoursPerWeek;
        maxRelative = Math.max(maxRelative, relative);
        worstPerWeek[w] = Math.max(worstPerWeek[w]!, relative);
        ratios.push(h / employee.contractHoursPerWeek);
      }
    });
  }
  const unfilled = unfilledOf(problem, assignments).reduce((sum, u) => sum + u.missing, 0);
  const mean = ratios.reduce((sum, r) => sum + r, 0) / Math.max(1, ratios.length);
  const spread = Math.sqrt(ratios.reduce((sum, r) => sum + (r - mean) ** 2, 0) / Math.max(1, ratios.length));
  const languageReward = languageMatches(problem, assignments) * WEIGHTS.language;
  const objective =
    WEIGHTS.unfilled * unfilled +
    WEIGHTS.overtimePerHour * overtime +
    deviationCost +
    WEIGHTS.maxRelativeDeviation * worstPerWeek.reduce((sum, r) => sum + r, 0) +
    preferenceCost -
    languageReward;
  return {
    unfilled,
    objective: Math.round(objective * 100) / 100,
    overtimeHours: Math.round(overtime * 100) / 100,
    hoursDeviation: Math.round(deviation * 100) / 100,
    maxRelativeDeviation: Math.round(maxRelative * 1000) / 1000,
    fairnessSpread: Math.round(spread * 1000) / 1000,
    preferencesHonoured: honoured,
    preferencesBroken: broken,
  };
}

function segmentedDeviationCost(deviation: number, contract: number): number {
  let left = deviation;
  let cost = 0;
  for (const segment of DEVIATION_SEGMENTS) {
    const part = Math.min(left, Number.isFinite(segment.share) ? segment.share * contract : left);
    cost += part * segment.weight * WEIGHTS.deviationPerHour;
    left -= part;
  }
  return cost;
}

function languageMatches(problem: PlanningProblem, assignments: PlanAssignment[]): number {
  const byId = new Map(problem.employees.map((e) => [e.id, e]));
  let matches = 0;
  for (const slot of problem.slots) {
    for (const language of slot.languages) {
      const someone = assignments.some(
        (a) =>
          a.date === slot.date &&
          a.shift === slot.shift &&
          a.role === slot.role &&
          byId.get(a.employeeId)?.languages.includes(language),
      );
      if (someone) matches++;
    }
  }
  return matches;
}

/**
 * Proposes the smallest change to a published plan after an absence: the absent employee's shifts are removed (they
 * are blocked in `problem`), every other published shift is kept unless moving it is the only way to cover a slot,
 * and each shift added or taken away counts as one change.
 */
export async function repairSchedule(
  problem: PlanningProblem,
  published: PlanAssignment[],
  options: MipOptions = DEFAULT_MIP_OPTIONS,
): Promise<PlanResult> {
  const started = Date.now();
  const solution = await solveModel(
    { problem, slots: problem.slots, employees: problem.employees, fixed: [], baseline: published },
    options,
  );
  return {
    assignments: solution.assignments,
    unfilled: unfilledOf(problem, solution.assignments),
    stats: {
      method: 'mip',
      statuses: [solution.status],
      subproblems: 1,
      variables: solution.variables,
      constraints: solution.constraints,
      objective: solution.objective,
      seconds: (Date.now() - started) / 1000,
    },
  };
}
