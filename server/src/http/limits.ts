import type { RequestHandler, Response } from 'express';
import { Deadline } from '../db/deadline';
import { ErrorCode } from '../domain/error-codes';
import { sendGraphQLError } from './errors';
import { MAX_URL_BYTES, urlTooLong } from './url-length';

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

/** A URL over the limit is 414, with a message about the URL (SPEC §9), whatever the route. */
export const refuseLongUrls: RequestHandler = (req, res, next) => {
  if (req.originalUrl.length > MAX_URL_BYTES) {
    sendGraphQLError(res, 414, urlTooLong());
    return;
  }
  next();
};

/**
 * Answers QUERY_TOO_COMPLEX (HTTP 503) when a request has not been answered within `timeoutMs`, counted from
 * the arrival of its headers (so a slowly sent body counts too), unless one of its units of work has sent a
 * COMMIT: that request gets its real answer when the COMMIT's outcome is known (see Deadline). The deadline is
 * in `res.locals.deadline` for the request context. Apollo's late answer then fails to set headers and is
 * dropped by the JSON error handler.
 */
export function requestTimeout(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const deadline = new Deadline(timeoutMs);
    res.locals.deadline = deadline;
    const timer = setTimeout(() => {
      if (res.headersSent || !deadline.expire()) return;
      sendGraphQLError(res, 503, { message: deadline.error().message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** The request's deadline, set by requestTimeout. */
export const deadlineOf = (res: Response | undefined): Deadline | undefined => res?.locals.deadline as Deadline | undefined;
