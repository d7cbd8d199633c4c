/**
 * Issue 14, SPEC §6 Webhooks: the dispatcher's attempts as a receiver sees them (a node:http server on port
 * 0 in this process) and as the delivery log (GraphQL webhookDeliveries) shows them.
 */
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { codeOf, ok, startTestServer, type TestServer } from './support/harness';
import { kitFor, type FreshTenant } from './support/world';
import { eventually, WebhookReceiver, type Answer, type ReceivedWebhook } from './support/webhook-receiver';
import { graphql } from './graphql/generated';
import type { DispatchDeliveryLogQuery } from './graphql/generated/graphql';
import { WebhookEndpoint } from '../src/entities';
import { SEND_TEST_WEBHOOK, UPDATE_WEBHOOK_ENDPOINT } from './graphql/webhook-definitions';
import { loadSdk } from './fixtures/sdk/ensure-built';
import { fakeDns } from './support/fake-dns';
import { ifSetUp } from './support/set-up';

const { verifyWebhook, WebhookVerificationError } = loadSdk();

const DISPATCH_CREATE_ENDPOINT = graphql(`
  mutation DispatchCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }
  }
`);
const DISPATCH_ROTATE_SECRET = graphql(`
  mutation DispatchRotateSecret($id: ID!) {
    rotateWebhookSecret(input: { id: $id }) { secret }
  }
`);
const DISPATCH_REDELIVER = graphql(`
  mutation DispatchRedeliver($deliveryId: ID!) {
    redeliverWebhook(input: { deliveryId: $deliveryId }) { delivery { id status } }
  }
`);
const DISPATCH_ENDPOINT = graphql(`
  query DispatchEndpoint($id: ID!) {
    webhookEndpoint(id: $id) { id enabled disabledReason }
  }
`);
const DISPATCH_LOG = graphql(`
  query DispatchDeliveryLog($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 100) {
      edges {
        node {
          id status attempts nextAttemptAt lastAttemptAt lastResponseStatus lastError lastResponseBody
          event { id action targetId }
        }
      }
    }
  }
`);

type LogEntry = DispatchDeliveryLogQuery['webhookDeliveries']['edges'][number]['node'];

const RETRY_BASE_MS = 1_000;
const TIMEOUT_MS = 700;
const FAST = { WEBHOOK_RETRY_BASE_SECONDS: String(RETRY_BASE_MS / 1000), WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) };

/** Hand-computed with node:crypto: is one of the header's v1 values the HMAC-SHA256 of "<t>.<raw body>" under `secret`? */
function signedBy(request: ReceivedWebhook, secret: string): boolean {
  const parts = request.signature.split(',');
  const t = parts.find((p) => p.startsWith('t='))!.slice(2);
  const expected = createHmac('sha256', secret).update(`${t}.${request.rawBody}`).digest('hex');
  return parts.includes(`v1=${expected}`);
}
const signatureCount = (request: ReceivedWebhook) => request.signature.split(',').filter((p) => p.startsWith('v1=')).length;

/** A tenant (its global admin owns the endpoints) and its purchases, each of which makes one event. */
function fixtures(server: () => TestServer) {
  const gql = () => server().gql.bind(server());
  return {
    async endpoint(tenant: FreshTenant, url: string, eventTypes = ['subscription.purchased']) {
      const created = ok(await gql()(DISPATCH_CREATE_ENDPOINT, { input: { url, eventTypes } }, tenant.tokens.global)).createWebhookEndpoint;
      return { id: created.webhookEndpoint.id, secret: created.secret };
    },
    /** Buys a subscription to a new offer (one per offer and tenant): one subscription.purchased event. */
    async purchase(tenant: FreshTenant) {
      const kit = kitFor(server());
      const offer = await kit.createOffer();
      return kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
    },
    async log(tenant: FreshTenant, endpointId: string): Promise<LogEntry[]> {
      const page = ok(await gql()(DISPATCH_LOG, { endpointId }, tenant.tokens.global)).webhookDeliveries;
      return page.edges.map((e) => e.node);
    },
    /** The first entry of the endpoint's log for which `ready` holds, once there is one. */
    async entry(tenant: FreshTenant, endpointId: string, ready: (d: LogEntry) => boolean, what: string): Promise<LogEntry> {
      return eventually(what, async () => (await this.log(tenant, endpointId)).find(ready));
    },
  };
}

