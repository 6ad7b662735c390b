import { CheckedAssignment, CheckedEmployee, checkSchedule, coverageShortfalls } from './schedule-checker';

const context = {
  weekStart: '2027-03-22',
  days: 7,
  minRestHours: 11,
  requiredSkills: { night_auditor: ['night_audit'] },
};
const ana: CheckedEmployee = {
  id: 'ana',
  roles: ['front_desk', 'night_auditor'],
  skills: [],
  maxHoursPerWeek: 40,
  maxConsecutiveDays: 5,
  absences: [{ from: '2027-03-27', to: '2027-03-28' }],
  unavailable: [{ dayOfWeek: 5, shift: 'night' }],
};
// Paris, winter time until 28 March 2027: UTC+1.
const shift = (date: string, name: 'morning' | 'evening' | 'night', role = 'front_desk'): CheckedAssignment => {
  const [start, end, next] = { morning: ['06', '14', 0], evening: ['14', '22', 0], night: ['22', '06', 1] }[name] as [
    string,
    string,
    number,
  ];
  const endDate = new Date(Date.parse(`${date}T00:00:00Z`) + Number(next) * 86_400_000).toISOString().slice(0, 10);
  return {
    employeeId: 'ana',
    role,
    date,
    shift: name,
    start: `${date}T${start}:00:00.000Z`,
    end: `${endDate}T${end}:00:00.000Z`,
  };
};
const rules = (assignments: CheckedAssignment[], employees = [ana]) =>
  checkSchedule(context, employees, assignments).map((v) => v.rule);

describe('independent schedule checker', () => {
  it('passes a lawful week', () => {
    expect(rules(['2027-03-22', '2027-03-23', '2027-03-24'].map((d) => shift(d, 'morning')))).toEqual([]);
  });

  it('catches two shifts on one day and the rest they leave', () => {
    expect(rules([shift('2027-03-22', 'morning'), shift('2027-03-22', 'evening')])).toEqual([
      'two_shifts_same_day',
      'rest_too_short',
    ]);
  });

  it('catches a night followed by a morning, and an evening followed by a morning', () => {
    expect(rules([shift('2027-03-22', 'night'), shift('2027-03-23', 'morning')])).toEqual(['rest_too_short']);
    expect(rules([shift('2027-03-22', 'evening'), shift('2027-03-23', 'morning')])).toEqual(['rest_too_short']);
    expect(rules([shift('2027-03-22', 'evening'), shift('2027-03-23', 'evening')])).toEqual([]);
  });

  it('catches overlapping shifts', () => {
    const long = { ...shift('2027-03-22', 'morning'), shift: 'double', end: '2027-03-22T18:00:00.000Z' };
    expect(rules([long, shift('2027-03-22', 'evening')])).toEqual(['two_shifts_same_day', 'overlapping_shifts']);
  });

  it('catches a missing role or skill, an unknown employee and a date outside the schedule', () => {
    expect(rules([shift('2027-03-22', 'morning', 'porter')])).toEqual(['role_not_held']);
    expect(rules([shift('2027-03-22', 'night', 'night_auditor')])).toEqual(['skill_missing']);
    expect(rules([{ ...shift('2027-03-22', 'morning'), employeeId: 'bob' }])).toEqual(['unknown_employee']);
    expect(rules([shift('2027-03-29', 'morning')])).toEqual(['outside_schedule']);
  });

  it('catches work during an absence or a weekly unavailability', () => {
    expect(rules([shift('2027-03-27', 'morning')])).toEqual(['absent']);
    expect(rules([shift('2027-03-26', 'night')])).toEqual(['unavailable']);
    expect(rules([shift('2027-03-26', 'morning')])).toEqual([]);
  });

  it('catches too many hours in a week and too many days in a row', () => {
    const six = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27'];
    const free = { ...ana, absences: [], maxHoursPerWeek: 60 };
    expect(
      rules(
        six.map((d) => shift(d, 'morning')),
        [free],
      ),
    ).toEqual(['max_consecutive_days']);
    expect(
      rules(
        six.map((d) => shift(d, 'morning')),
        [{ ...free, maxConsecutiveDays: 6, maxHoursPerWeek: 40 }],
      ),
    ).toEqual(['max_hours_exceeded']);
  });

  it('counts what the demand is short of', () => {
    expect(
      coverageShortfalls(
        [
          { date: '2027-03-22', shift: 'morning', role: 'front_desk', required: 2 },
          { date: '2027-03-22', shift: 'evening', role: 'front_desk', required: 1 },
        ],
        [shift('2027-03-22', 'morning')],
      ),
    ).toEqual([
      { date: '2027-03-22', shift: 'morning', role: 'front_desk', missing: 1 },
      { date: '2027-03-22', shift: 'evening', role: 'front_desk', missing: 1 },
    ]);
  });
});
