// `npm start`: PostgreSQL databases, the Kafka broker (started locally when none answers at KAFKA_BROKERS), topics,
// a build, the four services (each runs its migrations), then a demo property to play with. Ctrl-C stops it all.
import { join } from 'node:path';
import { ensureDatabases, ensureKafka, ensurePostgres, ensureTopics, loadServices, stopKafka } from './infra.mjs';
import { execOrFail, ROOT, say } from './lib.mjs';

const COLORS = ['\x1b[32m', '\x1b[35m', '\x1b[33m', '\x1b[34m'];
/** Signs a dev token; set once the packages are built (a fresh clone has no `dist` before that). */
let token;

const DEMO_PROPERTY = {
  code: 'DEMO',
  name: 'Hôtel Démo Opéra',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  country: 'FR',
  starRating: 4,
};
const DEMO_ROOM_TYPES = [
  { code: 'STD', name: 'Standard double', maxOccupancy: 2, baseRate: { amountMinor: 12_900, currency: 'EUR' } },
  { code: 'DLX', name: 'Deluxe king', maxOccupancy: 3, baseRate: { amountMinor: 18_900, currency: 'EUR' } },
  { code: 'STE', name: 'Opéra suite', maxOccupancy: 4, baseRate: { amountMinor: 42_000, currency: 'EUR' } },
];

async function api(method, url, bearer, body) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json().catch(() => undefined);
  return { status: response.status, body: payload };
}

/** Creates the demo property and its room types unless they exist (the seed is idempotent across restarts). */
async function seedDemo(reservationsUrl) {
  const admin = token(['admin']);
  const existing = await api('GET', `${reservationsUrl}/v1/properties`, admin);
  let property = existing.body?.items?.find((candidate) => candidate.code === DEMO_PROPERTY.code);
  if (!property) {
    const created = await api('POST', `${reservationsUrl}/v1/properties`, admin, DEMO_PROPERTY);
    if (created.status !== 201) throw new Error(`demo property: ${created.status} ${JSON.stringify(created.body)}`);
    property = created.body;
  }
  const roomTypes = await api('GET', `${reservationsUrl}/v1/properties/${property.id}/room-types`, admin);
  const have = new Set((roomTypes.body?.items ?? []).map((roomType) => roomType.code));
  for (const roomType of DEMO_ROOM_TYPES.filter((candidate) => !have.has(candidate.code))) {
    const created = await api('POST', `${reservationsUrl}/v1/properties/${property.id}/room-types`, admin, roomType);
    if (created.status !== 201)
      throw new Error(`demo room type ${roomType.code}: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const all = await api('GET', `${reservationsUrl}/v1/properties/${property.id}/room-types`, admin);
  return { property, roomTypes: all.body.items };
}

async function main() {
  const services = await loadServices();
  await ensurePostgres();
  await ensureDatabases(services.map((service) => service.database));
  const { startedLocally } = await ensureKafka();
  say('build (turbo)');
  await execOrFail('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  await ensureTopics();
  const { DEV_JWT_SECRET, signDevToken } = await import('@frontoffice/platform');
  const { spawnServiceProcess, waitUntilReady } = await import('@frontoffice/platform/testing');
  const secret = process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET;
  token = (roles, properties = ['*']) => signDevToken({ roles, properties, sub: `demo-${roles[0]}`, secret });

  const running = services.map((service, index) => {
    const prefix = `${COLORS[index % COLORS.length]}${service.name.padEnd(14)}\x1b[0m│ `;
    return spawnServiceProcess({
      name: service.name,
      entry: join(ROOT, service.dir, 'dist', 'main.js'),
      port: Number(process.env[`${service.name.toUpperCase().replace('-', '_')}_PORT`] ?? service.port),
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
      onLine: (line) => console.log(prefix + line),
    });
  });

  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping the services');
    await Promise.all(running.map((service) => service.stop('SIGTERM')));
    if (startedLocally) {
      say('stopping the local Kafka broker');
      await stopKafka().catch((error) => console.error(error.message));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  for (const service of running) {
    service.child.once('exit', (code) => {
      if (!stopping) {
        console.error(`${service.name} exited unexpectedly (code ${code}); stopping everything`);
        void stopAll(1);
      }
    });
  }

  let demo;
  try {
    await Promise.all(running.map((service) => waitUntilReady(service.url, 120_000)));
    demo = await seedDemo(running.find((service) => service.name === 'reservations').url);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return stopAll(1);
  }
  const reservations = running.find((service) => service.name === 'reservations');
  const propertyId = demo.property.id;
  const desk = token(['front_desk'], [propertyId]);
  console.log(`
\x1b[1mThe front office is running.\x1b[0m
  ${running.map((service) => `${service.name.padEnd(15)} ${service.url}   (OpenAPI: ${service.url}/docs)`).join('\n  ')}

Demo property "${demo.property.name}" (${demo.property.code}), id ${propertyId}, business date ${demo.property.businessDate}
  room types: ${demo.roomTypes.map((roomType) => `${roomType.code} ${roomType.id}`).join(', ')}

A front-desk token for it (12 h):   npm run token -- --role front_desk --property ${propertyId}
  export TOKEN=${desk}

Book a stay, then see its folio in billing-bridge:
  curl -s -X POST ${reservations.url}/v1/properties/${propertyId}/reservations \\
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $(date +%s)" \\
    -d '{"guest":{"firstName":"Camille","lastName":"Durand","language":"fr"},"roomTypeId":"${demo.roomTypes[0].id}","arrival":"2027-06-01","departure":"2027-06-04","adults":2}'
  curl -s "${running.find((service) => service.name === 'billing-bridge').url}/v1/properties/${propertyId}/folios?reservationId=<id>" -H "Authorization: Bearer $TOKEN"

Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
