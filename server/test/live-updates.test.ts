/**
 * Issue 14, SPEC §6 "Live updates": `LiveUpdates.events` over WebSocket (graphql-transport-ws at /graphql).
 * Each subscriber receives every later event it may read by the audit rule of §2, checked per event at
 * delivery, and nothing else; the token goes in connection_init and closes the socket with 4401 when it is
 * missing, bad or expires; the query limits and the per-caller cap apply. Real sockets (graphql-ws + ws),
 * real database.
 */
import type { Client } from 'graphql-ws';
import { codeOf, ok, Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import { collect, connectRaw, liveClient, liveSubscriptions, untilLive, type Collected, type LiveResult } from './support/live';
import { CHANGE_LICENSE_QUANTITY, REMOVE_RESELLER_RELATIONSHIP } from './graphql/shared-definitions';
import { graphql } from './graphql/generated';
import type { LiveEventsSubscription } from './graphql/generated/graphql';
import { signDevelopmentToken } from '../src/auth/tokens';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';

const LIVE_EVENTS = graphql(`
  subscription LiveEvents($tenantId: ID, $types: [String!]) {
    events(tenantId: $tenantId, types: $types) { id action tenantId targetId actor { subject tenantId partnerId } }
  }
`);

type Event = LiveEventsSubscription['events'];
/** Two polls and more: an event that should not arrive has had its chance to. */
const SETTLE_MS = 700;
const RETENTION_DAYS = 90;

const eventsOf = (results: LiveResult<LiveEventsSubscription>[]): Event[] => results.flatMap((r) => (r.data ? [r.data.events] : []));
const summary = (results: LiveResult<LiveEventsSubscription>[]) =>
  eventsOf(results)
    .map((e) => `${e.action} ${e.tenantId}`)
    .sort();
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe('live updates over WebSocket (SPEC §6)', () => {
  let server: TestServer;
  let w: World;
  let kit: Kit;
  const clients: Client[] = [];

  const client = (token?: string) => {
    const c = liveClient(server.url, token);
    clients.push(c);
    return c;
  };
  const subscribe = (token: string, variables: { tenantId?: string; types?: string[] } = {}): Collected<LiveEventsSubscription> =>
    collect<LiveEventsSubscription>(client(token), String(LIVE_EVENTS), variables);
  /** The first (and only) answer of a subscription the server refuses. */
  const refusal = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const collected = collect(client(token), query, variables);
    const [first] = await collected.until((results) => results.length > 0);
    return first.errors ?? [];
  };
  /** Waits (at most 5 s) until the server's count of live subscriptions satisfies `predicate`. */
  const untilCount = async (predicate: (n: number) => boolean) => {
    const deadline = Date.now() + 5_000;
    while (!predicate(await liveSubscriptions(server)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(predicate(await liveSubscriptions(server))).toBe(true);
  };
  /** Ends every subscription and socket of a test, and waits until the server has let them go. */
  const closeAll = async () => {
    await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    await untilCount((n) => n === 0);
  };

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    kit = kitFor(server);
  });
  afterEach(closeAll);
  afterAll(() => server.stop());

  it('each subscriber receives, once, the later events it may read, and nothing else', async () => {
    const before = await kit.purchase(w.tokens.directBilling, { tenantId: w.tenants.direct, offerId: w.offers.premium.id, quantity: 5 });
    const advisorAdmin = w.tokens.advisorAdmin;
    const platform = subscribe(w.tokens.platform);
    const customer = subscribe(w.tokens.customerGlobal);
    const reseller = subscribe(w.tokens.resellerAdmin);
    const advisor = subscribe(advisorAdmin);
    const otherReseller = subscribe(w.tokens.otherResellerAdmin);
    const direct = subscribe(w.tokens.directGlobal);
    await untilLive(server, 6);

    const sale = await kit.purchase(w.tokens.resellerAdmin, {
      tenantId: w.tenants.customer,
      offerId: w.offers.basic.id,
      quantity: 2,
      partnerId: w.partners.advisor,
    });
    await kit.purchase(w.tokens.directBilling, { tenantId: w.tenants.direct, offerId: w.offers.basic.id, quantity: 1 });
    const created = await kit.createTenant('Live Coffee');
    ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: sale.id, quantity: 3 } }, w.tokens.resellerAdmin));
    const otherCustomer = await kit.createCustomer(w.tokens.otherResellerAdmin, 'Live Litware');

    const expected = new Map<Collected<LiveEventsSubscription>, string[]>([
      [
        platform,
        [
          `subscription.purchased ${w.tenants.customer}`,
          `subscription.purchased ${w.tenants.direct}`,
          `tenant.created ${created.id}`,
          `subscription.quantityChanged ${w.tenants.customer}`,
          `tenant.created ${otherCustomer.id}`,
          `resellerRelationship.created ${otherCustomer.id}`,
        ],
      ],
      [customer, [`subscription.purchased ${w.tenants.customer}`, `subscription.quantityChanged ${w.tenants.customer}`]],
      [reseller, [`subscription.purchased ${w.tenants.customer}`, `subscription.quantityChanged ${w.tenants.customer}`]],
      [advisor, [`subscription.purchased ${w.tenants.customer}`, `subscription.quantityChanged ${w.tenants.customer}`]],
      [otherReseller, [`tenant.created ${otherCustomer.id}`, `resellerRelationship.created ${otherCustomer.id}`]],
      [direct, [`subscription.purchased ${w.tenants.direct}`]],
    ]);
    for (const [subscriber, events] of expected) await subscriber.until((results) => results.length >= events.length);
    await settle();
    for (const [subscriber, events] of expected) expect(summary(subscriber.results)).toEqual([...events].sort());

    // The event made before the subscriptions started is not replayed.
    expect(eventsOf(platform.results).map((e) => e.targetId)).not.toContain(before.id);
    // Fields resolve as in auditEvents: another organisation's user shows as that organisation.
    const bought = (subscriber: Collected<LiveEventsSubscription>) => eventsOf(subscriber.results).find((e) => e.targetId === sale.id)!;
    expect(bought(customer).actor).toEqual({ subject: null, tenantId: null, partnerId: w.partners.reseller });
    expect(bought(reseller).actor.subject).not.toBeNull();
    expect(bought(platform).actor.subject).not.toBeNull();
  });

  it('narrows to one tenant with tenantId and to some event types with types', async () => {
    const quantities = subscribe(w.tokens.resellerAdmin, { tenantId: w.tenants.customer, types: ['subscription.quantityChanged'] });
    const tenants = subscribe(w.tokens.platform, { types: ['tenant.created'] });
    const ofDirect = subscribe(w.tokens.platform, { tenantId: w.tenants.direct });
    await untilLive(server, 3);

    const sale = await kit.purchase(w.tokens.resellerAdmin, { tenantId: w.tenants.customer, offerId: w.offers.premium.id, quantity: 5 });
    ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: sale.id, quantity: 6 } }, w.tokens.resellerAdmin));
    const created = await kit.createTenant('Filtered Coffee');
    const directSale = await kit.purchase(w.tokens.directBilling, { tenantId: w.tenants.direct, offerId: w.offers.e5.id, quantity: 2 });

    await Promise.all([quantities, tenants, ofDirect].map((s) => s.until((results) => results.length >= 1)));
    await settle();
    expect(eventsOf(quantities.results).map((e) => [e.action, e.targetId])).toEqual([['subscription.quantityChanged', sale.id]]);
    expect(eventsOf(tenants.results).map((e) => [e.action, e.targetId])).toEqual([['tenant.created', created.id]]);
    expect(eventsOf(ofDirect.results).map((e) => [e.action, e.targetId])).toEqual([['subscription.purchased', directSale.id]]);
  });

  it('refuses a tenantId the caller cannot read with NOT_FOUND, as reads do', async () => {
    const unknownTenant = '0190a6f0-0000-7000-8000-000000000000';
    for (const [token, tenantId] of [
      [w.tokens.resellerAdmin, w.tenants.direct],
      [w.tokens.customerGlobal, w.tenants.direct],
      [w.tokens.platform, unknownTenant],
    ]) {
      const [error] = await refusal(token, String(LIVE_EVENTS), { tenantId });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(error.message).toContain(tenantId);
    }
  });

  it('refuses a role that may not read the audit trail with FORBIDDEN, and an unknown type with BAD_USER_INPUT on types', async () => {
    const [forbidden] = await refusal(w.tokens.directReader, String(LIVE_EVENTS));
    expect(forbidden.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(forbidden.message).toMatch(/audit trail/);

    const [unknownType] = await refusal(w.tokens.platform, String(LIVE_EVENTS), {
      types: ['subscription.purchased', 'subscription.bought'],
    });
    expect(unknownType.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
    expect(unknownType.message).toContain('subscription.bought');
    expect(await liveSubscriptions(server)).toBe(0);
  });

  it('closes the socket with 4401 for a missing or bad token, and accepts a good one', async () => {
    const missing = await connectRaw(server.url, undefined);
    expect(missing).toMatchObject({ code: 4401, reason: expect.stringMatching(/Authorization: Bearer/) });
    const bad = await connectRaw(server.url, { authorization: 'Bearer not.a.token' });
    expect(bad).toMatchObject({ code: 4401, reason: expect.stringMatching(/not valid/) });
    const forged = await connectRaw(server.url, {
      authorization: `Bearer ${await signDevelopmentToken('another-secret-that-is-long-enough-to-sign', { roles: [Role.PLATFORM_ADMIN] })}`,
    });
    expect(forged).toMatchObject({ code: 4401 });
    expect(await connectRaw(server.url, { authorization: `Bearer ${w.tokens.platform}` })).toBe('acknowledged');
  });

  it('closes the socket with 1013 (try again later) when the token cannot be checked because the database is down', async () => {
    const other = await startTestServer();
    try {
      const token = await other.token(Role.TENANT_READER, { tenantId: '0190a6f0-0000-7000-8000-000000000001', subject: 'db-down' });
      await other.dataSource.destroy();
      expect(await connectRaw(other.url, { authorization: `Bearer ${token}` })).toEqual({
        code: 1013,
        reason: 'The server could not check the token; connect again later.',
      });
    } finally {
      await other.stop();
    }
  });

  it('closes the socket with 4401 when the token expires while connected, ending its subscriptions', async () => {
    const secret = server.config.auth.jwtSecret ?? DEVELOPMENT_JWT_SECRET;
    const shortLived = await signDevelopmentToken(secret, { roles: [Role.PLATFORM_ADMIN], subject: 'short-lived', expiresIn: '4s' });
    let closed: { code: number; reason: string } | undefined;
    const c = liveClient(server.url, shortLived);
    clients.push(c);
    c.on('closed', (event) => {
      closed = event as { code: number; reason: string };
    });
    const live = collect(c, String(LIVE_EVENTS));
    await untilLive(server, 1);
    await expect(live.completed).rejects.toMatchObject({ code: 4401 });
    expect(closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/expired/) });
    await untilCount((n) => n === 0);
  });

  it('applies the query limits of SPEC §4 to subscription documents', async () => {
    const aliased = (n: number) => `subscription { ${Array.from({ length: n }, (_, i) => `a${i}: events { id }`).join(' ')} }`;
    // 500 aliases are also more tokens than a document may have: refused before it is even parsed.
    const [fiveHundred] = await refusal(w.tokens.platform, aliased(500));
    expect(fiveHundred.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    const [tooManyAliases] = await refusal(w.tokens.platform, aliased(server.config.limits.maxAliases + 1));
    expect(tooManyAliases.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(tooManyAliases.message).toMatch(/alias limit/);

    const deep = `subscription { events { actor { ${'a { '.repeat(17)}b${' }'.repeat(17)} } } }`;
    const [tooDeep] = await refusal(w.tokens.platform, deep);
    expect(tooDeep.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(tooDeep.message).toMatch(/depth limit/);
    expect(await liveSubscriptions(server)).toBe(0);
  });

  it('refuses invalid documents and operations other than subscriptions with BAD_USER_INPUT', async () => {
    const [unknownField] = await refusal(w.tokens.platform, 'subscription { events { nope } }');
    expect(unknownField.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const [query] = await refusal(w.tokens.platform, '{ viewer { subject } }');
    expect(query.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(query.message).toMatch(/HTTP POST/);
    const [twoOperations] = await refusal(w.tokens.platform, 'subscription A { events { id } } subscription B { events { id } }');
    expect(twoOperations.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
    const [badVariable] = await refusal(w.tokens.platform, String(LIVE_EVENTS), { types: [5] });
    expect(badVariable.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(badVariable.message).toMatch(/\$types/);
    expect(await liveSubscriptions(server)).toBe(0);
  });

  it(`holds a caller to WS_MAX_SUBSCRIPTIONS_PER_CALLER live subscriptions on an instance`, async () => {
    const max = server.config.wsMaxSubscriptionsPerCaller;
    const capped = await server.token(Role.PLATFORM_ADMIN, { subject: 'capped-caller' });
    const connection = client(capped);
    const held = Array.from({ length: max }, () => collect(connection, String(LIVE_EVENTS)));
    await untilLive(server, max);

    // Another connection of the same caller counts too; another caller does not.
    const [refused] = await refusal(capped, String(LIVE_EVENTS));
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.message).toContain(`${max} live subscriptions`);
    subscribe(w.tokens.platform);
    await untilLive(server, max + 1);

    // Completing one frees its place.
    held[0].stop();
    await untilCount((n) => n === max);
    const again = subscribe(capped);
    await untilLive(server, max + 1);
    const created = await kit.createTenant('Capped Coffee');
    await again.until((results) => eventsOf(results).some((e) => e.targetId === created.id));
  });

  it('still answers a subscription operation sent over HTTP with 400 BAD_USER_INPUT', async () => {
    const response = await server.gql(String(LIVE_EVENTS), {}, w.tokens.platform);
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(/WebSocket/);
  });

  // Last: it moves the server's clock past the data retention.
  it('stops sending a reseller the events of a tenant it no longer resells to', async () => {
    const tenant = await kit.createCustomer(w.tokens.resellerAdmin, 'Former Customer');
    const sale = await kit.purchase(w.tokens.resellerAdmin, { tenantId: tenant.id, offerId: w.offers.basic.id, quantity: 1 });
    const reseller = subscribe(w.tokens.resellerAdmin, {});
    const platform = subscribe(w.tokens.platform, { tenantId: tenant.id });
    await untilLive(server, 2);

    await kit.suspend(w.tokens.resellerAdmin, sale.id);
    await reseller.until((results) => eventsOf(results).some((e) => e.action === 'subscription.suspended'));
    ok(
      await server.gql(
        REMOVE_RESELLER_RELATIONSHIP,
        { input: { tenantId: tenant.id, partnerId: w.partners.reseller } },
        w.tokens.resellerAdmin,
      ),
    );

    // The sweep expires the sale (its monthly term ended while it was suspended), then deletes it: those events
    // name the reseller, which may no longer read the tenant. The removal itself is already one of those events
    // (the trail is NOT_FOUND to a former reseller too).
    server.clock.advanceDays(RETENTION_DAYS + 1);
    await server.app.services.lifecycle.sweep();
    await platform.until((results) => eventsOf(results).some((e) => e.action === 'subscription.deleted' && e.targetId === sale.id));
    await settle();
    expect(
      eventsOf(platform.results)
        .map((e) => e.action)
        .sort(),
    ).toEqual(
      [
        'subscription.suspended',
        'resellerRelationship.removed',
        'tenant.billingManagerCleared',
        'subscription.expired',
        'subscription.deleted',
      ].sort(),
    );
    // Of the former customer's events the reseller saw only the one before the removal (its other customers'
    // monthly terms renewed meanwhile, and those it still sees).
    expect(
      eventsOf(reseller.results)
        .filter((e) => e.tenantId === tenant.id)
        .map((e) => e.action),
    ).toEqual(['subscription.suspended']);
  });
});
