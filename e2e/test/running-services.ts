import { postgresUrl } from '@frontoffice/platform';
import { freePort, ServiceProcess, spawnServiceProcess, waitUntilReady } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export const SERVICES = [
  { name: 'reservations', dir: 'apps/reservations', database: 'frontoffice_reservations_test' },
  { name: 'concierge', dir: 'apps/concierge', database: 'frontoffice_concierge_test' },
  { name: 'staffing', dir: 'apps/staffing', database: 'frontoffice_staffing_test' },
  { name: 'billing-bridge', dir: 'apps/billing-bridge', database: 'frontoffice_billing_test' },
  { name: 'integrations', dir: 'apps/integrations', database: 'frontoffice_integrations_test' },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

export interface RunningServices {
  url(name: ServiceName): string;
  stop(): Promise<void>;
}

/** The built services as separate processes on free ports, each with its own consumer group; ready when it returns. */
export async function startServices(env: Record<string, string> = {}): Promise<RunningServices> {
  const running = new Map<ServiceName, ServiceProcess>();
  const run = randomUUID().slice(0, 8);
  for (const service of SERVICES) {
    running.set(
      service.name,
      spawnServiceProcess({
        name: service.name,
        entry: join(ROOT, service.dir, 'dist', 'main.js'),
        port: await freePort(),
        env: {
          DATABASE_URL: postgresUrl(service.database),
          KAFKA_GROUP_ID: `frontoffice-${service.name}-e2e-${run}`,
          KAFKA_FROM_BEGINNING: 'false',
          LOG_LEVEL: 'warn',
          ...env,
        },
      }),
    );
  }
  const stop = async () => {
    await Promise.all([...running.values()].map((service) => service.stop('SIGKILL')));
  };
  try {
    await Promise.all([...running.values()].map((service) => waitUntilReady(service.url, 90_000)));
  } catch (error) {
    for (const service of running.values())
      console.error(`--- ${service.name}\n${service.output.slice(-30).join('\n')}`);
    await stop();
    throw error;
  }
  return { url: (name) => running.get(name)!.url, stop };
}