describe('webhook attempts', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const f = fixtures(() => server);
  beforeAll(async () => {
    server = await startTestServer({ dispatchWebhooks: true, env: { ...FAST, WEBHOOK_MAX_ATTEMPTS: '6' } });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await ifSetUp(receiver)?.close();
    await ifSetUp(server)?.stop();
  });

  it('POSTs each event with the headers of SPEC §6, the body of the audit event, and a signature that verifies', async () => {
    const tenant = await kitFor(server).createTenant('Signed Coffee');
    const endpoint = await f.endpoint(tenant, receiver.url);
    const subscription = await f.purchase(tenant);
    const request = await eventually('the purchase event', () =>
      receiver.received.find((r) => r.eventType === 'subscription.purchased' && r.rawBody.includes(subscription.id)),
    );
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('Tenantry-Webhooks');
    expect(request.attempt).toBe(1);
    expect(signedBy(request, endpoint.secret)).toBe(true);
    expect(signedBy(request, `${endpoint.secret}x`)).toBe(false);
    expect(signatureCount(request)).toBe(1);
    expect(verifyWebhook(request.rawBody, request.signature, [endpoint.secret]).id).toBe(request.eventId);
    expect(() => verifyWebhook(request.rawBody, request.signature, [`${endpoint.secret}x`])).toThrow(WebhookVerificationError);
    const t = Number(/t=(\d+)/.exec(request.signature)![1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(request.rawBody)).toEqual({
      id: request.eventId,
      type: 'subscription.purchased',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      tenantId: tenant.id,
      actor: { tenantId: tenant.id, partnerId: null },
      target: { type: 'Subscription', id: subscription.id },
      data: { before: null, after: expect.objectContaining({ id: subscription.id, quantity: 1 }) },
    });
    // The actor's organisation only: the buyer's token subject is nowhere in the body.
    expect(request.rawBody).not.toContain(`billing@${tenant.domain}`);
    const entry = await f.entry(tenant, endpoint.id, (d) => d.id === request.deliveryId && d.status === 'SUCCEEDED', 'the log entry');
    expect(entry).toMatchObject({ attempts: 1, lastResponseStatus: 200, lastError: null, lastResponseBody: 'ok', nextAttemptAt: null });
    expect(entry.event).toEqual({ id: request.eventId, action: 'subscription.purchased', targetId: subscription.id });
  });

  it('retries a 500, a timeout and a refused connection on the backoff schedule, logging each, until the event arrives', async () => {
    const flaky = await WebhookReceiver.start();
    try {
      const answers: Answer[] = [{ status: 500, body: 'try later' }, 'hang', { status: 204 }];
      flaky.answer = () => answers.shift() ?? { status: 200 };
      const tenant = await kitFor(server).createTenant('Flaky Coffee');
      const endpoint = await f.endpoint(tenant, flaky.url);
      const subscription = await f.purchase(tenant);
      let previous: LogEntry | undefined;
      const after = async (n: number) =>
        (previous = await f.entry(tenant, endpoint.id, (d) => recorded(d, n, previous), `attempt ${n} in the log`));

      expect(await after(1)).toMatchObject({
        status: 'PENDING',
        lastResponseStatus: 500,
        lastError: 'answered HTTP 500',
        lastResponseBody: 'try later',
      });
      expect(await after(2)).toMatchObject({
        status: 'PENDING',
        lastResponseStatus: null,
        lastError: `timed out after ${TIMEOUT_MS} ms`,
        lastResponseBody: null,
      });
      await flaky.close();
      const third = await after(3);
      expect(third).toMatchObject({ status: 'PENDING', lastResponseStatus: null, lastError: 'connection refused' });
      await flaky.reopen();
      const fourth = await after(4);
      expect(fourth).toMatchObject({ status: 'SUCCEEDED', lastResponseStatus: 204, lastError: null, nextAttemptAt: null });

      const requests = flaky.of(fourth.event.id);
      expect(requests.map((r) => [r.deliveryId, r.attempt])).toEqual([1, 2, 4].map((n) => [fourth.id, n]));
      expect(JSON.parse(requests[2].rawBody).target.id).toBe(subscription.id);
      // Every attempt is signed afresh (its own t=), over the same body.
      expect(new Set(requests.map((r) => r.rawBody)).size).toBe(1);
      for (const request of requests) {
        expect(signedBy(request, endpoint.secret)).toBe(true);
        expect(verifyWebhook(request.rawBody, request.signature, [endpoint.secret]).id).toBe(request.eventId);
      }
      // Each wait is at least its nominal delay (1 s, 2 s, 4 s after 1, 2, 3 failures), counted from the end of
      // the failed attempt; slack above is allowed (polling, jitter). 50 ms for the clock's millisecond rounding.
      const thirdAt = Date.parse(third.lastAttemptAt!);
      expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(RETRY_BASE_MS);
      expect(thirdAt - requests[1].at).toBeGreaterThanOrEqual(TIMEOUT_MS + 2 * RETRY_BASE_MS - 50);
      expect(requests[2].at - thirdAt).toBeGreaterThanOrEqual(4 * RETRY_BASE_MS - 50);
    } finally {
      await flaky.close();
    }
  });

  it('does not follow a redirect: the 302 is a failed attempt and its target receives nothing', async () => {
    const elsewhere = await WebhookReceiver.start();
    const redirecting = await WebhookReceiver.start();
    try {
      redirecting.answer = () => ({ status: 302, headers: { location: elsewhere.url } });
      const tenant = await kitFor(server).createTenant('Redirect Coffee');
      const endpoint = await f.endpoint(tenant, redirecting.url);
      await f.purchase(tenant);
      const entry = await f.entry(tenant, endpoint.id, (d) => recorded(d, 1, undefined), 'the failed attempt');
      expect(entry).toMatchObject({ status: 'PENDING', attempts: 1, lastResponseStatus: 302, lastError: 'redirect (302) not followed' });
      expect(redirecting.received).toHaveLength(1);
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });

  // Last in this server: it moves the server's clock a day forward.
  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const tenant = await kitFor(server).createTenant('Rotating Coffee');
    const endpoint = await f.endpoint(tenant, receiver.url);
    const rotated = ok(await server.gql(DISPATCH_ROTATE_SECRET, { id: endpoint.id }, tenant.tokens.global)).rotateWebhookSecret.secret;
    expect(rotated).not.toBe(endpoint.secret);
    const arrivalOf = async () => {
      const subscription = await f.purchase(tenant);
      return eventually('the purchase event', () => receiver.received.find((r) => r.rawBody.includes(subscription.id)));
    };
    const during = await arrivalOf();
    expect(signatureCount(during)).toBe(2);
    expect(signedBy(during, rotated)).toBe(true);
    expect(signedBy(during, endpoint.secret)).toBe(true);
    for (const secret of [rotated, endpoint.secret])
      expect(verifyWebhook(during.rawBody, during.signature, [secret]).id).toBe(during.eventId);

    server.clock.advanceDays(1);
    const later = await arrivalOf();
    expect(signatureCount(later)).toBe(1);
    expect(signedBy(later, rotated)).toBe(true);
    expect(signedBy(later, endpoint.secret)).toBe(false);
    // The receiver's clock is the server's (a day ahead), or the SDK would refuse the timestamp.
    const now = server.clock.now();
    expect(verifyWebhook(later.rawBody, later.signature, [rotated], { now }).id).toBe(later.eventId);
    expect(() => verifyWebhook(later.rawBody, later.signature, [endpoint.secret], { now })).toThrow(
      expect.objectContaining({ reason: 'no_matching_signature' }),
    );
  });
});

