import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../graphql/error-codes';

export interface HttpGraphQLError {
  message: string;
  extensions: { code: ErrorCode; [key: string]: unknown };
}

/**
 * Answers a request refused before GraphQL runs (body too large, not JSON, timed out) the way GraphQL
 * refusals look: a JSON `{ errors: [...] }` body with a code from the closed set, never Express's HTML page.
 */
export function sendGraphQLError(res: Response, status: number, error: HttpGraphQLError, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('cache-control', 'no-store');
  res.type('application/json; charset=utf-8').send(JSON.stringify({ errors: [error] }));
}

const internalError = (): HttpGraphQLError => ({
  message: 'An unexpected error occurred on the server. It has been logged; please retry later.',
  extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
});

/** The body parser’s failures (see body-parser’s `type`s), and anything else thrown before Apollo answers. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      // The request timed out and was answered already; the late result is dropped on purpose.
      logger.debug({ reqId: (req as { id?: unknown }).id, err: error }, 'late response dropped');
      return;
    }
    const e = error as { type?: string; status?: number; limit?: number };
    switch (e.type) {
      case 'entity.too.large':
        sendGraphQLError(res, 413, {
          message: `The request body is larger than the body size limit of ${e.limit} bytes. Send a smaller request.`,
          extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
        });
        return;
      case 'entity.parse.failed':
        sendGraphQLError(res, 400, {
          message: 'The request body is not valid JSON. Send {"query": "...", "variables": {...}} as application/json.',
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        });
        return;
      case 'charset.unsupported':
      case 'encoding.unsupported':
        sendGraphQLError(res, 415, {
          message: 'The request body uses an unsupported charset or content encoding. Send UTF-8 JSON.',
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        });
        return;
      case 'request.aborted':
      case 'request.size.invalid':
        sendGraphQLError(res, 400, {
          message: 'The request body was incomplete. Send it again.',
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        });
        return;
    }
    logger.error({ reqId: (req as { id?: unknown }).id, err: error }, 'unexpected error before GraphQL execution');
    sendGraphQLError(res, 500, internalError());
  };
}
