/**
 * Seed 004 (reseller side), over HTTP: a reseller views its customers and their subscriptions,
 * creates customers (whose own admins then cannot manage billing), and sees — but cannot change —
 * subscriptions it did not sell.
 */
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, kitFor, uniqueDomain, type Kit, type SubscriptionView, type World } from './support/world';
import {
  CHANGE_LICENSE_QUANTITY,
  CREATE_CUSTOMER,
  CREATE_RESELLER_INVITATION,
  GET_AUDIT_EVENTS,
  GET_CUSTOMERS,
  GET_PARTNER_RELATIONSHIPS,
  GET_SUBSCRIPTION,
  GET_SUBSCRIPTIONS,
  GET_TENANT,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import type { CreateCustomerMutation, GetCustomersQuery } from './graphql/generated/graphql';

describe('reseller: customers and their subscriptions', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const customerIds = async (token: string, search?: string) => {
    const ids: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: GetCustomersQuery['customers'] = ok(await server.gql(GET_CUSTOMERS, { search, after, first: 2 }, token)).customers;
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  };
  const tenantView = async (token: string, id: string) => ok(await server.gql(GET_TENANT, { id }, token)).tenant;
  const nodes = (connection: { edges: { node: SubscriptionView }[] }) => connection.edges.map((e) => e.node);

  describe('view a customer’s subscriptions (customers → Tenant.subscriptions)', () => {
    it('lists the customer among the reseller’s customers and shows every subscription it sold, manageable', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin, 'Humongous Insurance');
      const basic = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 12 });
      const premium = await kit.purchase(world.tokens.resellerSales, {
        tenantId: customer.id,
        offerId: world.offers.premium.id,
        quantity: 40,
      });

      // The seed's customer list, paged through with first: 2 so pagination is exercised too.
      const all = await customerIds(world.tokens.resellerAdmin);
      expect(all).toEqual(expect.arrayContaining([world.tenants.customer, customer.id]));
      expect(new Set(all).size).toBe(all.length);
      expect(all).not.toContain(world.tenants.direct);
      expect(all).not.toContain(world.tenants.otherDirect);
      expect(await customerIds(world.tokens.resellerAdmin, customer.domain.toUpperCase())).toEqual([customer.id]);

      // Selecting the customer shows its subscriptions.
      const tenant = await tenantView(world.tokens.resellerAdmin, customer.id);
      expect(tenant).toMatchObject({ id: customer.id, name: 'Humongous Insurance', billingManagedBy: { id: world.partners.reseller } });
      expect(tenant.subscriptions.totalCount).toBe(2);
      const byId = new Map(nodes(tenant.subscriptions).map((s) => [s.id, s]));
      expect(byId.get(basic.id)).toMatchObject({
        quantity: 12,
        status: 'ACTIVE',
        channel: 'RESELLER',
        reseller: { id: world.partners.reseller },
        offer: { id: world.offers.basic.id },
        viewerCanManage: true,
        version: 1,
      });
      expect(byId.get(premium.id)).toMatchObject({ quantity: 40, status: 'ACTIVE', channel: 'RESELLER', viewerCanManage: true });

      // The same through `subscriptions(tenantId)` and `subscription(id)` (the seed's Subscription page).
      const listed = ok(await server.gql(GET_SUBSCRIPTIONS, { tenantId: customer.id }, world.tokens.resellerSales)).subscriptions;
      expect(
        nodes(listed)
          .map((s) => s.id)
          .sort(),
      ).toEqual([basic.id, premium.id].sort());
      expect(await kit.read(world.tokens.resellerSales, basic.id)).toMatchObject({ id: basic.id, quantity: 12, viewerCanManage: true });
    });

    it('searches customers by name or domain, taking % and _ literally', async () => {
      const literal = await kit.createCustomer(world.tokens.resellerAdmin, 'Fifty_Fifty 100% Foods');
      const lookalike = await kit.createCustomer(world.tokens.resellerAdmin, 'FiftyXFifty 1000 Foods');
      expect(await customerIds(world.tokens.resellerAdmin, 'y_f')).toEqual([literal.id]);
      expect(await customerIds(world.tokens.resellerAdmin, '100%')).toEqual([literal.id]);
      expect((await customerIds(world.tokens.resellerAdmin, 'fifty')).sort()).toEqual([literal.id, lookalike.id].sort());
      expect(await customerIds(world.tokens.resellerAdmin, 'no-such-customer-anywhere')).toEqual([]);
    });

    it('lets the helpdesk agent read customers and subscriptions, but not manage them', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin);
      const sold = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 3 });
      expect(await customerIds(world.tokens.resellerHelpdesk)).toContain(customer.id);
      const tenant = await tenantView(world.tokens.resellerHelpdesk, customer.id);
      expect(nodes(tenant.subscriptions)).toEqual([expect.objectContaining({ id: sold.id, quantity: 3, viewerCanManage: false })]);
    });

    it('does not list another reseller’s customers, and hides them as NOT_FOUND', async () => {
      const theirs = await kit.createCustomer(world.tokens.otherResellerAdmin, 'Trey Research');
      const sold = await kit.purchase(world.tokens.otherResellerAdmin, {
        tenantId: theirs.id,
        offerId: world.offers.basic.id,
        quantity: 2,
      });
      expect(await customerIds(world.tokens.resellerAdmin)).not.toContain(theirs.id);
      expect(codeOf(await server.gql(GET_TENANT, { id: theirs.id }, world.tokens.resellerAdmin))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: sold.id }, world.tokens.resellerAdmin))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(GET_SUBSCRIPTIONS, { tenantId: theirs.id }, world.tokens.resellerAdmin))).toBe('NOT_FOUND');
    });
  });

  describe('create a customer (createCustomer)', () => {
    it('creates a tenant billed by the reseller, which appears among its customers', async () => {
      const domain = uniqueDomain('Blue-Yonder').toUpperCase();
      const created = ok(
        await server.gql(
          CREATE_CUSTOMER,
          { input: { name: '  Blue Yonder Airlines ', domain, countryCode: 'th' } },
          world.tokens.resellerSales,
        ),
      ).createCustomer.customer;
      expect(created).toMatchObject({
        name: 'Blue Yonder Airlines',
        domain: domain.toLowerCase(),
        countryCode: 'TH',
        billingManagedBy: { id: world.partners.reseller },
      });
      expect(await customerIds(world.tokens.resellerAdmin)).toContain(created.id);
      expect(await tenantView(world.tokens.resellerAdmin, created.id)).toMatchObject({ id: created.id, subscriptions: { totalCount: 0 } });

      const events = await kit.auditEvents(created.id);
      expect(events.map((e) => e.action).sort()).toEqual(['resellerRelationship.created', 'tenant.created']);
      for (const event of events) expect(event.actor.partnerId).toBe(world.partners.reseller);

      // The new tenant's own users see it, and see the reseller as its (non-removable) reseller.
      const global = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: created.id });
      const seen = ok(await server.gql(GET_PARTNER_RELATIONSHIPS, { id: created.id }, global)).tenant;
      expect(seen).toEqual({
        id: created.id,
        billingManagedBy: { id: world.partners.reseller },
        partnerRelationships: [{ partner: { id: world.partners.reseller }, kinds: ['RESELLER'], viewerCanRemove: false }],
      });
    });

    it('replays an idempotencyKey: the same input returns the same customer and creates nothing', async () => {
      const input = { name: 'Coho Winery', domain: uniqueDomain('coho'), countryCode: 'TH', idempotencyKey: `create-${Date.now()}` };
      const first = ok(await server.gql(CREATE_CUSTOMER, { input }, world.tokens.resellerAdmin)).createCustomer.customer;
      let second: CreateCustomerMutation['createCustomer']['customer'] | undefined;
      await expectNothingChanged(server, async () => {
        second = ok(await server.gql(CREATE_CUSTOMER, { input }, world.tokens.resellerAdmin)).createCustomer.customer;
      });
      expect(second).toEqual(first);
      expect((await customerIds(world.tokens.resellerAdmin, input.domain)).length).toBe(1);
    });

    it('refuses an idempotencyKey reused with a different input: CONFLICT on field idempotencyKey, changing nothing', async () => {
      const key = `reuse-${Date.now()}`;
      const input = { name: 'Tailwind Traders', domain: uniqueDomain('tailwind'), countryCode: 'TH', idempotencyKey: key };
      ok(await server.gql(CREATE_CUSTOMER, { input }, world.tokens.resellerAdmin));
      await expectNothingChanged(server, async () => {
        for (const other of [
          { ...input, name: 'Tailwind Traders Ltd' },
          { ...input, domain: uniqueDomain('tailwind') },
        ]) {
          const response = await server.gql(CREATE_CUSTOMER, { input: other }, world.tokens.resellerAdmin);
          expect(codeOf(response)).toBe('CONFLICT');
          expect(response.errors![0].extensions.field).toBe('idempotencyKey');
        }
      });
    });

    it('refuses a partner that is not a reseller (FORBIDDEN), changing nothing', async () => {
      await expectNothingChanged(server, async () => {
        const input = { name: 'Advised Co', domain: uniqueDomain('advised'), countryCode: 'TH' };
        expect(codeOf(await server.gql(CREATE_CUSTOMER, { input }, world.tokens.advisorAdmin))).toBe('FORBIDDEN');
        expect(codeOf(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, world.tokens.advisorAdmin))).toBe('FORBIDDEN');
      });
    });

    it('refuses a taken domain with CONFLICT on field domain, whatever its case, changing nothing', async () => {
      const taken = ok(await server.gql(GET_TENANT, { id: world.tenants.direct }, world.tokens.platform)).tenant.domain;
      for (const domain of [taken, taken.toUpperCase()]) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(
            CREATE_CUSTOMER,
            { input: { name: 'Copycat', domain, countryCode: 'TH' } },
            world.tokens.resellerAdmin,
          );
          expect(codeOf(response)).toBe('CONFLICT');
          expect(response.errors![0].extensions.field).toBe('domain');
          expect(response.data).toBeNull();
        });
      }
    });
  });

  describe('a customer the reseller created cannot manage its own billing', () => {
    let customer: Awaited<ReturnType<typeof kit.createCustomer>>;
    let sold: SubscriptionView;
    let suspended: SubscriptionView;
    beforeAll(async () => {
      customer = await kit.createCustomer(world.tokens.resellerAdmin, 'Wide World Importers');
      sold = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 10 });
      suspended = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 10 });
      suspended = await kit.suspend(world.tokens.resellerAdmin, suspended.id);
    });

    it.each([
      ['global admin', 'global'],
      ['billing admin', 'billing'],
    ] as const)('its %s gets FORBIDDEN on purchase, quote, quantity, suspend and reactivate, and nothing changes', async (_label, who) => {
      const token = customer.tokens[who];
      const attempts: [AnyOperation, Record<string, unknown>][] = [
        [PURCHASE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }],
        [QUOTE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }],
        [CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: sold.id, quantity: 11 } }],
        [SUSPEND_SUBSCRIPTION, { input: { subscriptionId: sold.id } }],
        [REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: suspended.id } }],
      ];
      for (const [document, variables] of attempts) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(document, variables, token);
          expect({ document, code: codeOf(response) }).toEqual({ document, code: 'FORBIDDEN' });
          expect(response.errors![0].message).toMatch(new RegExp(world.partners.reseller));
        });
      }
    });

    it('its users can still read everything of their tenant', async () => {
      for (const token of [customer.tokens.global, customer.tokens.billing, customer.tokens.reader]) {
        const tenant = await tenantView(token, customer.id);
        expect(tenant.billingManagedBy).toEqual({ id: world.partners.reseller });
        const byId = new Map(nodes(tenant.subscriptions).map((s) => [s.id, s]));
        expect(byId.get(sold.id)).toMatchObject({ quantity: 10, status: 'ACTIVE', channel: 'RESELLER', viewerCanManage: false });
        expect(byId.get(suspended.id)).toMatchObject({ status: 'SUSPENDED', viewerCanManage: false });
        expect(await kit.read(token, sold.id)).toMatchObject({ id: sold.id, reseller: { id: world.partners.reseller } });
      }
      const trail = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId: customer.id }, customer.tokens.global)).auditEvents.edges;
      expect(trail.map((e) => e.node.action)).toEqual(
        expect.arrayContaining(['tenant.created', 'subscription.purchased', 'subscription.suspended']),
      );
    });
  });

  describe('subscriptions the reseller did not sell are read-only to it', () => {
    it('sees a subscription the customer bought directly, with viewerCanManage false, and every change is FORBIDDEN', async () => {
      const tenant = await kit.createTenant('Alpine Ski House');
      const direct = await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 8 });
      expect(direct).toMatchObject({ channel: 'DIRECT', reseller: null, viewerCanManage: true });
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      expect(await customerIds(world.tokens.resellerAdmin)).toContain(tenant.id);

      for (const token of [world.tokens.resellerAdmin, world.tokens.resellerSales]) {
        const seen = nodes((await tenantView(token, tenant.id)).subscriptions);
        expect(seen).toEqual([expect.objectContaining({ id: direct.id, channel: 'DIRECT', quantity: 8, viewerCanManage: false })]);
        for (const [document, input] of [
          [CHANGE_LICENSE_QUANTITY, { subscriptionId: direct.id, quantity: 9 }],
          [SUSPEND_SUBSCRIPTION, { subscriptionId: direct.id }],
          [REACTIVATE_SUBSCRIPTION, { subscriptionId: direct.id }],
          [SET_PARTNER_OF_RECORD, { subscriptionId: direct.id, partnerId: world.partners.advisor }],
        ] as [AnyOperation, object][]) {
          await expectNothingChanged(server, async () => {
            expect(codeOf(await server.gql(document, { input }, token))).toBe('FORBIDDEN');
          });
        }
      }

      // The customer still manages its direct subscription (an invitation does not hand over billing)...
      const changed = ok(
        await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: direct.id, quantity: 9 } }, tenant.tokens.billing),
      ).changeLicenseQuantity.subscription;
      expect(changed).toMatchObject({ quantity: 9, version: 2 });
      // ...and the reseller can sell it another offer, which it then manages.
      const sold = await kit.purchase(world.tokens.resellerSales, { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 5 });
      expect(sold).toMatchObject({ channel: 'RESELLER', reseller: { id: world.partners.reseller }, viewerCanManage: true });
      expect((await kit.read(tenant.tokens.global, sold.id)).viewerCanManage).toBe(false);
    });

    it('sees a subscription another reseller sold to a shared customer, read-only', async () => {
      const tenant = await kit.createTenant('Lucerne Publishing');
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      await kit.invite(world.tokens.otherResellerAdmin, tenant.tokens.global);
      const theirs = await kit.purchase(world.tokens.otherResellerAdmin, {
        tenantId: tenant.id,
        offerId: world.offers.basic.id,
        quantity: 4,
      });
      const ours = await kit.purchase(world.tokens.resellerAdmin, { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 6 });

      const seen = new Map(nodes((await tenantView(world.tokens.resellerAdmin, tenant.id)).subscriptions).map((s) => [s.id, s]));
      expect(seen.get(theirs.id)).toMatchObject({ reseller: { id: world.partners.otherReseller }, viewerCanManage: false });
      expect(seen.get(ours.id)).toMatchObject({ reseller: { id: world.partners.reseller }, viewerCanManage: true });
      const seenByThem = new Map(nodes((await tenantView(world.tokens.otherResellerAdmin, tenant.id)).subscriptions).map((s) => [s.id, s]));
      expect(seenByThem.get(theirs.id)?.viewerCanManage).toBe(true);
      expect(seenByThem.get(ours.id)?.viewerCanManage).toBe(false);

      await expectNothingChanged(server, async () => {
        const response = await server.gql(
          CHANGE_LICENSE_QUANTITY,
          { input: { subscriptionId: theirs.id, quantity: 5 } },
          world.tokens.resellerAdmin,
        );
        expect(codeOf(response)).toBe('FORBIDDEN');
        expect(response.errors![0].message).toMatch(new RegExp(world.partners.otherReseller));
        expect(codeOf(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: theirs.id } }, world.tokens.resellerAdmin))).toBe(
          'FORBIDDEN',
        );
        expect(
          codeOf(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: ours.id } }, world.tokens.otherResellerAdmin)),
        ).toBe('FORBIDDEN');
      });
    });
  });
});
