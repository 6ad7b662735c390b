// `npm start`: PostgreSQL databases, the Kafka broker (started locally when none answers at KAFKA_BROKERS), topics,
// a build, the five services (each runs its migrations), a demo property to play with, then the local OpenID
// provider with the demo staff and the staff console signing them in. Ctrl-C stops it all.
import { join } from 'node:path';
import {
  consoleEnv,
  CONSOLE_ENTRY,
  envPrefix,
  startLocalProvider,
  TOKEN_AUDIENCE,
  tokenVerificationEnv,
} from './console.mjs';
import { DEMO_EMPLOYEES, seedDemo } from './demo-seed.mjs';
import {
  CONSOLE_APP,
  ensureDatabases,
  ensureKafka,
  ensurePostgres,
  ensureTopics,
  loadServices,
  stopKafka,
} from './infra.mjs';
import { execOrFail, ROOT, say } from './lib.mjs';
import { startMailCatcher } from './mail-catcher.mjs';

const COLORS = ['\x1b[32m', '\x1b[35m', '\x1b[33m', '\x1b[34m'];
const ROLE_DUTIES = {
  front_desk: 'arrivals, bookings, check-in/out with the folio, room rack, own till, concierge screens',
  front_office_manager: 'all desk and concierge screens, schedule, approvals, tills, night audit, VIP',
  concierge: 'guest requests, luggage, complaints, recommendations, guest messages',
  porter: 'own luggage tasks',
  finance: 'payments, refunds, folios, city ledger, flash report, FEC export (every property)',
};

