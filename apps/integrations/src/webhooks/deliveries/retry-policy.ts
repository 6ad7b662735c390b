/** How far a retry's delay may stray either way from its exponential value, so failed lanes do not retry in step. */
export const RETRY_JITTER = 0.2;

export interface RetryPolicyOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * The wait after the `failures`-th consecutive failed attempt of a delivery: base × 2^(failures−1), capped, then
 * jittered by ±20 %.
 */
export function retryDelayMs(
  failures: number,
  options: RetryPolicyOptions,
  random: () => number = Math.random,
): number {
  const exponential = options.baseDelayMs * 2 ** Math.min(Math.max(failures - 1, 0), 40);
  const capped = Math.min(exponential, options.maxDelayMs);
  return Math.round(capped * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random()));
}

/** The shortest time (all jitter against us) from a delivery's first attempt to its `attempts`-th. */
export function shortestRetrySpanMs(attempts: number, options: RetryPolicyOptions): number {
  let total = 0;
  for (let failures = 1; failures < attempts; failures += 1) total += retryDelayMs(failures, options, () => 0);
  return total;
}
