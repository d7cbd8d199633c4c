/**
 * Seed 004 (reseller side), over HTTP: change the licence count, change the status both ways, and
 * add a subscription (only authorised offers, with a confirmation quote).
 */
import { codeOf, expectNothingChanged, ok, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type SubscriptionView, type World } from './support/world';
import {
  CHANGE_LICENSE_QUANTITY,
  GET_OFFERS,
  GET_PARTNER,
  GET_SUBSCRIPTIONS,
  GET_TENANT,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import type {
  ChangeLicenseQuantityInput,
  QuoteSubscriptionQuery,
  ReactivateSubscriptionInput,
  SuspendSubscriptionInput,
} from './graphql/generated/graphql';

const DAY_MS = 86_400_000;

describe('reseller: managing a customer’s subscriptions', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const change = async (token: string, input: ChangeLicenseQuantityInput): Promise<SubscriptionView> =>
    ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input }, token)).changeLicenseQuantity.subscription;
  const suspend = async (token: string, input: SuspendSubscriptionInput): Promise<SubscriptionView> =>
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input }, token)).suspendSubscription.subscription;
  const reactivate = async (token: string, input: ReactivateSubscriptionInput): Promise<SubscriptionView> =>
    ok(await server.gql(REACTIVATE_SUBSCRIPTION, { input }, token)).reactivateSubscription.subscription;
  const eventsOf = async (tenantId: string, targetId: string) => (await kit.auditEvents(tenantId)).filter((e) => e.targetId === targetId);

  describe('change the licence count (changeLicenseQuantity)', () => {
    it('sets the new quantity, bumps the version, and records who changed what', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const bought = await kit.purchase(world.tokens.resellerAdmin, {
        tenantId: customer.id,
        offerId: world.offers.basic.id,
        quantity: 10,
      });
      const changed = await change(world.tokens.resellerAdmin, { subscriptionId: bought.id, quantity: 25 });
      expect(changed).toMatchObject({ id: bought.id, quantity: 25, status: 'ACTIVE', version: 2, viewerCanManage: true });
      expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(bought.updatedAt));
      expect(changed.createdAt).toBe(bought.createdAt);

      // Everyone who reads it sees the new count.
      expect((await kit.read(customer.tokens.reader, bought.id)).quantity).toBe(25);
      const listed = ok(await server.gql(GET_TENANT, { id: customer.id }, world.tokens.resellerHelpdesk)).tenant.subscriptions.edges;
      expect(listed.map((e) => e.node.quantity)).toEqual([25]);

      const [event] = (await eventsOf(customer.id, bought.id)).filter((e) => e.action === 'subscription.quantityChanged');
      expect(event).toMatchObject({
        targetType: 'Subscription',
        tenantId: customer.id,
        before: expect.objectContaining({ quantity: 10, version: 1 }),
        after: expect.objectContaining({ quantity: 25, version: 2 }),
        actor: expect.objectContaining({ partnerId: world.partners.reseller }),
      });
    });

    it('accepts the offer’s bounds, a matching expectedVersion, and the sales agent', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const bought = await kit.purchase(world.tokens.resellerSales, {
        tenantId: customer.id,
        offerId: world.offers.basic.id,
        quantity: 10,
      });
      const atMax = await change(world.tokens.resellerSales, {
        subscriptionId: bought.id,
        quantity: world.offers.basic.maxQuantity,
        expectedVersion: 1,
      });
      expect(atMax).toMatchObject({ quantity: world.offers.basic.maxQuantity, version: 2 });
      const atMin = await change(world.tokens.resellerAdmin, {
        subscriptionId: bought.id,
        quantity: world.offers.basic.minQuantity,
        expectedVersion: 2,
      });
      expect(atMin).toMatchObject({ quantity: world.offers.basic.minQuantity, version: 3 });
    });

    it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const bought = await kit.purchase(world.tokens.resellerAdmin, {
        tenantId: customer.id,
        offerId: world.offers.basic.id,
        quantity: 10,
      });
      await change(world.tokens.resellerAdmin, { subscriptionId: bought.id, quantity: 11 });
      await expectNothingChanged(server, async () => {
        const response = await server.gql(
          CHANGE_LICENSE_QUANTITY,
          { input: { subscriptionId: bought.id, quantity: 12, expectedVersion: 1 } },
          world.tokens.resellerAdmin,
        );
        expect(codeOf(response)).toBe('CONFLICT');
        expect(response.errors![0].extensions.field).toBe('expectedVersion');
      });
      expect(await kit.read(world.tokens.resellerAdmin, bought.id)).toMatchObject({ quantity: 11, version: 2 });
    });
  });

  describe('change the status (suspendSubscription / reactivateSubscription)', () => {
    it('suspends: status SUSPENDED, suspendedAt now, dataRetentionEndsAt exactly 90 days later; still readable', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const bought = await kit.purchase(world.tokens.resellerAdmin, {
        tenantId: customer.id,
        offerId: world.offers.premium.id,
        quantity: 20,
      });
      const before = server.clock.now().getTime();
      const suspended = await suspend(world.tokens.resellerSales, { subscriptionId: bought.id, expectedVersion: 1 });
      const after = server.clock.now().getTime();

      expect(suspended).toMatchObject({ id: bought.id, status: 'SUSPENDED', quantity: 20, version: 2, viewerCanManage: true });
      const suspendedAt = Date.parse(suspended.suspendedAt!);
      expect(suspendedAt).toBeGreaterThanOrEqual(before - 5);
      expect(suspendedAt).toBeLessThanOrEqual(after + 5);
      expect(Date.parse(suspended.dataRetentionEndsAt!) - suspendedAt).toBe(90 * DAY_MS);

      // Readable to everyone who could read it before: the reseller's agents and the customer's users.
      for (const token of [world.tokens.resellerHelpdesk, customer.tokens.reader, world.tokens.platform]) {
        expect(await kit.read(token, bought.id)).toMatchObject({
          status: 'SUSPENDED',
          suspendedAt: suspended.suspendedAt,
          dataRetentionEndsAt: suspended.dataRetentionEndsAt,
        });
      }
      const suspendedOnly = ok(
        await server.gql(GET_SUBSCRIPTIONS, { tenantId: customer.id, status: 'SUSPENDED' }, world.tokens.resellerAdmin),
      ).subscriptions;
      expect(suspendedOnly.edges.map((e) => e.node.id)).toEqual([bought.id]);
      const activeOnly = ok(
        await server.gql(GET_SUBSCRIPTIONS, { tenantId: customer.id, status: 'ACTIVE' }, world.tokens.resellerAdmin),
      ).subscriptions;
      expect(activeOnly.totalCount).toBe(0);

      const [event] = (await eventsOf(customer.id, bought.id)).filter((e) => e.action === 'subscription.suspended');
      expect(event.before).toMatchObject({ status: 'ACTIVE', suspendedAt: null });
      expect(event.after).toMatchObject({
        status: 'SUSPENDED',
        suspendedAt: suspended.suspendedAt,
        dataRetentionEndsAt: suspended.dataRetentionEndsAt,
      });
    });

    it('reactivates: status ACTIVE, retention cleared, and its quantity can change again', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const bought = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 7 });
      await suspend(world.tokens.resellerAdmin, { subscriptionId: bought.id });
      const back = await reactivate(world.tokens.resellerAdmin, { subscriptionId: bought.id, expectedVersion: 2 });
      expect(back).toMatchObject({ status: 'ACTIVE', suspendedAt: null, dataRetentionEndsAt: null, quantity: 7, version: 3 });
      expect(await change(world.tokens.resellerSales, { subscriptionId: bought.id, quantity: 8 })).toMatchObject({
        quantity: 8,
        version: 4,
      });

      // And round again: a second suspension starts a new retention period.
      const again = await suspend(world.tokens.resellerAdmin, { subscriptionId: bought.id });
      expect(again).toMatchObject({ status: 'SUSPENDED', version: 5 });
      expect(Date.parse(again.dataRetentionEndsAt!) - Date.parse(again.suspendedAt!)).toBe(90 * DAY_MS);
      const actions = (await eventsOf(customer.id, bought.id)).map((e) => e.action).reverse();
      expect(actions).toEqual([
        'subscription.purchased',
        'subscription.suspended',
        'subscription.reactivated',
        'subscription.quantityChanged',
        'subscription.suspended',
      ]);
    });
  });

  describe('add a subscription: authorised offers only, confirmed by a quote', () => {
    const offerSkus = async (token: string) =>
      ok(await server.gql(GET_OFFERS, {}, token))
        .offers.edges.map((e) => e.node.sku)
        .sort();

    it('offers a partner only the offers it is authorised to sell', async () => {
      expect(await offerSkus(world.tokens.resellerAdmin)).toEqual(['BASIC', 'PREMIUM']);
      expect(await offerSkus(world.tokens.resellerSales)).toEqual(['BASIC', 'PREMIUM']);
      expect(await offerSkus(world.tokens.otherResellerAdmin)).toEqual(['BASIC']);
      expect(await offerSkus(world.tokens.advisorAdmin)).toEqual([]);
      expect(await offerSkus(world.tokens.platform)).toEqual(['BASIC', 'E5', 'PREMIUM']);
      const total = ok(await server.gql(GET_OFFERS, {}, world.tokens.resellerAdmin)).offers.totalCount;
      expect(total).toBe(2);
      // The same list on the partner itself (Partner.authorizedOffers), which other partners cannot see.
      const own = ok(await server.gql(GET_PARTNER, { id: world.partners.reseller }, world.tokens.resellerSales)).partner.authorizedOffers;
      expect(own!.map((o) => o.sku).sort()).toEqual(['BASIC', 'PREMIUM']);
      expect(codeOf(await server.gql(GET_PARTNER, { id: world.partners.reseller }, world.tokens.otherResellerAdmin))).toBe('NOT_FOUND');
    });

    it('quotes the purchase without writing anything, then buys exactly that', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const input = { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 12, partnerId: world.partners.advisor };
      let quote: QuoteSubscriptionQuery['quoteSubscription'] | undefined;
      await expectNothingChanged(server, async () => {
        quote = ok(await server.gql(QUOTE_SUBSCRIPTION, { input }, world.tokens.resellerSales)).quoteSubscription;
      });
      expect(quote).toEqual({
        tenant: { id: customer.id },
        offer: { id: world.offers.premium.id, sku: 'PREMIUM' },
        quantity: 12,
        channel: 'RESELLER',
        reseller: { id: world.partners.reseller },
        partnerOfRecord: { id: world.partners.advisor },
        unitPriceCents: world.offers.premium.unitPriceCents,
        monthlyTotalCents: world.offers.premium.unitPriceCents * 12,
        currency: 'USD',
      });

      const bought = ok(await server.gql(PURCHASE_SUBSCRIPTION, { input }, world.tokens.resellerSales)).purchaseSubscription.subscription;
      expect(bought).toMatchObject({
        quantity: 12,
        status: 'ACTIVE',
        channel: 'RESELLER',
        version: 1,
        reseller: { id: world.partners.reseller },
        partnerOfRecord: { id: world.partners.advisor },
        offer: { id: world.offers.premium.id },
        tenant: { id: customer.id },
        viewerCanManage: true,
        suspendedAt: null,
        dataRetentionEndsAt: null,
      });
      const [event] = await eventsOf(customer.id, bought.id);
      expect(event).toMatchObject({ action: 'subscription.purchased', before: null, after: expect.objectContaining({ quantity: 12 }) });

      // The quote runs every check of the purchase: now the same one would be a second live subscription.
      await expectNothingChanged(server, async () => {
        expect(codeOf(await server.gql(QUOTE_SUBSCRIPTION, { input }, world.tokens.resellerSales))).toBe('CONFLICT');
        expect(codeOf(await server.gql(PURCHASE_SUBSCRIPTION, { input }, world.tokens.resellerSales))).toBe('CONFLICT');
      });
    });

    it('refuses to quote or buy an offer the reseller is not authorised for (OFFER_NOT_AUTHORIZED)', async () => {
      const customer = await kit.createCustomer(world.tokens.otherResellerAdmin);
      for (const offer of [world.offers.premium, world.offers.e5]) {
        const input = { tenantId: customer.id, offerId: offer.id, quantity: 5 };
        await expectNothingChanged(server, async () => {
          for (const document of [QUOTE_SUBSCRIPTION, PURCHASE_SUBSCRIPTION] as AnyOperation[]) {
            const response = await server.gql(document, { input }, world.tokens.otherResellerAdmin);
            expect(codeOf(response)).toBe('OFFER_NOT_AUTHORIZED');
            expect(response.errors![0].extensions.field).toBe('offerId');
          }
        });
      }
      // The authorised one goes through.
      expect(
        await kit.purchase(world.tokens.otherResellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 5 }),
      ).toMatchObject({ status: 'ACTIVE' });
    });
  });
});