async function main() {
  const services = await loadServices();
  await ensurePostgres();
  await ensureDatabases([...services, CONSOLE_APP].map((service) => service.database));
  const { startedLocally } = await ensureKafka();
  say('build (turbo)');
  await execOrFail('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  await ensureTopics();
  const { DEV_JWT_SECRET, postgresUrl, signDevToken } = await import('@frontoffice/platform');
  const { spawnServiceProcess, waitUntilReady } = await import('@frontoffice/platform/testing');
  const secret = process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET;
  // The provider starts once the demo property exists, but its address is fixed now: the services are told
  // where to fetch its signing keys when they start.
  const oidcPort = Number(process.env.OIDC_PORT ?? 3009);
  const issuer = `http://127.0.0.1:${oidcPort}`;
  // Services that know an issuer and audience check them on dev tokens too.
  const token = (roles, properties = ['*']) =>
    signDevToken({ roles, properties, sub: `demo-${roles[0]}`, secret, issuer, audience: TOKEN_AUDIENCE });
  const consolePort = Number(process.env.CONSOLE_PORT ?? CONSOLE_APP.port);
  const consoleUrl = process.env.CONSOLE_PUBLIC_URL ?? `http://127.0.0.1:${consolePort}`;

  // Guest e-mail goes to a local mail catcher; production points the concierge's SMTP_* settings at the hotel's relay.
  const catcherPorts = {
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  };
  const mailCatcher = await startMailCatcher({
    ...catcherPorts,
    log: (line) => console.log(`\x1b[36m${'mail-catcher'.padEnd(14)}\x1b[0m│ ${line}`),
  }).catch((error) => {
    console.error(`mail catcher not started (${error.message}); guest e-mails stay queued until an SMTP relay answers`);
    return undefined;
  });
  const portOf = (name, port) => Number(process.env[`${envPrefix(name)}_PORT`] ?? port);
  const reservationsService = services.find((service) => service.name === 'reservations');
  const mailEnv = {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(catcherPorts.smtpPort),
    RESERVATIONS_URL: `http://127.0.0.1:${portOf('reservations', reservationsService.port)}`,
    MAIL_PUBLIC_BASE_URL: `http://127.0.0.1:${portOf('concierge', services.find((service) => service.name === 'concierge').port)}`,
  };

  const running = services.map((service, index) => {
    const prefix = `${COLORS[index % COLORS.length]}${service.name.padEnd(14)}\x1b[0m│ `;
    return spawnServiceProcess({
      name: service.name,
      entry: join(ROOT, service.dir, 'dist', 'main.js'),
      port: portOf(service.name, service.port),
      env: {
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        ...tokenVerificationEnv(issuer),
        // Local development: webhooks may reach a receiver on this machine (production allows public addresses only).
        WEBHOOK_ALLOWED_NETWORKS: process.env.WEBHOOK_ALLOWED_NETWORKS ?? '127.0.0.1/32,::1/128',
        WEBHOOK_ALLOW_HTTP: process.env.WEBHOOK_ALLOW_HTTP ?? 'true',
        ...(service.name === 'concierge' ? mailEnv : {}),
      },
      onLine: (line) => console.log(prefix + line),
    });
  });

  let consoleProcess;
  let provider;
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping the console and the services');
    await consoleProcess?.stop('SIGTERM');
    await Promise.all(running.map((service) => service.stop('SIGTERM')));
    await provider?.stop().catch((error) => console.error(`OpenID provider: ${error.message}`));
    await mailCatcher?.stop();
    if (startedLocally) {
      say('stopping the local Kafka broker');
      await stopKafka().catch((error) => console.error(error.message));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const watch = (service) =>
    service.child.once('exit', (code) => {
      if (!stopping) {
        console.error(`${service.name} exited unexpectedly (code ${code}); stopping everything`);
        void stopAll(1);
      }
    });
  running.forEach(watch);

  let demo;
  try {
    await Promise.all(running.map((service) => waitUntilReady(service.url, 120_000)));
    const serviceUrls = Object.fromEntries(running.map((service) => [service.name, service.url]));
    demo = await seedDemo(serviceUrls, { token });
    say(`local OpenID provider on ${issuer}`);
    provider = await startLocalProvider({ port: oidcPort, consoleUrl, propertyId: demo.property.id });
    consoleProcess = spawnServiceProcess({
      name: CONSOLE_APP.name,
      entry: CONSOLE_ENTRY,
      port: consolePort,
      env: {
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        ...consoleEnv({
          consoleUrl,
          port: consolePort,
          issuer: provider.issuer,
          databaseUrl: process.env.CONSOLE_DATABASE_URL ?? postgresUrl(CONSOLE_APP.database),
          serviceUrls,
        }),
      },
      onLine: (line) => console.log(`\x1b[36m${CONSOLE_APP.name.padEnd(14)}\x1b[0m│ ${line}`),
    });
    watch(consoleProcess);
    await waitUntilReady(consoleProcess.url, 120_000);
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
\x1b[1mThe front office is running.\x1b[0m Staff console: \x1b[1m${consoleUrl}\x1b[0m
  Demo logins (username / password, at the sign-in page of the OpenID provider ${provider.issuer}):
  ${provider.accounts
    .map(
      (account) =>
        `${`${account.username} / ${account.password}`.padEnd(24)} ${account.roles.join(', ').padEnd(22)} ` +
        account.roles.map((role) => ROLE_DUTIES[role] ?? role).join('; '),
    )
    .join('\n  ')}

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
    -d '{"guest":{"firstName":"Camille","lastName":"Durand","email":"camille.durand@example.com","language":"fr","vipLevel":"vip"},"roomTypeId":"${demo.roomTypes.find((roomType) => roomType.code === 'STD').id}","arrival":"${demo.property.businessDate}","departure":"${departure}","adults":2}'
  curl -s -X POST ${at('reservations', '/reservations/<id>/check-in')} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}'
  curl -s "${at('concierge', '/requests?reservationId=<id>')}" -H "Authorization: Bearer $MANAGER"
  curl -s "${at('billing-bridge', '/folios?reservationId=<id>')}" -H "Authorization: Bearer $TOKEN"
  The check-in sends Camille's welcome e-mail (in French): see it on the mail catcher ${mailCatcher ? mailCatcher.url : '(not running)'}
  and its delivery in the log: curl -s "${at('concierge', '/messages?reservationId=<id>')}" -H "Authorization: Bearer $TOKEN"

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
