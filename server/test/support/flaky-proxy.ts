import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one request:
 * - `forward`: passes it to the server and the answer back;
 * - `unavailable`: answers 503 itself, as a load balancer without a healthy server does;
 * - `drop`: closes the connection without passing it on;
 * - `drop-answer`: passes it on, lets the server finish, then closes the connection instead of answering.
 */
export type ProxyAction = 'forward' | 'unavailable' | 'drop' | 'drop-answer';

interface ProxiedRequest {
  action: ProxyAction;
  body: string;
  /** The server's HTTP status, when the request reached it. */
  status?: number;
}

export interface FlakyProxy {
  /** The proxy's GraphQL URL: point a client here instead of at the server. */
  url: string;
  /** Every request, in order of arrival. */
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/** A proxy on loopback in front of `target` (a /graphql URL) that follows `plan`, one action per request, then forwards. */
export async function startFlakyProxy(target: string, plan: ProxyAction[]): Promise<FlakyProxy> {
  const requests: ProxiedRequest[] = [];
  // A request that fails here (the target down, say) ends its socket instead of leaving an unhandled rejection.
  const server = http.createServer(
    (req, res) =>
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const request: ProxiedRequest = { action: plan.shift() ?? 'forward', body: Buffer.concat(chunks).toString('utf8') };
        requests.push(request);
        if (request.action === 'drop') return req.socket.destroy();
        if (request.action === 'unavailable') {
          res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>503 Service Unavailable</body></html>');
          return;
        }
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'accept', 'authorization']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const answer = await fetch(target, { method: req.method, headers, body: request.body || undefined });
        const text = await answer.text();
        request.status = answer.status;
        if (request.action === 'drop-answer') return req.socket.destroy();
        const relayed: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (['content-type', 'retry-after', 'x-request-id'].includes(name)) relayed[name] = value;
        });
        res.writeHead(answer.status, relayed).end(text);
      })().catch((error: unknown) => res.destroy(error as Error)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
