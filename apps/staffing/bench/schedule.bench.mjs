// `npm run bench -w @frontoffice/staffing` (after `npx turbo build --filter=@frontoffice/staffing`): solve time and
// quality of the HiGHS MIP schedule builder on generated properties, against a greedy fill measured in the same run
// on the same problems. Every schedule is also passed through the independent rule checker. Not a test: it asserts
// nothing; it prints a table and, with --json, the figures as JSON.
//
//   node bench/schedule.bench.mjs [--json] [--time-limit=20]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { syntheticProperty } = require('../dist/schedules/synthetic-property.js');
const { planningProblem, toCheckedEmployee, withInstants } = require('../dist/schedules/planning-input.js');
const { buildSchedule, qualityOf, DEFAULT_MIP_OPTIONS } = require('../dist/schedules/mip-scheduler.js');
const { greedySchedule } = require('../dist/schedules/greedy-scheduler.js');
const { checkSchedule } = require('../dist/schedules/schedule-checker.js');
const { solveLp } = require('../dist/schedules/highs-solver.js');

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const timeLimit = Number(args['time-limit'] ?? DEFAULT_MIP_OPTIONS.timeLimitSeconds);
const CASES = [
  { employees: 15, weeks: 1 },
  { employees: 50, weeks: 1 },
  { employees: 300, weeks: 1 },
  { employees: 50, weeks: 4 },
  // Too large for one model: solved week by week (and role group by role group inside a week if needed).
  { employees: 300, weeks: 4 },
  // A short-handed team: demand near the maximum hours, where a greedy fill starts leaving slots empty.
  { employees: 50, weeks: 1, shiftsPerEmployee: 5.4, label: 'tight' },
];

function violationsOf(generated, assignments, shifts) {
  return checkSchedule(
    {
      weekStart: generated.weekStart,
      days: generated.days,
      minRestHours: generated.rules.minRestHours,
      requiredSkills: generated.rules.requiredSkills,
    },
    generated.employees.map((employee) => toCheckedEmployee(employee, generated.rules)),
    withInstants(assignments, shifts),
  ).length;
}

// Load the WebAssembly module before timing anything.
await solveLp('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd', { timeLimitSeconds: 1, relativeGap: 0 });

const rows = [];
for (const { employees, weeks, shiftsPerEmployee, label } of CASES) {
  const generated = syntheticProperty(employees, { weeks, shiftsPerEmployee });
  const problem = planningProblem({ ...generated, timezone: generated.property.timezone });
  const demand = problem.slots.reduce((sum, slot) => sum + slot.required, 0);

  const greedyStart = performance.now();
  const greedy = greedySchedule(problem);
  const greedySeconds = (performance.now() - greedyStart) / 1000;

  const mipStart = performance.now();
  const mip = await buildSchedule(problem, { ...DEFAULT_MIP_OPTIONS, timeLimitSeconds: timeLimit });
  const mipSeconds = (performance.now() - mipStart) / 1000;

  const mipQuality = qualityOf(problem, mip.assignments);
  const greedyQuality = qualityOf(problem, greedy.assignments);
  rows.push({
    case: `${employees} employees × ${weeks} week${weeks > 1 ? 's' : ''}${label ? ` (${label})` : ''}`,
    rooms: generated.property.roomCount,
    demandPersonShifts: demand,
    mip: {
      seconds: Number(mipSeconds.toFixed(2)),
      statuses: [...new Set(mip.stats.statuses)],
      subproblems: mip.stats.subproblems,
      variables: mip.stats.variables,
      constraints: mip.stats.constraints,
      violations: violationsOf(generated, mip.assignments, problem.shifts),
      ...mipQuality,
    },
    greedy: {
      seconds: Number(greedySeconds.toFixed(3)),
      violations: violationsOf(generated, greedy.assignments, problem.shifts),
      ...greedyQuality,
    },
  });
}

if (args.json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const ratio = (a, b) => (b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));
  console.log(`HiGHS MIP vs greedy fill (time limit ${timeLimit} s per model, gap ${DEFAULT_MIP_OPTIONS.relativeGap})`);
  console.log(
    [
      'case',
      'demand',
      'MIP s',
      'greedy s',
      'unfilled MIP/greedy',
      'objective MIP/greedy',
      'max dev MIP/greedy',
      'spread MIP/greedy',
      'hours dev MIP/greedy',
      'overtime MIP/greedy',
      'prefs broken MIP/greedy',
      'violations',
      'status',
    ].join(' | '),
  );
  for (const row of rows) {
    const { mip, greedy } = row;
    console.log(
      [
        row.case,
        row.demandPersonShifts,
        mip.seconds,
        greedy.seconds,
        `${mip.unfilled}/${greedy.unfilled}`,
        `${mip.objective}/${greedy.objective}`,
        `${mip.maxRelativeDeviation}/${greedy.maxRelativeDeviation} (${ratio(mip.maxRelativeDeviation, greedy.maxRelativeDeviation)})`,
        `${mip.fairnessSpread}/${greedy.fairnessSpread} (${ratio(mip.fairnessSpread, greedy.fairnessSpread)})`,
        `${mip.hoursDeviation}/${greedy.hoursDeviation} (${ratio(mip.hoursDeviation, greedy.hoursDeviation)})`,
        `${mip.overtimeHours}/${greedy.overtimeHours}`,
        `${mip.preferencesBroken}/${greedy.preferencesBroken}`,
        `${mip.violations}/${greedy.violations}`,
        `${mip.statuses.join(',')} ×${mip.subproblems}`,
      ].join(' | '),
    );
  }
}
