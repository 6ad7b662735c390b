import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
export type HighsResult = ReturnType<Highs['solve']>;

export interface MipOptions {
  /** Seconds HiGHS may spend on one model; the best solution found by then is used. */
  timeLimitSeconds: number;
  /** Relative optimality gap at which HiGHS may stop. */
  relativeGap: number;
}

let instance: Promise<Highs> | undefined;

/**
 * HiGHS (WebAssembly), loaded once per process. `solve` is synchronous, so two solves never run at the same time in
 * one process; after a Wasm failure the module is loaded afresh for the next solve.
 */
export async function solveLp(lp: string, options: MipOptions): Promise<HighsResult> {
  instance ??= loadHighs();
  const highs = await instance;
  try {
    return highs.solve(lp, {
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: options.relativeGap,
      presolve: 'on',
    });
  } catch (error) {
    instance = undefined;
    throw error;
  }
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
