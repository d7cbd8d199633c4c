import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** The caller's X-Request-Id when it is a plain token, else a new UUID; echoed on the response. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

// Express rewrites req.url inside mounted routes; originalUrl is what the client asked for.
const requestFields = (req: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
  id: req.id,
  method: req.method,
  url: req.originalUrl ?? req.url,
});

/**
 * Request ids and access logs. When `info` is on, pino-http logs every request (a 5xx at `error`). With
 * LOG_LEVEL=warn or above those lines would all be dropped, yet pino-http would still build two child
 * loggers per request, ~8% of a `subscription(id)` request's CPU (issue 6): then only the id is set and a
 * 5xx answer gets the same error line. The choice is made once, for the level the server starts with.
 */
export function requestLogging(logger: Logger): RequestHandler {
  if (logger.isLevelEnabled('info')) {
    return pinoHttp({
      logger,
      genReqId: requestId,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: { req: requestFields, res: (res: ServerResponse) => ({ statusCode: res.statusCode }) },
    });
  }
  return (req, res, next) => {
    const tracked = req as typeof req & { id?: string };
    tracked.id = requestId(req, res);
    const started = Date.now();
    res.once('finish', () => {
      if (res.statusCode < 500) return;
      const fields = { req: requestFields(tracked), res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
      logger.error(fields, 'request errored');
    });
    next();
  };
}
