import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ok, Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';
import { startFlakyProxy, type FlakyProxy } from './support/flaky-proxy';
import { loadSdk } from './fixtures/sdk/ensure-built';

/**
 * Issue 12, the integrator: the SDK retries what is safe to retry, against the real server, through a proxy
 * that loses connections and answers 503 the way a load balancer does. A retried purchase buys once.
 */
const { createClient, TenantryNetworkError } = loadSdk();

const keyOf = (body: string) => JSON.parse(body).variables.input.idempotencyKey as string;

describe('@tenantry/sdk retries against the running server', () => {
  let server: TestServer;
  let world: World;
  let proxy: FlakyProxy | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });
  afterEach(() => proxy?.stop());
  afterAll(() => server.stop());

  const countPurchases = async (tenantId: string) => {
    const read = await server.gql<{ subscriptions: { totalCount: number }; auditEvents: { edges: { node: { action: string } }[] } }>(
      `query($t: ID!) { subscriptions(tenantId: $t) { totalCount } auditEvents(tenantId: $t, first: 100) { edges { node { action } } } }`,
      { t: tenantId },
      world.tokens.platform,
    );
    const data = ok(read);
    return {
      subscriptions: data.subscriptions.totalCount,
      purchasedEvents: data.auditEvents.edges.filter((e) => e.node.action === 'subscription.purchased').length,
    };
  };

  it('a purchase whose answer is lost on the way back is retried with the same generated key, and buys once', async () => {
    const customer = await kitFor(server).createCustomer(world.tokens.resellerAdmin, 'lost-answer');
    proxy = await startFlakyProxy(server.url, ['drop-answer']);
    const client = createClient({ url: proxy.url, token: world.tokens.resellerSales });

    const { purchaseSubscription } = await client.purchaseSubscription({
      input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 7 },
    });
    expect(purchaseSubscription.subscription).toMatchObject({ quantity: 7, status: 'ACTIVE', channel: 'RESELLER' });

    // The first attempt reached the server and bought; the retry replayed it.
    expect(proxy.requests.map((r) => [r.action, r.status])).toEqual([
      ['drop-answer', 200],
      ['forward', 200],
    ]);
    const [first, second] = proxy.requests.map((r) => keyOf(r.body));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
    expect(await countPurchases(customer.id)).toEqual({ subscriptions: 1, purchasedEvents: 1 });
  });

  it('createCustomer and a query get through a 503 and a dropped connection', async () => {
    proxy = await startFlakyProxy(server.url, ['unavailable', 'drop', 'forward', 'unavailable']);
    const client = createClient({ url: proxy.url, token: world.tokens.resellerAdmin });

    const { customer } = (
      await client.createCustomer({ input: { name: 'Retry Traders', domain: 'retry-traders.example', countryCode: 'TH' } })
    ).createCustomer;
    expect(customer).toMatchObject({ name: 'Retry Traders', billingManagedBy: { id: world.partners.reseller } });
    expect(proxy.requests.map((r) => r.action)).toEqual(['unavailable', 'drop', 'forward']);
    expect(new Set(proxy.requests.map((r) => keyOf(r.body))).size).toBe(1);

    const { customers } = await client.customers({ search: 'retry-traders' });
    expect(customers.edges.map((e) => e.node.id)).toEqual([customer.id]);
    expect(proxy.requests.map((r) => r.action)).toEqual(['unavailable', 'drop', 'forward', 'unavailable', 'forward']);
  });

  it('never retries a mutation without an idempotency key: a lost answer is reported, and the change happened once', async () => {
    const customer = await kitFor(server).createCustomer(world.tokens.resellerAdmin, 'no-retry');
    const sales = createClient({ url: server.url, token: world.tokens.resellerSales });
    const bought = (await sales.purchaseSubscription({ input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 10 } }))
      .purchaseSubscription.subscription;

    proxy = await startFlakyProxy(server.url, ['drop-answer']);
    const flaky = createClient({ url: proxy.url, token: world.tokens.resellerSales });
    const error = await flaky.changeLicenseQuantity({ input: { subscriptionId: bought.id, quantity: 11 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TenantryNetworkError);
    expect((error as InstanceType<typeof TenantryNetworkError>).reason).toBe('fetch-failed');
    expect(proxy.requests).toHaveLength(1);

    const now = (await sales.subscription({ id: bought.id })).subscription;
    expect(now).toMatchObject({ quantity: 11, version: bought.version + 1 });
  });

  describe('with a rate limit of one request per second per caller', () => {
    let limited: TestServer;
    beforeAll(async () => {
      limited = await startTestServer({ rateLimiter: new RateLimiterMemory({ points: 1, duration: 1, keyPrefix: 'sdk-retries' }) });
    });
    afterAll(() => limited.stop());

    it('waits the retryAfterSeconds the server gives after RATE_LIMITED, then buys once', async () => {
      // Each setup call by its own caller, so none of them meets the limit.
      const admin = (subject: string) => limited.token(Role.PLATFORM_ADMIN, { subject });
      const offer = ok(
        await limited.gql<{ createOffer: { offer: { id: string } } }>(
          `mutation($i: CreateOfferInput!) { createOffer(input: $i) { offer { id } } }`,
          { i: { sku: 'RL', name: 'Rate limited', minQuantity: 1, maxQuantity: 10, unitPriceCents: 100, currency: 'USD' } },
          await admin('setup-offer'),
        ),
      ).createOffer.offer.id;
      const tenantId = ok(
        await limited.gql<{ createTenant: { tenant: { id: string } } }>(
          `mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }`,
          { i: { name: 'Limited', domain: 'limited.example', countryCode: 'VN' } },
          await admin('setup-tenant'),
        ),
      ).createTenant.tenant.id;
      const buyer = await limited.token(Role.TENANT_BILLING_ADMIN, { tenantId, subject: 'buyer' });

      proxy = await startFlakyProxy(limited.url, []);
      const client = createClient({ url: proxy.url, token: buyer });
      await client.viewer(); // spends this second's budget
      const { purchaseSubscription } = await client.purchaseSubscription({ input: { tenantId, offerId: offer, quantity: 2 } });
      expect(purchaseSubscription.subscription).toMatchObject({ quantity: 2, status: 'ACTIVE', channel: 'DIRECT' });

      const [, refused, accepted] = proxy.requests;
      expect([refused.status, accepted.status]).toEqual([429, 200]);
      expect(keyOf(accepted.body)).toBe(keyOf(refused.body));
      const count = await limited.gql<{ subscriptions: { totalCount: number } }>(
        `query($t: ID!) { subscriptions(tenantId: $t) { totalCount } }`,
        { t: tenantId },
        await admin('check'),
      );
      expect(ok(count).subscriptions.totalCount).toBe(1);

      // A caller who will not wait that long gets the refusal at once, with the wait the server asked for.
      const impatient = createClient({ url: proxy.url, token: buyer, maxDelayMs: 100 });
      let error: unknown;
      // One request per second: of three in a row, at least one is refused.
      for (let i = 0; i < 3 && !error; i++)
        error = await impatient.viewer().then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ name: 'TenantryError', code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 1 });
    });
  });
});
