/**
 * Issue 14, SPEC §6: every committed change queues one delivery to each enabled endpoint whose owner may read
 * its event (the audit rule of §2) and whose event types include it; a refused mutation queues nothing.
 *
 * A mixed sequence of mutations runs against endpoints of a tenant, a reseller, an advisor and the platform
 * (one of them filtered). The spec keeps its own model of who may see each event — who caused it, the tenant
 * it concerns, the subscription's reseller and partner of record before and after — and compares, per
 * endpoint, the event ids in its delivery log with the ids that model allows. Statuses are not compared: a
 * dispatcher may be attempting the deliveries meanwhile.
 */
import { codeOf, type GraphQLResponse, ok, Role, startTestServer, type TestServer } from './support/harness';
import { uniqueDomain } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  AUTHORIZE_OFFER,
  CHANGE_LICENSE_QUANTITY,
  CREATE_CUSTOMER,
  CREATE_OFFER,
  CREATE_PARTNER,
  CREATE_RESELLER_INVITATION,
  CREATE_TENANT,
  GET_AUDIT_EVENTS,
  PURCHASE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  REVOKE_OFFER_AUTHORIZATION,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import {
  CREATE_WEBHOOK_ENDPOINT,
  GET_WEBHOOK_DELIVERIES,
  ROTATE_WEBHOOK_SECRET,
  SEND_TEST_WEBHOOK,
  UPDATE_WEBHOOK_ENDPOINT,
} from './graphql/webhook-definitions';

import type { GetWebhookDeliveriesQuery } from './graphql/generated/graphql';

const HOOK = 'http://127.0.0.1:9/hook';

/** Who calls: a token, and the partner it belongs to (null for tenant users and the platform). */
interface Caller {
  token: string;
  partnerId: string | null;
}

/** What the model knows of an event: enough to decide, by SPEC §2, who may read it. */
interface ModelEvent {
  action: string;
  tenantId: string | null;
  targetId?: string;
  /** Resellers and partners of record of the subscription changed, before and after. */
  subscriptionPartners?: string[];
  /** sendTestWebhook: the one endpoint it goes to. */
  routedTo?: string;
}

interface ModelEndpoint {
  name: string;
  id: string;
  owner: { kind: 'tenant' | 'partner' | 'platform'; id?: string };
  eventTypes: string[];
  enabled: boolean;
}

interface SubscriptionState {
  tenantId: string;
  reseller: string | null;
  partnerOfRecord: string | null;
}

