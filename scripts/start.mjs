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

/** Rooms per type: 30 standard on floors 1–3, 12 deluxe on floor 4, 3 suites on floor 5. */
const DEMO_ROOMS = [
  ...[1, 2, 3].flatMap((floor) => range(10).map((n) => ({ type: 'STD', floor, number: `${floor}${pad(n + 1)}` }))),
  ...range(12).map((n) => ({ type: 'DLX', floor: 4, number: `4${pad(n + 1)}` })),
  ...range(3).map((n) => ({ type: 'STE', floor: 5, number: `5${pad(n + 1)}` })),
];
/** A small team for staffing to schedule (employee ids are the token `sub` each employee signs in with). */
const DEMO_EMPLOYEES = [
  {
    employeeId: 'demo-fom',
    name: 'Hélène Martin',
    roles: ['front_office_manager', 'front_desk'],
    languages: ['fr', 'en'],
    contractHoursPerWeek: 39,
  },
  {
    employeeId: 'demo-desk-1',
    name: 'Louis Bernard',
    roles: ['front_desk'],
    languages: ['fr', 'en', 'es'],
    contractHoursPerWeek: 35,
  },
  {
    employeeId: 'demo-desk-2',
    name: 'Chloé Petit',
    roles: ['front_desk'],
    languages: ['fr', 'en', 'de'],
    contractHoursPerWeek: 35,
  },
  {
    employeeId: 'demo-desk-3',
    name: 'Hugo Robert',
    roles: ['front_desk', 'night_auditor'],
    languages: ['fr', 'en'],
    contractHoursPerWeek: 35,
  },
  {
    employeeId: 'demo-desk-4',
    name: 'Léa Richard',
    roles: ['front_desk', 'night_auditor'],
    languages: ['fr', 'it'],
    contractHoursPerWeek: 35,
  },
  {
    employeeId: 'demo-desk-5',
    name: 'Nathan Durand',
    roles: ['front_desk'],
    languages: ['fr', 'en', 'ja'],
    contractHoursPerWeek: 24,
  },
  {
    employeeId: 'demo-concierge',
    name: 'Manon Dubois',
    roles: ['concierge'],
    languages: ['fr', 'en', 'zh'],
    contractHoursPerWeek: 35,
  },
  { employeeId: 'demo-porter-1', name: 'Lucas Moreau', roles: ['porter'], languages: ['fr'], contractHoursPerWeek: 35 },
  {
    employeeId: 'demo-porter-2',
    name: 'Inès Laurent',
    roles: ['porter'],
    languages: ['fr', 'ar'],
    contractHoursPerWeek: 35,
  },
];

function range(count) {
  return Array.from({ length: count }, (_, index) => index);
}
function pad(value) {
  return String(value).padStart(2, '0');
}

