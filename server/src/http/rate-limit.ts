import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from '../domain/actor';
import { ErrorCode } from '../domain/error-codes';

/**
 * A per-caller budget of GraphQL requests per minute (RATE_LIMIT_PER_MINUTE; 0 turns it off).
 * The caller is the token’s subject with its tenant or partner when the token verifies, else the client IP.
 *
 * The default store is in this process’s memory: with several server instances each keeps its own
 * counts, so a caller spread over N instances gets up to N times the budget, and a restart forgets them.
 * RATE_LIMIT_STORE=redis://… shares one budget (rate-limit-store.ts); `createApp({ rateLimiter })` takes
 * any other rate-limiter-flexible store limiter with the points and duration of `memoryRateLimiter`.
 */
export class CallerRateLimiter {
  private readonly limiter: RateLimiterAbstract | null;

  constructor(perMinute: number, store?: RateLimiterAbstract) {
    this.limiter = perMinute > 0 ? (store ?? memoryRateLimiter(perMinute)) : null;
  }

  get enabled(): boolean {
    return this.limiter !== null;
  }

  static keyForActor(actor: Actor): string {
    return `caller:${JSON.stringify([actor.subject, actor.tenantId, actor.partnerId])}`;
  }

  static keyForAddress(address: string | undefined): string {
    return `ip:${address ?? 'unknown'}`;
  }

  /** Spends one request of `key`’s budget; throws RATE_LIMITED (HTTP 429 with Retry-After) when it is spent. */
  async consume(key: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection; // the store itself failed: an internal error, not the caller’s fault
    }
  }
}

/** The budget's window: RATE_LIMIT_PER_MINUTE points per this many seconds. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/** The per-process budget: the default store, and the stand-in while a shared store is unreachable. */
export function memoryRateLimiter(perMinute: number): RateLimiterMemory {
  return new RateLimiterMemory({ points: perMinute, duration: RATE_LIMIT_WINDOW_SECONDS, keyPrefix: 'tenantry-rl' });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Too many requests: the rate limit for this caller is spent. Retry in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}