/**
 * Whether the log shows attempt `n` recorded, not merely claimed (a claim counts the attempt at once): its
 * time differs from the previous attempt's.
 */
function recorded(d: LogEntry, n: number, previous: LogEntry | undefined): boolean {
  return d.attempts === n && d.lastAttemptAt !== null && d.lastAttemptAt !== previous?.lastAttemptAt;
}

describe('giving up on a delivery, and on an endpoint', () => {
  let server: TestServer;
  const f = fixtures(() => server);
  const logLines: { level: number; msg: string; [field: string]: unknown }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    server = await startTestServer({
      dispatchWebhooks: true,
      deliveryCountsRefreshMs: 200,
      env: { ...FAST, WEBHOOK_MAX_ATTEMPTS: '2' },
      logger: pino({ level: 'warn' }, sink),
    });
  });
  afterAll(() => ifSetUp(server)?.stop());

  it('ends FAILED after WEBHOOK_MAX_ATTEMPTS attempts; redeliverWebhook then attempts it again and delivers it', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      receiver.answer = () => ({ status: 503 });
      const tenant = await kitFor(server).createTenant('Failing Coffee');
      const endpoint = await f.endpoint(tenant, receiver.url);
      await f.purchase(tenant);
      const failed = await f.entry(tenant, endpoint.id, (d) => d.status === 'FAILED', 'the delivery given up');
      expect(failed).toMatchObject({ attempts: 2, nextAttemptAt: null, lastResponseStatus: 503, lastError: 'answered HTTP 503' });
      expect(receiver.of(failed.event.id).map((r) => r.attempt)).toEqual([1, 2]);

      receiver.answer = () => ({ status: 200, body: 'back' });
      const redelivered = ok(await server.gql(DISPATCH_REDELIVER, { deliveryId: failed.id }, tenant.tokens.global)).redeliverWebhook
        .delivery;
      expect(redelivered).toEqual({ id: failed.id, status: 'PENDING' });
      const delivered = await f.entry(tenant, endpoint.id, (d) => d.id === failed.id && d.status === 'SUCCEEDED', 'the redelivery');
      expect(delivered).toMatchObject({ attempts: 3, lastResponseStatus: 200, lastError: null, lastResponseBody: 'back' });
      expect(receiver.of(failed.event.id).map((r) => r.attempt)).toEqual([1, 2, 3]);
      for (const request of receiver.received)
        expect(verifyWebhook(request.rawBody, request.signature, [endpoint.secret]).id).toBe(request.eventId);
    } finally {
      await receiver.close();
    }
  });

  // Moves the server's clock three days forward.
  it('disables an endpoint whose deliveries have only failed for 72 hours, with a webhookEndpoint.disabled event to its owner', async () => {
    const broken = await WebhookReceiver.start();
    const healthy = await WebhookReceiver.start();
    try {
      broken.answer = () => ({ status: 500 });
      const tenant = await kitFor(server).createTenant('Broken Coffee');
      const failing = await f.endpoint(tenant, broken.url);
      const watching = await f.endpoint(tenant, healthy.url, ['webhookEndpoint.disabled']);
      await f.purchase(tenant);
      await f.entry(tenant, failing.id, (d) => d.status === 'FAILED', 'the first delivery given up');
      const enabled = ok(await server.gql(DISPATCH_ENDPOINT, { id: failing.id }, tenant.tokens.global)).webhookEndpoint;
      expect(enabled).toEqual({ id: failing.id, enabled: true, disabledReason: null });

      server.clock.advanceDays(3);
      await f.purchase(tenant);
      const disabledEvent = await eventually('the webhookEndpoint.disabled event', () =>
        healthy.received.find((r) => r.eventType === 'webhookEndpoint.disabled'),
      );
      const disabled = ok(await server.gql(DISPATCH_ENDPOINT, { id: failing.id }, tenant.tokens.global)).webhookEndpoint;
      expect(disabled.enabled).toBe(false);
      expect(disabled.disabledReason).toBe('Disabled automatically: every delivery attempt failed for 72 hours (last: answered HTTP 500).');
      const body = JSON.parse(disabledEvent.rawBody);
      expect(body).toMatchObject({
        type: 'webhookEndpoint.disabled',
        tenantId: tenant.id,
        target: { type: 'WebhookEndpoint', id: failing.id },
      });
      expect(body.data.before).toMatchObject({ enabled: true });
      expect(body.data.after).toMatchObject({ enabled: false, disabledReason: disabled.disabledReason });
      expect(JSON.stringify(body)).not.toMatch(/whsec_/);
      expect(signedBy(disabledEvent, watching.secret)).toBe(true);
      const events = await kitFor(server).auditEvents(tenant.id);
      expect(events.filter((e) => e.action === 'webhookEndpoint.disabled').map((e) => e.targetId)).toEqual([failing.id]);

      // Disabled: later events are not queued for it (the queue is written in the change's transaction).
      const queued = (await f.log(tenant, failing.id)).length;
      await f.purchase(tenant);
      expect(await f.log(tenant, failing.id)).toHaveLength(queued);
    } finally {
      await broken.close();
      await healthy.close();
    }
  });

  it('does not attempt a delivery once its endpoint is disabled, but sends a test event its owner asks for', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      receiver.answer = () => ({ status: 500 });
      const tenant = await kitFor(server).createTenant('Paused Coffee');
      const endpoint = await f.endpoint(tenant, receiver.url);
      await f.purchase(tenant);
      const first = await f.entry(tenant, endpoint.id, (d) => recorded(d, 1, undefined), 'the first attempt');
      expect(first.status).toBe('PENDING');
      ok(await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, enabled: false } }, tenant.tokens.global));
      const paused = await f.entry(tenant, endpoint.id, (d) => d.id === first.id && d.status === 'FAILED', 'the delivery not attempted');
      expect(paused).toMatchObject({ attempts: 1, lastError: 'not attempted: the endpoint is disabled', nextAttemptAt: null });
      expect(receiver.received).toHaveLength(1);

      receiver.answer = () => ({ status: 200 });
      const test = ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, tenant.tokens.global)).sendTestWebhook.delivery;
      await f.entry(tenant, endpoint.id, (d) => d.id === test.id && d.status === 'SUCCEEDED', 'the test event delivered');
      expect(receiver.received.map((r) => r.eventType)).toEqual(['subscription.purchased', 'webhook.test']);

      ok(await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, enabled: true } }, tenant.tokens.global));
      ok(await server.gql(DISPATCH_REDELIVER, { deliveryId: first.id }, tenant.tokens.global));
      const resumed = await f.entry(tenant, endpoint.id, (d) => d.id === first.id && d.status === 'SUCCEEDED', 'the redelivery');
      expect(resumed.attempts).toBe(2);
    } finally {
      await receiver.close();
    }
  });

  it('logs each failed attempt at warn, without a secret, a body or the URL', async () => {
    const failures = logLines.filter((line) => line.msg === 'webhook attempt failed');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.every((line) => line.level === 40 && typeof line.reason === 'string' && typeof line.deliveryId === 'string')).toBe(
      true,
    );
    expect(failures.map((line) => line.reason)).toContain('answered HTTP 503');
    const everything = JSON.stringify(logLines);
    expect(everything).not.toMatch(/whsec_|127\.0\.0\.1:\d+\/hooks|"data"|rawBody/);
  });

  it('counts attempts by result and their lag, and the deliveries by status (the series /metrics serves)', async () => {
    // Once every delivery of this server is finished, the counters must add up to what the database holds.
    const rows = await eventually('no delivery left pending', async () => {
      const counts: { status: string; n: number | string; attempts: number | string }[] = await server.dataSource.query(
        `SELECT status, COUNT(*) AS n, SUM(attempts) AS attempts FROM webhook_deliveries GROUP BY status`,
      );
      return counts.every((r) => r.status !== 'PENDING') && counts;
    });
    const inDatabase = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    const attemptsMade = rows.reduce((sum, r) => sum + Number(r.attempts), 0);
    const registry = server.app.metrics.registry;
    /** The sum of a series' samples with these labels (a histogram's `_count` sample by its own name). */
    const value = async (sample: string, labels: Record<string, string> = {}) => {
      const metric = (await registry.getMetricsAsJSON()).find((m) => sample === m.name || sample === `${m.name}_count`)!;
      const matching = metric.values.filter(
        (v) =>
          ((v as { metricName?: string }).metricName ?? metric.name) === sample &&
          Object.entries(labels).every(([k, l]) => v.labels[k] === l),
      );
      return matching.reduce((sum, v) => sum + v.value, 0);
    };
    const [succeeded, retrying, failed] = await Promise.all(
      ['succeeded', 'retrying', 'failed'].map((result) => value('tenantry_webhook_attempts_total', { result })),
    );
    expect(succeeded).toBe(inDatabase('SUCCEEDED')); // each succeeded once
    expect(retrying).toBeGreaterThanOrEqual(3);
    expect(failed).toBeGreaterThanOrEqual(2);
    expect(succeeded + retrying + failed).toBe(attemptsMade);
    expect(await value('tenantry_webhook_lag_seconds_count')).toBe(attemptsMade);
    // The gauge is counted on a timer (here every 200 ms), never at scrape time.
    const gauge = async () =>
      Object.fromEntries(
        await Promise.all(
          ['PENDING', 'SUCCEEDED', 'FAILED'].map(async (status) => [status, await value('tenantry_webhook_deliveries', { status })]),
        ),
      );
    const expected = { PENDING: inDatabase('PENDING'), SUCCEEDED: inDatabase('SUCCEEDED'), FAILED: inDatabase('FAILED') };
    await eventually(
      'the delivery gauge to count what the database holds',
      async () => JSON.stringify(await gauge()) === JSON.stringify(expected),
    );
  });
});

