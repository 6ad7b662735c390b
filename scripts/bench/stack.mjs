// The system under test of `npm run bench`: the four BUILT services as processes (as in production), on databases
// of their own created fresh for the run, with the broker and PostgreSQL of the environment (KAFKA_BROKERS, PGPORT).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { loadServices } from '../infra.mjs';
import { ROOT } from '../lib.mjs';
import { jsonClient } from './load.mjs';

export const PROFILE_DIR = join(ROOT, '.local', 'bench', 'profile');

function spawnService(service, port, env, nodeArgs) {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, service.dir, 'dist', 'main.js')], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    name: service.name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitReady(service, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exited()) break;
    try {
      if ((await fetch(`${service.url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${service.name} did not become ready:\n${service.output.join('').slice(-3000)}`);
}

/** Drops and creates the bench databases (one per service), so every run starts from the same empty state. */
async function freshDatabases(names, postgresUrl) {
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  try {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Starts the four services. `profile` runs reservations under `node --cpu-prof`: the .cpuprofile lands in
 * .local/bench/profile when it stops (open it in Chrome DevTools › Performance, or speedscope).
 */
export async function startStack({ postgresUrl, signDevToken, secret, profile = false, logLevel = 'info' }) {
  const services = await loadServices();
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 3101);
  const run = Date.now().toString(36);
  const databases = Object.fromEntries(services.map((service) => [service.name, `${service.database}_bench`]));
  await freshDatabases(Object.values(databases), postgresUrl);
  if (profile) await mkdir(PROFILE_DIR, { recursive: true });
  const running = services.map((service, index) =>
    spawnService(
      service,
      portBase + index,
      {
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: secret,
        // Production refuses every secret written in the repository, the services' own defaults included.
        MAIL_OPT_OUT_SECRET: randomBytes(32).toString('hex'),
        WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'),
        // One load generator with one token is not an abusive client: rate limits are measured elsewhere.
        RATE_LIMIT_ENABLED: 'false',
        DATABASE_URL: postgresUrl(databases[service.name]),
        KAFKA_GROUP_ID: `frontoffice-${service.name}-bench-${run}`,
        KAFKA_FROM_BEGINNING: 'false',
        LOG_LEVEL: logLevel,
      },
      profile && service.name === 'reservations' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    ),
  );
  try {
    await Promise.all(running.map((service) => waitReady(service)));
  } catch (error) {
    await Promise.all(running.map((service) => service.stop()));
    throw error;
  }
  const byName = Object.fromEntries(running.map((service) => [service.name, service]));
  const token = (roles, properties = ['*']) =>
    signDevToken({ roles, properties, sub: `bench-${roles[0]}`, secret, expiresInSeconds: 3600 });
  const databaseOf = (name) => postgresUrl(databases[name]);
  return {
    services: running,
    byName,
    token,
    databaseOf,
    databaseName: (name) => databases[name],
    async stop() {
      await Promise.all(running.map((service) => service.stop()));
    },
  };
}

/** A property with one room type of `rooms` rooms; waits until billing-bridge opens the folio of a first booking. */
export async function benchProperty(stack, { rooms, code = 'BENCH' }) {
  const reservations = jsonClient(stack.byName.reservations.url);
  const admin = stack.token(['admin']);
  const auth = { authorization: `Bearer ${admin}` };
  const must = async (what, answer, status = 201) => {
    const response = await answer;
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${response.text}`);
    return JSON.parse(response.text);
  };
  const property = await must(
    'property',
    reservations.request(
      'POST',
      '/v1/properties',
      {
        code: `${code}${Date.now().toString(36).toUpperCase()}`.slice(0, 20),
        name: 'Hôtel Bench',
        timezone: 'Europe/Paris',
        currency: 'EUR',
        country: 'FR',
        starRating: 4,
      },
      auth,
    ),
  );
  const roomType = await must(
    'room type',
    reservations.request(
      'POST',
      `/v1/properties/${property.id}/room-types`,
      { code: 'STD', name: 'Standard', maxOccupancy: 2, baseRate: { amountMinor: 12_900, currency: 'EUR' } },
      auth,
    ),
  );
  for (let first = 0; first < rooms; first += 500) {
    const batch = Array.from({ length: Math.min(500, rooms - first) }, (_, index) => ({
      number: String(10_000 + first + index),
      floor: 1 + Math.floor((first + index) / 100),
      roomTypeId: roomType.id,
    }));
    await must(
      'rooms',
      reservations.request('POST', `/v1/properties/${property.id}/rooms/bulk`, { rooms: batch }, auth),
    );
  }
  const desk = stack.token(['front_desk'], [property.id]);
  const warmUp = await must(
    'warm-up booking',
    reservations.request(
      'POST',
      `/v1/properties/${property.id}/reservations`,
      bookingBody(roomType.id, property.businessDate, 400),
      { authorization: `Bearer ${desk}` },
    ),
  );
  const billing = new pg.Client({ connectionString: stack.databaseOf('billing-bridge') });
  await billing.connect();
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const found = await billing.query('SELECT 1 FROM folio WHERE reservation_id = $1', [warmUp.id]);
      if (found.rowCount > 0) break;
      await sleep(100);
    }
    if (Date.now() >= deadline) throw new Error('billing-bridge never opened the warm-up folio');
  } finally {
    await billing.end();
    reservations.close();
  }
  return { propertyId: property.id, roomTypeId: roomType.id, businessDate: property.businessDate, desk };
}

/** A one-night booking `offset` nights after the business date. */
export function bookingBody(roomTypeId, businessDate, offset, lastName = 'Bench') {
  const day = (n) => new Date(Date.parse(`${businessDate}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return {
    guest: { firstName: 'Alex', lastName, language: 'en' },
    roomTypeId,
    arrival: day(offset),
    departure: day(offset + 1),
    adults: 2,
  };
}
