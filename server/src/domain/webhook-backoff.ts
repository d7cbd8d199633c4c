/** No retry waits longer than this (SPEC §6). */
export const MAX_RETRY_DELAY_SECONDS = 6 * 3600;

/**
 * The delay before attempt n+1 after n failed attempts (n ≥ 1): base·2^(n−1) seconds, capped at 6 hours,
 * with jitter so that the retries of an outage's many deliveries do not all land in the same second. The
 * jitter only adds (0–25 %) and never passes the cap: the nominal delay is a floor a receiver can rely on,
 * and no wait is longer than 6 hours.
 *
 * With the defaults (base 60 s, 15 attempts) the 14 waits are 1, 2, 4 … 256 minutes (8 h 31 min in all),
 * then five times the 6-hour cap: 38.5 hours nominal, so the last attempt comes 1.6 to 1.7 days after the
 * event. (SPEC §6 says "about 3 days"; these parameters cannot reach it, since 14 waits of at most 6 hours
 * need 12 at the cap. WEBHOOK_MAX_ATTEMPTS=20 spans 2.9 days. The figure here is the one the code makes.)
 */
export function retryDelaySeconds(failedAttempts: number, baseSeconds: number, random: () => number = Math.random): number {
  const n = Math.max(1, failedAttempts);
  const nominal = Math.min(MAX_RETRY_DELAY_SECONDS, baseSeconds * 2 ** Math.min(n - 1, 30));
  return Math.min(MAX_RETRY_DELAY_SECONDS, nominal * (1 + 0.25 * random()));
}

/** The nominal (jitter-free) delay: what retryDelaySeconds never goes below. */
export const minimumRetryDelaySeconds = (failedAttempts: number, baseSeconds: number) =>
  retryDelaySeconds(failedAttempts, baseSeconds, () => 0);
