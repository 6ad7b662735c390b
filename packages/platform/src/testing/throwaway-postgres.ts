import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own (`initdb` in a temporary directory, on a free port), so that a test can stop
 * and start the database under a running service without touching the machine's server or anyone else's. PostgreSQL
 * refuses to run as root: when the tests do, the cluster belongs to the `postgres` user.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly bin: string,
    private readonly asPostgresUser: boolean,
  ) {}

  static async create(): Promise<ThrowawayPostgres> {
    const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    const asPostgresUser = process.getuid?.() === 0;
    const dataDir = mkdtempSync(join(tmpdir(), 'frontoffice-pg-'));
    if (asPostgresUser) {
      const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
      const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
      chownSync(dataDir, Number(ids), Number(gid));
    }
    const cluster = new ThrowawayPostgres(await freePort(), dataDir, bin, asPostgresUser);
    await cluster.exec('initdb', ['-A', 'trust', '-U', 'postgres', '-D', dataDir, '--no-sync']);
    await cluster.start();
    return cluster;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.exec('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      join(this.dataDir, 'server.log'),
      '-w',
      'start',
    ]);
  }

  /** A fast shutdown: every open connection is cut, as when the database server goes away. */
  async stop(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const binary = join(this.bin, tool);
    if (this.asPostgresUser) await run('runuser', ['-u', 'postgres', '--', binary, ...args]);
    else await run(binary, args);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
