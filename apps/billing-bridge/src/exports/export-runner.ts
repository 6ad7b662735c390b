import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportKind } from './export-lines';

/** What the worker is given. */
export interface ExportJob {
  kind: ExportKind;
  databaseUrl: string;
  applicationName: string;
  /** $1 property, $2 first and $3 last business date. */
  parameters: [string, string, string];
}

/** What the worker answers: a chunk of the file (its memory transferred), the end, or nothing more. */
export type ExportMessage = { chunk: ArrayBuffer; offset: number; length: number } | { done: true };

/**
 * Chunks the worker may have made ahead of the socket (64 kB each): enough that a thread switch delayed on a busy
 * machine never leaves the socket waiting.
 */
const CHUNKS_AHEAD = 8;

/**
 * A worker's heap is its own and small. A million-line export makes a few gigabytes of short-lived strings and row
 * arrays, many of which outlive a young-generation collection (node-postgres builds a whole batch before handing it
 * over); in the service's heap (a live set of ~40 MB, which V8 lets grow four-fold before a full collection) they took
 * the process from 135 to 280 MB RSS (npm run bench, FEC figure). In a worker with these limits they are collected
 * within ~40 MB, the process peaks ~70 MB above idle, and what crosses over is the finished bytes, moved without a copy.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };

function startWorker(job: ExportJob): Worker {
  const built = join(__dirname, 'export.worker.js');
  if (existsSync(built)) return new Worker(built, { workerData: job, resourceLimits: WORKER_LIMITS });
  // Run from the TypeScript sources (the Jest suites): compile each module with SWC as the worker requires it.
  const swc = require.resolve('@swc/core');
  const loader = `
    const { readFileSync } = require('node:fs');
    const { transformSync } = require(${JSON.stringify(swc)});
    require.extensions['.ts'] = (module, filename) => module._compile(transformSync(readFileSync(filename, 'utf8'), {
      filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
    }).code, filename);
    require(${JSON.stringify(join(__dirname, 'export.worker.ts'))});`;
  return new Worker(loader, { eval: true, workerData: job, resourceLimits: WORKER_LIMITS });
}

/**
 * Runs an export in a worker thread and yields its file in chunks, pull-driven: the worker makes a chunk only when
 * the reader asks for more, and never more than CHUNKS_AHEAD ahead. Stopping the iteration (the client went away)
 * ends the worker, and with it its connection and the cursor's transaction.
 */
export async function* exportInWorker(job: ExportJob): AsyncGenerator<Buffer> {
  const worker = startWorker(job);
  const inbox: ExportMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: ExportMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (let ahead = 0; ahead < CHUNKS_AHEAD; ahead += 1) worker.postMessage('more');
    for (;;) {
      while (inbox.length === 0 && !failure && !exited) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) throw failure ?? new Error('The export worker stopped before the end of the file');
      if ('done' in message) return;
      yield Buffer.from(message.chunk, message.offset, message.length);
      worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}