describe('bounded concurrency', () => {
  let server: TestServer;
  const f = fixtures(() => server);
  beforeAll(async () => {
    server = await startTestServer({ dispatchWebhooks: true, env: { ...FAST, WEBHOOK_TIMEOUT_MS: '6000' } });
  });
  afterAll(() => ifSetUp(server)?.stop());

  it('makes at most 4 attempts at a time to one endpoint, and a slow endpoint does not hold up another', async () => {
    const slow = await WebhookReceiver.start();
    const quick = await WebhookReceiver.start();
    try {
      let hanging = 4;
      slow.answer = () => (hanging-- > 0 ? 'hang' : { status: 200 });
      const slowTenant = await kitFor(server).createTenant('Slow Coffee');
      const quickTenant = await kitFor(server).createTenant('Quick Coffee');
      const slowEndpoint = await f.endpoint(slowTenant, slow.url);
      await f.endpoint(quickTenant, quick.url);
      for (let i = 0; i < 8; i++) await f.purchase(slowTenant);
      await eventually('four attempts hanging at the slow endpoint', () => slow.inFlight === 4);
      await f.purchase(quickTenant);
      await eventually('the quick endpoint served meanwhile', () => quick.received.length === 1);
      expect(slow.inFlight).toBe(4); // still hanging (for up to 6 s), and no fifth attempt started beside them

      const log = await eventually('all eight delivered', async () => {
        const entries = await f.log(slowTenant, slowEndpoint.id);
        return entries.length === 8 && entries.every((d) => d.status === 'SUCCEEDED') && entries;
      });
      expect(log.filter((d) => d.attempts === 2)).toHaveLength(4); // the four that timed out
      expect(slow.maxInFlight).toBe(4);
    } finally {
      await slow.close();
      await quick.close();
    }
  });
});

