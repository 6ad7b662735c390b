import { TOPICS } from '@frontoffice/contracts';
import { freePort, ServiceProcess, spawnServiceProcess, waitUntilReady } from '@frontoffice/platform/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = join(__dirname, '..', '..', '..');

/** The four built services, their databases and the topics each one consumes (as their app modules declare). */
export const SERVICES = [
  { name: 'reservations', dir: 'apps/reservations', database: 'reservations', consumes: [] },
  { name: 'concierge', dir: 'apps/concierge', database: 'concierge', consumes: [TOPICS.reservations, TOPICS.staffing] },
  { name: 'staffing', dir: 'apps/staffing', database: 'staffing', consumes: [TOPICS.reservations] },
  {
    name: 'billing-bridge',
    dir: 'apps/billing-bridge',
    database: 'billing',
    consumes: [TOPICS.reservations, TOPICS.concierge],
  },
] as const;
export type ServiceName = (typeof SERVICES)[number]['name'];

/**
 * The built services as separate processes, as an operator runs them, on databases the caller provides. A service
 * restarted after a crash keeps its port, consumer group and database, like a process supervisor would restart it.
 */
export class Fleet {
  private readonly running = new Map<ServiceName, ServiceProcess>();
  private readonly ports = new Map<ServiceName, number>();

  constructor(
    private readonly databaseUrl: (database: string) => string,
    readonly runId: string,
  ) {}

  groupId(name: ServiceName): string {
    return `frontoffice-${name}-faults-${this.runId}`;
  }

  /** Where the service answers (or will again, once restarted: a killed service keeps its port). */
  url(name: ServiceName): string {
    const port = this.ports.get(name);
    if (port === undefined) throw new Error(`${name} was never started`);
    return `http://127.0.0.1:${port}`;
  }

  process(name: ServiceName): ServiceProcess {
    const process = this.running.get(name);
    if (!process) throw new Error(`${name} is not running`);
    return process;
  }

  /** Applies each service's migrations with its own migrate command. */
  async migrate(): Promise<void> {
    for (const service of SERVICES) {
      await run(process.execPath, [join(ROOT, service.dir, 'dist', 'migrate.js')], {
        env: { ...process.env, DATABASE_URL: this.databaseUrl(service.database) },
        timeout: 120_000,
      });
    }
  }

  async startAll(): Promise<void> {
    for (const service of SERVICES) await this.spawn(service.name);
    await Promise.all(SERVICES.map((service) => this.ready(service.name)));
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  async kill(name: ServiceName): Promise<void> {
    await this.process(name).stop('SIGKILL');
    this.running.delete(name);
  }

  async restart(name: ServiceName): Promise<void> {
    await this.spawn(name);
    await this.ready(name);
  }

  /** Every running service ready again (database and broker reachable, consumer joined). */
  async allReady(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.ready(name)));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((service) => service.stop('SIGKILL')));
    this.running.clear();
  }

  /** What the services logged about these answers (by the correlation id each problem carries). */
  logged(answers: Array<{ body: string }>): string {
    const ids = answers.map((answer) => /"correlationId":"([^"]+)"/.exec(answer.body)?.[1]).filter(Boolean) as string[];
    return [...this.running.values()]
      .flatMap((service) => service.output.filter((line) => ids.some((id) => line.includes(id))))
      .join('\n');
  }

  /** The last lines each service wrote, for a failure's diagnosis. */
  tails(lines = 40): string {
    return [...this.running.values()]
      .map((service) => `--- ${service.name}\n${service.output.slice(-lines).join('\n')}`)
      .join('\n');
  }

  private async spawn(name: ServiceName): Promise<void> {
    const service = SERVICES.find((candidate) => candidate.name === name)!;
    const port = this.ports.get(name) ?? (await freePort());
    this.ports.set(name, port);
    this.running.set(
      name,
      spawnServiceProcess({
        name,
        entry: join(ROOT, service.dir, 'dist', 'main.js'),
        port,
        env: {
          DATABASE_URL: this.databaseUrl(service.database),
          KAFKA_GROUP_ID: this.groupId(name),
          KAFKA_CLIENT_ID: `frontoffice-${name}-faults`,
          KAFKA_FROM_BEGINNING: 'false',
          OUTBOX_POLL_INTERVAL_MS: '200',
          LOG_LEVEL: 'warn',
          // One desk token drives hundreds of bookings a minute here; rate limits have tests of their own.
          RATE_LIMIT_ENABLED: 'false',
        },
      }),
    );
  }

  private async ready(name: ServiceName): Promise<void> {
    try {
      await waitUntilReady(this.url(name), 120_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.tails()}`);
    }
  }
}
