import { DEFAULT_STAFFING_RULES } from '../demand/staffing-rules';
import { buildSchedule, DEFAULT_MIP_OPTIONS, qualityOf, repairSchedule } from './mip-scheduler';
import { greedySchedule } from './greedy-scheduler';
import type { PlanAssignment } from './planning';
import { EmployeeProfile, planningProblem, toCheckedEmployee, withInstants } from './planning-input';
import { CheckedAssignment, checkSchedule, coverageShortfalls } from './schedule-checker';
import { SyntheticProperty, syntheticProperty } from './synthetic-property';

function check(generated: SyntheticProperty, employees: EmployeeProfile[], assignments: CheckedAssignment[]) {
  return checkSchedule(
    {
      weekStart: generated.weekStart,
      days: generated.days,
      minRestHours: generated.rules.minRestHours,
      requiredSkills: generated.rules.requiredSkills,
    },
    employees.map((e) => toCheckedEmployee(e, generated.rules)),
    assignments,
  );
}

const problemOf = (generated: SyntheticProperty, employees = generated.employees) =>
  planningProblem({ ...generated, employees, timezone: generated.property.timezone });

const summary = (items: { date: string; shift: string; role: string; missing: number }[]) =>
  items.map(({ date, shift, role, missing }) => ({ date, shift, role, missing }));

describe('MIP schedule builder', () => {
  it.each([15, 50, 300])(
    'builds a week for %i employees that the independent checker passes, and reports what it leaves short',
    async (count) => {
      const generated = syntheticProperty(count);
      const problem = problemOf(generated);
      // A time limit keeps the test short on a loaded machine: what counts is a feasible, checked schedule.
      const result = await buildSchedule(problem, { ...DEFAULT_MIP_OPTIONS, timeLimitSeconds: 12 });
      const assignments = withInstants(result.assignments, problem.shifts);

      expect(check(generated, generated.employees, assignments)).toEqual([]);
      expect(result.stats.method).toBe('mip');
      expect(result.assignments.length).toBeGreaterThan(count * 3);
      expect(summary(result.unfilled)).toEqual(coverageShortfalls(generated.demand, assignments));
      // The optimisation is worth having: never worse than the greedy fill on its own objective.
      expect(qualityOf(problem, result.assignments).objective).toBeLessThanOrEqual(
        qualityOf(problem, greedySchedule(problem).assignments).objective + 1e-6,
      );
    },
  );

  it('reports demand no one is qualified for, and demand no one is available for, instead of dropping it', async () => {
    const generated = syntheticProperty(15);
    generated.rules = { ...DEFAULT_STAFFING_RULES, requiredSkills: { front_desk: ['cashiering'] } };
    // Only two desk agents can take the till, and both are on holiday on the first day.
    const employees = generated.employees.map((employee, index) =>
      employee.roles.includes('front_desk') && index < 2
        ? { ...employee, skills: ['cashiering'], absences: [{ from: generated.weekStart, to: generated.weekStart }] }
        : employee,
    );
    const demand = generated.demand.map((item) =>
      item.role === 'front_desk' ? { ...item, skills: ['cashiering'] } : item,
    );
    const cashiers = employees.filter((e) => e.skills.includes('cashiering')).length;
    const problem = planningProblem({ ...generated, demand, employees, timezone: generated.property.timezone });
    const result = await buildSchedule(problem);
    const assignments = withInstants(result.assignments, problem.shifts);

    expect(check({ ...generated, demand }, employees, assignments)).toEqual([]);
    expect(summary(result.unfilled)).toEqual(coverageShortfalls(demand, assignments));
    const firstDay = result.unfilled.filter((u) => u.date === generated.weekStart && u.role === 'front_desk');
    expect(firstDay.length).toBeGreaterThan(0);
    expect(firstDay.every((u) => u.reason === 'no_one_available')).toBe(cashiers > 0);
    expect(result.unfilled.some((u) => u.role === 'front_desk' && u.reason === 'limits_reached')).toBe(true);
  });

  it('says no one is qualified when no employee has the role', async () => {
    const generated = syntheticProperty(15);
    const employees = generated.employees.filter((e) => !e.roles.includes('porter'));
    const problem = problemOf(generated, employees);
    const result = await buildSchedule(problem);
    const porters = result.unfilled.filter((u) => u.role === 'porter');
    expect(porters.length).toBe(generated.demand.filter((d) => d.role === 'porter' && d.required > 0).length);
    expect(porters.every((u) => u.reason === 'no_one_qualified' && u.explanation.includes('porter'))).toBe(true);
  });

  it('solves a large team role group by role group when one model would be too big, still within the rules', async () => {
    const generated = syntheticProperty(15);
    const problem = problemOf(generated);
    const result = await buildSchedule(problem, { timeLimitSeconds: 10, relativeGap: 0.01, maxVariablesPerModel: 80 });
    expect(result.stats.subproblems).toBeGreaterThan(1);
    const assignments = withInstants(result.assignments, problem.shifts);
    expect(check(generated, generated.employees, assignments)).toEqual([]);
    expect(summary(result.unfilled)).toEqual(coverageShortfalls(generated.demand, assignments));
  });
});

