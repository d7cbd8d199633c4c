import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { WebhookTargetRefused } from './webhook-target';

/** The first 1 KB of an answer's body is kept for the delivery log; the rest is read and discarded. */
const RESPONSE_BODY_LIMIT = 1024;

export interface AttemptRequest {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  timeoutMs: number;
  /**
   * Resolves host names, refusing private addresses: the address checked is the address connected to.
   * Absent: the system's resolver (private networks allowed).
   */
  lookup?: LookupFunction;
  /**
   * Checks the host before every attempt (its addresses may have changed since the last one); throws to
   * refuse. An IP literal is connected to without a lookup, so this is its only check.
   */
  checkAddress?: (host: string) => Promise<void>;
  /**
   * Keeps connections to receivers open between attempts. A kept connection goes to an address that was
   * checked when it was opened; `checkAddress` still runs before each attempt that reuses it.
   */
  agents?: { http: http.Agent; https: https.Agent };
}

export interface AttemptOutcome {
  succeeded: boolean;
  /** The answer's HTTP status; null when none came. */
  status: number | null;
  /** Why it failed, for people; null on success. Never holds a secret or the answer's body. */
  error: string | null;
  body: string | null;
}

class AttemptTimeout extends Error {}

/** Connections kept between attempts: as many per receiver as attempts may run at once against it. */
export function keepAliveAgents(socketsPerHost: number): { http: http.Agent; https: https.Agent } {
  const options = { keepAlive: true, maxSockets: socketsPerHost, maxFreeSockets: socketsPerHost, timeout: 30_000 };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

/**
 * One POST of a delivery: no redirect followed, the address checked before every attempt, one timeout from
 * connecting to the last byte of the answer. Never throws.
 */
export async function attemptDelivery(request: AttemptRequest): Promise<AttemptOutcome> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failure(null, 'the endpoint URL is not a valid URL');
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (request.checkAddress) {
    try {
      await request.checkAddress(hostname);
    } catch (error) {
      return failure(null, describeError(error, request.timeoutMs));
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return failure(null, `the endpoint URL's scheme ${url.protocol} is not http: or https:`);
  return new Promise((resolve) => {
    const secure = url.protocol === 'https:';
    const transport = secure ? https : http;
    const req = transport.request(url, {
      method: 'POST',
      agent: request.agents ? (secure ? request.agents.https : request.agents.http) : false,
      headers: { ...request.headers, 'content-length': String(request.body.length) },
      ...(request.lookup ? { lookup: request.lookup } : {}),
    });
    const timer = setTimeout(() => req.destroy(new AttemptTimeout()), request.timeoutMs);
    let settled = false;
    const settle = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    req.on('error', (error) => settle(failure(null, describeError(error, request.timeoutMs))));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const kept: Buffer[] = [];
      let keptBytes = 0;
      res.on('data', (chunk: Buffer) => {
        if (keptBytes >= RESPONSE_BODY_LIMIT) return;
        const part = chunk.subarray(0, RESPONSE_BODY_LIMIT - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      });
      res.on('error', (error) => settle(failure(status, describeError(error, request.timeoutMs))));
      res.on('close', () => {
        if (!res.complete) settle(failure(status, 'the connection closed before the answer ended'));
      });
      res.on('end', () => {
        const body = keptBytes > 0 ? Buffer.concat(kept).toString('utf8') : null;
        if (status >= 200 && status < 300) settle({ succeeded: true, status, error: null, body });
        else settle({ succeeded: false, status, error: describeStatus(status), body });
      });
    });
    req.end(request.body);
  });
}

const failure = (status: number | null, error: string): AttemptOutcome => ({ succeeded: false, status, error, body: null });

function describeStatus(status: number): string {
  if (status >= 300 && status < 400) return `redirect (${status}) not followed`;
  return `answered HTTP ${status}`;
}

const SOCKET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

/** A person-readable reason: known socket errors by name, a refused address by its own message. */
function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof AttemptTimeout) return `timed out after ${timeoutMs} ms`;
  if (error instanceof WebhookTargetRefused) return `${error.reason.replace(/\.$/, '')}: refused`;
  const e = error as { code?: string; message?: string; name?: string } | null | undefined;
  if (e?.code && SOCKET_ERRORS[e.code]) return SOCKET_ERRORS[e.code];
  return e?.code ? `connection failed (${e.code})` : 'connection failed';
}
