import type loadHighs from 'highs';
import { Worker } from 'node:worker_threads';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
export type HighsResult = ReturnType<Highs['solve']>;

export interface MipOptions {
  /** Seconds HiGHS may spend on one model; the best solution found by then is used. */
  timeLimitSeconds: number;
  /** Relative optimality gap at which HiGHS may stop. */
  relativeGap: number;
}

/**
 * The worker's code: HiGHS (WebAssembly) loaded once and reused; after a Wasm failure it is loaded afresh. Solves are
 * synchronous inside the worker, so they run one at a time there while the service's event loop keeps answering
 * HTTP requests, health checks and Kafka.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const loadHighs = require(${JSON.stringify(require.resolve('highs'))});
let highs;
parentPort.on('message', async ({ id, lp, options }) => {
  try {
    highs ??= await loadHighs();
    parentPort.postMessage({ id, result: highs.solve(lp, options) });
  } catch (error) {
    highs = undefined;
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

interface Job {
  resolve: (result: HighsResult) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Job>();

function solverWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(WORKER_SOURCE, { eval: true });
  created.on('message', ({ id, result, error }: { id: number; result?: HighsResult; error?: string }) => {
    const job = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) created.unref();
    if (!job) return;
    if (error !== undefined) job.reject(new Error(`HiGHS failed: ${error}`));
    else job.resolve(result!);
  });
  const fail = (error: Error): void => {
    if (worker === created) worker = undefined;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  created.on('error', fail);
  created.on('exit', (code) => fail(new Error(`The HiGHS worker stopped (exit code ${code})`)));
  created.unref();
  worker = created;
  return created;
}

/** Solves a CPLEX LP-format model with HiGHS in the solver thread. */
export function solveLp(lp: string, options: MipOptions): Promise<HighsResult> {
  const target = solverWorker();
  const id = nextId++;
  return new Promise<HighsResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Keep the process alive while a solve is running; let it exit when the solver is idle.
    target.ref();
    target.postMessage({
      id,
      lp,
      options: {
        output_flag: false,
        time_limit: options.timeLimitSeconds,
        mip_rel_gap: options.relativeGap,
        presolve: 'on',
      },
    });
  });
}

/** The model statuses after which the returned columns are a usable (feasible, maybe not proven optimal) solution. */
export function hasSolution(result: HighsResult): boolean {
  if (result.Status === 'Optimal') return true;
  const limited = ['Time limit reached', 'Iteration limit reached', 'Bound on objective reached', 'Unknown'];
  return (
    limited.includes(result.Status) &&
    Number.isFinite(result.ObjectiveValue) &&
    Object.values(result.Columns).some((column) => 'Primal' in column)
  );
}
