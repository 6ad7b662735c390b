import { buildSchedule } from './mip-scheduler';
import type { PlanEmployee, PlanningProblem, PlanShift, PlanSlot } from './planning';

/** Small hand-made problems, one soft objective at a time. */
const HOUR = 3_600_000;
const MONDAY = Date.UTC(2027, 2, 22);
const dates = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28'];
const shifts: PlanShift[] = dates.flatMap((date, day) => [
  { date, shift: 'morning', startMs: MONDAY + (day * 24 + 7) * HOUR, endMs: MONDAY + (day * 24 + 15) * HOUR },
  { date, shift: 'evening', startMs: MONDAY + (day * 24 + 15) * HOUR, endMs: MONDAY + (day * 24 + 23) * HOUR },
]);
const person = (id: string, extra: Partial<PlanEmployee> = {}): PlanEmployee => ({
  id,
  roles: ['front_desk'],
  skills: [],
  languages: ['en'],
  contractHoursPerWeek: 40,
  maxHoursPerWeek: 48,
  maxConsecutiveDays: 6,
  blocked: [],
  preferences: [],
  ...extra,
});
const slot = (date: string, shift: string, extra: Partial<PlanSlot> = {}): PlanSlot => ({
  date,
  shift,
  role: 'front_desk',
  required: 1,
  skills: [],
  languages: [],
  ...extra,
});
const problem = (slots: PlanSlot[], employees: PlanEmployee[]): PlanningProblem => ({
  weekStart: dates[0]!,
  days: 7,
  shifts,
  slots,
  employees,
  minRestHours: 11,
  history: [],
});

describe('soft objectives of the MIP', () => {
  it('spreads hours evenly over people with the same contract', async () => {
    const slots = dates.flatMap((date) => [slot(date, 'morning'), slot(date, 'evening')]).slice(0, 12);
    const result = await buildSchedule(problem(slots, [person('a'), person('b'), person('c')]));
    const counts = ['a', 'b', 'c'].map((id) => result.assignments.filter((x) => x.employeeId === id).length);
    expect(counts).toEqual([4, 4, 4]);
  });

  it('puts a speaker of the arrivals’ language on the shift that needs it', async () => {
    const slots = [slot(dates[0]!, 'morning'), slot(dates[0]!, 'evening', { languages: ['ja'] })];
    const result = await buildSchedule(problem(slots, [person('a'), person('b', { languages: ['en', 'ja'] })]));
    expect(result.assignments.find((x) => x.shift === 'evening')?.employeeId).toBe('b');
  });

  it('honours desired shifts and avoids undesired ones when coverage allows', async () => {
    const slots = [slot(dates[0]!, 'morning'), slot(dates[0]!, 'evening')];
    const employees = [
      person('a', { preferences: [{ key: `${dates[0]}|morning`, weight: -1 }] }),
      person('b', { preferences: [{ key: `${dates[0]}|evening`, weight: -1 }] }),
    ];
    const result = await buildSchedule(problem(slots, employees));
    expect(result.assignments.map((x) => `${x.employeeId}:${x.shift}`).sort()).toEqual(['a:evening', 'b:morning']);
  });

  it('prefers no overtime to overtime', async () => {
    const slots = dates.slice(0, 6).map((date) => slot(date, 'morning'));
    const result = await buildSchedule(
      problem(slots, [person('full', { contractHoursPerWeek: 40 }), person('part', { contractHoursPerWeek: 8 })]),
    );
    expect(result.assignments.filter((x) => x.employeeId === 'full')).toHaveLength(5);
    expect(result.assignments.filter((x) => x.employeeId === 'part')).toHaveLength(1);
  });
});
