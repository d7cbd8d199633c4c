import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request a receiver got, as it arrived. */
export interface ReceivedWebhook {
  /** When it arrived (Date.now()). */
  at: number;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  eventId: string;
  eventType: string;
  deliveryId: string;
  attempt: number;
  signature: string;
  /** The status answered; undefined while the answer hangs (or when it never came). */
  answered?: number;
}

/** How the receiver answers one request: a status (and body, headers), after `afterMs`; or never (it hangs until closed). */
export type Answer = { status: number; body?: string; headers?: Record<string, string>; afterMs?: number } | 'hang';

/**
 * A webhook receiver on 127.0.0.1, port 0 (or the port it had, when reopened): it records every request
 * and answers what `answer` says (200 by default). `close()` takes it down (connections refused) and
 * `reopen()` brings it back on the same port.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Requests arrived and not yet answered or cut off, now and at most. */
  inFlight = 0;
  maxInFlight = 0;
  answer: (request: ReceivedWebhook) => Answer = () => ({ status: 200, body: 'ok' });
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.reopen();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** The same receiver under a host name (resolved at every attempt, unlike an IP literal). */
  get localhostUrl(): string {
    return `http://localhost:${this.port}/hooks`;
  }

  reopen(): Promise<void> {
    const server = http.createServer((req, res) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const header = (name: string) => String(req.headers[name] ?? '');
        const request: ReceivedWebhook = {
          at: Date.now(),
          headers: req.headers,
          rawBody: Buffer.concat(chunks).toString('utf8'),
          eventId: header('tenantry-event-id'),
          eventType: header('tenantry-event-type'),
          deliveryId: header('tenantry-delivery-id'),
          attempt: Number(header('tenantry-delivery-attempt')),
          signature: header('tenantry-signature'),
        };
        this.received.push(request);
        const answer = this.answer(request);
        if (answer === 'hang') return;
        setTimeout(() => {
          if (res.destroyed) return;
          request.answered = answer.status;
          res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
        }, answer.afterMs ?? 0);
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Stops listening and cuts every open connection (a hanging answer included). */
  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /** The ids of the events answered with a 2xx: delivered. */
  delivered(): Set<string> {
    return new Set(this.received.filter((r) => r.answered !== undefined && r.answered >= 200 && r.answered < 300).map((r) => r.eventId));
  }

  /** The requests of one event, in arrival order. */
  of(eventId: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.eventId === eventId);
  }
}

/** Polls `check` until it answers a value that is not undefined/false, or fails after `deadlineMs` with `what`. */
export async function eventually<T>(
  what: string,
  check: () => T | Promise<T>,
  deadlineMs = 20_000,
): Promise<Exclude<T, undefined | false | null>> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value as Exclude<T, undefined | false | null>;
    if (Date.now() > end) throw new Error(`Still waiting after ${deadlineMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
