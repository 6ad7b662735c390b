// `npm run bench`: the event core measured against PostgreSQL and Kafka alone, every ratio from one run (these
// machines are shared and noisy: the ratios are the figures to compare). Not a test: it asserts nothing.
//
//   system      N one-night bookings at 32 clients through the four built services → bookings/s, p50/p99, CPU ms per
//               booking per process; baselines: the booking's SQL in pgbench, and in a bare node:http + pg server
//   latency     open loop, 100 bookings/s for 60 s → HTTP p50/p99, booking → folio visible in billing p50/p99;
//               baseline: a raw kafkajs produce → consume round trip
//   full-house  1,000 in-house stays, night audit → every room night posted and the journal batch closed
//   consumer    events/s on one partition, platform consumer vs raw kafkajs (scripts/bench/consumer.mjs)
//   fec         FEC export of 1,000,000 journal lines: seconds and peak RSS of billing-bridge
//   outbox      the transactional outbox vs a raw producer (scripts/bench/outbox.mjs)
//
// Options: --only system,latency,...  --bookings N (default 3000)  --clients N (32)  --rate N (100)  --seconds N (60)
//          --fec-lines N (1000000)  --profile (reservations under node --cpu-prof during the system run)
import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDatabases, ensureKafka, ensurePostgres, ensureTopics, loadServices, stopKafka } from './infra.mjs';
import { exec, execOrFail, parseArgs, ROOT, say } from './lib.mjs';
import { fixed, markdownTable, ratio } from './bench/measure.mjs';
import { PROFILE_DIR, startStack } from './bench/stack.mjs';

const options = parseArgs(process.argv.slice(2));
const SECTIONS = ['system', 'latency', 'full-house', 'consumer', 'fec', 'outbox'];
const only = options.only ? String(options.only).split(',') : SECTIONS;
const wants = (section) => only.includes(section);
const BOOKINGS = Number(options.bookings ?? 3000);
const CLIENTS = Number(options.clients ?? 32);

/** Rows of the final table: [measure, figure, baseline, ratio]. */
const rows = [];
const row = (measure, value, baseline, ratioText) => rows.push([measure, value, baseline, ratioText]);

