import { IntegrationsEnv } from '../../config/integrations.env';
import { retryDelayMs, shortestRetrySpanMs } from './retry-policy';

describe('retry policy', () => {
  const options = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it('doubles each time, up to the cap, within ±20 % jitter', () => {
    expect(retryDelayMs(1, options, () => 0.5)).toBe(1000);
    expect(retryDelayMs(2, options, () => 0.5)).toBe(2000);
    expect(retryDelayMs(5, options, () => 0.5)).toBe(16_000);
    expect(retryDelayMs(30, options, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(3, options, () => 0)).toBe(3200);
    expect(retryDelayMs(3, options, () => 0.999_999)).toBe(4800);
  });

  it('spreads the retries of a failing lane', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(4, options)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(6400);
  });

  it('with the default settings, keeps retrying for more than 24 hours before the subscription pauses', () => {
    const defaults = new IntegrationsEnv();
    const span = shortestRetrySpanMs(defaults.WEBHOOK_PAUSE_AFTER_FAILURES, {
      baseDelayMs: defaults.WEBHOOK_RETRY_BASE_DELAY_MS,
      maxDelayMs: defaults.WEBHOOK_RETRY_MAX_DELAY_MS,
    });
    expect(span).toBeGreaterThanOrEqual(24 * 3600_000);
  });
});
