import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from '../domain/actor';
import { ErrorCode } from '../domain/error-codes';

/** The two budgets of SPEC §9: a caller's, and its organisation's (all the subjects of one tenant or partner). */
export interface RateLimitBudgets {
  perCaller: number;
  perOrganisation: number;
}

/** A store per budget; either may be absent (this process's memory counts it). */
export interface RateLimitStores {
  caller?: RateLimiterAbstract;
  organisation?: RateLimiterAbstract;
}

/**
 * The budgets of GraphQL requests per minute that every door spends (SPEC §9): one HTTP operation or one
 * WebSocket `subscribe` costs a point of the caller's budget (RATE_LIMIT_PER_MINUTE) and one of its
 * organisation's (RATE_LIMIT_PER_ORGANISATION_PER_MINUTE), so minting subjects does not multiply the budget;
 * 0 turns a budget off. The caller is the token's subject with its tenant or partner; without a valid
 * token, the client IP (which has no organisation).
 *
 * The default store is in this process's memory: with several server instances each keeps its own
 * counts, so a caller spread over N instances gets up to N times the budget, and a restart forgets them.
 * RATE_LIMIT_STORE=redis://… shares both budgets (rate-limit-store.ts); `createApp({ rateLimiter })` takes
 * any other rate-limiter-flexible store for the caller's budget, with the points and duration of `memoryRateLimiter`.
 */
export class CallerRateLimiter {
  private readonly caller: RateLimiterAbstract | null;
  private readonly organisation: RateLimiterAbstract | null;

  constructor(budgets: RateLimitBudgets, stores: RateLimitStores = {}) {
    this.caller = budgets.perCaller > 0 ? (stores.caller ?? memoryRateLimiter(budgets.perCaller)) : null;
    this.organisation = budgets.perOrganisation > 0 ? (stores.organisation ?? memoryRateLimiter(budgets.perOrganisation, 'org')) : null;
  }

  get enabled(): boolean {
    return this.caller !== null || this.organisation !== null;
  }

  static keyForActor(actor: Actor): string {
    return `caller:${JSON.stringify([actor.subject, actor.tenantId, actor.partnerId])}`;
  }

  /** Spends one request of the actor's budget and its organisation's; throws RATE_LIMITED (HTTP 429 with Retry-After) when one is spent. */
  async consumeFor(actor: Actor): Promise<void> {
    await spend(this.caller, CallerRateLimiter.keyForActor(actor), 'caller');
    const organisation = actor.tenantId ? `tenant:${actor.tenantId}` : actor.partnerId ? `partner:${actor.partnerId}` : null;
    if (organisation) await spend(this.organisation, organisation, 'organisation');
  }

  /** Spends one request of a client address's budget (a caller without a valid token). */
  async consumeForAddress(address: string | undefined): Promise<void> {
    await spend(this.caller, `ip:${address ?? 'unknown'}`, 'caller');
  }
}

async function spend(limiter: RateLimiterAbstract | null, key: string, whose: Whose): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), whose);
    throw rejection; // the store itself failed: an internal error, not the caller's fault
  }
}

type Whose = 'caller' | 'organisation';
const SPENT: Record<Whose, string> = {
  caller: 'the rate limit for this caller is spent',
  organisation: "your organisation's rate limit, shared by all its users and tokens, is spent",
};

/** The budget's window: RATE_LIMIT_PER_MINUTE points per this many seconds. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/** The per-process budget: the default store, and the stand-in while a shared store is unreachable. */
export function memoryRateLimiter(perMinute: number, budget: 'caller' | 'org' = 'caller'): RateLimiterMemory {
  return new RateLimiterMemory({
    points: perMinute,
    duration: RATE_LIMIT_WINDOW_SECONDS,
    keyPrefix: budget === 'caller' ? 'tenantry-rl' : 'tenantry-rl-org',
  });
}

function rateLimited(retryAfterSeconds: number, whose: Whose): GraphQLError {
  return new GraphQLError(
    `Too many requests: ${SPENT[whose]}. Retry in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}
