import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/request-context';
import type { Clock } from '../domain/clock';
import type { TokenVerifier } from '../auth/tokens';
import { Loaders } from '../db/loaders';
import { AppError } from '../domain/errors';
import { deadlineOf } from './limits';
import type { CallerRateLimiter } from './rate-limit';

/**
 * Builds the per-request context: verifies the token (401 UNAUTHENTICATED if bad), spends one request of
 * the caller’s and its organisation’s rate limits (429 RATE_LIMITED when spent; callers without a valid token count by IP) and
 * makes fresh loaders. `clock` is domain time (SPEC §8), which every rule the request meets reads; the token
 * and the rate limit keep the wall clock.
 */
export function contextFactory(verifier: TokenVerifier, dataSource: DataSource, clock: Clock, limiter?: CallerRateLimiter) {
  return async ({ req }: { req: Request }): Promise<RequestContext> => {
    // requestLogging sets it first in the app; pino-http's typing claims it for every request, but a request
    // that met no such middleware (another caller of this factory) has none.
    const requestId = String((req as { id?: unknown }).id ?? randomUUID());
    try {
      const actor = await verifier.verify(req.headers.authorization);
      await limiter?.consumeFor(actor);
      return { actor, requestId, loaders: new Loaders(dataSource, actor), clock, deadline: deadlineOf(req.res) };
    } catch (error) {
      if (error instanceof AppError) {
        await limiter?.consumeForAddress(req.ip);
        throw new GraphQLError(error.message, {
          extensions: { code: error.code, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
        });
      }
      throw error;
    }
  };
}