async function expectStatus(what, response, ...accepted) {
  if (!accepted.includes(response.status))
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Creates the demo property with room types, rooms, concierge settings and a staff team, skipping what exists
 * (the seed is idempotent across restarts).
 */
async function seedDemo(urls) {
  const admin = token(['admin']);
  const existing = await api('GET', `${urls.reservations}/v1/properties`, admin);
  let property = existing.body?.items?.find((candidate) => candidate.code === DEMO_PROPERTY.code);
  if (!property) {
    property = await expectStatus(
      'demo property',
      await api('POST', `${urls.reservations}/v1/properties`, admin, DEMO_PROPERTY),
      201,
    );
  }
  const base = (service) => `${urls[service]}/v1/properties/${property.id}`;
  const roomTypes = await api('GET', `${base('reservations')}/room-types`, admin);
  const have = new Set((roomTypes.body?.items ?? []).map((roomType) => roomType.code));
  for (const roomType of DEMO_ROOM_TYPES.filter((candidate) => !have.has(candidate.code))) {
    await expectStatus(
      `demo room type ${roomType.code}`,
      await api('POST', `${base('reservations')}/room-types`, admin, roomType),
      201,
    );
  }
  const allTypes = (await api('GET', `${base('reservations')}/room-types`, admin)).body.items;
  const typeId = Object.fromEntries(allTypes.map((roomType) => [roomType.code, roomType.id]));

  const haveRooms = new Set((await listAll(`${base('reservations')}/rooms`, admin)).map((room) => room.number));
  const missing = DEMO_ROOMS.filter((room) => !haveRooms.has(room.number));
  if (missing.length > 0) {
    const body = {
      rooms: missing.map((room) => ({ number: room.number, floor: room.floor, roomTypeId: typeId[room.type] })),
    };
    await expectStatus('demo rooms', await api('POST', `${base('reservations')}/rooms/bulk`, admin, body), 201);
  }

  // The other services learn about the property from its events; wait until each has it before configuring them.
  await waitFor('concierge to know the demo property', async () => {
    const response = await api('PUT', `${base('concierge')}/concierge-settings`, admin, {
      hasPorters: true,
      fallbackLanguage: 'fr',
    });
    return response.status === 200;
  });
  const employees = await listAll(`${base('staffing')}/employees`, admin);
  const haveEmployees = new Set(employees.map((employee) => employee.employeeId ?? employee.id));
  for (const employee of DEMO_EMPLOYEES.filter((candidate) => !haveEmployees.has(candidate.employeeId))) {
    await waitFor(`staffing to accept ${employee.name}`, async () => {
      const response = await api('POST', `${base('staffing')}/employees`, admin, employee);
      if (response.status === 201 || response.status === 409) return true;
      if (response.status >= 500 || response.status === 400 || response.status === 403) {
        throw new Error(`demo employee ${employee.name}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      return false;
    });
  }
  return { property, roomTypes: allTypes, rooms: DEMO_ROOMS.length };
}

/** Every item of a list route, following `nextCursor` page by page. */
async function listAll(url, bearer) {
  const items = [];
  let cursor = null;
  do {
    const page = await api('GET', `${url}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, bearer);
    if (page.status !== 200) throw new Error(`GET ${url}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

async function waitFor(what, attempt, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
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
      env: {
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        // Local development: webhooks may reach a receiver on this machine (production allows public addresses only).
        WEBHOOK_ALLOWED_NETWORKS: process.env.WEBHOOK_ALLOWED_NETWORKS ?? '127.0.0.1/32,::1/128',
        WEBHOOK_ALLOW_HTTP: process.env.WEBHOOK_ALLOW_HTTP ?? 'true',
      },
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
    demo = await seedDemo(Object.fromEntries(running.map((service) => [service.name, service.url])));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return stopAll(1);
  }
  const url = (name) => running.find((service) => service.name === name).url;
  const propertyId = demo.property.id;
  const desk = token(['front_desk'], [propertyId]);
  const manager = token(['front_office_manager'], [propertyId]);
  const at = (name, path) => `${url(name)}/v1/properties/${propertyId}${path}`;
  const departure = new Date(Date.parse(`${demo.property.businessDate}T00:00:00Z`) + 2 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const businessDay = new Date(`${demo.property.businessDate}T00:00:00Z`);
  const nextMonday = new Date(businessDay.getTime() + ((8 - businessDay.getUTCDay()) % 7 || 7) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  console.log(`
\x1b[1mThe front office is running.\x1b[0m
  ${running.map((service) => `${service.name.padEnd(15)} ${service.url}   (OpenAPI: ${service.url}/docs)`).join('\n  ')}

Demo property "${demo.property.name}" (${demo.property.code}), id ${propertyId}, business date ${demo.property.businessDate}
  room types: ${demo.roomTypes.map((roomType) => `${roomType.code} ${roomType.id}`).join(', ')}
  ${demo.rooms} rooms (101–310 STD, 401–412 DLX, 501–503 STE), porters on, ${DEMO_EMPLOYEES.length} employees in staffing

Tokens for it (12 h; more with: npm run token -- --role <role> --property ${propertyId}):
  export TOKEN=${desk}
  export MANAGER=${manager}

Book a stay arriving today, check it in, then see the porter's task and the folio:
  curl -s -X POST ${at('reservations', '/reservations')} \\
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $(date +%s)" \\
    -d '{"guest":{"firstName":"Camille","lastName":"Durand","language":"fr","vipLevel":"vip"},"roomTypeId":"${demo.roomTypes.find((roomType) => roomType.code === 'STD').id}","arrival":"${demo.property.businessDate}","departure":"${departure}","adults":2}'
  curl -s -X POST ${at('reservations', '/reservations/<id>/check-in')} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}'
  curl -s "${at('concierge', '/requests?reservationId=<id>')}" -H "Authorization: Bearer $MANAGER"
  curl -s "${at('billing-bridge', '/folios?reservationId=<id>')}" -H "Authorization: Bearer $TOKEN"

Close the day and build next week's schedule:
  curl -s -X POST ${at('reservations', '/night-audit')} -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' -d '{"businessDate":"${demo.property.businessDate}"}'
  curl -s -X POST ${at('staffing', '/schedules')} -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' -H "Idempotency-Key: $(date +%s)" -d '{"weekStart":"${nextMonday}"}'

Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
