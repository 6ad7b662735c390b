import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Output lines, kept for diagnostics when something fails. */
  output: string[];
  /** Sends the signal and resolves with the exit code once the process is gone (SIGKILL after the timeout). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

export interface SpawnServiceOptions {
  name: string;
  /** Path of the service's compiled entry point, e.g. apps/reservations/dist/main.js. */
  entry: string;
  port: number;
  env: Record<string, string>;
  /** Called with every output line (for example to print it with the service's name in front). */
  onLine?: (line: string) => void;
}

/** Runs a built service as its own process, the way it runs in production. */
export function spawnServiceProcess(options: SpawnServiceOptions): ServiceProcess {
  const child = spawn(process.execPath, [options.entry], {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.length === 0) continue;
      output.push(line);
      if (output.length > 2000) output.shift();
      options.onLine?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    child,
    output,
    async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `/health/ready` until it answers 200; fails with the last answer after the timeout. */
export async function waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms: ${last}`);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