describe('several weeks', () => {
  it('plans weeks one after the other when they are too large together, within the rules across the weeks', async () => {
    const generated = syntheticProperty(15, { weeks: 2 });
    const problem = problemOf(generated);
    const result = await buildSchedule(problem, { timeLimitSeconds: 10, relativeGap: 0.01, maxVariablesPerModel: 400 });
    expect(result.stats.subproblems).toBeGreaterThanOrEqual(2);
    expect(result.assignments.some((a) => a.date >= '2027-03-29')).toBe(true);
    const assignments = withInstants(result.assignments, problem.shifts);
    expect(check(generated, generated.employees, assignments)).toEqual([]);
    expect(summary(result.unfilled)).toEqual(coverageShortfalls(generated.demand, assignments));
  });
});

describe('the week before', () => {
  it('counts published shifts before the week for rest and days in a row', async () => {
    const generated = syntheticProperty(15);
    const desk = generated.employees.filter((e) => e.roles.includes('front_desk')).map((e) => e.id);
    const [nightWorker, tired] = desk as [string, string];
    const dayBefore = '2027-03-21';
    const history: CheckedAssignment[] = [
      // Sunday night into Monday morning: no Monday morning or evening for this one (less than 11 h rest).
      {
        employeeId: nightWorker,
        role: 'front_desk',
        date: dayBefore,
        shift: 'night',
        start: '2027-03-21T22:00:00.000Z',
        end: '2027-03-22T06:00:00.000Z',
      },
      // Six mornings in a row up to Sunday: Monday must be a day off.
      ...[6, 5, 4, 3, 2, 1].map((back) => {
        const date = `2027-03-${String(22 - back).padStart(2, '0')}`;
        return {
          employeeId: tired,
          role: 'front_desk',
          date,
          shift: 'morning',
          start: `${date}T06:00:00.000Z`,
          end: `${date}T14:00:00.000Z`,
        };
      }),
    ];
    const problem = planningProblem({ ...generated, timezone: generated.property.timezone, history });
    const result = await buildSchedule(problem);
    const monday = result.assignments.filter((a) => a.date === generated.weekStart);
    expect(monday.some((a) => a.employeeId === nightWorker && a.shift !== 'night')).toBe(false);
    expect(monday.some((a) => a.employeeId === tired)).toBe(false);
    const checked = withInstants(result.assignments, problem.shifts);
    const employees = generated.employees.map((e) => toCheckedEmployee(e, generated.rules));
    const context = { weekStart: generated.weekStart, days: 7, minRestHours: 11, requiredSkills: {} };
    expect(checkSchedule(context, employees, checked, history)).toEqual([]);
    // The checker does see it when the week ignores what came before.
    const careless = [{ ...checked[0]!, employeeId: tired, date: generated.weekStart }];
    expect(checkSchedule(context, employees, careless, history).map((v) => v.rule)).toContain('max_consecutive_days');
  });
});

describe('repair after an absence', () => {
  it('replaces only the absent employee’s shifts and leaves every other published shift alone', async () => {
    const generated = syntheticProperty(50);
    const problem = problemOf(generated);
    const published = await buildSchedule(problem);
    expect(published.unfilled).toEqual([]);

    const absentId = published.assignments.find((a) => a.role === 'front_desk')!.employeeId;
    const from = generated.weekStart;
    const to = '2027-03-24';
    const employees = generated.employees.map((e) => (e.id === absentId ? { ...e, absences: [{ from, to }] } : e));
    const lost = published.assignments.filter((a) => a.employeeId === absentId && a.date >= from && a.date <= to);
    expect(lost.length).toBeGreaterThan(0);

    const repaired = await repairSchedule(problemOf(generated, employees), published.assignments);
    const key = (a: PlanAssignment) => `${a.employeeId}|${a.date}|${a.shift}|${a.role}`;
    const before = new Set(published.assignments.map(key));
    const after = new Set(repaired.assignments.map(key));
    const removed = published.assignments.filter((a) => !after.has(key(a)));
    const added = repaired.assignments.filter((a) => !before.has(key(a)));

    expect(removed.map(key).sort()).toEqual(lost.map(key).sort());
    expect(added).toHaveLength(lost.length);
    for (const shift of lost) {
      expect(added.some((a) => a.date === shift.date && a.shift === shift.shift && a.role === shift.role)).toBe(true);
    }
    expect(repaired.unfilled).toEqual([]);
    const checked = withInstants(repaired.assignments, problem.shifts);
    expect(check(generated, employees, checked)).toEqual([]);
  });
});
