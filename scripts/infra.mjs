#!/usr/bin/env node
// Local infrastructure for development and CI: PostgreSQL databases, the Kafka broker
// (infra/kafka/kafka.sh) and the event topics from @frontoffice/contracts.
//
//   node scripts/infra.mjs up       postgres + every service's and the console's database (and *_test) + kafka + topics
//   node scripts/infra.mjs topics   create the catalog's topics and their DLQs (compose one-shot)
//   node scripts/infra.mjs down     stop the local kafka broker started by kafka.sh
//
// Environment: PGHOST, PGPORT, PGUSER, PGPASSWORD (libpq-style, default 127.0.0.1:5432 postgres), PGCLUSTER
// (Debian cluster to start when a local server refuses, e.g. 15/main; default: newest version, main),
// KAFKA_BROKERS (default 127.0.0.1:9092), plus kafka.sh's KAFKA_STATE_DIR / KAFKA_CONTROLLER_PORT.
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import pg from 'pg';

const { Kafka, logLevel } = kafkajs;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KAFKA_SH = fileURLToPath(new URL('../infra/kafka/kafka.sh', import.meta.url));
const SERVICES_JSON = fileURLToPath(new URL('../infra/services.json', import.meta.url));

const DLQ_PARTITIONS = 3;
const DEFAULT_BROKERS = '127.0.0.1:9092';

const log = (message) => console.log(`[infra] ${message}`);

// ------------------------------------------------------------------ helpers

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0', '']);
function isLocalHost(host) {
  return LOCAL_HOSTS.has(host) || host.startsWith('/') || (isIP(host) === 4 && host.startsWith('127.'));
}

