import { daysBetween } from '@frontoffice/platform';
import { unfilledOf } from './mip-scheduler';
import { isBlocked, PlanAssignment, PlanningProblem, PlanResult, qualifies, shiftKey } from './planning';

/**
 * The baseline the benchmark compares the MIP with: slots in time order, each filled by the qualified, allowed
 * employee with the fewest hours relative to their contract. It never breaks a hard rule but never looks ahead.
 */
export function greedySchedule(problem: PlanningProblem): PlanResult {
  const started = Date.now();
  const shifts = new Map(problem.shifts.map((shift) => [shiftKey(shift.date, shift.shift), shift]));
  const rest = problem.minRestHours * 3_600_000;
  const weeks = Math.ceil(problem.days / 7);
  const state = new Map(
    problem.employees.map((employee) => [
      employee.id,
      {
        hours: new Array<number>(weeks).fill(0),
        days: new Set<number>(),
        worked: [] as { startMs: number; endMs: number }[],
        blocked: new Set(employee.blocked),
      },
    ]),
  );
  for (const h of problem.history) {
    const own = state.get(h.employeeId);
    own?.days.add(daysBetween(problem.weekStart, h.date));
    own?.worked.push({ startMs: h.startMs, endMs: h.endMs });
  }
  const assignments: PlanAssignment[] = [];
  const slots = [...problem.slots].sort(
    (a, b) => shifts.get(shiftKey(a.date, a.shift))!.startMs - shifts.get(shiftKey(b.date, b.shift))!.startMs,
  );
  for (const slot of slots) {
    const shift = shifts.get(shiftKey(slot.date, slot.shift))!;
    const hours = (shift.endMs - shift.startMs) / 3_600_000;
    const day = daysBetween(problem.weekStart, slot.date);
    const week = Math.floor(day / 7);
    const candidates = problem.employees.filter((employee) => {
      const own = state.get(employee.id)!;
      if (!qualifies(employee, slot.role, slot.skills) || isBlocked(employee, slot.date, slot.shift, own.blocked)) {
        return false;
      }
      if (own.days.has(day) || own.hours[week]! + hours > employee.maxHoursPerWeek) return false;
      if (own.worked.some((w) => shift.startMs < w.endMs + rest && w.startMs < shift.endMs + rest)) return false;
      let run = 1;
      for (let d = day - 1; own.days.has(d); d--) run++;
      for (let d = day + 1; own.days.has(d); d++) run++;
      return run <= employee.maxConsecutiveDays;
    });
    const ratio = (id: string, contract: number): number => state.get(id)!.hours[week]! / Math.max(1, contract);
    candidates.sort((a, b) => ratio(a.id, a.contractHoursPerWeek) - ratio(b.id, b.contractHoursPerWeek));
    for (const employee of candidates.slice(0, slot.required)) {
      const own = state.get(employee.id)!;
      own.hours[week]! += hours;
      own.days.add(day);
      own.worked.push({ startMs: shift.startMs, endMs: shift.endMs });
      assignments.push({ employeeId: employee.id, role: slot.role, date: slot.date, shift: slot.shift });
    }
  }
  return {
    assignments,
    unfilled: unfilledOf(problem, assignments),
    stats: {
      method: 'greedy',
      statuses: ['Heuristic'],
      subproblems: 1,
      variables: 0,
      constraints: 0,
      objective: 0,
      seconds: (Date.now() - started) / 1000,
    },
  };
}
