/**
 * Every refusal of the reseller workflow (seed 004), over HTTP: each checks the exact
 * `extensions.code` and that nothing changed anywhere (every table, audit_events included).
 *
 * The retention tests at the end move the clock forward; everything before them relies on no time passing.
 */
import {
  codeOf,
  expectNothingChanged,
  ok,
  startTestServer,
  type AnyOperation,
  type GraphQLResponse,
  type TestServer,
} from './support/harness';
import { buildWorld, kitFor, uniqueDomain, type Kit, type SubscriptionView, type World } from './support/world';
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
  GET_CUSTOMERS,
  GET_OFFERS,
  GET_SUBSCRIPTION,
  GET_SUBSCRIPTIONS,
  GET_TENANT,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  REVOKE_OFFER_AUTHORIZATION,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import {
  CREATE_WEBHOOK_ENDPOINT,
  DELETE_WEBHOOK_ENDPOINT,
  REDELIVER_WEBHOOK,
  ROTATE_WEBHOOK_SECRET,
  SEND_TEST_WEBHOOK,
  UPDATE_WEBHOOK_ENDPOINT,
} from './graphql/webhook-definitions';
import {
  CANCEL_SUBSCRIPTION,
  CLEAR_RENEWAL_CHANGE,
  MOVE_DOMAIN_TIME,
  SCHEDULE_RENEWAL_CHANGE,
  SET_AUTO_RENEW,
} from './graphql/term-definitions';

type MutationNames = { __schema: { mutationType: { fields: { name: string }[] } } };
type Attempt = [label: string, document: AnyOperation, variables: Record<string, unknown>];