describe('webhook fan-out follows the audit visibility rule (SPEC §2, §6)', () => {
  let server: TestServer;
  let platform: Caller;
  const endpoints: ModelEndpoint[] = [];
  const expected = new Map<string, Set<string>>();
  const subscriptions = new Map<string, SubscriptionState>();
  const seen = new Set<string>();
  let steps = 0;
  let refusals = 0;

  const mayRead = (endpoint: ModelEndpoint, event: ModelEvent, actorPartner: string | null): boolean => {
    const { owner } = endpoint;
    if (owner.kind === 'platform') return true;
    if (owner.kind === 'tenant') return event.tenantId === owner.id;
    return actorPartner === owner.id || (event.subscriptionPartners ?? []).includes(owner.id!);
  };
  const receives = (endpoint: ModelEndpoint, event: ModelEvent, actorPartner: string | null): boolean => {
    if (event.routedTo !== undefined) return event.routedTo === endpoint.id;
    return (
      endpoint.enabled &&
      (endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.action)) &&
      mayRead(endpoint, event, actorPartner)
    );
  };

  /** The events committed since the last call, from the platform's trail. */
  async function newEvents() {
    const page = ok(await server.gql(GET_AUDIT_EVENTS, { first: 50 }, platform.token)).auditEvents;
    const fresh = page.edges.map((e) => e.node).filter((e) => !seen.has(e.id));
    for (const e of fresh) seen.add(e.id);
    return fresh;
  }

  /** A mutation that must succeed and write exactly the modelled events; the model then says who receives each. */
  async function step<T>(
    as: Caller,
    act: () => Promise<GraphQLResponse<T>>,
    model: (data: NonNullable<T>) => ModelEvent[],
  ): Promise<NonNullable<T>> {
    const data = ok(await act()) as NonNullable<T>;
    steps++;
    const events = model(data);
    const written = await newEvents();
    expect(written.map((e) => e.action).sort()).toEqual(events.map((e) => e.action).sort());
    const unmatched = [...written];
    for (const event of events) {
      const index = unmatched.findIndex(
        (w) => w.action === event.action && (event.targetId === undefined || w.targetId === event.targetId),
      );
      expect(index).toBeGreaterThanOrEqual(0);
      const [match] = unmatched.splice(index, 1);
      for (const endpoint of endpoints) if (receives(endpoint, event, as.partnerId)) expected.get(endpoint.name)!.add(match!.id);
    }
    return data;
  }

  /** A mutation that must be refused with `code`, and write no event. */
  async function refused(act: () => Promise<GraphQLResponse>, code: string) {
    expect(codeOf(await act())).toBe(code);
    refusals++;
    expect(await newEvents()).toEqual([]);
  }

  /** A subscription change in the model: its partners before and after say which partners see the event. */
  function subscriptionEvent(action: string, id: string, change: Partial<SubscriptionState> = {}): ModelEvent {
    const before = subscriptions.get(id)!;
    const after = { ...before, ...change };
    subscriptions.set(id, after);
    const partners = [before.reseller, before.partnerOfRecord, after.reseller, after.partnerOfRecord].filter(
      (p): p is string => p !== null,
    );
    return { action, tenantId: after.tenantId, targetId: id, subscriptionPartners: [...new Set(partners)] };
  }

  function purchased(data: { purchaseSubscription: { subscription: { id: string } } }, state: SubscriptionState): ModelEvent[] {
    const id = data.purchaseSubscription.subscription.id;
    subscriptions.set(id, { tenantId: state.tenantId, reseller: null, partnerOfRecord: null });
    return [subscriptionEvent('subscription.purchased', id, state)];
  }

  async function createEndpoint(name: string, as: Caller, owner: ModelEndpoint['owner'], eventTypes: string[] = []) {
    let endpoint: ModelEndpoint;
    await step(
      as,
      () => server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: HOOK, eventTypes, description: name } }, as.token),
      (data) => {
        endpoint = { name, id: data.createWebhookEndpoint.webhookEndpoint.id, owner, eventTypes, enabled: true };
        endpoints.push(endpoint);
        expected.set(name, new Set());
        // Its own creation is the first event it receives (when its owner may read it and its types include it).
        return [{ action: 'webhookEndpoint.created', tenantId: owner.kind === 'tenant' ? owner.id! : null, targetId: endpoint.id }];
      },
    );
    return endpoint!;
  }

  async function deliveredEventIds(endpoint: ModelEndpoint, token: string): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: GetWebhookDeliveriesQuery['webhookDeliveries'] = ok(
        await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: endpoint.id, first: 100, after }, token),
      ).webhookDeliveries;
      ids.push(...page.edges.map((e) => e.node.event.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    platform = { token: await server.token(Role.PLATFORM_ADMIN), partnerId: null };
  });
  afterAll(() => server.stop());

  it('queues each event for exactly the endpoints whose owners may read it', async () => {
    const gql = server.gql.bind(server);
    const partner = (id: string, capabilities: ('RESELLER' | 'ADVISOR')[]) =>
      step(
        platform,
        () => gql(CREATE_PARTNER, { input: { id, name: `Partner ${id}`, countryCode: 'VN', capabilities } }, platform.token),
        () => [{ action: 'partner.created', tenantId: null, targetId: id }],
      );
    const tenant = (name: string, domain = uniqueDomain(name)) =>
      step(
        platform,
        () => gql(CREATE_TENANT, { input: { name, domain, countryCode: 'VN' } }, platform.token),
        (data) => [{ action: 'tenant.created', tenantId: data.createTenant.tenant.id, targetId: data.createTenant.tenant.id }],
      ).then((data) => data.createTenant.tenant.id);
    const offer = (sku: string) =>
      step(
        platform,
        () =>
          gql(
            CREATE_OFFER,
            { input: { sku, name: sku, minQuantity: 1, maxQuantity: 100, unitPriceCents: 500, currency: 'USD' } },
            platform.token,
          ),
        (data) => [{ action: 'offer.created', tenantId: null, targetId: data.createOffer.offer.id }],
      ).then((data) => data.createOffer.offer.id);
    const authorize = (partnerId: string, offerId: string) =>
      step(
        platform,
        () => gql(AUTHORIZE_OFFER, { input: { partnerId, offerId } }, platform.token),
        () => [{ action: 'offer.authorized', tenantId: null, targetId: partnerId }],
      );
    const as = async (role: Role, scope: { tenantId?: string; partnerId?: string }): Promise<Caller> => ({
      token: await server.token(role, scope),
      partnerId: scope.partnerId ?? null,
    });
    const purchase = (
      by: Caller,
      input: { tenantId: string; offerId: string; quantity: number; partnerId?: string },
      reseller: string | null,
    ) =>
      step(
        by,
        () => gql(PURCHASE_SUBSCRIPTION, { input }, by.token),
        (data) => purchased(data, { tenantId: input.tenantId, reseller, partnerOfRecord: input.partnerId ?? null }),
      ).then((data) => data.purchaseSubscription.subscription.id);
    const quantity = (by: Caller, subscriptionId: string, n: number) =>
      step(
        by,
        () => gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId, quantity: n } }, by.token),
        () => [subscriptionEvent('subscription.quantityChanged', subscriptionId)],
      );
    const suspend = (by: Caller, subscriptionId: string) =>
      step(
        by,
        () => gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId } }, by.token),
        () => [subscriptionEvent('subscription.suspended', subscriptionId)],
      );
    const reactivate = (by: Caller, subscriptionId: string) =>
      step(
        by,
        () => gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId } }, by.token),
        () => [subscriptionEvent('subscription.reactivated', subscriptionId)],
      );
    const partnerOfRecord = (by: Caller, subscriptionId: string, partnerId: string | null) =>
      step(
        by,
        () => gql(SET_PARTNER_OF_RECORD, { input: { subscriptionId, partnerId } }, by.token),
        () => [
          subscriptionEvent(partnerId ? 'subscription.partnerOfRecordSet' : 'subscription.partnerOfRecordRemoved', subscriptionId, {
            partnerOfRecord: partnerId,
          }),
        ],
      );
    const invitation = (by: Caller) =>
      step(
        by,
        () => gql(CREATE_RESELLER_INVITATION, { input: {} }, by.token),
        (data) => [{ action: 'resellerInvitation.created', tenantId: null, targetId: data.createResellerInvitation.invitation.id }],
      ).then((data) => data.createResellerInvitation.invitation.code);
    const accept = (by: Caller, tenantId: string, code: string) =>
      step(
        by,
        () => gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, by.token),
        () => [{ action: 'resellerRelationship.created', tenantId }],
      );

    // ---- Partners, the platform's endpoints, and the partners' endpoints ----
    const reseller = '5100001';
    const advisor = '5200001';
    const otherReseller = '5300001';
    await partner(reseller, ['RESELLER']);
    await partner(advisor, ['ADVISOR']);
    await partner(otherReseller, ['RESELLER', 'ADVISOR']);
    await createEndpoint('platform', platform, { kind: 'platform' });
    await createEndpoint('platform-filtered', platform, { kind: 'platform' }, ['subscription.purchased', 'subscription.suspended']);
    const resellerAdmin = await as(Role.PARTNER_ADMIN_AGENT, { partnerId: reseller });
    const resellerSales = await as(Role.PARTNER_SALES_AGENT, { partnerId: reseller });
    const advisorAdmin = await as(Role.PARTNER_ADMIN_AGENT, { partnerId: advisor });
    const otherAdmin = await as(Role.PARTNER_ADMIN_AGENT, { partnerId: otherReseller });
    const resellerHook = await createEndpoint('reseller', resellerAdmin, { kind: 'partner', id: reseller });
    const advisorHook = await createEndpoint('advisor', advisorAdmin, { kind: 'partner', id: advisor });

    // ---- Tenants and the tenant's endpoint; the catalog ----
    const direct = await tenant('Direct Tenant');
    const directGlobal = await as(Role.TENANT_GLOBAL_ADMIN, { tenantId: direct });
    const directBilling = await as(Role.TENANT_BILLING_ADMIN, { tenantId: direct });
    const directReader = await as(Role.TENANT_READER, { tenantId: direct });
    const tenantHook = await createEndpoint('tenant', directGlobal, { kind: 'tenant', id: direct });
    const quiet = await tenant('Quiet Tenant');
    const quietGlobal = await as(Role.TENANT_GLOBAL_ADMIN, { tenantId: quiet });
    const basic = await offer('FANOUT-BASIC');
    const premium = await offer('FANOUT-PREMIUM');
    await authorize(reseller, basic);
    await authorize(reseller, premium);
    await authorize(otherReseller, basic);
    await refused(() => gql(AUTHORIZE_OFFER, { input: { partnerId: advisor, offerId: basic } }, platform.token), 'FAILED_PRECONDITION');

    // ---- A reseller's customer ----
    const customer = await step(
      resellerAdmin,
      () =>
        gql(
          CREATE_CUSTOMER,
          { input: { name: 'Fanout Customer', domain: uniqueDomain('fanout'), countryCode: 'TH' } },
          resellerAdmin.token,
        ),
      (data) => [
        { action: 'tenant.created', tenantId: data.createCustomer.customer.id },
        { action: 'resellerRelationship.created', tenantId: data.createCustomer.customer.id },
      ],
    ).then((data) => data.createCustomer.customer.id);
    await refused(
      () => gql(CREATE_CUSTOMER, { input: { name: 'Nope', domain: uniqueDomain('nope'), countryCode: 'TH' } }, advisorAdmin.token),
      'FORBIDDEN',
    );

    // ---- Direct purchases with an advisor, and reseller sales ----
    const s1 = await purchase(directGlobal, { tenantId: direct, offerId: basic, quantity: 3, partnerId: advisor }, null);
    await quantity(directBilling, s1, 4);
    await refused(() => gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: s1, quantity: 9 } }, advisorAdmin.token), 'FORBIDDEN');
    const s2 = await purchase(resellerSales, { tenantId: customer, offerId: basic, quantity: 2, partnerId: advisor }, reseller);
    const s3 = await purchase(resellerAdmin, { tenantId: customer, offerId: premium, quantity: 5 }, reseller);
    await partnerOfRecord(resellerAdmin, s3, advisor);
    await partnerOfRecord(resellerAdmin, s3, null);
    await refused(
      () => gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: s2, quantity: 1000 } }, resellerAdmin.token),
      'QUANTITY_OUT_OF_RANGE',
    );
    await suspend(resellerAdmin, s2);
    await reactivate(resellerSales, s2);
    await refused(() => gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: s2 } }, resellerAdmin.token), 'INVALID_STATUS_TRANSITION');

    // ---- A second reseller on the direct tenant, and the customer removing its advisor ----
    const code = await invitation(otherAdmin);
    await accept(directGlobal, direct, code);
    const s4 = await purchase(otherAdmin, { tenantId: direct, offerId: basic, quantity: 1 }, otherReseller);
    await partnerOfRecord(otherAdmin, s4, advisor);
    await step(
      directGlobal,
      () => gql(REMOVE_ADVISOR_RELATIONSHIP, { input: { tenantId: direct, partnerId: advisor } }, directGlobal.token),
      () => [
        subscriptionEvent('subscription.partnerOfRecordRemoved', s1, { partnerOfRecord: null }),
        subscriptionEvent('subscription.partnerOfRecordRemoved', s4, { partnerOfRecord: null }),
      ],
    );
    await refused(
      () => gql(REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId: direct, partnerId: otherReseller } }, directGlobal.token),
      'FORBIDDEN',
    );
    await suspend(otherAdmin, s4);
    await step(
      otherAdmin,
      () => gql(REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId: direct, partnerId: otherReseller } }, otherAdmin.token),
      () => [{ action: 'resellerRelationship.removed', tenantId: direct }],
    );
    await refused(() => gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: s4 } }, otherAdmin.token), 'NOT_FOUND');
    await refused(() => gql(CREATE_RESELLER_INVITATION, { input: {} }, advisorAdmin.token), 'FORBIDDEN');

    // ---- The advisor pauses its endpoint for a while ----
    await step(
      advisorAdmin,
      () => gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: advisorHook.id, enabled: false } }, advisorAdmin.token),
      () => {
        advisorHook.enabled = false;
        return [{ action: 'webhookEndpoint.updated', tenantId: null, targetId: advisorHook.id }];
      },
    );

    // ---- The reseller on the quiet tenant, then leaving it ----
    await accept(quietGlobal, quiet, await invitation(resellerAdmin));
    const s5 = await purchase(resellerAdmin, { tenantId: quiet, offerId: basic, quantity: 2, partnerId: advisor }, reseller);
    await quantity(resellerAdmin, s5, 3);
    await suspend(resellerSales, s5);
    await step(
      resellerAdmin,
      () => gql(REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId: quiet, partnerId: reseller } }, resellerAdmin.token),
      () => [{ action: 'resellerRelationship.removed', tenantId: quiet }],
    );
    await refused(() => gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: s5, quantity: 4 } }, resellerAdmin.token), 'NOT_FOUND');
    await step(
      platform,
      () => gql(REVOKE_OFFER_AUTHORIZATION, { input: { partnerId: otherReseller, offerId: basic } }, platform.token),
      () => [{ action: 'offer.authorizationRevoked', tenantId: null, targetId: otherReseller }],
    );

    await step(
      advisorAdmin,
      () => gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: advisorHook.id, enabled: true } }, advisorAdmin.token),
      () => {
        advisorHook.enabled = true;
        return [{ action: 'webhookEndpoint.updated', tenantId: null, targetId: advisorHook.id }];
      },
    );

    // ---- More changes on the direct tenant and the customer ----
    await step(
      directGlobal,
      () => gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: tenantHook.id, description: 'renamed' } }, directGlobal.token),
      () => [{ action: 'webhookEndpoint.updated', tenantId: direct, targetId: tenantHook.id }],
    );
    await suspend(directGlobal, s1);
    await reactivate(directBilling, s1);
    await refused(() => gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: s1 } }, directReader.token), 'FORBIDDEN');
    await partnerOfRecord(resellerAdmin, s2, otherReseller);
    await refused(
      () => gql(SET_PARTNER_OF_RECORD, { input: { subscriptionId: s2, partnerId: '9999999' } }, resellerAdmin.token),
      'PARTNER_NOT_FOUND',
    );
    await partnerOfRecord(resellerAdmin, s2, advisor);
    await quantity(resellerSales, s2, 7);
    await tenant('Late Tenant');
    await tenant('Dup', 'fanout-dup.example');
    await refused(
      () => gql(CREATE_TENANT, { input: { name: 'Dup', domain: 'fanout-dup.example', countryCode: 'VN' } }, platform.token),
      'CONFLICT',
    );
    await partner('5400001', ['RESELLER']);
    await authorize('5400001', await offer('FANOUT-LATE'));

    // ---- Routed and endpoint events ----
    await step(
      resellerAdmin,
      () => gql(SEND_TEST_WEBHOOK, { input: { id: resellerHook.id } }, resellerAdmin.token),
      () => [{ action: 'webhook.test', tenantId: null, targetId: resellerHook.id, routedTo: resellerHook.id }],
    );
    await step(
      advisorAdmin,
      () => gql(ROTATE_WEBHOOK_SECRET, { input: { id: advisorHook.id } }, advisorAdmin.token),
      () => [{ action: 'webhookEndpoint.secretRotated', tenantId: null, targetId: advisorHook.id }],
    );

    expect(steps + refusals).toBeGreaterThanOrEqual(50);
    expect(refusals).toBeGreaterThanOrEqual(10);

    // ---- Every endpoint's log holds exactly the events the model allows it ----
    const tokens: Record<string, string> = {
      platform: platform.token,
      'platform-filtered': platform.token,
      reseller: resellerAdmin.token,
      advisor: advisorAdmin.token,
      tenant: directGlobal.token,
    };
    for (const endpoint of endpoints) {
      const delivered = await deliveredEventIds(endpoint, tokens[endpoint.name]!);
      expect(new Set(delivered).size).toBe(delivered.length);
      expect({ endpoint: endpoint.name, events: [...delivered].sort() }).toEqual({
        endpoint: endpoint.name,
        events: [...expected.get(endpoint.name)!].sort(),
      });
    }
    // The model is not vacuous: every endpoint received something, and none received everything.
    for (const endpoint of endpoints) expect(expected.get(endpoint.name)!.size).toBeGreaterThan(0);
    for (const name of ['platform-filtered', 'reseller', 'advisor', 'tenant']) expect(expected.get(name)!.size).toBeLessThan(seen.size);
  });
});
