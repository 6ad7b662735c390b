import { StaffRole } from '@frontoffice/contracts';
import { testToken } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningServices, SERVICES, ServiceName, startServices } from './running-services';

/**
 * The access matrix: every operation of the four OpenAPI documents × every role × (own property, another property,
 * chain-wide `*`), against the one table a reviewer reads, e2e/access-matrix.md. Requests carry empty bodies and
 * made-up ids: what is checked is the auth decision (the guard runs before validation), so any answer but 401/403
 * means "let in", and a refusal must be 403 problem+json. A route without a row, or a row without a route, fails.
 */
const ROLES: StaffRole[] = ['front_desk', 'front_office_manager', 'concierge', 'porter', 'finance', 'admin'];
const SCOPES = ['own', 'other', 'chain'] as const;
type Scope = (typeof SCOPES)[number];
type Cell = '✓' | '*' | '·' | '○' | '⊘';
type Decision = 'allow' | 'deny';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const TABLE_PATH = join(__dirname, '..', 'access-matrix.md');
const OBSERVED_PATH = join(__dirname, '..', '..', '.local', 'access-matrix.observed.md');
const CONCURRENCY = 8;

interface Operation {
  service: ServiceName;
  method: string;
  path: string;
}

const operationKey = (operation: Operation) => `${operation.service} ${operation.method} ${operation.path}`;

/** The table's rows: `| service | \`METHOD /path\` | one cell per role |`. */
function readTable(): Map<string, Record<StaffRole, Cell>> {
  const rows = new Map<string, Record<StaffRole, Cell>>();
  const line = /^\|\s*([a-z-]+)\s*\|\s*`([A-Z]+) ([^`]+)`\s*\|(.*)\|\s*$/;
  for (const text of readFileSync(TABLE_PATH, 'utf8').split('\n')) {
    const match = line.exec(text);
    if (!match) continue;
    const cells = match[4].split('|').map((cell) => cell.trim());
    if (cells.length !== ROLES.length || cells.some((cell) => !['✓', '*', '·', '○', '⊘'].includes(cell))) {
      throw new Error(`access-matrix.md: a row needs ${ROLES.length} cells of ✓, *, ·, ○ or ⊘: ${text}`);
    }
    for (const uniform of ['○', '⊘']) {
      if (cells.includes(uniform) && cells.some((cell) => cell !== uniform)) {
        throw new Error(`access-matrix.md: a ${uniform} route is ${uniform} for every role alike: ${text}`);
      }
    }
    const key = `${match[1]} ${match[2]} ${match[3]}`;
    if (rows.has(key)) throw new Error(`access-matrix.md: ${key} appears twice`);
    rows.set(
      key,
      Object.fromEntries(ROLES.map((role, index) => [role, cells[index] as Cell])) as Record<StaffRole, Cell>,
    );
  }
  return rows;
}

/** What the table promises for one role and scope; another property never gets into a property's routes. */
function expectedDecision(cell: Cell, scope: Scope, propertyRoute: boolean): Decision {
  if (cell === '○') return 'allow';
  if (cell === '·') return 'deny';
  if (cell === '*') return scope === 'chain' ? 'allow' : 'deny';
  return scope === 'other' && propertyRoute ? 'deny' : 'allow';
}

function observedCell(decisions: Record<Scope, Decision>, isPublic: boolean): string {
  if (isPublic) return '○';
  if (decisions.own === 'allow' && decisions.chain === 'allow') return '✓';
  if (decisions.own === 'deny' && decisions.chain === 'allow') return '*';
  if (decisions.own === 'deny' && decisions.chain === 'deny') return '·';
  return '?';
}

async function operationsOf(services: RunningServices): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const { name } of SERVICES) {
    const response = await fetch(`${services.url(name)}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        if (item[method]) operations.push({ service: name, method: method.toUpperCase(), path });
      }
    }
  }
  return operations;
}

/** A concrete URL: the property under test, made-up ids and dates elsewhere (a 404 or 400 still says "let in"). */
function concretePath(path: string, propertyId: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'propertyId') return propertyId;
    if (/date/i.test(name)) return '2027-03-10';
    return randomUUID();
  });
}

async function send(
  services: RunningServices,
  operation: Operation,
  path: string,
  token: string | undefined,
): Promise<{ status: number; contentType: string }> {
  const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(`${services.url(operation.service)}${path}`, {
        method: operation.method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(hasBody ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
        },
        body: hasBody ? '{}' : undefined,
      });
      await response.arrayBuffer();
    } catch (error) {
      // A kept-alive connection the server closed as it was reused ("other side closed"): ask again on a new one.
      if (attempt < 3) continue;
      throw error;
    }
    // A rate limit is not an auth decision: wait as told and ask again.
    if (response.status === 429 && attempt < 5) {
      const seconds = Math.min(Number(response.headers.get('retry-after')) || 1, 10);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '' };
  }
}

async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