describe('reseller: refusals change nothing', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  let customer: Awaited<ReturnType<typeof kit.createCustomer>>;
  let active: SubscriptionView; // BASIC, 10 licences, sold by the reseller
  let suspended: SubscriptionView; // PREMIUM, sold by the reseller, suspended

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    customer = await kit.createCustomer(world.tokens.resellerAdmin, 'Consolidated Messenger');
    active = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 10 });
    suspended = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 10 });
    suspended = await kit.suspend(world.tokens.resellerAdmin, suspended.id);
  });
  afterAll(() => server.stop());

  /** Runs each attempt, expecting exactly `code` (and `field` when given), with no change to the database. */
  const expectRefused = async (token: string, attempts: Attempt[], code: string, field?: string) => {
    for (const [label, document, variables] of attempts) {
      let response!: GraphQLResponse;
      await expectNothingChanged(server, async () => {
        response = await server.gql(document, variables, token);
      });
      expect({ label, code: codeOf(response) }).toEqual({ label, code });
      expect(response.errors).toHaveLength(1);
      expect(response.data ?? null).toBeNull();
      expect(response.errors![0].message.length).toBeGreaterThan(10);
      if (field) expect({ label, field: response.errors![0].extensions.field }).toEqual({ label, field });
    }
  };

  const manageAttempts = (subscriptionId: string, activeOne = true): Attempt[] => [
    ['changeLicenseQuantity', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId, quantity: 11 } }],
    [
      activeOne ? 'suspendSubscription' : 'reactivateSubscription',
      activeOne ? SUSPEND_SUBSCRIPTION : REACTIVATE_SUBSCRIPTION,
      { input: { subscriptionId } },
    ],
    ['setPartnerOfRecord', SET_PARTNER_OF_RECORD, { input: { subscriptionId, partnerId: world.partners.advisor } }],
  ];

  describe('an unrelated reseller: NOT_FOUND, exactly as for ids that do not exist', () => {
    it.each([
      ['another reseller’s admin', () => world.tokens.otherResellerAdmin],
      ['an advisor', () => world.tokens.advisorAdmin],
    ])('%s can neither read nor change the customer', async (_label, token) => {
      await expectRefused(
        token(),
        [
          ['tenant', GET_TENANT, { id: customer.id }],
          ['subscription', GET_SUBSCRIPTION, { id: active.id }],
          ['subscriptions', GET_SUBSCRIPTIONS, { tenantId: customer.id }],
          ['auditEvents', GET_AUDIT_EVENTS, { tenantId: customer.id }],
          ...manageAttempts(active.id),
          ...manageAttempts(suspended.id, false),
          [
            'purchaseSubscription',
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 1 } },
          ],
          ['quoteSubscription', QUOTE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 1 } }],
          [
            'removeResellerRelationship',
            REMOVE_RESELLER_RELATIONSHIP,
            { input: { tenantId: customer.id, partnerId: world.partners.otherReseller } },
          ],
        ],
        'NOT_FOUND',
      );
      // Indistinguishable from ids that do not exist.
      const missing = '01900000-0000-7000-8000-000000000000';
      await expectRefused(
        token(),
        [
          ['missing tenant', GET_TENANT, { id: missing }],
          ['missing subscription', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: missing, quantity: 11 } }],
        ],
        'NOT_FOUND',
      );
    });
  });

  describe('the helpdesk agent: reads customers, FORBIDDEN on every mutation', () => {
    it('reads the customers, the tenant and its subscriptions', async () => {
      const token = world.tokens.resellerHelpdesk;
      const listed = ok(await server.gql(GET_CUSTOMERS, { first: 100 }, token)).customers.edges.map((e) => e.node.id);
      expect(listed).toEqual(expect.arrayContaining([world.tenants.customer, customer.id]));
      const tenant = ok(await server.gql(GET_TENANT, { id: customer.id }, token)).tenant;
      expect(tenant.subscriptions.totalCount).toBe(2);
      expect(tenant.subscriptions.edges.every((e) => e.node.viewerCanManage === false)).toBe(true);
    });

    it('is refused every mutation of the schema with FORBIDDEN', async () => {
      const token = world.tokens.resellerHelpdesk;
      const invitation = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, world.tokens.resellerAdmin))
        .createResellerInvitation.invitation;
      // Its partner's own endpoint: in scope, so the role is what refuses.
      const hook = ok(
        await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'http://127.0.0.1:9/helpdesk' } }, world.tokens.resellerAdmin),
      ).createWebhookEndpoint.webhookEndpoint;
      const delivery = ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: hook.id } }, world.tokens.resellerAdmin)).sendTestWebhook
        .delivery;
      const attempts: Record<string, Attempt> = {
        createCustomer: ['createCustomer', CREATE_CUSTOMER, { input: { name: 'Helpdesk Co', domain: uniqueDomain(), countryCode: 'TH' } }],
        createResellerInvitation: ['createResellerInvitation', CREATE_RESELLER_INVITATION, { input: { expiresInDays: 3 } }],
        acceptResellerInvitation: ['acceptResellerInvitation', ACCEPT_RESELLER_INVITATION, { input: { code: invitation.code } }],
        purchaseSubscription: [
          'purchaseSubscription',
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } },
        ],
        changeLicenseQuantity: manageAttempts(active.id)[0],
        suspendSubscription: manageAttempts(active.id)[1],
        reactivateSubscription: manageAttempts(suspended.id, false)[1],
        setPartnerOfRecord: manageAttempts(active.id)[2],
        cancelSubscription: ['cancelSubscription', CANCEL_SUBSCRIPTION, { input: { subscriptionId: active.id } }],
        setAutoRenew: ['setAutoRenew', SET_AUTO_RENEW, { input: { subscriptionId: active.id, autoRenew: false } }],
        scheduleRenewalChange: ['scheduleRenewalChange', SCHEDULE_RENEWAL_CHANGE, { input: { subscriptionId: active.id, quantity: 12 } }],
        clearRenewalChange: ['clearRenewalChange', CLEAR_RENEWAL_CHANGE, { input: { subscriptionId: active.id } }],
        advanceTestClock: ['advanceTestClock', MOVE_DOMAIN_TIME, { input: { to: new Date(Date.now() + 86_400_000).toISOString() } }],
        removeResellerRelationship: [
          'removeResellerRelationship',
          REMOVE_RESELLER_RELATIONSHIP,
          { input: { tenantId: customer.id, partnerId: world.partners.reseller } },
        ],
        removeAdvisorRelationship: [
          'removeAdvisorRelationship',
          REMOVE_ADVISOR_RELATIONSHIP,
          { input: { tenantId: customer.id, partnerId: world.partners.advisor } },
        ],
        createTenant: ['createTenant', CREATE_TENANT, { input: { name: 'Helpdesk Tenant', domain: uniqueDomain(), countryCode: 'TH' } }],
        createPartner: [
          'createPartner',
          CREATE_PARTNER,
          { input: { name: 'Helpdesk Partner', countryCode: 'TH', capabilities: ['RESELLER'] } },
        ],
        createOffer: [
          'createOffer',
          CREATE_OFFER,
          { input: { sku: 'HELPDESK-1', name: 'Helpdesk', minQuantity: 1, maxQuantity: 2, unitPriceCents: 1, currency: 'USD' } },
        ],
        authorizeOffer: ['authorizeOffer', AUTHORIZE_OFFER, { input: { partnerId: world.partners.reseller, offerId: world.offers.e5.id } }],
        revokeOfferAuthorization: [
          'revokeOfferAuthorization',
          REVOKE_OFFER_AUTHORIZATION,
          { input: { partnerId: world.partners.reseller, offerId: world.offers.basic.id } },
        ],
        createWebhookEndpoint: ['createWebhookEndpoint', CREATE_WEBHOOK_ENDPOINT, { input: { url: 'http://127.0.0.1:9/helpdesk' } }],
        updateWebhookEndpoint: ['updateWebhookEndpoint', UPDATE_WEBHOOK_ENDPOINT, { input: { id: hook.id, enabled: false } }],
        deleteWebhookEndpoint: ['deleteWebhookEndpoint', DELETE_WEBHOOK_ENDPOINT, { input: { id: hook.id } }],
        rotateWebhookSecret: ['rotateWebhookSecret', ROTATE_WEBHOOK_SECRET, { input: { id: hook.id } }],
        sendTestWebhook: ['sendTestWebhook', SEND_TEST_WEBHOOK, { input: { id: hook.id } }],
        redeliverWebhook: ['redeliverWebhook', REDELIVER_WEBHOOK, { input: { deliveryId: delivery.id } }],
      };
      // Every mutation the schema has is covered here, so a new one cannot slip past the helpdesk.
      const schema = ok(await server.gql<MutationNames>(`{ __schema { mutationType { fields { name } } } }`, {}, world.tokens.platform));
      const mutations = schema.__schema.mutationType.fields.map((f) => f.name).sort();
      expect(Object.keys(attempts).sort()).toEqual(mutations);

      await expectRefused(token, Object.values(attempts), 'FORBIDDEN');
      // quoteSubscription is a query, but it is the first step of a purchase: refused too.
      await expectRefused(
        token,
        [['quoteSubscription', QUOTE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 1 } }]],
        'FORBIDDEN',
      );
    });
  });

  describe('the customer’s own users on a reseller-managed tenant: FORBIDDEN', () => {
    it.each(['global', 'billing', 'reader'] as const)('its %s user cannot buy, quote, or change a subscription', async (who) => {
      await expectRefused(
        customer.tokens[who],
        [
          ['purchaseSubscription', PURCHASE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }],
          ['quoteSubscription', QUOTE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }],
          ...manageAttempts(active.id),
          ...manageAttempts(suspended.id, false),
          [
            'removeResellerRelationship',
            REMOVE_RESELLER_RELATIONSHIP,
            { input: { tenantId: customer.id, partnerId: world.partners.reseller } },
          ],
        ],
        'FORBIDDEN',
      );
    });
  });

  describe('what is bought and how much', () => {
    it('refuses an offer the reseller is not authorised to sell: OFFER_NOT_AUTHORIZED', async () => {
      await expectRefused(
        world.tokens.resellerSales,
        [
          ['purchase E5', PURCHASE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }],
          ['quote E5', QUOTE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }],
        ],
        'OFFER_NOT_AUTHORIZED',
        'offerId',
      );
    });

    it('refuses an offer whose authorisation was revoked, while existing sales of it stay manageable', async () => {
      const platform = world.tokens.platform;
      const offer = ok(
        await server.gql(
          CREATE_OFFER,
          { input: { sku: 'REVOKED-LATER', name: 'Revoked later', minQuantity: 1, maxQuantity: 50, unitPriceCents: 100, currency: 'USD' } },
          platform,
        ),
      ).createOffer.offer;
      const pair = { partnerId: world.partners.reseller, offerId: offer.id };
      ok(await server.gql(AUTHORIZE_OFFER, { input: pair }, platform));
      const other = await kit.createCustomer(world.tokens.resellerAdmin);
      const sold = await kit.purchase(world.tokens.resellerAdmin, { tenantId: other.id, offerId: offer.id, quantity: 2 });
      ok(await server.gql(REVOKE_OFFER_AUTHORIZATION, { input: pair }, platform));

      const skus = ok(await server.gql(GET_OFFERS, {}, world.tokens.resellerAdmin)).offers.edges.map((e) => e.node.sku);
      expect(skus).not.toContain('REVOKED-LATER');
      const third = await kit.createCustomer(world.tokens.resellerAdmin);
      await expectRefused(
        world.tokens.resellerAdmin,
        [['purchase revoked', PURCHASE_SUBSCRIPTION, { input: { tenantId: third.id, offerId: offer.id, quantity: 1 } }]],
        'OFFER_NOT_AUTHORIZED',
      );
      const changed = ok(
        await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: sold.id, quantity: 3 } }, world.tokens.resellerAdmin),
      );
      expect(changed.changeLicenseQuantity.subscription.quantity).toBe(3);
    });

    it('refuses quantities outside the offer’s range: QUANTITY_OUT_OF_RANGE', async () => {
      const other = await kit.createCustomer(world.tokens.resellerAdmin);
      await expectRefused(
        world.tokens.resellerAdmin,
        [
          [
            'purchase below PREMIUM minimum',
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: other.id, offerId: world.offers.premium.id, quantity: world.offers.premium.minQuantity - 1 } },
          ],
          [
            'purchase above BASIC maximum',
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: other.id, offerId: world.offers.basic.id, quantity: world.offers.basic.maxQuantity + 1 } },
          ],
          [
            'quote above BASIC maximum',
            QUOTE_SUBSCRIPTION,
            { input: { tenantId: other.id, offerId: world.offers.basic.id, quantity: world.offers.basic.maxQuantity + 1 } },
          ],
          [
            'change above BASIC maximum',
            CHANGE_LICENSE_QUANTITY,
            { input: { subscriptionId: active.id, quantity: world.offers.basic.maxQuantity + 1 } },
          ],
          ['change far above', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: active.id, quantity: 2_000_000_000 } }],
        ],
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      );
      const premium = await kit.purchase(world.tokens.resellerAdmin, {
        tenantId: other.id,
        offerId: world.offers.premium.id,
        quantity: world.offers.premium.minQuantity,
      });
      await expectRefused(
        world.tokens.resellerAdmin,
        [
          [
            'change below PREMIUM minimum',
            CHANGE_LICENSE_QUANTITY,
            { input: { subscriptionId: premium.id, quantity: world.offers.premium.minQuantity - 1 } },
          ],
        ],
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      );
    });

    it.each([0, -1, -300])('refuses quantity %p as malformed: BAD_USER_INPUT on field quantity', async (quantity) => {
      await expectRefused(
        world.tokens.resellerAdmin,
        [
          ['purchase', PURCHASE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity } }],
          ['quote', QUOTE_SUBSCRIPTION, { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity } }],
          ['change', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: active.id, quantity } }],
        ],
        'BAD_USER_INPUT',
        'quantity',
      );
    });

    it('refuses a fractional quantity as malformed: BAD_USER_INPUT', async () => {
      await expectRefused(
        world.tokens.resellerAdmin,
        [['change 2.5', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: active.id, quantity: 2.5 } }]],
        'BAD_USER_INPUT',
      );
    });

    it('refuses a second live subscription of the same offer on the reseller channel: CONFLICT', async () => {
      await expectRefused(
        world.tokens.resellerSales,
        [
          [
            'purchase BASIC again',
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 1 } },
          ],
        ],
        'CONFLICT',
        'offerId',
      );
      // Also while the other one is only suspended: it is not deleted yet.
      await expectRefused(
        world.tokens.resellerSales,
        [
          [
            'purchase PREMIUM again',
            PURCHASE_SUBSCRIPTION,
            { input: { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 5 } },
          ],
        ],
        'CONFLICT',
        'offerId',
      );
    });
  });

  describe('status transitions', () => {
    it('refuses suspending a suspended subscription: INVALID_STATUS_TRANSITION', async () => {
      await expectRefused(
        world.tokens.resellerAdmin,
        [['suspend twice', SUSPEND_SUBSCRIPTION, { input: { subscriptionId: suspended.id } }]],
        'INVALID_STATUS_TRANSITION',
      );
    });

    it('refuses reactivating an active subscription: INVALID_STATUS_TRANSITION', async () => {
      await expectRefused(
        world.tokens.resellerAdmin,
        [['reactivate active', REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: active.id } }]],
        'INVALID_STATUS_TRANSITION',
      );
    });

    it('refuses a quantity or partner-of-record change on a suspended subscription: FAILED_PRECONDITION', async () => {
      await expectRefused(
        world.tokens.resellerAdmin,
        [
          ['quantity on suspended', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: suspended.id, quantity: 12 } }],
          [
            'partner of record on suspended',
            SET_PARTNER_OF_RECORD,
            { input: { subscriptionId: suspended.id, partnerId: world.partners.advisor } },
          ],
        ],
        'FAILED_PRECONDITION',
      );
    });

    it('refuses a stale expectedVersion on every change: CONFLICT', async () => {
      expect(suspended.version).toBe(2);
      await expectRefused(
        world.tokens.resellerAdmin,
        [
          [
            'quantity',
            CHANGE_LICENSE_QUANTITY,
            { input: { subscriptionId: active.id, quantity: 12, expectedVersion: active.version + 1 } },
          ],
          ['suspend', SUSPEND_SUBSCRIPTION, { input: { subscriptionId: active.id, expectedVersion: active.version + 1 } }],
          ['reactivate', REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: suspended.id, expectedVersion: suspended.version - 1 } }],
        ],
        'CONFLICT',
        'expectedVersion',
      );
    });

    it('refuses removing the relationship while a subscription the reseller sold is ACTIVE: FAILED_PRECONDITION', async () => {
      await expectRefused(
        world.tokens.resellerAdmin,
        [['remove reseller', REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId: customer.id, partnerId: world.partners.reseller } }]],
        'FAILED_PRECONDITION',
      );
    });
  });

  it('leaves the refused-upon subscriptions exactly as they were', async () => {
    expect(await kit.read(world.tokens.resellerAdmin, active.id)).toEqual({ ...active, viewerCanManage: true });
    expect(await kit.read(world.tokens.resellerAdmin, suspended.id)).toEqual(suspended);
  });

  describe('after the data retention period (the clock moves forward from here on)', () => {
    let expiring: SubscriptionView;
    beforeAll(async () => {
      const other = await kit.createCustomer(world.tokens.resellerAdmin);
      expiring = await kit.purchase(world.tokens.resellerAdmin, { tenantId: other.id, offerId: world.offers.basic.id, quantity: 4 });
      expiring = await kit.suspend(world.tokens.resellerAdmin, expiring.id);
      server.clock.advanceDays(90);
      server.clock.advanceDays(1 / 24); // an hour past dataRetentionEndsAt
    });

    it('refuses reactivation once dataRetentionEndsAt has passed, even before the sweep ran: INVALID_STATUS_TRANSITION', async () => {
      expect(server.clock.now().getTime()).toBeGreaterThan(Date.parse(expiring.dataRetentionEndsAt!));
      expect((await kit.read(world.tokens.resellerAdmin, expiring.id)).status).toBe('SUSPENDED');
      await expectRefused(
        world.tokens.resellerAdmin,
        [['reactivate expired', REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: expiring.id } }]],
        'INVALID_STATUS_TRANSITION',
      );
    });

    it('refuses every change to a deleted subscription: INVALID_STATUS_TRANSITION', async () => {
      const { deleted } = await server.app.services.lifecycle.sweep();
      expect(deleted).toBeGreaterThanOrEqual(1);
      const gone = await kit.read(world.tokens.resellerAdmin, expiring.id);
      expect(gone).toMatchObject({ status: 'DELETED', viewerCanManage: false });
      await expectRefused(
        world.tokens.resellerAdmin,
        [
          ['changeLicenseQuantity', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: expiring.id, quantity: 5 } }],
          ['changeLicenseQuantity out of range', CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: expiring.id, quantity: 100_000 } }],
          ['suspendSubscription', SUSPEND_SUBSCRIPTION, { input: { subscriptionId: expiring.id } }],
          ['reactivateSubscription', REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: expiring.id } }],
          ['setPartnerOfRecord', SET_PARTNER_OF_RECORD, { input: { subscriptionId: expiring.id, partnerId: world.partners.advisor } }],
          ['setPartnerOfRecord null', SET_PARTNER_OF_RECORD, { input: { subscriptionId: expiring.id, partnerId: null } }],
          [
            'with its current version',
            CHANGE_LICENSE_QUANTITY,
            { input: { subscriptionId: expiring.id, quantity: 5, expectedVersion: gone.version } },
          ],
        ],
        'INVALID_STATUS_TRANSITION',
      );
    });
  });
});
