import type { IncomingHttpHeaders } from 'node:http';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { originOf } from '../config';
import { isLoopbackHost } from './loopback';

/**
 * Which browser origins may call /graphql and open its WebSocket (SPEC §9): those of CORS_ORIGINS, and outside
 * production any loopback origin (a frontend's dev server on localhost:5173 works with no configuration). A
 * request without Origin (a server, curl) is no browser's and is not asked about; the server's own origin is
 * always allowed.
 */
export interface OriginPolicy {
  allows(origin: string, headers: IncomingHttpHeaders): boolean;
}

export function originPolicy(options: { origins: readonly string[]; production: boolean }): OriginPolicy {
  const listed = new Set(options.origins);
  return {
    allows(origin, headers) {
      const normalised = originOf(origin);
      if (normalised === null) return false;
      if (listed.has(normalised)) return true;
      const { host, hostname } = new URL(normalised);
      // Same origin: the page was served by this server under the name it was asked by.
      if (headers.host !== undefined && headers.host.toLowerCase() === host) return true;
      return !options.production && isLoopbackHost(hostname.replace(/^\[|\]$/g, ''));
    },
  };
}

/**
 * CORS for /graphql: the allowed origins get `Access-Control-Allow-Origin` with their own origin (never `*`),
 * preflights allow Authorization and Content-Type (and Apollo's two CSRF headers), and no credentials mode:
 * the API takes bearer tokens, never cookies. Other origins get no CORS headers, so their browsers refuse.
 */
export function corsFor(policy: OriginPolicy): RequestHandler {
  return (req, res, next) =>
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && policy.allows(origin, req.headers)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'],
      credentials: false,
      maxAge: 600,
    })(req, res, next);
}
