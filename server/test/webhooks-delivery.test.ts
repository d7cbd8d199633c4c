/**
 * Issue 14, SPEC §6 Webhooks: the dispatcher's attempts as a receiver sees them (a node:http server on port
 * 0) and as the delivery log shows them.
 */
import { createHmac } from 'node:crypto';
import { Role, startTestServer, type TestServer } from './support/harness';
import { kitFor } from './support/world';
import { eventually, WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver';
import { WebhookDelivery, WebhookEndpoint } from '../src/entities';
import { newId } from '../src/entities/columns';

const FAST = { WEBHOOK_RETRY_BASE_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '700', WEBHOOK_MAX_ATTEMPTS: '6' };

/** Hand-computed: one v1 per secret, each an HMAC-SHA256 of "<t>.<raw body>". */
function signedBy(request: ReceivedWebhook, secret: string): boolean {
  const parts = request.signature.split(',');
  const t = parts.find((p) => p.startsWith('t='))!.slice(2);
  const expected = createHmac('sha256', secret).update(`${t}.${request.rawBody}`).digest('hex');
  return parts.includes(`v1=${expected}`);
}
const signatureCount = (request: ReceivedWebhook) => request.signature.split(',').filter((p) => p.startsWith('v1=')).length;

async function createEndpoint(server: TestServer, url: string, ownerKey = 'platform'): Promise<{ id: string; secret: string }> {
  const now = server.clock.now();
  const endpoint = { id: newId(), secret: `whsec_${newId().replace(/-/g, '')}` };
  await server.dataSource.getRepository(WebhookEndpoint).insert({
    ...endpoint,
    ownerKey,
    url,
    eventTypes: [],
    description: 'spec',
    enabled: true,
    disabledReason: null,
    previousSecret: null,
    previousSecretExpiresAt: null,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  return endpoint;
}

const deliveriesOf = (server: TestServer, endpointId: string) => server.dataSource.getRepository(WebhookDelivery).findBy({ endpointId });

describe('webhook delivery', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    server = await startTestServer({ env: FAST });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.stop();
  });

  it('POSTs each event, signed, with the headers of SPEC §6 and the body the audit event makes', async () => {
    const endpoint = await createEndpoint(server, receiver.url);
    const tenant = await kitFor(server).createTenant('Signed Coffee');
    const [request] = await eventually('the tenant.created event', () => {
      const got = receiver.received.filter((r) => r.eventType === 'tenant.created' && JSON.parse(r.rawBody).target.id === tenant.id);
      return got.length > 0 && got;
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('Tenantry-Webhooks');
    expect(request.attempt).toBe(1);
    expect(signedBy(request, endpoint.secret)).toBe(true);
    expect(signatureCount(request)).toBe(1);
    const body = JSON.parse(request.rawBody);
    expect(body).toEqual({
      id: request.eventId,
      type: 'tenant.created',
      createdAt: expect.any(String),
      tenantId: tenant.id,
      actor: { tenantId: null, partnerId: null },
      target: { type: 'Tenant', id: tenant.id },
      data: { before: null, after: expect.objectContaining({ id: tenant.id }) },
    });
    const [delivery] = (await deliveriesOf(server, endpoint.id)).filter((d) => d.id === request.deliveryId);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastResponseStatus: 200, lastError: null, lastResponseBody: 'ok', leaseOwner: null });
  });
});