describe('production: the address is checked again at every attempt', () => {
  let server: TestServer;
  const f = fixtures(() => server);
  beforeAll(async () => {
    server = await startTestServer({
      dispatchWebhooks: true,
      env: { ...FAST, NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' },
    });
  });
  afterAll(() => ifSetUp(server)?.stop());

  it('refuses to deliver to a host that now resolves to a private address, and nothing reaches it', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const tenant = await kitFor(server).createTenant('Rebound Coffee');
      expect(server.config.webhooks.allowPrivateNetworks).toBe(false);
      const refused = await server.gql(DISPATCH_CREATE_ENDPOINT, { input: { url: receiver.url } }, tenant.tokens.global);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      // Saved with a public address (an IP literal: no DNS needed), then pointed at this machine by writing the
      // row: what a DNS change after the save-time check would do. Only purchases are sent, so nothing is
      // attempted before the change.
      const byName = await f.endpoint(tenant, 'https://93.184.215.14/hooks');
      const byAddress = await f.endpoint(tenant, 'https://93.184.215.14/other-hooks');
      await server.dataSource.getRepository(WebhookEndpoint).update(byName.id, { url: receiver.localhostUrl });
      await server.dataSource.getRepository(WebhookEndpoint).update(byAddress.id, { url: receiver.url });
      await f.purchase(tenant);

      const viaName = await f.entry(tenant, byName.id, (d) => recorded(d, 1, undefined), 'the refused attempt by name');
      expect(viaName).toMatchObject({ status: 'PENDING', lastResponseStatus: null });
      expect(viaName.lastError).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address: refused$/);
      const viaAddress = await f.entry(tenant, byAddress.id, (d) => recorded(d, 1, undefined), 'the refused attempt by address');
      expect(viaAddress).toMatchObject({
        status: 'PENDING',
        lastResponseStatus: null,
        lastError: '127.0.0.1 is a loopback address: refused',
      });
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  // SPEC §9: the addresses refused on save are refused in the DNS answers of every attempt too.
  it.each([
    [['168.63.129.16'], '168.63.129.16, which is a cloud platform address'],
    [['::127.0.0.1'], '::7f00:1, which is an IPv4-compatible IPv6 address for 127.0.0.1 (a loopback address)'],
  ])('refuses to deliver to a name that now resolves to %j', async (addresses, reason) => {
    const tenant = await kitFor(server).createTenant(`Moved ${addresses[0]}`);
    const endpoint = await f.endpoint(tenant, 'https://93.184.215.14/hooks');
    const restore = fakeDns({ 'moved.example.com': addresses });
    try {
      await server.dataSource.getRepository(WebhookEndpoint).update(endpoint.id, { url: 'https://moved.example.com/hooks' });
      await f.purchase(tenant);
      const attempt = await f.entry(tenant, endpoint.id, (d) => recorded(d, 1, undefined), 'the refused attempt');
      expect(attempt).toMatchObject({
        status: 'PENDING',
        lastResponseStatus: null,
        lastError: `moved.example.com resolves to ${reason}: refused`,
      });
    } finally {
      restore();
    }
  });
});
