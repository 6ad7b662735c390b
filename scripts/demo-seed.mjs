// The demo property, seeded through the services' public APIs: `npm start` creates it for people to play with, the
// console's Playwright suite creates one like it (under a code of its own) for every run.

export const DEMO_PROPERTY = {
  code: 'DEMO',
  name: 'Hôtel Démo Opéra',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  country: 'FR',
  starRating: 4,
};
export const DEMO_ROOM_TYPES = [
  { code: 'STD', name: 'Standard double', maxOccupancy: 2, baseRate: { amountMinor: 12_900, currency: 'EUR' } },
  { code: 'DLX', name: 'Deluxe king', maxOccupancy: 3, baseRate: { amountMinor: 18_900, currency: 'EUR' } },
  { code: 'STE', name: 'Opéra suite', maxOccupancy: 4, baseRate: { amountMinor: 42_000, currency: 'EUR' } },
];

const DEMO_MAIL_SETTINGS = { senderAddress: 'reception@demo-opera.example', replyTo: 'concierge@demo-opera.example' };
const DEMO_TEMPLATES = [
  [
    'welcome',
    'fr',
    'Bienvenue au {{propertyName}}, {{guestFirstName}}',
    'Chère/Cher {{guestName}},\n\nvotre chambre {{roomNumber}} vous attend jusqu’au {{departureDate}}. La réception ' +
      'et la conciergerie sont à votre disposition jour et nuit.\n\nL’équipe du {{propertyName}}',
  ],
  [
    'welcome',
    'en',
    'Welcome to {{propertyName}}, {{guestFirstName}}',
    'Dear {{guestName}},\n\nroom {{roomNumber}} is yours until {{departureDate}}. The front desk and the concierge are ' +
      'here for you day and night.\n\nThe {{propertyName}} team',
  ],
  [
    'checkout_thanks',
    'fr',
    'Merci de votre séjour, {{guestFirstName}}',
    'Chère/Cher {{guestName}},\n\nmerci d’avoir séjourné au {{propertyName}}. À bientôt !',
  ],
  [
    'checkout_thanks',
    'en',
    'Thank you for staying with us, {{guestFirstName}}',
    'Dear {{guestName}},\n\nthank you for staying at {{propertyName}}. We hope to see you again soon.',
  ],
];

export async function api(method, url, bearer, body) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json().catch(() => undefined);
  return { status: response.status, body: payload };
}

/** Rooms per type: 30 standard on floors 1–3, 12 deluxe on floor 4, 3 suites on floor 5. */
export const DEMO_ROOMS = [
  ...[1, 2, 3].flatMap((floor) => range(10).map((n) => ({ type: 'STD', floor, number: `${floor}${pad(n + 1)}` }))),
  ...range(12).map((n) => ({ type: 'DLX', floor: 4, number: `4${pad(n + 1)}` })),
  ...range(3).map((n) => ({ type: 'STE', floor: 5, number: `5${pad(n + 1)}` })),
];
/** A small team for staffing to schedule (employee ids are the token `sub` each employee signs in with). */
export const DEMO_EMPLOYEES = [
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
 *
 * @param {Record<string, string>} urls base URL per service name
 * @param {{ token: (roles: string[]) => string, code?: string }} options `token` signs a dev token for the given
 *   roles on every property; `code` seeds the same demo under another property code (a fresh property).
 */
export async function seedDemo(urls, { token, code = DEMO_PROPERTY.code }) {
  const admin = token(['admin']);
  const existing = await api('GET', `${urls.reservations}/v1/properties`, admin);
  let property = existing.body?.items?.find((candidate) => candidate.code === code);
  if (!property) {
    property = await expectStatus(
      'demo property',
      await api('POST', `${urls.reservations}/v1/properties`, admin, { ...DEMO_PROPERTY, code }),
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
  // Guest e-mail: the demo's sender and the welcome and thank-you templates, so a check-in sends a real e-mail.
  await expectStatus(
    'demo mail settings',
    await api('PUT', `${base('concierge')}/mail-settings`, admin, DEMO_MAIL_SETTINGS),
    200,
  );
  for (const [purpose, language, subject, body] of DEMO_TEMPLATES) {
    await expectStatus(
      `demo template ${purpose}/${language}`,
      await api('PUT', `${base('concierge')}/message-templates/${purpose}/${language}`, admin, { subject, body }),
      200,
    );
  }
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
export async function listAll(url, bearer) {
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

export async function waitFor(what, attempt, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}
