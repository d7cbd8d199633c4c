import { TenantryError, TenantryNetworkError } from './errors.js';

/** When a call may be retried: queries always, a mutation only with one idempotency key for every attempt. */
export type RetryPolicy = 'always' | 'with-idempotency-key' | 'never';

/** How many times and how long the client retries; a client option that each call may override. */
export interface RetrySettings {
  /** Attempts after the first, for a call that may be retried. `0` turns retries off. */
  retries: number;
  /** The longest wait before an attempt. A server asking for a longer wait (Retry-After) gets no retry. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { retries: 3, maxDelayMs: 30_000 };

const BASE_DELAY_MS = 250;
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/** The server was overloaded or out of reach, and nothing says the request itself was wrong. */
function isTransient(error: unknown): boolean {
  if (error instanceof TenantryError) return error.code === 'RATE_LIMITED' || TRANSIENT_STATUSES.has(error.status);
  if (error instanceof TenantryNetworkError) {
    return error.reason === 'fetch-failed' || (error.reason === 'http-error' && TRANSIENT_STATUSES.has(error.status ?? 0));
  }
  return false;
}

/**
 * Milliseconds to wait before the next attempt after `attempt` (0 for the first) failed with `error`, or
 * undefined to give up. The server's Retry-After wins; otherwise exponential backoff with full jitter.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= settings.retries || !isTransient(error)) return undefined;
  const asked = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (asked !== undefined) {
    const wait = asked * 1000;
    // A little jitter on top, so clients told the same second do not all come back at once.
    return wait > settings.maxDelayMs ? undefined : Math.min(settings.maxDelayMs, wait + random() * BASE_DELAY_MS);
  }
  return random() * Math.min(settings.maxDelayMs, BASE_DELAY_MS * 2 ** attempt);
}

/** Seconds from a `Retry-After` header: a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it fires. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A new idempotency key: a random UUID (or 32 random hex digits where randomUUID is missing, e.g. plain-HTTP pages). */
function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The variables with `input.idempotencyKey` set, generated when the caller gave none. The caller's object is not changed. */
export function withIdempotencyKey(variables: unknown): unknown {
  const input = (variables as { input?: Record<string, unknown> } | undefined)?.input;
  if (!input || typeof input !== 'object' || (input.idempotencyKey !== undefined && input.idempotencyKey !== null)) return variables;
  return { ...(variables as object), input: { ...input, idempotencyKey: newIdempotencyKey() } };
}
