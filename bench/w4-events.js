'use strict';
/**
 * W4 (issue 14): W3's mutations while every reseller has a webhook endpoint registered to a local receiver
 * and 100 clients hold a live-update subscription. Measures deliveries per second, commit-to-delivery and
 * commit-to-live-update latency; run.js compares W4's throughput with W3's of the same round.
 *
 * Tenantry runs in production mode, where endpoints must be https: the receiver serves TLS with a
 * certificate made for this run, which the server trusts through NODE_EXTRA_CA_CERTS (see tlsForRun), and
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=true lets it deliver to 127.0.0.1.
 *
 * "Commit" is the event's own time (`createdAt` in a webhook, `at` in a live event): the instant the
 * transaction wrote it, a few milliseconds before its COMMIT. Latencies are therefore slight overestimates.
 */
const https = require('node:https');
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createClient } = require('graphql-ws');
// ws's client, not Node's global WebSocket: graphql-ws is given it below.
const WsWebSocket = require('ws');
const { signHs256 } = require('./lib');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A self-signed certificate for 127.0.0.1, made once per bench run and removed at its end. */
function tlsForRun() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenantry-bench-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return {
    key,
    cert,
    env: { NODE_EXTRA_CA_CERTS: cert, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An https receiver answering 200 at once, noting when each delivery arrived. */
async function startReceiver(tls) {
  const received = [];
  const server = https.createServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const receivedAt = Date.now();
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        received.push({
          eventId: event.id,
          createdAt: Date.parse(event.createdAt),
          receivedAt,
          delivery: `${req.headers['tenantry-delivery-id']}#${req.headers['tenantry-delivery-attempt'] ?? ''}`,
        });
      } catch {
        received.push({ eventId: null, receivedAt, createdAt: NaN, delivery: 'unparsable' });
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${server.address().port}/hooks`,
    received,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function graphql(url, token, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}

const CREATE = 'mutation Create($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id } } }';
const DELETE = 'mutation Delete($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedId } }';
const EVENTS = 'subscription Events { events { id at action } }';

/** One endpoint per reseller, each registered by that reseller's admin. */
async function registerEndpoints(target, secret, resellerIds, receiverUrl) {
  const endpoints = [];
  for (const partnerId of resellerIds) {
    const token = signHs256(secret, { sub: 'bench-webhooks', roles: ['PARTNER_ADMIN_AGENT'], partnerId }, 6 * 3600);
    const data = await graphql(target.url, token, CREATE, {
      input: { url: `${receiverUrl}/${partnerId}`, eventTypes: [], description: 'npm run bench (W4)' },
    });
    endpoints.push({ id: data.createWebhookEndpoint.webhookEndpoint.id, token });
  }
  return endpoints;
}

async function removeEndpoints(target, endpoints) {
  for (const { id, token } of endpoints) await graphql(target.url, token, DELETE, { input: { id } });
}

/** `count` live subscribers, each its own caller (the per-caller cap counts subjects), all of the changing reseller. */
async function startSubscribers(target, secret, partnerId, count) {
  const wsUrl = target.url.replace(/^http/, 'ws');
  const subscribers = [];
  for (let i = 0; i < count; i++) {
    const token = signHs256(secret, { sub: `bench-live-${i}`, roles: ['PARTNER_ADMIN_AGENT'], partnerId }, 6 * 3600);
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WsWebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
    });
    const subscriber = { client, received: [], errors: [] };
    subscriber.dispose = client.subscribe(
      { query: EVENTS },
      {
        next: (message) => {
          const event = message.data?.events;
          if (event) subscriber.received.push({ eventId: event.id, at: Date.parse(event.at), receivedAt: Date.now() });
          else subscriber.errors.push(JSON.stringify(message.errors ?? message).slice(0, 200));
        },
        error: (error) => {
          const first = Array.isArray(error) ? error[0] : error;
          const code = first?.extensions?.code ?? first?.code;
          subscriber.errors.push(`${code ? `${code}: ` : ''}${first?.reason || first?.message || JSON.stringify(first)}`.slice(0, 300));
        },
        complete: () => undefined,
      },
    );
    subscribers.push(subscriber);
  }
  await sleep(1500); // connection_init, subscribe, and the server's first poll
  const failed = subscribers.filter((s) => s.errors.length);
  if (failed.length) throw new Error(`${failed.length} live subscribers failed: ${failed[0].errors[0]}`);
  return {
    subscribers,
    async stop() {
      for (const s of subscribers) s.dispose();
      await Promise.all(subscribers.map((s) => s.client.dispose()));
    },
  };
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * Wraps one W4 run: `measure(window)` runs W3's load and returns when it ends; `window()` is given the
 * instants the measured part starts and ends. Events of the measured part are those whose time falls in it.
 */
async function withEvents({ target, secret, resellerIds, partnerId, tls, liveSubscribers, eventsBetween }, measure) {
  const receiver = await startReceiver(tls);
  let endpoints = [];
  let live = null;
  try {
    endpoints = await registerEndpoints(target, secret, resellerIds, receiver.url);
    live = liveSubscribers > 0 ? await startSubscribers(target, secret, partnerId, liveSubscribers) : null;
    const { result, startedAt, endedAt } = await measure();
    // Deliveries and live events still on their way when the load stops: wait until each has arrived.
    const expected = await eventsBetween(startedAt, endedAt);
    const deadline = Date.now() + 120_000;
    const delivered = () => new Set(receiver.received.map((r) => r.eventId));
    let drainedAt = Date.now();
    while (Date.now() < deadline) {
      const got = delivered();
      const liveDone = !live || live.subscribers.every((s) => s.received.length >= expected.length);
      if (expected.every((id) => got.has(id)) && liveDone) break;
      await sleep(200);
      drainedAt = Date.now();
    }
    const inWindow = new Set(expected);
    const hooks = receiver.received.filter((r) => inWindow.has(r.eventId));
    const hookLatency = hooks.map((r) => r.receivedAt - r.createdAt);
    const missingHooks = expected.filter((id) => !delivered().has(id)).length;
    const attempts = receiver.received.map((r) => r.delivery);
    const repeatedAttempts = attempts.length - new Set(attempts).size;
    const liveLatency = [];
    let liveMissing = 0;
    let liveDuplicates = 0;
    for (const s of live?.subscribers ?? []) {
      const mine = s.received.filter((r) => inWindow.has(r.eventId));
      const ids = new Set(mine.map((r) => r.eventId));
      liveDuplicates += mine.length - ids.size;
      liveMissing += expected.filter((id) => !ids.has(id)).length;
      for (const r of mine) liveLatency.push(r.receivedAt - r.at);
    }
    const seconds = (endedAt - startedAt) / 1000;
    const problems = [];
    if (missingHooks) problems.push(`${missingHooks} of ${expected.length} events never reached the webhook receiver`);
    if (repeatedAttempts) problems.push(`${repeatedAttempts} (delivery, attempt) pairs received twice`);
    if (liveMissing) {
      const ended = live.subscribers.filter((s) => s.errors.length);
      problems.push(
        `${liveMissing} live events missing across ${live.subscribers.length} subscribers` +
          (ended.length ? ` (${ended.length} ended by the server: ${ended[0].errors[0]})` : ''),
      );
    }
    if (liveDuplicates) problems.push(`${liveDuplicates} live events received twice`);
    return {
      ...result,
      problems: [...result.problems, ...problems],
      events: {
        endpoints: endpoints.length,
        events: expected.length,
        deliveriesPerSecond: hooks.length / seconds,
        drainSeconds: Math.max(0, (drainedAt - endedAt) / 1000),
        hookP50: percentile(hookLatency, 50),
        hookP99: percentile(hookLatency, 99),
        subscribers: live?.subscribers.length ?? 0,
        liveP50: percentile(liveLatency, 50),
        liveP99: percentile(liveLatency, 99),
      },
    };
  } finally {
    if (live) await live.stop();
    await removeEndpoints(target, endpoints).catch(() => undefined);
    await receiver.stop();
  }
}

module.exports = { tlsForRun, withEvents };
