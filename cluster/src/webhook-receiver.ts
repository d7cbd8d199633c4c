import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { freePortRange } from './ports';

export interface Received {
  eventId: string;
  deliveryId: string;
  attempt: string;
  signed: boolean;
  answered: number;
}

/**
 * A local webhook receiver (SPEC §6) on a port above 20000. It checks each request's signature against the
 * endpoint's secret and answers 500 to a share of them, so that deliveries are retried during the load.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  secret = '';
  private server: Server | null = null;
  url = '';

  constructor(private readonly failureShare: number) {}

  async start(): Promise<void> {
    const [port] = await freePortRange(1);
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(request.headers[name] ?? '');
        const answered = Math.random() < this.failureShare ? 500 : 204;
        this.received.push({
          eventId: header('tenantry-event-id'),
          deliveryId: header('tenantry-delivery-id'),
          attempt: header('tenantry-delivery-attempt'),
          signed: this.verify(header('tenantry-signature'), body),
          answered,
        });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}/hooks`;
  }

  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, one v1 per valid secret. */
  private verify(header: string, body: string): boolean {
    const parts = header.split(',').map((p) => p.split('='));
    const t = parts.find(([k]) => k === 't')?.[1];
    const expected = createHmac('sha256', this.secret).update(`${t}.${body}`).digest();
    return parts.some(([k, v]) => k === 'v1' && v.length === expected.length * 2 && timingSafeEqual(Buffer.from(v, 'hex'), expected));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