async function main() {
  await ensurePostgres();
  const services = await loadServices();
  await ensureDatabases(services.map((service) => service.database));
  const { startedLocally } = await ensureKafka();
  say('build (turbo)');
  await execOrFail('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  await ensureTopics();
  const { postgresUrl, signDevToken } = await import('@frontoffice/platform');
  // Services run with NODE_ENV=production (as deployed), which refuses the development secret.
  const secret = randomBytes(32).toString('hex');
  try {
    const needsStack = ['system', 'latency', 'full-house', 'fec'].some(wants);
    if (needsStack) {
      say(`starting the four services${options.profile ? ' (reservations under --cpu-prof)' : ''}`);
      const stack = await startStack({ postgresUrl, signDevToken, secret, profile: Boolean(options.profile) });
      // Ctrl-C or a timeout: never leave the four services running behind.
      const interrupted = () => void stack.stop().finally(() => process.exit(130));
      process.once('SIGINT', interrupted);
      process.once('SIGTERM', interrupted);
      try {
        if (wants('system')) await runSystem(stack);
        if (wants('latency')) await runLatency(stack);
        if (wants('full-house')) await runFullHouse(stack);
        if (wants('fec')) await runFec(stack);
      } finally {
        await stack.stop();
      }
      if (options.profile) say(`CPU profile of reservations written to ${PROFILE_DIR}`);
    }
    if (wants('consumer')) await runConsumer();
    if (wants('outbox')) {
      say('outbox vs raw producer');
      await exec('node', [join(ROOT, 'scripts', 'bench', 'outbox.mjs')]);
    }
  } finally {
    if (startedLocally) await stopKafka();
  }
  console.log(`\n${markdownTable(['measure', 'figure', 'baseline (same run)', 'ratio'], rows)}\n`);
}

async function runSystem(stack) {
  const { systemBench } = await import('./bench/system.mjs');
  say(`system: ${BOOKINGS} bookings from ${CLIENTS} clients`);
  const system = await systemBench(stack, { bookings: BOOKINGS, clients: CLIENTS });
  row(
    `bookings/s, ${CLIENTS} clients, closed loop (vs pgbench, same SQL)`,
    fixed(system.perSecond, 0),
    `${fixed(system.pgbench.perSecond, 0)} (pgbench)`,
    ratio(system.perSecond, system.pgbench.perSecond),
  );
  row(
    `bookings/s (vs bare node:http + pg, same SQL)`,
    fixed(system.perSecond, 0),
    `${fixed(system.bare.perSecond, 0)} (bare node)`,
    ratio(system.perSecond, system.bare.perSecond),
  );
  row(
    'booking latency p50 / p99, ms (closed loop: throughput-bound)',
    `${fixed(system.p50)} / ${fixed(system.p99)}`,
    `${fixed(system.bare.p50)} / ${fixed(system.bare.p99)} (bare node); ${fixed(system.pgbench.meanMs)} mean (pgbench)`,
    ratio(system.p99, system.bare.p99),
  );
  const total = Object.values(system.cpuPerBooking).reduce((sum, ms) => sum + ms, 0);
  for (const [name, ms] of Object.entries(system.cpuPerBooking))
    row(`CPU ms per booking: ${name}`, fixed(ms, 2), '', '');
  row('CPU ms per booking: all processes', fixed(total, 2), 'target 8', ratio(total, 8));
  return system;
}

async function runLatency(stack) {
  const { kafkaRoundTrip, latencyBench } = await import('./bench/latency.mjs');
  const { createKafka } = await import('@frontoffice/platform');
  const rate = Number(options.rate ?? 100);
  const seconds = Number(options.seconds ?? 60);
  say(`latency: open loop, ${rate} bookings/s for ${seconds} s; then raw kafkajs round trips`);
  const latency = await latencyBench(stack, { rate, seconds });
  const kafka = await kafkaRoundTrip({ createKafka });
  row(
    `bookings/s achieved at ${rate}/s offered (open loop)`,
    fixed(latency.achieved, 0),
    `${rate} offered`,
    ratio(latency.achieved, rate),
  );
  if (latency.failed > 0) row('bookings failed or unanswered within 30 s (open loop)', String(latency.failed), '', '');
  row(
    'HTTP booking p50 / p99, ms (open loop)',
    `${fixed(latency.httpP50)} / ${fixed(latency.httpP99)}`,
    'target p99 100',
    ratio(latency.httpP99, 100),
  );
  row(
    'booking → folio visible in billing p50 / p99, ms',
    `${fixed(latency.folioP50)} / ${fixed(latency.folioP99)}`,
    `${fixed(kafka.p50)} / ${fixed(kafka.p99)} (raw kafkajs produce → consume)`,
    ratio(latency.folioP99, kafka.p99),
  );
}

async function runFullHouse(stack) {
  const { fullHouseBench } = await import('./bench/full-house.mjs');
  const stays = Number(options.stays ?? 1000);
  say(`full house: ${stays} stays checked in, then the night audit`);
  const house = await fullHouseBench(stack, { stays, clients: CLIENTS });
  row(`full house (${house.inHouse} in house): night audit answered, s`, fixed(house.auditMs / 1000, 2), '', '');
  row(
    'full house: every room night posted in billing, s',
    fixed(house.postedMs / 1000, 2),
    'target 5',
    ratio(house.postedMs / 1000, 5),
  );
  row(
    'full house: journal batch closed in billing, s',
    fixed(house.closedMs / 1000, 2),
    'target 5',
    ratio(house.closedMs / 1000, 5),
  );
}

async function runFec(stack) {
  const { fecBench } = await import('./bench/fec.mjs');
  const lines = Number(options['fec-lines'] ?? 1_000_000);
  say(`FEC: seeding ${lines} journal lines, then the export`);
  const fec = await fecBench(stack, { lines });
  row(
    `FEC export, ${fec.exportedLines} lines (${fixed(fec.bytes / 1e6, 0)} MB), s`,
    fixed(fec.seconds, 2),
    `${fixed(fec.copySeconds, 2)} (psql \\copy, same query)`,
    ratio(fec.seconds, fec.copySeconds),
  );
  row(
    'FEC export: peak RSS of billing-bridge, MB (target 256)',
    fixed(fec.peakMb, 0),
    `${fixed(fec.idleMb, 0)} (same process before the export)`,
    ratio(fec.peakMb, fec.idleMb),
  );
}

async function runConsumer() {
  const file = join(ROOT, 'scripts', 'bench', 'consumer.mjs');
  try {
    await access(file);
  } catch {
    say('consumer: skipped (scripts/bench/consumer.mjs arrives with the batched consumer)');
    return;
  }
  const { benchConsumer } = await import(file);
  const events = Number(options.events ?? 5000);
  say(`consumer: ${events} events on one partition`);
  const { platformPerSec, platformBatchPerSec, rawPerSec } = await benchConsumer({ events });
  row(
    'consumer events/s, one partition, one row per event (@EventPattern handler)',
    fixed(platformPerSec, 0),
    `${fixed(rawPerSec, 0)} (raw kafkajs)`,
    ratio(platformPerSec, rawPerSec),
  );
  if (platformBatchPerSec !== undefined) {
    row(
      'consumer events/s, one partition, one row per event (@EventBatchHandler, set-based insert)',
      fixed(platformBatchPerSec, 0),
      `${fixed(rawPerSec, 0)} (raw kafkajs); target 2,000`,
      ratio(platformBatchPerSec, rawPerSec),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
