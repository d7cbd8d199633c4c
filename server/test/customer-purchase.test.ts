/**
 * The customer buys (DIRECT channel): quote first, purchase retry-safely with an idempotency key,
 * read its subscriptions back, and find every change in its audit trail.
 */
import { codeOf, dumpDatabase, expectNothingChanged, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import {
  CHANGE_LICENSE_QUANTITY,
  GET_AUDIT_EVENTS,
  GET_PARTNER_RELATIONSHIPS,
  GET_SUBSCRIPTION,
  PURCHASE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import { graphql } from './graphql/generated';
import type { SubscriptionStatus } from './graphql/generated/graphql';

/** The quote with the names a customer's confirmation page shows. */
const QUOTE_WITH_NAMES = graphql(`
  query QuoteWithNames($input: QuoteSubscriptionInput!) {
    quoteSubscription(input: $input) {
      tenant { id }
      offer { id sku name }
      quantity
      channel
      reseller { id }
      partnerOfRecord { id name }
      unitPriceCents
      monthlyTotalCents
      currency
    }
  }
`);
const TERM_QUOTE = graphql(`
  query TermQuote($input: QuoteSubscriptionInput!) {
    quoteSubscription(input: $input) { termDuration billingCycle pricePerBillingPeriodCents termTotalCents monthlyTotalCents }
  }
`);
const SUBSCRIPTIONS_PAGE = graphql(`
  query SubscriptionsPage($tenantId: ID!, $status: SubscriptionStatus, $first: Int, $after: String) {
    subscriptions(tenantId: $tenantId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id status quantity viewerCanManage offer { id } } }
    }
  }
`);
const TENANT_SUBSCRIPTIONS = graphql(`
  query TenantSubscriptionsByStatus($id: ID!, $status: SubscriptionStatus) {
    tenant(id: $id) { subscriptions(status: $status) { totalCount edges { node { id status viewerCanManage } } } }
  }
`);

describe('customer: purchase, quote, reads and audit over HTTP', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const rowCount = async (table: string) => (await dumpDatabase(server.dataSource))[table].length;

  describe('purchaseSubscription (DIRECT)', () => {
    it('buys licences for the caller’s own tenant and returns the new subscription', async () => {
      const tenant = await kit.createTenant('buy');
      const before = await rowCount('subscriptions');
      const bought = ok(
        await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 25 } },
          tenant.tokens.global,
        ),
      ).purchaseSubscription.subscription;
      expect(bought).toMatchObject({
        quantity: 25,
        status: 'ACTIVE',
        channel: 'DIRECT',
        version: 1,
        viewerCanManage: true,
        suspendedAt: null,
        dataRetentionEndsAt: null,
        offer: { id: world.offers.premium.id, sku: 'PREMIUM' },
        reseller: null,
        partnerOfRecord: null,
        tenant: { id: tenant.id },
      });
      expect(bought.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(bought.createdAt)).not.toBeNaN();
      expect(await rowCount('subscriptions')).toBe(before + 1);
      expect(ok(await server.gql(GET_SUBSCRIPTION, { id: bought.id }, tenant.tokens.reader)).subscription).toEqual({
        ...bought,
        viewerCanManage: false,
      });
    });

    it('a billing admin may buy; the same offer is then refused on the same channel but not on another', async () => {
      const tenant = await kit.createTenant('buy-billing');
      const offer = await kit.createOffer();
      await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
      await expectNothingChanged(server, async () => {
        const second = await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: tenant.id, offerId: offer.id, quantity: 2 } },
          tenant.tokens.global,
        );
        expect(codeOf(second)).toBe('CONFLICT');
        expect(second.errors![0].extensions.field).toBe('offerId');
      });
      // Another offer is fine.
      await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 });
    });
  });

  describe('idempotent purchase', () => {
    it('a replay with the same key returns the same subscription and creates nothing', async () => {
      const tenant = await kit.createTenant('idem');
      const offer = await kit.createOffer();
      const input = { tenantId: tenant.id, offerId: offer.id, quantity: 3, partnerId: world.partners.advisor, idempotencyKey: 'order-42' };
      const first = ok(await server.gql(PURCHASE_SUBSCRIPTION, { input }, tenant.tokens.global)).purchaseSubscription.subscription;
      expect(first.partnerOfRecord!.id).toBe(world.partners.advisor);

      for (let replay = 0; replay < 2; replay++) {
        await expectNothingChanged(server, async () => {
          const again = ok(await server.gql(PURCHASE_SUBSCRIPTION, { input }, tenant.tokens.global)).purchaseSubscription.subscription;
          expect(again).toEqual(first);
        });
      }

      const list = ok(await server.gql(SUBSCRIPTIONS_PAGE, { tenantId: tenant.id }, tenant.tokens.global)).subscriptions;
      expect(list.totalCount).toBe(1);
      const purchases = ok(
        await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id, first: 100 }, tenant.tokens.global),
      ).auditEvents.edges.filter((e) => e.node.action === 'subscription.purchased');
      expect(purchases).toHaveLength(1);
    });

    it('the same key with another input is a CONFLICT, and changes nothing', async () => {
      const tenant = await kit.createTenant('idem-conflict');
      const offer = await kit.createOffer();
      const other = await kit.createOffer();
      const input = { tenantId: tenant.id, offerId: offer.id, quantity: 3, idempotencyKey: 'order-43' };
      await kit.purchase(tenant.tokens.global, input);
      for (const changed of [
        { ...input, quantity: 4 },
        { ...input, offerId: other.id },
        { ...input, partnerId: world.partners.advisor },
      ]) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(PURCHASE_SUBSCRIPTION, { input: changed }, tenant.tokens.global);
          expect(codeOf(response)).toBe('CONFLICT');
          expect(response.errors![0].extensions.field).toBe('idempotencyKey');
        });
      }
    });

    it('an omitted partnerId and an explicit null are the same input', async () => {
      const tenant = await kit.createTenant('idem-null');
      const offer = await kit.createOffer();
      const input = { tenantId: tenant.id, offerId: offer.id, quantity: 2, idempotencyKey: 'order-null' };
      const first = await kit.purchase(tenant.tokens.global, input);
      await expectNothingChanged(server, async () => {
        const again = ok(await server.gql(PURCHASE_SUBSCRIPTION, { input: { ...input, partnerId: null } }, tenant.tokens.global));
        expect(again.purchaseSubscription.subscription.id).toBe(first.id);
      });
    });

    it('keys are scoped to the caller, and a refused purchase does not use up its key', async () => {
      const tenant = await kit.createTenant('idem-scope');
      const [a, b] = [await kit.createOffer({ min: 1, max: 10, cents: 100 }), await kit.createOffer()];

      // Refused (quantity out of range): the key stays free.
      await expectNothingChanged(server, async () => {
        const refused = await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: tenant.id, offerId: a.id, quantity: 11, idempotencyKey: 'k-1' } },
          tenant.tokens.global,
        );
        expect(codeOf(refused)).toBe('QUANTITY_OUT_OF_RANGE');
      });
      const first = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: a.id, quantity: 10, idempotencyKey: 'k-1' });

      // Another user of the same tenant with the same key makes its own purchase.
      const second = await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: b.id, quantity: 1, idempotencyKey: 'k-1' });
      expect(second.id).not.toBe(first.id);

      // A replay after a change returns the same subscription, as it is now.
      ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: first.id, quantity: 7 } }, tenant.tokens.global));
      await expectNothingChanged(server, async () => {
        const replay = ok(
          await server.gql(
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: tenant.id, offerId: a.id, quantity: 10, idempotencyKey: 'k-1' } },
            tenant.tokens.global,
          ),
        ).purchaseSubscription.subscription;
        expect(replay).toMatchObject({ id: first.id, quantity: 7, version: 2 });
      });
    });

    it('concurrent twins with the same key make one subscription; without a key, one wins and the rest are CONFLICT', async () => {
      const tenant = await kit.createTenant('idem-race');
      const [keyed, unkeyed] = [await kit.createOffer(), await kit.createOffer()];
      const input = { tenantId: tenant.id, offerId: keyed.id, quantity: 2, idempotencyKey: 'race-1' };
      const twins = await Promise.all(Array.from({ length: 6 }, () => server.gql(PURCHASE_SUBSCRIPTION, { input }, tenant.tokens.global)));
      const ids = new Set(twins.map((r) => ok(r).purchaseSubscription.subscription.id));
      expect(ids.size).toBe(1);

      const racers = await Promise.all(
        Array.from({ length: 6 }, () =>
          server.gql(PURCHASE_SUBSCRIPTION, { input: { tenantId: tenant.id, offerId: unkeyed.id, quantity: 1 } }, tenant.tokens.global),
        ),
      );
      expect(racers.filter((r) => !r.errors)).toHaveLength(1);
      expect(racers.filter((r) => r.errors).map(codeOf)).toEqual(Array(5).fill('CONFLICT'));

      const list = ok(await server.gql(SUBSCRIPTIONS_PAGE, { tenantId: tenant.id }, tenant.tokens.global)).subscriptions;
      expect(list.totalCount).toBe(2);
      const purchases = ok(
        await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id, first: 100 }, tenant.tokens.global),
      ).auditEvents.edges.filter((e) => e.node.action === 'subscription.purchased');
      expect(purchases).toHaveLength(2);
    });

    it('refuses an empty or over-long key as BAD_USER_INPUT', async () => {
      const tenant = await kit.createTenant('idem-bad');
      for (const idempotencyKey of ['', 'k'.repeat(256)]) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1, idempotencyKey } },
            tenant.tokens.global,
          );
          expect(codeOf(response)).toBe('BAD_USER_INPUT');
          expect(response.errors![0].extensions.field).toBe('idempotencyKey');
        });
      }
    });
  });

  describe('quoteSubscription', () => {
    it('returns what would be bought and for how much, with the partner of record, and writes nothing', async () => {
      const tenant = await kit.createTenant('quote');
      await expectNothingChanged(server, async () => {
        const quote = ok(
          await server.gql(
            QUOTE_WITH_NAMES,
            { input: { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 12, partnerId: world.partners.advisor } },
            tenant.tokens.global,
          ),
        ).quoteSubscription;
        expect(quote).toEqual({
          tenant: { id: tenant.id },
          offer: { id: world.offers.premium.id, sku: 'PREMIUM', name: 'PREMIUM' },
          quantity: 12,
          channel: 'DIRECT',
          reseller: null,
          partnerOfRecord: { id: world.partners.advisor, name: 'Northwind Advisory' },
          unitPriceCents: 2200,
          monthlyTotalCents: 26400,
          currency: 'USD',
        });
      });
      await expectNothingChanged(server, async () => {
        const quote = ok(
          await server.gql(
            QUOTE_WITH_NAMES,
            { input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 } },
            tenant.tokens.billing,
          ),
        ).quoteSubscription;
        expect(quote).toMatchObject({ quantity: 1, channel: 'DIRECT', partnerOfRecord: null, unitPriceCents: 600, monthlyTotalCents: 600 });
      });
      // Quoting twice and then buying: the purchase matches the quote.
      const bought = ok(
        await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 12, partnerId: world.partners.advisor } },
          tenant.tokens.global,
        ),
      ).purchaseSubscription.subscription;
      expect(bought).toMatchObject({ quantity: 12, channel: 'DIRECT', partnerOfRecord: { id: world.partners.advisor } });
      // Now the quote refuses like the purchase would: the offer is already bought.
      await expectNothingChanged(server, async () => {
        const again = await server.gql(
          QUOTE_WITH_NAMES,
          { input: { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 12 } },
          tenant.tokens.global,
        );
        expect(codeOf(again)).toBe('CONFLICT');
        expect(again.data).toBeNull();
      });
    });

    it('a large order totals correctly', async () => {
      const tenant = await kit.createTenant('quote-large');
      const quote = ok(
        await server.gql(
          QUOTE_WITH_NAMES,
          { input: { tenantId: tenant.id, offerId: world.offers.e5.id, quantity: 100000 } },
          tenant.tokens.global,
        ),
      ).quoteSubscription;
      expect(quote).toMatchObject({ quantity: 100000, unitPriceCents: 5700, monthlyTotalCents: 570_000_000 });
    });

    it('quotes totals past 2³¹ − 1 cents as the purchase takes them (SafeInt), up to the largest offer the catalog accepts', async () => {
      // The largest offer createOffer takes: 1,000,000 licences at the highest price (SPEC §9, Money).
      const offer = await kit.createOffer({ min: 1, max: 1_000_000, cents: 100_000_000 }, [
        { termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: 100_000_000 },
        { termDuration: 'P3Y', billingCycle: 'ANNUAL', unitPriceCents: 100_000_000 },
      ]);
      const tenant = await kit.createTenant('quote-huge');
      const quote = ok(
        await server.gql(
          QUOTE_WITH_NAMES,
          { input: { tenantId: tenant.id, offerId: offer.id, quantity: 1_000_000 } },
          tenant.tokens.global,
        ),
      ).quoteSubscription;
      expect(quote).toMatchObject({ quantity: 1_000_000, unitPriceCents: 100_000_000, monthlyTotalCents: 100_000_000_000_000 });
      const threeYears = ok(
        await server.gql(
          TERM_QUOTE,
          { input: { tenantId: tenant.id, offerId: offer.id, quantity: 1_000_000, termDuration: 'P3Y', billingCycle: 'ANNUAL' } },
          tenant.tokens.global,
        ),
      ).quoteSubscription;
      // 1e6 licences × 1e8 cents × 3 annual periods = 3 × 10¹⁴, within 2⁵³ − 1; a month of it, 3 × 10¹⁴ / 36 rounded half up.
      expect(threeYears).toMatchObject({ termTotalCents: 300_000_000_000_000, monthlyTotalCents: 8_333_333_333_333 });
      expect(Number.isSafeInteger(threeYears.termTotalCents)).toBe(true);
      const bought = ok(
        await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: tenant.id, offerId: offer.id, quantity: 1_000_000 } },
          tenant.tokens.global,
        ),
      ).purchaseSubscription.subscription;
      expect(bought).toMatchObject({ quantity: 1_000_000 });
    });
  });

  describe('reading subscriptions', () => {
    it('subscription(id) and subscriptions(tenantId, status) show the tenant’s subscriptions with viewerCanManage', async () => {
      const tenant = await kit.createTenant('reads');
      const offers = [await kit.createOffer(), await kit.createOffer(), await kit.createOffer()];
      const subs = [];
      for (const offer of offers)
        subs.push(await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 2 }));
      const suspended = ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: subs[1].id } }, tenant.tokens.billing))
        .suspendSubscription.subscription;
      expect(suspended.status).toBe('SUSPENDED');
      expect(Date.parse(suspended.dataRetentionEndsAt!) - Date.parse(suspended.suspendedAt!)).toBe(90 * 86_400_000);

      const list = (token: string, status?: SubscriptionStatus) =>
        server.gql(SUBSCRIPTIONS_PAGE, { tenantId: tenant.id, status }, token).then((r) => ok(r).subscriptions);

      const all = await list(tenant.tokens.global);
      expect(all.totalCount).toBe(3);
      expect(all.pageInfo.hasNextPage).toBe(false);
      expect(all.edges.map((e) => e.node.id)).toEqual(subs.map((s) => s.id));
      expect(all.edges.every((e) => e.node.viewerCanManage === true)).toBe(true);

      const active = await list(tenant.tokens.global, 'ACTIVE');
      expect(active.totalCount).toBe(2);
      expect(active.edges.map((e) => e.node.id)).toEqual([subs[0].id, subs[2].id]);
      const onlySuspended = await list(tenant.tokens.reader, 'SUSPENDED');
      expect(onlySuspended.totalCount).toBe(1);
      expect(onlySuspended.edges).toEqual([
        {
          cursor: expect.any(String),
          node: { id: subs[1].id, status: 'SUSPENDED', quantity: 2, viewerCanManage: false, offer: { id: offers[1].id } },
        },
      ]);
      expect((await list(tenant.tokens.reader, 'DELETED')).totalCount).toBe(0);
      // A reader sees everything but manages nothing.
      expect((await list(tenant.tokens.reader)).edges.map((e) => e.node.viewerCanManage)).toEqual([false, false, false]);

      // Tenant.subscriptions answers the same.
      const nested = ok(await server.gql(TENANT_SUBSCRIPTIONS, { id: tenant.id, status: 'ACTIVE' }, tenant.tokens.billing)).tenant
        .subscriptions;
      expect(nested.totalCount).toBe(2);
      expect(nested.edges.map((e) => e.node)).toEqual([
        { id: subs[0].id, status: 'ACTIVE', viewerCanManage: true },
        { id: subs[2].id, status: 'ACTIVE', viewerCanManage: true },
      ]);

      // Pages of one, following endCursor.
      const seen: string[] = [];
      let after: string | null | undefined;
      for (;;) {
        const page = ok(await server.gql(SUBSCRIPTIONS_PAGE, { tenantId: tenant.id, first: 1, after }, tenant.tokens.reader)).subscriptions;
        seen.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(subs.map((s) => s.id));

      // A suspended subscription stays manageable (it can be reactivated) by the admins.
      expect(ok(await server.gql(GET_SUBSCRIPTION, { id: subs[1].id }, tenant.tokens.global)).subscription).toMatchObject({
        status: 'SUSPENDED',
        viewerCanManage: true,
      });
      expect(
        ok(await server.gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: subs[1].id } }, tenant.tokens.global))
          .reactivateSubscription.subscription.status,
      ).toBe('ACTIVE');
    });

    it('concurrent partner-of-record and quantity changes without expectedVersion lose no update', async () => {
      const tenant = await kit.createTenant('race-changes');
      const offer = await kit.createOffer({ min: 1, max: 100, cents: 100 });
      const bought = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
      const responses = await Promise.all([
        ...[2, 3, 4, 5].map((quantity) =>
          server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: bought.id, quantity } }, tenant.tokens.global),
        ),
        server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.advisor } },
          tenant.tokens.billing,
        ),
      ]);
      for (const response of responses) ok(response);
      const after = ok(await server.gql(GET_SUBSCRIPTION, { id: bought.id }, tenant.tokens.global)).subscription;
      expect(after.version).toBe(6);
      expect(after.partnerOfRecord).toEqual({ id: world.partners.advisor, name: 'Northwind Advisory' });
      const events = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id, first: 100 }, tenant.tokens.global))
        .auditEvents.edges.map((e) => e.node)
        .filter((e) => e.targetId === bought.id);
      // Each change saw the one before it: versions chain 1 → 2 → … → 6 with no gap or repeat.
      const chain = events.map((e) => [e.before?.version ?? 0, e.after!.version]).sort((a: number[], b: number[]) => a[0] - b[0]);
      expect(chain).toEqual([
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
        [5, 6],
      ]);
      // The last quantity written is the one that shows.
      const lastQuantity = events.find((e) => e.action === 'subscription.quantityChanged')!.after!.quantity;
      expect(after.quantity).toBe(lastQuantity);
    });

    it('another tenant’s subscriptions are NOT_FOUND, like ids that do not exist', async () => {
      const tenant = await kit.createTenant('reads-scope');
      const bought = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 });
      expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: bought.id }, world.tokens.otherDirectGlobal))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(SUBSCRIPTIONS_PAGE, { tenantId: tenant.id }, world.tokens.directReader))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: '0190a000-0000-7000-8000-000000000000' }, tenant.tokens.global))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('audit trail', () => {
    it('every successful change writes an event a tenant admin reads with action, actor, before and after', async () => {
      const tenant = await kit.createTenant('audit');
      const offer = await kit.createOffer({ min: 1, max: 50, cents: 100 });
      const bought = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 5 });
      ok(
        await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.advisor } },
          tenant.tokens.billing,
        ),
      );
      ok(
        await server.gql(
          CHANGE_LICENSE_QUANTITY,
          { input: { subscriptionId: bought.id, quantity: 9, expectedVersion: 2 } },
          tenant.tokens.global,
        ),
      );
      ok(await server.gql(SET_PARTNER_OF_RECORD, { input: { subscriptionId: bought.id, partnerId: null } }, tenant.tokens.global));
      ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: bought.id } }, tenant.tokens.billing));
      ok(await server.gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: bought.id } }, tenant.tokens.global));

      const trail = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id, first: 100 }, tenant.tokens.global)).auditEvents;
      const events = trail.edges.map((e) => e.node);
      expect(trail.totalCount).toBe(events.length);
      // Newest first; the tenant's own creation (by the platform) is the oldest.
      expect(events.map((e) => e.action)).toEqual([
        'subscription.reactivated',
        'subscription.suspended',
        'subscription.partnerOfRecordRemoved',
        'subscription.quantityChanged',
        'subscription.partnerOfRecordSet',
        'subscription.purchased',
        'tenant.created',
      ]);
      const global = { subject: `global@${tenant.domain}`, roles: ['TENANT_GLOBAL_ADMIN'], tenantId: tenant.id, partnerId: null };
      const billing = { subject: `billing@${tenant.domain}`, roles: ['TENANT_BILLING_ADMIN'], tenantId: tenant.id, partnerId: null };
      const [reactivated, suspendedEvent, removed, quantity, set, purchased] = events;
      for (const e of events.slice(0, 6)) expect(e).toMatchObject({ targetType: 'Subscription', targetId: bought.id, tenantId: tenant.id });
      expect(purchased).toMatchObject({ actor: global, before: null, after: { quantity: 5, version: 1, status: 'ACTIVE' } });
      expect(set).toMatchObject({
        actor: billing,
        before: { partnerOfRecordId: null },
        after: { partnerOfRecordId: world.partners.advisor, version: 2 },
      });
      expect(quantity).toMatchObject({ actor: global, before: { quantity: 5, version: 2 }, after: { quantity: 9, version: 3 } });
      expect(removed).toMatchObject({
        actor: global,
        before: { partnerOfRecordId: world.partners.advisor },
        after: { partnerOfRecordId: null },
      });
      expect(suspendedEvent).toMatchObject({
        actor: billing,
        before: { status: 'ACTIVE', suspendedAt: null },
        after: { status: 'SUSPENDED' },
      });
      expect(typeof suspendedEvent.after!.suspendedAt).toBe('string');
      expect(reactivated).toMatchObject({ actor: global, before: { status: 'SUSPENDED' }, after: { status: 'ACTIVE', suspendedAt: null } });
      // Each event belongs to its own request.
      expect(new Set(events.slice(0, 6).map((e) => e.requestId)).size).toBe(6);
      // Internal bookkeeping stays out of the trail.
      expect(purchased.after).not.toHaveProperty('liveKey');

      // The billing admin reads the same trail; without tenantId a tenant admin gets its own tenant's.
      const byBilling = ok(await server.gql(GET_AUDIT_EVENTS, { first: 100 }, tenant.tokens.billing)).auditEvents.edges.map(
        (e) => e.node.id,
      );
      expect(byBilling).toEqual(events.map((e) => e.id));

      // Pages follow the same order.
      const firstPage = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id, first: 4 }, tenant.tokens.global)).auditEvents;
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const secondPage = ok(
        await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id, first: 4, after: firstPage.pageInfo.endCursor }, tenant.tokens.global),
      ).auditEvents;
      expect([...firstPage.edges, ...secondPage.edges].map((e) => e.node.id)).toEqual(events.map((e) => e.id));
    });

    it('readers cannot read the trail (FORBIDDEN) and other tenants’ admins cannot see it (NOT_FOUND)', async () => {
      const tenant = await kit.createTenant('audit-scope');
      expect(codeOf(await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id }, tenant.tokens.reader))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id }, world.tokens.otherDirectGlobal))).toBe('NOT_FOUND');
      // Without tenantId, another tenant's admin only gets its own events.
      const own = ok(await server.gql(GET_AUDIT_EVENTS, { first: 100 }, world.tokens.otherDirectGlobal)).auditEvents.edges;
      expect(own.every((e) => e.node.tenantId === world.tenants.otherDirect)).toBe(true);
    });
  });

  describe('after deletion', () => {
    // Runs last: it moves the server's clock past the retention period.
    it('a deleted subscription frees its offer, leaves the relationships page, and refuses every change', async () => {
      const tenant = await kit.createTenant('deleted');
      const offer = await kit.createOffer();
      const bought = await kit.purchase(tenant.tokens.global, {
        tenantId: tenant.id,
        offerId: offer.id,
        quantity: 1,
        partnerId: world.partners.advisor,
      });
      ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: bought.id } }, tenant.tokens.global));
      server.clock.advanceDays(91);
      await server.app.services.lifecycle.sweep();

      expect(ok(await server.gql(GET_SUBSCRIPTION, { id: bought.id }, tenant.tokens.global)).subscription).toMatchObject({
        status: 'DELETED',
        viewerCanManage: false,
      });
      expect(ok(await server.gql(GET_PARTNER_RELATIONSHIPS, { id: tenant.id }, tenant.tokens.global)).tenant.partnerRelationships).toEqual(
        [],
      );
      await expectNothingChanged(server, async () => {
        const response = await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.both } },
          tenant.tokens.global,
        );
        expect(codeOf(response)).toBe('INVALID_STATUS_TRANSITION');
      });
      const again = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
      expect(again.id).not.toBe(bought.id);
    });
  });
});
