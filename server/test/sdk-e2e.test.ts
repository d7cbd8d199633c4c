import type { TenantryClient } from '@tenantry/sdk';
import { Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import { loadSdk } from './fixtures/sdk/ensure-built';

// The built @tenantry/sdk (CommonJS entry, as `require` resolves it), against the real server over HTTP.
const { createClient, paginate, isTenantryError, TenantryError, TenantryNetworkError, ErrorCode, operations } = loadSdk();

/** Runs `act`, which must be refused, and returns the TenantryError. */
async function refusal(act: () => Promise<unknown>): Promise<InstanceType<typeof TenantryError>> {
  const error = await act().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TenantryError)) throw new Error(`Expected a TenantryError, got ${String(error)}`);
  return error;
}

describe('@tenantry/sdk against the running server', () => {
  let server: TestServer;
  let world: World;
  const clientFor = (token: string): TenantryClient => createClient({ url: server.url, token });
  /** Methods the flows below called: at the end, every operation of the SDK must have run against the server. */
  const used = new Set<string>();
  const track = (client: TenantryClient): TenantryClient =>
    new Proxy(client, {
      get(target, key: string) {
        used.add(key);
        return (target as unknown as Record<string, unknown>)[key];
      },
    });

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });
  afterAll(() => server.stop());

  describe('customer (seed 000): partner of record on subscriptions', () => {
    it('checks a Partner ID, buys with a partner of record, changes and removes it, and reads the relationships page', async () => {
      const billing = track(clientFor(world.tokens.directBilling));
      const global = track(clientFor(world.tokens.directGlobal));
      const { partners, offers, tenants } = world;

      // Check ID: valid, unknown, not an advisor, malformed; none of them is an error.
      const check = async (partnerId: string) => (await billing.verifyPartnerId({ partnerId })).verifyPartnerId;
      expect(await check(partners.advisor)).toEqual({
        partnerId: partners.advisor,
        valid: true,
        partnerName: 'Northwind Advisory',
        reason: null,
      });
      expect(await check('9999999')).toMatchObject({ valid: false, reason: 'NOT_FOUND' });
      expect(await check(partners.reseller)).toMatchObject({ valid: false, reason: 'NOT_ADVISOR' });
      expect(await check('12ab')).toMatchObject({ valid: false, reason: 'INVALID_FORMAT' });

      // No partner yet: an empty relationships page, not an error.
      expect((await global.tenant({ id: tenants.direct })).tenant.partnerRelationships).toEqual([]);

      const { purchaseSubscription } = await billing.purchaseSubscription({
        input: { tenantId: tenants.direct, offerId: offers.basic.id, quantity: 10, partnerId: partners.advisor },
      });
      const bought = purchaseSubscription.subscription;
      expect(bought).toMatchObject({
        quantity: 10,
        status: 'ACTIVE',
        channel: 'DIRECT',
        reseller: null,
        viewerCanManage: true,
        offer: { id: offers.basic.id, sku: 'BASIC' },
        partnerOfRecord: { id: partners.advisor, name: 'Northwind Advisory', capabilities: ['ADVISOR'] },
      });

      const page = (await global.tenant({ id: tenants.direct })).tenant.partnerRelationships;
      expect(page).toEqual([
        expect.objectContaining({
          kinds: ['ADVISOR'],
          viewerCanRemove: true,
          partner: expect.objectContaining({ id: partners.advisor }),
          subscriptions: [expect.objectContaining({ id: bought.id })],
        }),
      ]);

      // Change to another advisor, guarded by the version just read.
      const changed = (
        await billing.setPartnerOfRecord({
          input: { subscriptionId: bought.id, partnerId: partners.both, expectedVersion: bought.version },
        })
      ).setPartnerOfRecord.subscription;
      expect(changed.partnerOfRecord?.id).toBe(partners.both);
      expect(changed.version).toBeGreaterThan(bought.version);

      // A stale version is refused with CONFLICT; a reseller-only partner with PARTNER_NOT_ADVISOR.
      const stale = await refusal(() =>
        billing.setPartnerOfRecord({ input: { subscriptionId: bought.id, partnerId: partners.advisor, expectedVersion: bought.version } }),
      );
      expect(stale.code).toBe(ErrorCode.Conflict);
      expect(stale.path).toEqual(['setPartnerOfRecord']);
      expect(stale.operationName).toBe('SetPartnerOfRecord');
      const notAdvisor = await refusal(() =>
        billing.setPartnerOfRecord({ input: { subscriptionId: bought.id, partnerId: partners.reseller } }),
      );
      expect(notAdvisor.code).toBe('PARTNER_NOT_ADVISOR');
      expect(isTenantryError(notAdvisor, 'PARTNER_NOT_ADVISOR', 'PARTNER_NOT_FOUND')).toBe(true);
      expect(isTenantryError(notAdvisor, 'CONFLICT')).toBe(false);

      // Clearing the field removes the partner of record.
      const cleared = (await billing.setPartnerOfRecord({ input: { subscriptionId: bought.id, partnerId: null } })).setPartnerOfRecord
        .subscription;
      expect(cleared.partnerOfRecord).toBeNull();
      expect((await billing.subscription({ id: bought.id })).subscription.partnerOfRecord).toBeNull();

      // Set again, then remove the advisor relationship as a whole.
      await billing.setPartnerOfRecord({ input: { subscriptionId: bought.id, partnerId: partners.advisor } });
      const removed = (await billing.removeAdvisorRelationship({ input: { tenantId: tenants.direct, partnerId: partners.advisor } }))
        .removeAdvisorRelationship.tenant;
      expect(removed.partnerRelationships).toEqual([]);
      const listed = (await billing.subscriptions({ tenantId: tenants.direct, status: 'ACTIVE' })).subscriptions;
      expect(listed.totalCount).toBe(1);
      expect(listed.edges[0].node).toMatchObject({ id: bought.id, partnerOfRecord: null });
    });

    it('throws TenantryError with the field of malformed input, and NOT_FOUND outside the scope', async () => {
      const billing = track(clientFor(world.tokens.directBilling));
      const bad = await refusal(() =>
        billing.purchaseSubscription({ input: { tenantId: world.tenants.direct, offerId: world.offers.premium.id, quantity: 0 } }),
      );
      expect(bad).toBeInstanceOf(Error);
      expect(bad.name).toBe('TenantryError');
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.field).toBe('quantity');
      expect(bad.message).toMatch(/quantity/i);
      expect(bad.response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.requestId).toEqual(expect.any(String));

      const unknownPartner = await refusal(() =>
        billing.purchaseSubscription({
          input: { tenantId: world.tenants.direct, offerId: world.offers.premium.id, quantity: 5, partnerId: '7777777' },
        }),
      );
      expect(unknownPartner.code).toBe('PARTNER_NOT_FOUND');

      const outside = await refusal(() => billing.tenant({ id: world.tenants.otherDirect }));
      expect(outside.code).toBe('NOT_FOUND');
      expect(outside.path).toEqual(['tenant']);
    });

    it('a customer of a reseller sees the reseller greyed out and cannot remove it (FORBIDDEN)', async () => {
      const customer = track(clientFor(world.tokens.customerGlobal));
      const { tenant } = await customer.tenant({ id: world.tenants.customer });
      expect(tenant.billingManagedBy?.id).toBe(world.partners.reseller);
      expect(tenant.partnerRelationships).toEqual([
        expect.objectContaining({
          kinds: ['RESELLER'],
          viewerCanRemove: false,
          partner: expect.objectContaining({ id: world.partners.reseller }),
        }),
      ]);
      const refused = await refusal(() =>
        customer.removeResellerRelationship({ input: { tenantId: world.tenants.customer, partnerId: world.partners.reseller } }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(/reseller/i);
    });

    it('rejects a bad token with UNAUTHENTICATED and reads the token from an async getToken', async () => {
      const anonymous = createClient({ url: server.url, token: 'not-a-jwt' });
      const error = await refusal(() => anonymous.viewer());
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.status).toBe(401);

      let calls = 0;
      const refreshing = track(
        createClient({
          url: new URL(server.url),
          getToken: async () => {
            calls += 1;
            await new Promise((r) => setTimeout(r, 5));
            return world.tokens.directReader;
          },
        }),
      );
      const { viewer } = await refreshing.viewer();
      expect(viewer).toMatchObject({ roles: ['TENANT_READER'], tenant: { id: world.tenants.direct }, partner: null });
      await refreshing.viewer();
      expect(calls).toBe(2);
    });
  });

  describe("reseller (seed 004): managing customers' subscriptions", () => {
    it('creates a customer, lists authorised offers, quotes, buys, changes quantity, suspends and reactivates', async () => {
      const sales = track(clientFor(world.tokens.resellerSales));
      const { offers, partners } = world;

      const { customer } = (
        await sales.createCustomer({
          input: { name: 'Litware', domain: 'litware.example', countryCode: 'TH', idempotencyKey: 'litware-1' },
        })
      ).createCustomer;
      expect(customer).toMatchObject({
        name: 'Litware',
        domain: 'litware.example',
        countryCode: 'TH',
        billingManagedBy: { id: partners.reseller },
      });
      // Idempotent replay: the same customer, nothing new.
      const replay = (
        await sales.createCustomer({
          input: { name: 'Litware', domain: 'litware.example', countryCode: 'TH', idempotencyKey: 'litware-1' },
        })
      ).createCustomer.customer;
      expect(replay.id).toBe(customer.id);

      // Only the offers this reseller may sell.
      const catalog = (await sales.offers({ first: 100 })).offers;
      expect(catalog.edges.map((e) => e.node.sku).sort()).toEqual(['BASIC', 'PREMIUM']);

      // The confirmation step prices it and writes nothing.
      const { quoteSubscription: quote } = await sales.quoteSubscription({
        input: { tenantId: customer.id, offerId: offers.premium.id, quantity: 10 },
      });
      expect(quote).toMatchObject({
        quantity: 10,
        channel: 'RESELLER',
        unitPriceCents: 2200,
        monthlyTotalCents: 22000,
        currency: 'USD',
        reseller: { id: partners.reseller },
        tenant: { id: customer.id },
        offer: { id: offers.premium.id },
      });
      expect((await sales.subscriptions({ tenantId: customer.id })).subscriptions.totalCount).toBe(0);

      const notAuthorised = await refusal(() =>
        sales.purchaseSubscription({ input: { tenantId: customer.id, offerId: offers.e5.id, quantity: 10 } }),
      );
      expect(notAuthorised.code).toBe(ErrorCode.OfferNotAuthorized);

      const sub = (await sales.purchaseSubscription({ input: { tenantId: customer.id, offerId: offers.premium.id, quantity: 10 } }))
        .purchaseSubscription.subscription;
      expect(sub).toMatchObject({
        status: 'ACTIVE',
        channel: 'RESELLER',
        quantity: 10,
        reseller: { id: partners.reseller },
        viewerCanManage: true,
      });

      const more = (await sales.changeLicenseQuantity({ input: { subscriptionId: sub.id, quantity: 25, expectedVersion: sub.version } }))
        .changeLicenseQuantity.subscription;
      expect(more.quantity).toBe(25);
      const tooMany = await refusal(() => sales.changeLicenseQuantity({ input: { subscriptionId: sub.id, quantity: 301 } }));
      expect(tooMany.code).toBe('QUANTITY_OUT_OF_RANGE');

      const suspended = (await sales.suspendSubscription({ input: { subscriptionId: sub.id } })).suspendSubscription.subscription;
      expect(suspended.status).toBe('SUSPENDED');
      expect(Date.parse(suspended.dataRetentionEndsAt!) - Date.parse(suspended.suspendedAt!)).toBe(90 * 86_400_000);
      const frozen = await refusal(() => sales.changeLicenseQuantity({ input: { subscriptionId: sub.id, quantity: 30 } }));
      expect(frozen.code).toBe('FAILED_PRECONDITION');

      const reactivated = (await sales.reactivateSubscription({ input: { subscriptionId: sub.id } })).reactivateSubscription.subscription;
      expect(reactivated).toMatchObject({ status: 'ACTIVE', suspendedAt: null, dataRetentionEndsAt: null, quantity: 25 });
      const twice = await refusal(() => sales.reactivateSubscription({ input: { subscriptionId: sub.id } }));
      expect(twice.code).toBe('INVALID_STATUS_TRANSITION');

      // The customer's own admin reads it but cannot manage it: the reseller bills this tenant.
      const customerAdmin = track(clientFor(await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: customer.id })));
      const seen = (await customerAdmin.subscription({ id: sub.id })).subscription;
      expect(seen).toMatchObject({ id: sub.id, viewerCanManage: false });
      expect((await refusal(() => customerAdmin.suspendSubscription({ input: { subscriptionId: sub.id } }))).code).toBe('FORBIDDEN');
    });

    it('lives through a renewal with the test clock: schedules a change, renews, turns auto-renewal off, cancels another', async () => {
      const sales = track(clientFor(world.tokens.resellerSales));
      const platform = track(clientFor(world.tokens.platform));
      const customer = (await sales.createCustomer({ input: { name: 'Terms Co', domain: 'terms-co.example', countryCode: 'TH' } }))
        .createCustomer.customer;
      const sub = (
        await sales.purchaseSubscription({
          input: { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 10, termDuration: 'P1M' },
        })
      ).purchaseSubscription.subscription;
      expect(sub).toMatchObject({ termDuration: 'P1M', billingCycle: 'MONTHLY', autoRenew: true, quantityFloor: 5, viewerCanCancel: true });

      const scheduled = (await sales.scheduleRenewalChange({ input: { subscriptionId: sub.id, quantity: 12 } })).scheduleRenewalChange
        .subscription;
      expect(scheduled.scheduledChange).toEqual({ quantity: 12, termDuration: null, billingCycle: null });
      const cleared = (await sales.clearRenewalChange({ input: { subscriptionId: sub.id } })).clearRenewalChange.subscription;
      expect(cleared.scheduledChange).toBeNull();
      await sales.scheduleRenewalChange({ input: { subscriptionId: sub.id, quantity: 12 } });

      const before = (await platform.testClock()).testClock;
      expect(before).toMatchObject({ enabled: true, offsetSeconds: 0 });
      const to = new Date(Date.parse(sub.termEndsAt) + 60_000).toISOString();
      const moved = (await platform.advanceTestClock({ input: { to } })).advanceTestClock.testClock;
      expect(Date.parse(moved.now)).toBeGreaterThanOrEqual(Date.parse(to));
      const renewed = (await sales.subscription({ id: sub.id })).subscription;
      expect(renewed).toMatchObject({ quantity: 12, termStartsAt: sub.termEndsAt, scheduledChange: null, version: sub.version + 4 });

      const lapsing = (await sales.setAutoRenew({ input: { subscriptionId: sub.id, autoRenew: false } })).setAutoRenew.subscription;
      expect(lapsing.autoRenew).toBe(false);
      const other = (await sales.purchaseSubscription({ input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 3 } }))
        .purchaseSubscription.subscription;
      const cancelled = (await sales.cancelSubscription({ input: { subscriptionId: other.id } })).cancelSubscription.subscription;
      expect(cancelled).toMatchObject({ status: 'EXPIRED', viewerCanCancel: false });
      expect(cancelled.cancelledAt).toBe(cancelled.termEndsAt);
    });

    it('pages through every customer with paginate()', async () => {
      const admin = track(clientFor(world.tokens.resellerAdmin));
      for (let i = 0; i < 5; i++) {
        await admin.createCustomer({ input: { name: `Paged ${i}`, domain: `paged-${i}.example`, countryCode: 'TH' } });
      }
      const { customers: firstPage } = await admin.customers({ first: 2 });
      expect(firstPage.edges).toHaveLength(2);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);

      let pages = 0;
      const names: string[] = [];
      for await (const customer of paginate(
        (after) => {
          pages += 1;
          return admin.customers({ first: 2, after });
        },
        (data) => data.customers,
      )) {
        names.push(customer.name);
      }
      expect(names.length).toBe(firstPage.totalCount);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining(['Adatum', 'Paged 0', 'Paged 4']));
      expect(pages).toBe(Math.ceil(names.length / 2));

      // The same helper over another connection, with a search filter.
      const paged: string[] = [];
      for await (const t of paginate(
        (after) => admin.customers({ first: 1, after, search: 'paged-3' }),
        (d) => d.customers,
      ))
        paged.push(t.domain);
      expect(paged).toEqual(['paged-3.example']);
    });

    it('reads the customer page in one call: customers with their subscriptions, offer and partner of record', async () => {
      const admin = track(clientFor(world.tokens.resellerAdmin));
      const { customer } = (await admin.createCustomer({ input: { name: 'Page One', domain: 'page-one.example', countryCode: 'TH' } }))
        .createCustomer;
      const sold = (
        await admin.purchaseSubscription({
          input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 12, partnerId: world.partners.advisor },
        })
      ).purchaseSubscription.subscription;

      const { customers } = await admin.customerPage({ first: 50, search: 'page-one' });
      expect(customers.totalCount).toBe(1);
      const [{ node }] = customers.edges;
      expect(node).toMatchObject({
        id: customer.id,
        name: 'Page One',
        billingManagedBy: { id: world.partners.reseller, name: 'Fabrikam Reseller' },
      });
      expect(node.subscriptions.totalCount).toBe(1);
      expect(node.subscriptions.edges[0].node).toEqual({
        id: sold.id,
        quantity: 12,
        status: 'ACTIVE',
        channel: 'RESELLER',
        suspendedAt: null,
        dataRetentionEndsAt: null,
        version: sold.version,
        viewerCanManage: true,
        offer: { id: world.offers.basic.id, sku: 'BASIC', name: 'BASIC' },
        reseller: { id: world.partners.reseller, name: 'Fabrikam Reseller' },
        partnerOfRecord: { id: world.partners.advisor, name: 'Northwind Advisory' },
      });
      const suspendedOnly = await admin.customerPage({ search: 'page-one', subscriptionStatus: 'SUSPENDED' });
      expect(suspendedOnly.customers.edges[0].node.subscriptions.totalCount).toBe(0);
    });

    it('becomes reseller of an existing tenant by invitation, then ends the relationship', async () => {
      const admin = track(clientFor(world.tokens.resellerAdmin));
      const tenantAdmin = track(clientFor(world.tokens.otherDirectGlobal));
      const { invitation } = (await admin.createResellerInvitation({ input: { expiresInDays: 3 } })).createResellerInvitation;
      expect(invitation).toMatchObject({ code: expect.any(String), acceptedAt: null, partner: { id: world.partners.reseller } });
      const { relationship } = (await tenantAdmin.acceptResellerInvitation({ input: { code: invitation.code } })).acceptResellerInvitation;
      expect(relationship).toMatchObject({ partner: { id: world.partners.reseller }, tenant: { id: world.tenants.otherDirect } });
      const used = await refusal(() => tenantAdmin.acceptResellerInvitation({ input: { code: invitation.code } }));
      expect(used.code).toBe('FAILED_PRECONDITION');

      const search = (await admin.customers({ search: 'wingtip' })).customers;
      expect(search.edges.map((e) => e.node.id)).toEqual([world.tenants.otherDirect]);

      const ended = (
        await admin.removeResellerRelationship({ input: { tenantId: world.tenants.otherDirect, partnerId: world.partners.reseller } })
      ).removeResellerRelationship.tenant;
      expect(ended.id).toBe(world.tenants.otherDirect);
      expect((await admin.customers({ search: 'wingtip' })).customers.totalCount).toBe(0);
    });
  });

  describe('platform administration', () => {
    it('creates partners, offers and tenants, authorises offers, and reads the audit trail', async () => {
      const platform = track(clientFor(world.tokens.platform));
      const { partner } = (
        await platform.createPartner({ input: { name: 'Litware Partners', countryCode: 'TH', capabilities: ['RESELLER'] } })
      ).createPartner;
      expect(partner.id).toMatch(/^\d{6,10}$/);
      const { offer } = (
        await platform.createOffer({
          input: { sku: 'SDK-TEST', name: 'SDK test', minQuantity: 1, maxQuantity: 10, unitPriceCents: 100, currency: 'USD' },
        })
      ).createOffer;
      const authorised = (await platform.authorizeOffer({ input: { partnerId: partner.id, offerId: offer.id } })).authorizeOffer.partner;
      expect(authorised.authorizedOffers?.map((o) => o.sku)).toEqual(['SDK-TEST']);
      expect((await platform.partner({ id: partner.id })).partner.authorizedOffers).toHaveLength(1);
      const revoked = (await platform.revokeOfferAuthorization({ input: { partnerId: partner.id, offerId: offer.id } }))
        .revokeOfferAuthorization.partner;
      expect(revoked.authorizedOffers).toEqual([]);

      const { tenant } = (
        await platform.createTenant({ input: { name: 'Fabrikam Direct', domain: 'fabrikam-direct.example', countryCode: 'VN' } })
      ).createTenant;
      const taken = await refusal(() =>
        platform.createTenant({ input: { name: 'Again', domain: 'fabrikam-direct.example', countryCode: 'VN' } }),
      );
      expect(taken.code).toBe('CONFLICT');

      const all = (await platform.tenants({ first: 100, search: 'fabrikam-direct' })).tenants;
      expect(all.edges.map((e) => e.node.id)).toEqual([tenant.id]);

      const audit = (await platform.auditEvents({ first: 5 })).auditEvents;
      expect(audit.edges[0].node).toMatchObject({ action: expect.any(String), actor: { roles: ['PLATFORM_ADMIN'] } });
      const actions: string[] = [];
      for await (const event of paginate(
        (after) => platform.auditEvents({ tenantId: world.tenants.direct, first: 50, after }),
        (d) => d.auditEvents,
      )) {
        actions.push(event.action);
      }
      expect(actions.length).toBeGreaterThan(0);
    });
  });

  describe('transport', () => {
    it('reports an unreachable server as a TenantryNetworkError, not a TenantryError', async () => {
      const client = createClient({ url: 'http://127.0.0.1:9/graphql', token: 'x' });
      const error = await client.viewer().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TenantryNetworkError);
      expect(error).not.toBeInstanceOf(TenantryError);
      expect((error as InstanceType<typeof TenantryNetworkError>).reason).toBe('fetch-failed');
    });

    it('reports a non-GraphQL HTTP answer with its status', async () => {
      const client = createClient({ url: server.url.replace(/\/graphql$/, '/no-such-path'), token: world.tokens.platform });
      const error = (await client.viewer().catch((e: unknown) => e)) as InstanceType<typeof TenantryNetworkError>;
      expect(error).toBeInstanceOf(TenantryNetworkError);
      expect(error.reason).toBe('http-error');
      expect(error.status).toBe(404);
    });

    it('aborts a request through its signal', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = (await clientFor(world.tokens.platform)
        .viewer(undefined, { signal: controller.signal })
        .catch((e: unknown) => e)) as InstanceType<typeof TenantryNetworkError>;
      expect(error).toBeInstanceOf(TenantryNetworkError);
      expect(error.reason).toBe('aborted');
    });
  });

  describe('webhooks (SPEC §6)', () => {
    it('registers an endpoint, reads its delivery log, tests, redelivers, rotates and deletes it', async () => {
      const admin = track(clientFor(world.tokens.resellerAdmin));
      const { createWebhookEndpoint } = await admin.createWebhookEndpoint({
        input: { url: 'http://127.0.0.1:9/sdk', eventTypes: ['webhook.test'], description: 'SDK' },
      });
      const endpoint = createWebhookEndpoint.webhookEndpoint;
      expect(createWebhookEndpoint.secret).toMatch(/^whsec_/);
      expect((await admin.webhookEndpoints({ first: 10 })).webhookEndpoints.edges.map((e) => e.node.id)).toContain(endpoint.id);
      expect((await admin.webhookEndpoint({ id: endpoint.id })).webhookEndpoint).toEqual(endpoint);

      const { delivery } = (await admin.sendTestWebhook({ input: { id: endpoint.id } })).sendTestWebhook;
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 0, event: { action: 'webhook.test', targetId: endpoint.id } });
      const log = (await admin.webhookDeliveries({ endpointId: endpoint.id, status: 'PENDING' })).webhookDeliveries;
      expect(log.edges.map((e) => e.node.id)).toEqual([delivery.id]);
      expect((await admin.redeliverWebhook({ input: { deliveryId: delivery.id } })).redeliverWebhook.delivery.id).toBe(delivery.id);

      const updated = (await admin.updateWebhookEndpoint({ input: { id: endpoint.id, enabled: false } })).updateWebhookEndpoint
        .webhookEndpoint;
      expect(updated.enabled).toBe(false);
      const rotated = (await admin.rotateWebhookSecret({ input: { id: endpoint.id } })).rotateWebhookSecret;
      expect(rotated.secret).not.toBe(createWebhookEndpoint.secret);
      expect((await admin.deleteWebhookEndpoint({ input: { id: endpoint.id } })).deleteWebhookEndpoint.deletedId).toBe(endpoint.id);
      const gone = await refusal(() => admin.webhookEndpoint({ id: endpoint.id }));
      expect(gone.code).toBe(ErrorCode.NotFound);
    });
  });

  it('ran every operation of the SDK against the server', () => {
    expect([...used].filter((m) => m in operations).sort()).toEqual(Object.keys(operations).sort());
  });
});
