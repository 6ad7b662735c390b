// The stack the console's Playwright specs run against, as a process of its own (global-setup.ts starts it): the
// services, the OpenID provider and their libraries stay out of Playwright's runner, whose module loader hooks they
// do not all survive. Prints `STACK <json>` once everything is ready; SIGTERM, SIGINT or the end of stdin (the runner
// gone) stop it all. Service output goes to .local/playwright/stack.log.
//
// What runs: PostgreSQL's *_test databases and Kafka (a local broker when none answers, stopped again afterwards),
// the five built services on free ports with consumer groups of their own, a demo property seeded through their
// APIs under a fresh code, the local OpenID provider with that property's demo staff, and the built console.
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  consoleEnv,
  CONSOLE_ENTRY,
  startLocalProvider,
  TOKEN_AUDIENCE,
  tokenVerificationEnv,
} from '../../../scripts/console.mjs';
import { seedDemo } from '../../../scripts/demo-seed.mjs';
import {
  CONSOLE_APP,
  ensureDatabases,
  ensureKafka,
  ensurePostgres,
  ensureTopics,
  loadServices,
  stopKafka,
} from '../../../scripts/infra.mjs';
import { ROOT } from '../../../scripts/lib.mjs';
import { startMailCatcher } from '../../../scripts/mail-catcher.mjs';

const LOG_DIR = join(ROOT, '.local', 'playwright');
const LOG_FILE = join(LOG_DIR, 'stack.log');
/** The broker `npm test` starts when none answers; the same one here, so a lone Playwright run leaves no other. */
const TEST_KAFKA_STATE_DIR = join(ROOT, 'infra', 'kafka', '.local', 'test-broker');

const services = await loadServices();
const missing = [...services, CONSOLE_APP]
  .map((app) => join(app.dir, 'dist', 'main.js'))
  .concat(join(CONSOLE_APP.dir, 'dist', 'web', 'index.html'))
  .filter((path) => !existsSync(join(ROOT, path)));
if (missing.length > 0) {
  console.error(`not built: ${missing.join(', ')}; run npx turbo run build first (npm test does)`);
  process.exit(1);
}

const { DEV_JWT_SECRET, postgresUrl, signDevToken } = await import('@frontoffice/platform');
const { freePort, spawnServiceProcess, waitUntilReady } = await import('@frontoffice/platform/testing');

mkdirSync(LOG_DIR, { recursive: true });
const log = createWriteStream(LOG_FILE, { flags: 'w' });
const processes = [];
let provider;
let mailCatcher;
let startedKafka = false;
let stopping;

function stop() {
  stopping ??= (async () => {
    await Promise.all([...processes].reverse().map((child) => child.stop('SIGTERM', 10_000)));
    await provider?.stop().catch((error) => console.error(`OpenID provider: ${error.message}`));
    await mailCatcher?.stop().catch(() => undefined);
    if (startedKafka) await stopKafka().catch((error) => console.error(error.message));
    await new Promise((resolve) => log.end(resolve));
  })();
  return stopping;
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void stop().then(() => process.exit(0)));
process.stdin.on('end', () => void stop().then(() => process.exit(0)));
process.stdin.resume();

/** Ready when /health/ready answers 200; fails at once when the process exits first. */
function ready(child) {
  const exited = new Promise((_, reject) =>
    child.child.once('exit', (code, signal) => reject(new Error(`${child.name} exited (${signal ?? code})`))),
  );
  exited.catch(() => undefined);
  return Promise.race([waitUntilReady(child.url, 180_000), exited]);
}

function spawn(name, entry, port, env) {
  const child = spawnServiceProcess({
    name,
    entry,
    port,
    env: { LOG_LEVEL: 'warn', ...env },
    onLine: (line) => log.write(`${name.padEnd(14)}│ ${line}\n`),
  });
  processes.push(child);
  child.child.once('exit', (code, signal) => {
    if (!stopping) log.write(`${name.padEnd(14)}│ exited (${signal ?? code})\n`);
  });
  return child;
}

try {
  await ensurePostgres();
  await ensureDatabases([...services, CONSOLE_APP].map((app) => `${app.database}_test`));
  ({ startedLocally: startedKafka } = await ensureKafka({ stateDir: TEST_KAFKA_STATE_DIR }));
  if (startedKafka) process.env.KAFKA_STATE_DIR = TEST_KAFKA_STATE_DIR;
  await ensureTopics();

  const run = randomUUID().slice(0, 8);
  const oidcPort = await freePort();
  const consolePort = await freePort();
  const issuer = `http://127.0.0.1:${oidcPort}`;
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const smtpPort = await freePort();
  mailCatcher = await startMailCatcher({ smtpPort, httpPort: await freePort(), log: () => undefined });

  const ports = new Map();
  for (const service of services) ports.set(service.name, await freePort());
  const urlOf = (name) => `http://127.0.0.1:${ports.get(name)}`;
  for (const service of services) {
    spawn(service.name, join(ROOT, service.dir, 'dist', 'main.js'), ports.get(service.name), {
      DATABASE_URL: postgresUrl(`${service.database}_test`),
      // A group of its own, from the end of each topic: the Jest suites' events in the shared topics are not ours.
      KAFKA_GROUP_ID: `frontoffice-${service.name}-console-pw-${run}`,
      KAFKA_FROM_BEGINNING: 'false',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32,::1/128',
      WEBHOOK_ALLOW_HTTP: 'true',
      ...tokenVerificationEnv(issuer),
      ...(service.name === 'concierge'
        ? {
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(smtpPort),
            RESERVATIONS_URL: urlOf('reservations'),
            MAIL_PUBLIC_BASE_URL: urlOf('concierge'),
          }
        : {}),
    });
  }
  await Promise.all(processes.map(ready));

  const secret = process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET;
  const serviceUrls = Object.fromEntries(services.map((service) => [service.name, urlOf(service.name)]));
  const token = (roles) =>
    signDevToken({ roles, properties: ['*'], sub: 'console-playwright', secret, issuer, audience: TOKEN_AUDIENCE });
  // A fresh property per run: the specs see only what they arrange, whatever earlier runs left in *_test.
  const code = `PW-${Date.now().toString(36).toUpperCase()}`;
  const demo = await seedDemo(serviceUrls, { token, code });

  provider = await startLocalProvider({ port: oidcPort, consoleUrl, propertyId: demo.property.id });
  const consoleProcess = spawn(CONSOLE_APP.name, CONSOLE_ENTRY, consolePort, {
    ...consoleEnv({
      consoleUrl,
      port: consolePort,
      issuer: provider.issuer,
      databaseUrl: postgresUrl(`${CONSOLE_APP.database}_test`),
      serviceUrls,
    }),
    KAFKA_GROUP_ID: `frontoffice-console-pw-${run}`,
    KAFKA_FROM_BEGINNING: 'false',
  });
  await ready(consoleProcess);

  const stack = {
    consoleUrl,
    issuer: provider.issuer,
    propertyId: demo.property.id,
    serviceUrls,
    accounts: provider.accounts.map(({ username, password, sub, name }) => ({ username, password, sub, name })),
  };
  process.stdout.write(`STACK ${JSON.stringify(stack)}\n`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  for (const child of processes) {
    console.error(`--- ${child.name} (last lines; all in ${LOG_FILE})\n${child.output.slice(-20).join('\n')}`);
  }
  await stop();
  process.exit(1);
}