/** "a:1,b:2" or ["a:1"] → ["a:1", "b:2"] */
function parseBrokers(brokers) {
  const list = (Array.isArray(brokers) ? brokers : String(brokers).split(',')).map((b) => b.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('no Kafka brokers given (KAFKA_BROKERS is empty)');
  return list;
}

function splitHostPort(broker) {
  const i = broker.lastIndexOf(':');
  if (i <= 0) return { host: broker, port: 9092 };
  return { host: broker.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(broker.slice(i + 1)) };
}

function kafkaClient(brokers, { quiet = false } = {}) {
  return new Kafka({
    clientId: 'frontoffice-infra',
    brokers: parseBrokers(brokers),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: quiet ? { retries: 0 } : { retries: 5, initialRetryTime: 300 },
    // Admin-only client: WARN/ERROR on one line each; probes stay silent.
    logLevel: quiet ? logLevel.NOTHING : logLevel.WARN,
    logCreator:
      () =>
      ({ label, log: entry }) => {
        // A concurrent creator makes CreateTopics answer TOPIC_ALREADY_EXISTS; handled below.
        if (entry.error === 'Topic creation errors') return;
        console.error(`[infra] kafkajs ${label}: ${entry.message}${entry.error ? ` (${entry.error})` : ''}`);
      },
  });
}

function pgConfig(database = 'postgres') {
  return {
    host: process.env.PGHOST || '127.0.0.1',
    port: Number(process.env.PGPORT || 5432),
    user: process.env.PGUSER || 'postgres',
    password: process.env.PGPASSWORD,
    database,
    connectionTimeoutMillis: 5000,
  };
}

async function withPg(fn, database = 'postgres') {
  const client = new pg.Client(pgConfig(database));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function run(command, args, { env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

export async function loadServices() {
  return JSON.parse(await readFile(SERVICES_JSON, 'utf8'));
}

/**
 * The staff console (backend-for-frontend + SPA). Kept out of infra/services.json on purpose: the scripts that read
 * that file (bench, dlq, the e2e suites' lists) treat every entry as an event-driven service with an OpenAPI, a
 * consumer group and outbox tables, which the console is not. Its database is created alongside theirs.
 */
export const CONSOLE_APP = Object.freeze({
  name: 'console',
  package: '@frontoffice/console',
  dir: 'apps/console',
  port: 3000,
  database: 'frontoffice_console',
});

/** TOPIC_CATALOG from the built @frontoffice/contracts. */
export async function loadTopicCatalog() {
  let contracts;
  try {
    contracts = await import('@frontoffice/contracts');
  } catch (error) {
    throw new Error(
      `cannot load @frontoffice/contracts (${error.code ?? error.message}); build it first: ` +
        'npx turbo run build --filter=@frontoffice/contracts',
    );
  }
  const catalog = contracts.TOPIC_CATALOG ?? contracts.default?.TOPIC_CATALOG;
  if (!Array.isArray(catalog) || catalog.length === 0) {
    throw new Error('@frontoffice/contracts exports no TOPIC_CATALOG');
  }
  return catalog;
}

// ------------------------------------------------------------------ postgres

async function pgAnswers() {
  try {
    await withPg((client) => client.query('SELECT 1'));
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Connects to PostgreSQL; starts the local Debian cluster when a local server refuses. */
export async function ensurePostgres() {
  const { host, port, user } = pgConfig();
  const where = `${host}:${port}`;
  let probe = await pgAnswers();
  if (probe.ok) {
    log(`postgres ${where} ok (user ${user})`);
    return { startedLocally: false };
  }
  const refused = ['ECONNREFUSED', 'ENOENT', '57P03'].includes(probe.error.code); // 57P03: starting up
  if (!refused || !isLocalHost(host)) {
    throw new Error(`postgres ${where} not reachable: ${probe.error.message}`);
  }
  if (probe.error.code !== '57P03') {
    // Debian's postgresql-common layout; PGCLUSTER ("15/main") picks the cluster like pg_ctlcluster does.
    let [version, cluster] = (process.env.PGCLUSTER ?? '').split('/');
    if (!version || !cluster) {
      let versions = [];
      try {
        versions = (await readdir('/etc/postgresql')).filter((v) => /^\d+(\.\d+)?$/.test(v));
      } catch {
        /* no Debian cluster layout */
      }
      if (versions.length === 0) {
        throw new Error(
          `postgres ${where} refused the connection and no local cluster is configured in /etc/postgresql`,
        );
      }
      version = versions.sort((a, b) => Number(b) - Number(a))[0];
      cluster = 'main';
    }
    log(`postgres ${where} refused; starting local cluster ${version}/${cluster}`);
    try {
      await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);
    } catch (error) {
      if (!/already running/i.test(`${error.stdout ?? ''}${error.stderr ?? ''}`)) throw error;
      // Running already: give it a moment in case it is still starting, else it listens elsewhere.
      await sleep(1000);
      probe = await pgAnswers();
      if (!probe.ok && probe.error.code !== '57P03') {
        throw new Error(
          `postgres ${where}: ${probe.error.message}, yet local cluster ${version}/${cluster} is running ` +
            '(does it listen on another port? set PGHOST/PGPORT)',
        );
      }
    }
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    probe = await pgAnswers();
    if (probe.ok) {
      log(`postgres ${where} ok (started locally)`);
      return { startedLocally: true };
    }
    await sleep(500);
  }
  throw new Error(`postgres ${where} did not come up within 30 s: ${probe.error.message}`);
}

/** CREATE DATABASE for every missing name; safe when several processes race. */
export async function ensureDatabases(names) {
  const created = [];
  const present = [];
  await withPg(async (client) => {
    for (const name of [...new Set(names)]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount > 0) {
        present.push(name);
        continue;
      }
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        // 42P04 duplicate_database; 23505 when a concurrent CREATE wins on pg_database's unique index.
        if (error.code === '42P04' || error.code === '23505') present.push(name);
        else throw error;
      }
    }
  });
  log(`databases: ${created.length ? `created ${created.join(', ')}; ` : ''}${present.length} already present`);
  return { created, present };
}

// ------------------------------------------------------------------ kafka

async function kafkaAnswers(brokers) {
  const admin = kafkaClient(brokers, { quiet: true }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Uses the broker at `brokers` if one answers; otherwise starts the local one with kafka.sh, keeping its logs in
 * `stateDir` (kafka.sh's KAFKA_STATE_DIR; its default when absent).
 */
export async function ensureKafka({ brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS, stateDir } = {}) {
  const list = parseBrokers(brokers);
  if (await kafkaAnswers(list)) {
    log(`kafka ${list.join(',')} ok`);
    return { startedLocally: false };
  }
  const endpoints = list.map(splitHostPort);
  if (!endpoints.every((e) => isLocalHost(e.host))) {
    throw new Error(`kafka ${list.join(',')} not reachable, and it is not on this machine: not starting one`);
  }
  const port = endpoints[0].port;
  log(`kafka ${list.join(',')} not answering; starting the local broker (infra/kafka/kafka.sh)`);
  await run('bash', [KAFKA_SH, 'start'], {
    env: {
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: process.env.KAFKA_CONTROLLER_PORT ?? String(port + 1),
      ...(stateDir ? { KAFKA_STATE_DIR: stateDir } : {}),
    },
  });
  if (!(await kafkaAnswers(list))) throw new Error(`kafka ${list.join(',')} still not answering after start`);
  log(`kafka ${list.join(',')} ok (started locally)`);
  return { startedLocally: true };
}

/** Stops the broker that kafka.sh started (never one it did not start). */
export async function stopKafka({ brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS } = {}) {
  const { port } = splitHostPort(parseBrokers(brokers)[0]);
  await run('bash', [KAFKA_SH, 'stop'], { env: { KAFKA_PORT: String(port) } });
}

/**
 * Creates every catalog topic (its partitions) and its DLQ (3 partitions), replication factor 1;
 * idempotent; returns once metadata shows every topic with a leader on each partition.
 */
export async function ensureTopics({
  brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS,
  catalog,
  replicationFactor = 1,
  timeoutMs = 60_000,
} = {}) {
  const topicCatalog = catalog ?? (await loadTopicCatalog());
  const wanted = new Map();
  for (const t of topicCatalog) {
    wanted.set(t.name, t.partitions);
    if (t.dlq) wanted.set(t.dlq, DLQ_PARTITIONS);
  }
  const deadline = Date.now() + timeoutMs;
  const list = parseBrokers(brokers);
  // In compose this runs right after the broker turns healthy: wait for it to answer.
  while (!(await kafkaAnswers(list))) {
    if (Date.now() > deadline) throw new Error(`kafka ${list.join(',')} not reachable`);
    await sleep(1000);
  }

  const admin = kafkaClient(list).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter(([name]) => !existing.has(name));
    let created = [];
    if (missing.length > 0) {
      try {
        // false: every missing topic was created meanwhile by someone else (TOPIC_ALREADY_EXISTS).
        const createdAll = await admin.createTopics({
          waitForLeaders: true,
          timeout: 30_000,
          topics: missing.map(([topic, numPartitions]) => ({ topic, numPartitions, replicationFactor })),
        });
        if (createdAll) created = missing.map(([name]) => name);
      } catch (error) {
        // Only a concurrent creator may beat us to it; anything else is real.
        const errors = error.errors ?? error.cause?.errors ?? [];
        const onlyExists = errors.length > 0 && errors.every((e) => e.type === 'TOPIC_ALREADY_EXISTS');
        if (!onlyExists) throw error;
      }
    }

    // Wait until metadata shows every topic with a leader for each partition.
    const names = [...wanted.keys()];
    for (;;) {
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: names });
        const ready = topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        if (ready) {
          for (const t of topics) {
            if (t.partitions.length !== wanted.get(t.name)) {
              log(
                `warning: topic ${t.name} has ${t.partitions.length} partitions, the catalog says ${wanted.get(t.name)} ` +
                  '(not changed: repartitioning reshuffles keys; reset the broker to recreate)',
              );
            }
          }
          break;
        }
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics not ready within ${timeoutMs} ms: ${names.join(', ')}`);
      await sleep(250);
    }
    log(
      `topics: ${created.length ? `created ${created.join(', ')}; ` : ''}` +
        `${wanted.size - created.length} already present (${wanted.size} in all)`,
    );
    return { created, topics: [...wanted.keys()] };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

// ------------------------------------------------------------------ CLI

async function up() {
  const started = Date.now();
  await ensurePostgres();
  const services = await loadServices();
  await ensureDatabases([...services, CONSOLE_APP].flatMap((s) => [s.database, `${s.database}_test`]));
  const brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS;
  await ensureKafka({ brokers });
  await ensureTopics({ brokers });
  log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const COMMANDS = {
  up,
  down: () => stopKafka(),
  topics: () => ensureTopics(),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1])) {
  const command = process.argv[2];
  if (!COMMANDS[command]) {
    console.error('usage: node scripts/infra.mjs up|down|topics');
    process.exit(2);
  }
  process.chdir(ROOT);
  COMMANDS[command]().then(
    () => process.exit(0),
    (error) => {
      console.error(`[infra] ERROR: ${error.message}`);
      process.exit(1);
    },
  );
}
