// `npm test`: the whole suite against a real PostgreSQL and a real Kafka broker (started here when none answers).
// Order: infrastructure → build → type check → migrations of the test databases → parallel suites → the suites that
// stop the broker on purpose (run alone, last) → the console in a browser (Playwright, its own stack) → summary line
// `N passed, N failed`.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CONSOLE_APP,
  ensureDatabases,
  ensureKafka,
  ensurePostgres,
  ensureTopics,
  loadServices,
  stopKafka,
} from './infra.mjs';
import { exec, execOrFail, ROOT, say } from './lib.mjs';

const TEST_KAFKA_STATE_DIR = join(ROOT, 'infra', 'kafka', '.local', 'test-broker');
const RESULTS_DIR = join(ROOT, '.local', 'test-results');
const PLATFORM_TEST_DATABASE = 'frontoffice_platform_test';

async function jestPhase(name, args) {
  const outputFile = join(RESULTS_DIR, `${name}.json`);
  say(`jest: ${name}`);
  // --forceExit: a client library's leftover timer must never hold CI past the end of the suite.
  const code = await exec('npx', ['jest', '--json', '--forceExit', `--outputFile=${outputFile}`, ...args]);
  try {
    return { code, results: JSON.parse(await readFile(outputFile, 'utf8')) };
  } catch {
    return { code, results: undefined };
  }
}

/**
 * The console's browser tests. Their JSON report gives the counts; a run that ends without one (a crash, the stack
 * not starting) or exits non-zero with nothing failed counts as one failure.
 */
async function playwrightPhase() {
  const outputFile = join(RESULTS_DIR, 'console.json');
  say('playwright: console');
  const code = await exec('npx', ['playwright', 'test', '-c', join('apps', 'console', 'playwright.config.ts')]);
  let report;
  try {
    report = JSON.parse(await readFile(outputFile, 'utf8'));
  } catch {
    console.error(`the Playwright phase ended with code ${code} and no report`);
    return { passed: 0, failed: 1 };
  }
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  const setupErrors = report.errors?.length ?? 0;
  let failed = unexpected + flaky + setupErrors;
  if (code !== 0 && failed === 0) failed = 1;
  return { passed: expected, failed };
}

async function main() {
  const started = Date.now();
  let startedKafka = false;
  const passthrough = process.argv.slice(2);
  let passed = 0;
  let failed = 0;
  try {
    await ensurePostgres();
    const services = await loadServices();
    await ensureDatabases([
      ...[...services, CONSOLE_APP].flatMap((service) => [service.database, `${service.database}_test`]),
      PLATFORM_TEST_DATABASE,
    ]);
    // A broker this run starts keeps its own logs, so the events tests write never reach the broker `npm start`
    // uses, where new services would read them all from the beginning before the demo's own.
    ({ startedLocally: startedKafka } = await ensureKafka({ stateDir: TEST_KAFKA_STATE_DIR }));
    // kafka.sh calls after this one (the broker-outage suite, the final stop) must find that broker.
    if (startedKafka) process.env.KAFKA_STATE_DIR = TEST_KAFKA_STATE_DIR;

    say('build (turbo)');
    await execOrFail('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
    await ensureTopics();
    say('type check (turbo)');
    await execOrFail('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']);
    say('lint (eslint, prettier)');
    await execOrFail('npm', ['run', '-s', 'lint']);

    const { postgresUrl } = await import('@frontoffice/platform');
    say('migrations of the test databases (each service’s migrate command)');
    for (const service of [...services, CONSOLE_APP]) {
      await execOrFail('node', [join(service.dir, 'dist', 'migrate.js')], {
        env: {
          DATABASE_URL: postgresUrl(`${service.database}_test`),
        },
      });
    }

    await rm(RESULTS_DIR, { recursive: true, force: true });
    await mkdir(RESULTS_DIR, { recursive: true });
    const phases = [
      await jestPhase('suites', ['--maxWorkers=2', '--testPathIgnorePatterns', '\\.serial-spec\\.ts$', ...passthrough]),
      await jestPhase('broker-outage', ['--runInBand', '--testPathPatterns', '\\.serial-spec\\.ts$', ...passthrough]),
    ];
    for (const { code, results } of phases) {
      if (!results) {
        failed += 1;
        console.error(`a jest phase ended with code ${code} and no results`);
        continue;
      }
      passed += results.numPassedTests;
      failed += results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
      if (code !== 0 && results.numFailedTests === 0 && !results.numRuntimeErrorTestSuites) failed += 1;
    }
    const browser = await playwrightPhase();
    passed += browser.passed;
    failed += browser.failed;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    failed += 1;
  } finally {
    if (startedKafka) {
      say('stopping the broker this run started');
      await stopKafka().catch((error) => console.error(error.message));
    }
  }
  say(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

await main();
