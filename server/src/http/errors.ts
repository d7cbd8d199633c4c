import type { ErrorRequestHandler, Response } from 'express';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ErrorCode } from '../domain/error-codes';
import { requestLineTooLong, urlTooLong } from './url-length';

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
      case undefined:
      default:
        // Not one of the body parser's failures: logged and answered 500 below.
        break;
    }
    logger.error({ reqId: (req as { id?: unknown }).id, err: error }, 'unexpected error before GraphQL execution');
    sendGraphQLError(res, 500, internalError());
  };
}

/**
 * Node's HTTP parser refuses headers over its limit (16 KB) before Express sees the request, and answers
 * 431 with an empty body. A long GET URL answers 414 like one under 16 KB does; otherwise a bearer token is
 * the usual culprit: answer as every token refusal does.
 */
export function answerOversizedHeaders(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  if (error.code !== 'HPE_HEADER_OVERFLOW') {
    // What Node answers itself without a listener: 408 for a request that timed out, 400 for other parse failures.
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    return;
  }
  const longUrl = requestLineTooLong((error as { rawPacket?: Buffer }).rawPacket);
  const body = JSON.stringify({
    errors: [
      longUrl
        ? urlTooLong()
        : {
            message: 'The request headers are larger than 16 KB. A bearer token must be smaller; send only the headers the API needs.',
            extensions: { code: ErrorCode.UNAUTHENTICATED },
          },
    ],
  });
  socket.end(
    `HTTP/1.1 ${longUrl ? '414 URI Too Long' : '431 Request Header Fields Too Large'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
