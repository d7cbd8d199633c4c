import Redis from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { redactCredentials } from '../redact';
import { memoryRateLimiter, RATE_LIMIT_WINDOW_SECONDS, type RateLimitStores } from './rate-limit';

/** RATE_LIMIT_STORE names a Redis server that did not answer at start. */
export class RateLimitStoreUnreachable extends Error {
  constructor(url: string, cause: unknown) {
    const e = cause as { code?: string; message?: string };
    super(redactCredentials(`cannot reach Redis at ${url} (${e.code ?? e.message ?? String(cause)})`));
  }
}

/** The store of the rate limits: shared limiters to hand to CallerRateLimiter (none: each process counts alone). */
export interface RateLimitStore {
  stores?: RateLimitStores;
  close(): Promise<void>;
}

/** A Redis command that takes longer than this counts in memory instead: a request never waits on a stuck Redis. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Opens the store RATE_LIMIT_STORE names (SPEC §7). With Redis, every instance counts one budget per caller
 * under RATE_LIMIT_KEY_PREFIX; Redis must answer at start. When it fails later, each process counts in its
 * own memory (rate-limiter-flexible's insurance limiter) until it is back, with a warning in the log: the
 * budget is per instance for that time, and no request fails because of Redis.
 */
export async function openRateLimitStore(config: Config, logger: Logger): Promise<RateLimitStore> {
  const { rateLimitPerMinute: perCaller, rateLimitPerOrganisationPerMinute: perOrganisation } = config.limits;
  const store = config.rateLimitStore;
  if (store.kind === 'memory' || (perCaller === 0 && perOrganisation === 0)) return { close: async () => {} };

  // Told once per outage (ioredis reports every failed reconnection); errors before the first connection are the start's.
  let state: 'connecting' | 'up' | 'down' | 'closing' = 'connecting';
  const client = new Redis(store.url, {
    lazyConnect: true,
    // Named after the deployment's prefix, so CLIENT LIST in Redis tells whose connections these are.
    connectionName: `${config.rateLimitKeyPrefix}:rate-limit`,
    // Without a connection a command fails at once (and the memory limiter answers) instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 5_000,
    // No retry at start (the start fails instead); after that, reconnect for as long as the process lives.
    retryStrategy: (attempt) => (state === 'connecting' ? null : Math.min(attempt * 200, 2_000)),
  });
  const wentDown = (reason: string) => {
    if (state !== 'up') return;
    state = 'down';
    logger.warn(
      { store: redactCredentials(store.url), reason },
      'RATE_LIMIT_STORE: Redis is unreachable; each instance counts rate limits in its own memory until it is back',
    );
  };
  let startError: unknown;
  client.on('error', (error: { code?: string; message?: string }) => {
    if (state === 'connecting') startError ??= error;
    wentDown(error.code ?? error.message ?? 'error');
  });
  client.on('close', () => wentDown('connection closed'));
  client.on('ready', () => {
    if (state === 'down')
      logger.info({ store: redactCredentials(store.url) }, 'RATE_LIMIT_STORE: Redis answers again; rate limits are shared again');
    state = 'up';
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new RateLimitStoreUnreachable(store.url, startError ?? error);
  }
  const shared = (points: number, budget: 'caller' | 'org') =>
    new RateLimiterRedis({
      storeClient: client,
      points,
      duration: RATE_LIMIT_WINDOW_SECONDS,
      keyPrefix: `${config.rateLimitKeyPrefix}:${budget === 'caller' ? 'rate-limit' : 'rate-limit-org'}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memoryRateLimiter(points, budget),
    });
  return {
    stores: {
      caller: perCaller > 0 ? shared(perCaller, 'caller') : undefined,
      organisation: perOrganisation > 0 ? shared(perOrganisation, 'org') : undefined,
    },
    close: async () => {
      state = 'closing';
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
