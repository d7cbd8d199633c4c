/**
 * Issue 14, SPEC §6: the wait before each retry. Exponential from WEBHOOK_RETRY_BASE_SECONDS, capped at 6
 * hours, with jitter that only adds (up to 25 %), so the nominal delay is a floor receivers can count on.
 */
import { MAX_RETRY_DELAY_SECONDS, minimumRetryDelaySeconds, retryDelaySeconds } from '../src/domain/webhook-backoff';

describe('webhook retry backoff', () => {
  it('doubles from the base after each failure, up to the 6-hour cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => minimumRetryDelaySeconds(n, 60))).toEqual([60, 120, 240, 480, 960]);
    expect(minimumRetryDelaySeconds(9, 60)).toBe(60 * 256);
    expect(minimumRetryDelaySeconds(10, 60)).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(minimumRetryDelaySeconds(100, 60)).toBe(6 * 3600);
    expect(minimumRetryDelaySeconds(3, 1)).toBe(4);
  });

  it('adds between 0 and 25 % of jitter', () => {
    expect(retryDelaySeconds(3, 60, () => 0)).toBe(240);
    expect(retryDelaySeconds(3, 60, () => 0.999999)).toBeCloseTo(300, 3);
    for (let i = 0; i < 1_000; i++) {
      const n = 1 + (i % 15);
      const delay = retryDelaySeconds(n, 60);
      expect(delay).toBeGreaterThanOrEqual(minimumRetryDelaySeconds(n, 60));
      expect(delay).toBeLessThan(minimumRetryDelaySeconds(n, 60) * 1.25);
    }
  });

  it('spans 38.5 hours nominal (48 at most) over the 14 waits of the defaults (60 s, 15 attempts)', () => {
    const waits = Array.from({ length: 14 }, (_, i) => i + 1);
    const nominalHours = waits.reduce((sum, n) => sum + minimumRetryDelaySeconds(n, 60), 0) / 3600;
    const longestHours = waits.reduce((sum, n) => sum + retryDelaySeconds(n, 60, () => 1), 0) / 3600;
    expect(nominalHours).toBeCloseTo(38.52, 2);
    expect(longestHours).toBeCloseTo(48.15, 2);
  });
});