describe('access matrix: every operation × role × property scope, as e2e/access-matrix.md says', () => {
  let services: RunningServices;

  beforeAll(async () => {
    // Rate limits are proven elsewhere; here they would only slow the ~3,000 requests down.
    services = await startServices({ RATE_LIMIT_ENABLED: 'false' });
  }, 240_000);

  afterAll(async () => {
    await services?.stop();
  });

  it('agrees with the table everywhere, and the table has a row for every operation', async () => {
    const table = readTable();
    const operations = await operationsOf(services);
    expect(operations.length).toBeGreaterThan(100);
    const own = randomUUID();
    const other = randomUUID();
    const tokens = Object.fromEntries(
      ROLES.map((role) => [
        role,
        {
          own: testToken([role], [own], `matrix-${role}-own`),
          other: testToken([role], [other], `matrix-${role}-other`),
          chain: testToken([role], ['*'], `matrix-${role}-chain`),
        },
      ]),
    ) as Record<StaffRole, Record<Scope, string>>;

    const checks = operations.flatMap((operation) => [
      { operation, role: undefined, scope: undefined },
      ...ROLES.flatMap((role) => SCOPES.map((scope) => ({ operation, role, scope }))),
    ]);
    const started = Date.now();
    const answers = await inParallel(
      checks.map(
        (check) => () =>
          send(
            services,
            check.operation,
            concretePath(check.operation.path, own),
            check.role && check.scope ? tokens[check.role][check.scope] : undefined,
          ),
      ),
      CONCURRENCY,
    );
    console.log(
      `access matrix: ${checks.length} requests over ${operations.length} operations in ${Date.now() - started} ms`,
    );

    const problems: string[] = [];
    const observed = new Map<string, Record<StaffRole, Record<Scope, Decision>>>();
    const publicOperations = new Set<string>();
    const partnerOnly = new Set<string>();
    checks.forEach(({ operation, role, scope }, index) => {
      const { status, contentType } = answers[index];
      const where = `${operationKey(operation)} ${role ?? 'no token'}${scope ? `@${scope}` : ''}`;
      // Partner routes (channel managers) take their own credentials, never a staff token: 401 for every one.
      if (table.get(operationKey(operation))?.admin === '⊘') {
        if (status !== 401) problems.push(`${where}: answered ${status}; the table says staff tokens get 401`);
        if (role && scope) partnerOnly.add(operationKey(operation));
        return;
      }
      if (status === 401 || status === 403) {
        if (!contentType.includes('application/problem+json')) problems.push(`${where}: ${status} is not problem+json`);
      }
      if (!role || !scope) {
        const isPublic = status !== 401 && status !== 403;
        if (isPublic) publicOperations.add(operationKey(operation));
        const promisedPublic = table.get(operationKey(operation))?.admin === '○';
        if (table.has(operationKey(operation)) && isPublic !== promisedPublic) {
          problems.push(
            `${where}: answered ${status} without a token; the table says ${promisedPublic ? 'public' : '401'}`,
          );
        }
        return;
      }
      if (status === 401) {
        problems.push(`${where}: 401 with a valid token`);
        return;
      }
      const decision: Decision = status === 403 ? 'deny' : 'allow';
      const byRole = observed.get(operationKey(operation)) ?? ({} as Record<StaffRole, Record<Scope, Decision>>);
      byRole[role] = { ...byRole[role], [scope]: decision };
      observed.set(operationKey(operation), byRole);
      const row = table.get(operationKey(operation));
      if (!row) return;
      const expected = expectedDecision(row[role], scope, operation.path.includes('{propertyId}'));
      if (expected !== decision) problems.push(`${where}: the table says ${expected}, the service answered ${status}`);
    });

    // What the services do today, as table rows: a new route's row is reviewed and copied from here.
    const observedRows = operations.map((operation) => {
      const byRole = observed.get(operationKey(operation));
      const cells = ROLES.map((role) =>
        partnerOnly.has(operationKey(operation)) || !byRole
          ? '⊘'
          : observedCell(byRole[role], publicOperations.has(operationKey(operation))),
      );
      return `| ${operation.service} | \`${operation.method} ${operation.path}\` | ${cells.join(' | ')} |`;
    });
    mkdirSync(join(OBSERVED_PATH, '..'), { recursive: true });
    writeFileSync(OBSERVED_PATH, `${observedRows.join('\n')}\n`);

    const known = new Set(operations.map(operationKey));
    const missing = operations.filter((operation) => !table.has(operationKey(operation)));
    for (const operation of missing) {
      problems.push(`${operationKey(operation)}: no row in e2e/access-matrix.md (observed rows: ${OBSERVED_PATH})`);
    }
    for (const key of table.keys()) {
      if (!known.has(key)) problems.push(`${key}: a row in e2e/access-matrix.md for an operation no service has`);
    }
    expect(problems).toEqual([]);
    // About 30 s on an idle machine; the bound leaves room for a CI box shared with other suites.
  }, 600_000);
});
