import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on the machine (Debian's layout), or what pg_config names. */
async function serverBinaries(): Promise<string> {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = (await readdir(root)).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
    }
  }
  return (await run('pg_config', ['--bindir'])).stdout.trim();
}

/**
 * A PostgreSQL cluster of its own in a temporary directory, on its own port, that a test may stop and start at will
 * without touching the machine's server. PostgreSQL refuses to run as root, so under root (CI) it runs as the
 * `postgres` system user.
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async create(port: number): Promise<ThrowawayPostgres> {
    const bin = await serverBinaries();
    const dir = await mkdtemp(join(tmpdir(), 'frontoffice-faults-pg-'));
    if (userInfo().uid === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const cluster = new ThrowawayPostgres(bin, dir, port);
    await cluster.asOwner('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8']);
    await cluster.start();
    return cluster;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabases(names: string[]): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      for (const name of names) await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
  }

  /** Starts the server and waits until it accepts connections. Durability is off: the cluster lives for one run. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await this.asOwner('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** Fast shutdown: open sessions are terminated (57P01), as when an operator stops or fails over the database. */
  async stop(): Promise<void> {
    await this.asOwner('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async asOwner(tool: string, args: string[]): Promise<void> {
    const binary = join(this.bin, tool);
    const [command, commandArgs] =
      userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    await run(command, commandArgs, { timeout: 120_000 });
  }
}
