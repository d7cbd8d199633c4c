/**
 * Concurrent changes to one subscription, over HTTP (meant for MariaDB, where requests really run in
 * parallel; SQLite runs them too). Optimistic versions: a stale expectedVersion is a CONFLICT, no
 * update is ever lost, and nothing lands on a subscription once it is suspended.
 */
import { codeOf, ok, startTestServer, type GraphQLResponse, type TestServer } from './support/harness';
import { buildWorld, kitFor, uniqueDomain, type AuditEventView, type Kit, type SubscriptionView, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  CHANGE_LICENSE_QUANTITY,
  CREATE_CUSTOMER,
  CREATE_RESELLER_INVITATION,
  GET_CUSTOMERS,
  GET_TENANT,
  PURCHASE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_RESELLER_RELATIONSHIP,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';

const CONCURRENCY = 20;

describe('reseller: concurrent changes to a subscription', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const fresh = async (quantity = 10) => {
    const customer = await kit.createCustomer(world.tokens.resellerAdmin);
    const subscription = await kit.purchase(world.tokens.resellerAdmin, {
      tenantId: customer.id,
      offerId: world.offers.basic.id,
      quantity,
    });
    return { customer, subscription };
  };
  const changeQuantity = (subscriptionId: string, quantity: number, expectedVersion?: number) =>
    server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId, quantity, expectedVersion } }, world.tokens.resellerSales);
  const eventsOf = async (tenantId: string, subscriptionId: string, action: string): Promise<AuditEventView[]> =>
    (await kit.auditEvents(tenantId)).filter((e) => e.targetId === subscriptionId && e.action === action);
  const versionOf = (snapshot: Record<string, unknown> | null) => snapshot!.version as number;

  it(`lets exactly one of ${CONCURRENCY} changes carrying the same expectedVersion through; the rest are CONFLICT`, async () => {
    const { customer, subscription } = await fresh();
    const quantities = Array.from({ length: CONCURRENCY }, (_, i) => 11 + i);
    const responses = await Promise.all(quantities.map((q) => changeQuantity(subscription.id, q, subscription.version)));

    const winners = responses.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(responses.filter((r) => r.errors).map(codeOf)).toEqual(Array(CONCURRENCY - 1).fill('CONFLICT'));
    const won: SubscriptionView = winners[0].data!.changeLicenseQuantity.subscription;
    expect(won.version).toBe(subscription.version + 1);

    const now = await kit.read(world.tokens.resellerAdmin, subscription.id);
    expect(now).toMatchObject({ version: subscription.version + 1, quantity: won.quantity });
    const events = await eventsOf(customer.id, subscription.id, 'subscription.quantityChanged');
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ quantity: won.quantity, version: won.version });
  });

  it(`applies all ${CONCURRENCY} concurrent changes without expectedVersion: none is lost`, async () => {
    const { customer, subscription } = await fresh();
    const quantities = Array.from({ length: CONCURRENCY }, (_, i) => 101 + i);
    const responses = await Promise.all(quantities.map((q) => changeQuantity(subscription.id, q)));

    for (const response of responses) expect(response.errors?.[0]?.message).toBeUndefined();
    const versions = responses.map((r) => r.data!.changeLicenseQuantity.subscription.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: CONCURRENCY }, (_, i) => subscription.version + 1 + i));

    const now = await kit.read(world.tokens.resellerAdmin, subscription.id);
    expect(now.version).toBe(subscription.version + CONCURRENCY);

    // The audit trail is one unbroken chain of versions: every change was applied on top of the previous one.
    const events = (await eventsOf(customer.id, subscription.id, 'subscription.quantityChanged')).sort(
      (a, b) => versionOf(a.after) - versionOf(b.after),
    );
    expect(events).toHaveLength(CONCURRENCY);
    events.forEach((event, i) => {
      expect(versionOf(event.before)).toBe(subscription.version + i);
      expect(versionOf(event.after)).toBe(subscription.version + i + 1);
      if (i > 0) expect(event.before!.quantity).toBe(events[i - 1].after!.quantity);
    });
    expect(new Set(events.map((e) => e.after!.quantity)).size).toBe(CONCURRENCY);
    expect(now.quantity).toBe(events[CONCURRENCY - 1].after!.quantity);
  });

  it.each([0, 1, 3, 6])(
    'never lets a quantity change land on a suspended subscription (suspension sent once %p changes were answered)',
    async (answeredBeforeSuspension) => {
      const { customer, subscription } = await fresh();
      let answered = 0;
      let startSuspension!: () => void;
      const suspension = new Promise<GraphQLResponse>((resolve) => {
        startSuspension = () =>
          resolve(server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: subscription.id } }, world.tokens.resellerAdmin));
      });
      if (answeredBeforeSuspension === 0) startSuspension();
      const requests = Array.from({ length: CONCURRENCY }, (_, i) =>
        changeQuantity(subscription.id, 21 + i).then((response) => {
          if (++answered === answeredBeforeSuspension) startSuspension();
          return response;
        }),
      );
      const [suspended, ...changes] = await Promise.all([suspension, ...requests]);

      // The suspension itself succeeds (nothing else races it for the status).
      expect(suspended.errors).toBeUndefined();
      const row = await kit.read(world.tokens.resellerAdmin, subscription.id);
      expect(row.status).toBe('SUSPENDED');

      const succeeded = changes.filter((r) => !r.errors);
      // Those answered before the suspension was even sent found an active subscription.
      expect(succeeded.length).toBeGreaterThanOrEqual(answeredBeforeSuspension);
      for (const failed of changes.filter((r) => r.errors)) expect(['FAILED_PRECONDITION', 'CONFLICT']).toContain(codeOf(failed));

      const [suspendEvent] = await eventsOf(customer.id, subscription.id, 'subscription.suspended');
      const quantityEvents = await eventsOf(customer.id, subscription.id, 'subscription.quantityChanged');
      expect(quantityEvents).toHaveLength(succeeded.length);
      for (const event of quantityEvents) {
        expect(versionOf(event.after)).toBeLessThan(versionOf(suspendEvent.after));
        expect(Date.parse(event.at)).toBeLessThanOrEqual(Date.parse(suspendEvent.at));
        expect(event.id < suspendEvent.id).toBe(true);
      }
      // Every successful change was answered with an ACTIVE subscription, before the suspension's version.
      for (const response of succeeded) {
        const reply: SubscriptionView = response.data!.changeLicenseQuantity.subscription;
        expect(reply.status).toBe('ACTIVE');
        expect(reply.version).toBeLessThan(versionOf(suspendEvent.after));
      }
      // The row is the suspension applied on top of the last successful change.
      expect(row.version).toBe(subscription.version + succeeded.length + 1);
      const lastQuantity = quantityEvents.length
        ? quantityEvents.reduce((a, b) => (versionOf(a.after) > versionOf(b.after) ? a : b)).after!.quantity
        : subscription.quantity;
      expect(row.quantity).toBe(lastQuantity);
      expect(suspendEvent.before).toMatchObject({ status: 'ACTIVE', quantity: lastQuantity });

      // And after the race, a change is refused plainly.
      expect(codeOf(await changeQuantity(subscription.id, 50))).toBe('FAILED_PRECONDITION');
    },
  );
  it.each([
    ['removal', 0],
    ['removal', 1],
    ['removal', 3],
    ['changes', 0],
    ['changes', 1],
    ['changes', 3],
  ] as const)(
    'never ends a relationship while the reseller’s sale is active: removal racing a reactivation and a purchase (%s first, %p ms ahead)',
    async (first, delayMs) => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const sold = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 4 });
      await kit.suspend(world.tokens.resellerAdmin, sold.id);

      const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const removalDelay = first === 'removal' ? 0 : delayMs;
      const changesDelay = first === 'removal' ? delayMs : 0;
      const [removal, reactivation, purchase] = await Promise.all([
        after(removalDelay).then(() =>
          server.gql(
            REMOVE_RESELLER_RELATIONSHIP,
            { input: { tenantId: customer.id, partnerId: world.partners.reseller } },
            world.tokens.resellerAdmin,
          ),
        ),
        after(changesDelay).then(() =>
          server.gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: sold.id } }, world.tokens.resellerSales),
        ),
        after(changesDelay).then(() =>
          server.gql(
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 5 } },
            world.tokens.resellerSales,
          ),
        ),
      ]);

      const seen = ok(await server.gql(GET_TENANT, { id: customer.id }, customer.tokens.global)).tenant;
      const activeSales = seen.subscriptions.edges
        .map((e: { node: SubscriptionView }) => e.node)
        .filter((s: SubscriptionView) => s.status === 'ACTIVE' && s.reseller?.id === world.partners.reseller);
      if (removal.errors) {
        // The relationship stays: it was refused because a sale was (or became) active.
        expect(codeOf(removal)).toBe('FAILED_PRECONDITION');
        expect(seen.billingManagedBy).toEqual({ id: world.partners.reseller });
        expect(activeSales.length).toBeGreaterThan(0);
      } else {
        // The relationship ended: nothing the reseller sold may be active, and its racing changes were refused.
        expect(activeSales).toEqual([]);
        expect(seen.billingManagedBy).toBeNull();
        expect(codeOf(reactivation)).toBe('NOT_FOUND');
        expect(codeOf(purchase)).toBe('NOT_FOUND');
      }
    },
  );
  it('lets exactly one of several tenants accepting the same invitation code at once succeed', async () => {
    const tenants = await Promise.all([1, 2, 3, 4, 5].map(() => kit.createTenant()));
    const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, world.tokens.resellerAdmin)).createResellerInvitation
      .invitation;
    const responses = await Promise.all(tenants.map((t) => server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, t.tokens.global)));
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => r.errors).map(codeOf)).toEqual(Array(tenants.length - 1).fill('FAILED_PRECONDITION'));
    const mine = ok(await server.gql(GET_CUSTOMERS, { first: 100 }, world.tokens.resellerAdmin)).customers.edges.map((e) => e.node.id);
    expect(tenants.filter((t) => mine.includes(t.id))).toHaveLength(1);
  });

  it('creates one customer for concurrent createCustomer calls replaying the same idempotencyKey', async () => {
    const input = { name: 'Nod Publishers', domain: uniqueDomain('nod'), countryCode: 'TH', idempotencyKey: `nod-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => server.gql(CREATE_CUSTOMER, { input }, world.tokens.resellerAdmin)),
    );
    for (const response of responses) expect(response.errors?.[0]?.message).toBeUndefined();
    expect(new Set(responses.map((r) => r.data!.createCustomer.customer.id)).size).toBe(1);
    const found = ok(await server.gql(GET_CUSTOMERS, { search: input.domain, first: 100 }, world.tokens.resellerAdmin)).customers;
    expect(found.edges).toHaveLength(1);
  });
});
