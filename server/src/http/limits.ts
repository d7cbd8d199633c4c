import type { RequestHandler } from 'express';
import { ErrorCode } from '../domain/error-codes';
import { sendGraphQLError } from './errors';

/** HTTP batching is off: an array body is refused before any operation in it runs. */
export const rejectBatches: RequestHandler = (req, res, next) => {
  if (Array.isArray(req.body)) {
    sendGraphQLError(res, 400, {
      message: 'Batched requests are not accepted (the batch limit is 1 operation per request). Send each operation in its own request.',
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
    });
    return;
  }
  next();
};

/**
 * Answers QUERY_TOO_COMPLEX (HTTP 503) when a request has not been answered within `timeoutMs`, counted from
 * the arrival of its headers (so a slowly sent body counts too). The operation itself cannot be cancelled:
 * a mutation may still complete, which the message says, and an idempotencyKey makes its retry safe.
 * Apollo’s late answer then fails to set headers and is dropped by the JSON error handler.
 */
export function requestTimeout(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      sendGraphQLError(res, 503, {
        message:
          `The request did not complete within the time limit of ${timeoutMs} ms. ` +
          'Simplify the query, or retry later; a mutation may still have been applied, so read its result first or retry it with the same idempotencyKey.',
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
      });
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
