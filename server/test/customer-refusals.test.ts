/**
 * Every refusal a customer can meet: the exact `extensions.code` (and `field` where the contract
 * names one), and proof that nothing changed anywhere, audit trail included. A quote refuses exactly
 * like the purchase it stands for.
 */
import { expectNothingChanged, expectRefused, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type FreshTenant, type Kit, type Offer, type World } from './support/world';
import {
  CHANGE_LICENSE_QUANTITY,
  GET_PARTNER_RELATIONSHIPS,
  GET_SUBSCRIPTION,
  GET_SUBSCRIPTIONS,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
  VERIFY_PARTNER_ID,
} from './graphql/shared-definitions';
import { graphql } from './graphql/generated';

/** What a caller reloads before retrying a change it sent with a stale version. */
const VERSION_AND_PARTNER = graphql(`
  query VersionAndPartner($id: ID!) {
    subscription(id: $id) { version partnerOfRecord { id } }
  }
`);

/** it.each rows of fixed length (Jest would take a missing trailing `field` for a `done` callback). */
const rows = <T extends [string, () => { token: string; input: Record<string, unknown> }, string, string?]>(cases: T[]) =>
  cases.map(([name, build, code, field]) => [name, build, code, field ?? null] as const);

const UNKNOWN_UUID = '0190a000-0000-7000-8000-0000000000ff';
const MALFORMED_PARTNER_IDS = ['abc1234', '12345', '12345678901', '', '   ', '１２３４５６７', '123 4567', '-1234567', '1234567.0'];
const UNKNOWN_PARTNER_ID = '9876543';

describe('customer: every refusal changes nothing', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  /** A direct tenant with: `active` (offer `ranged`, 2–20 licences, advisor of record, version 2) and `suspended`. */
  let tenant: FreshTenant;
  let ranged: Offer;
  let active: { id: string; version: number };
  let suspended: { id: string; version: number };
  /** A reseller's customer and a subscription the reseller sold it. */
  let customer: FreshTenant;
  let resold: { id: string };

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    tenant = await kit.createTenant('refusals');
    ranged = await kit.createOffer({ min: 2, max: 20, cents: 1500 });
    const other = await kit.createOffer();
    active = await kit.purchase(tenant.tokens.global, {
      tenantId: tenant.id,
      offerId: ranged.id,
      quantity: 5,
      partnerId: world.partners.advisor,
    });
    active = ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: active.id, quantity: 6 } }, tenant.tokens.global))
      .changeLicenseQuantity.subscription;
    suspended = await kit.purchase(tenant.tokens.global, {
      tenantId: tenant.id,
      offerId: other.id,
      quantity: 1,
      partnerId: world.partners.advisor,
    });
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: suspended.id } }, tenant.tokens.global));
    customer = await kit.createCustomer(world.tokens.resellerAdmin, 'refusals-customer');
    resold = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 3 });
  });
  afterAll(() => server.stop());

  /** Runs the operation, expects exactly one error with this code (and field), no data, and no change anywhere. */

  // ---------------------------------------------------------------------------------------------
  // Purchase and quote: the same refusals, because the quote runs every check of the purchase.
  // ---------------------------------------------------------------------------------------------
  type PurchaseCase = [string, () => { token: string; input: Record<string, unknown> }, string, string?];
  const purchaseCases: PurchaseCase[] = [
    [
      'a reader',
      () => ({ token: tenant.tokens.reader, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 } }),
      'FORBIDDEN',
    ],
    [
      'a platform admin',
      () => ({ token: world.tokens.platform, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 } }),
      'FORBIDDEN',
    ],
    [
      'an admin of another tenant',
      () => ({ token: world.tokens.otherDirectGlobal, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 } }),
      'NOT_FOUND',
    ],
    [
      'a reseller for a tenant that is not its customer',
      () => ({ token: world.tokens.resellerAdmin, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 } }),
      'NOT_FOUND',
    ],
    [
      "a reseller-managed tenant's global admin",
      () => ({ token: customer.tokens.global, input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }),
      'FORBIDDEN',
    ],
    [
      "a reseller-managed tenant's billing admin",
      () => ({ token: customer.tokens.billing, input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } }),
      'FORBIDDEN',
    ],
    [
      'an unknown tenant id',
      () => ({ token: tenant.tokens.global, input: { tenantId: UNKNOWN_UUID, offerId: world.offers.basic.id, quantity: 1 } }),
      'NOT_FOUND',
    ],
    [
      'an unknown offer id',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: UNKNOWN_UUID, quantity: 1 } }),
      'NOT_FOUND',
    ],
    [
      'a malformed offer id',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: 'not-an-offer', quantity: 1 } }),
      'NOT_FOUND',
    ],
    [
      'an unknown Partner ID',
      () => ({
        token: tenant.tokens.global,
        input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1, partnerId: UNKNOWN_PARTNER_ID },
      }),
      'PARTNER_NOT_FOUND',
      'partnerId',
    ],
    [
      'a partner that is not an advisor',
      () => ({
        token: tenant.tokens.global,
        input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1, partnerId: world.partners.reseller },
      }),
      'PARTNER_NOT_ADVISOR',
      'partnerId',
    ],
    ...MALFORMED_PARTNER_IDS.map((partnerId): PurchaseCase => [
      `a malformed Partner ID ${JSON.stringify(partnerId)}`,
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1, partnerId } }),
      'BAD_USER_INPUT',
      'partnerId',
    ]),
    [
      'a quantity below the offer’s minimum',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 4 } }),
      'QUANTITY_OUT_OF_RANGE',
      'quantity',
    ],
    [
      'a quantity above the offer’s maximum',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 301 } }),
      'QUANTITY_OUT_OF_RANGE',
      'quantity',
    ],
    [
      'a zero quantity',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 0 } }),
      'BAD_USER_INPUT',
      'quantity',
    ],
    [
      'a negative quantity',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: -3 } }),
      'BAD_USER_INPUT',
      'quantity',
    ],
    [
      'a fractional quantity',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 2.5 } }),
      'BAD_USER_INPUT',
      'quantity',
    ],
    [
      'a quantity given as a string',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: '3' } }),
      'BAD_USER_INPUT',
      'quantity',
    ],
    [
      'no quantity at all',
      () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, offerId: world.offers.basic.id } }),
      'BAD_USER_INPUT',
      'quantity',
    ],
    [
      'a second live subscription of the same offer and channel',
      () => ({ token: tenant.tokens.billing, input: { tenantId: tenant.id, offerId: ranged.id, quantity: 3 } }),
      'CONFLICT',
      'offerId',
    ],
  ];

  describe.each([
    ['purchaseSubscription', PURCHASE_SUBSCRIPTION],
    ['quoteSubscription', QUOTE_SUBSCRIPTION],
  ])('%s refuses', (_name, query) => {
    it.each(rows(purchaseCases))('%s', async (_case, build, code, field) => {
      const { token, input } = build();
      await expectRefused(server, query, { input }, token, code, field);
    });

    it('a request without a token (UNAUTHENTICATED)', async () => {
      const response = await expectRefused(
        server,
        query,
        { input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 1 } },
        undefined,
        'UNAUTHENTICATED',
      );
      expect(response.status).toBe(401);
    });

    it('a suspended subscription still counts as live (CONFLICT)', async () => {
      const offerOfSuspended = ok(await server.gql(GET_SUBSCRIPTION, { id: suspended.id }, tenant.tokens.global)).subscription.offer.id;
      await expectRefused(
        server,
        query,
        { input: { tenantId: tenant.id, offerId: offerOfSuspended, quantity: 1 } },
        tenant.tokens.global,
        'CONFLICT',
        'offerId',
      );
    });
  });

  it("tells a reseller-managed tenant's admin to ask its reseller", async () => {
    const response = await expectRefused(
      server,
      PURCHASE_SUBSCRIPTION,
      { input: { tenantId: customer.id, offerId: world.offers.e5.id, quantity: 1 } },
      customer.tokens.global,
      'FORBIDDEN',
    );
    expect(response.errors![0].message).toMatch(new RegExp(`${world.partners.reseller}.*ask them`));
  });

  it('QUANTITY_OUT_OF_RANGE tells the allowed range', async () => {
    const response = await expectRefused(
      server,
      PURCHASE_SUBSCRIPTION,
      { input: { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 4 } },
      tenant.tokens.global,
      'QUANTITY_OUT_OF_RANGE',
      'quantity',
    );
    expect(response.errors![0].extensions).toMatchObject({ minQuantity: 5, maxQuantity: 300 });
    expect(response.errors![0].message).toMatch(/5 to 300/);
  });

  // ---------------------------------------------------------------------------------------------
  // setPartnerOfRecord
  // ---------------------------------------------------------------------------------------------
  describe('setPartnerOfRecord refuses', () => {
    type Case = [string, () => { token: string; input: Record<string, unknown> }, string, string?];
    const cases: Case[] = [
      [
        'a reader',
        () => ({ token: tenant.tokens.reader, input: { subscriptionId: active.id, partnerId: world.partners.both } }),
        'FORBIDDEN',
      ],
      ['a reader removing it', () => ({ token: tenant.tokens.reader, input: { subscriptionId: active.id, partnerId: null } }), 'FORBIDDEN'],
      ['a platform admin', () => ({ token: world.tokens.platform, input: { subscriptionId: active.id, partnerId: null } }), 'FORBIDDEN'],
      [
        'an admin of another tenant',
        () => ({ token: world.tokens.otherDirectGlobal, input: { subscriptionId: active.id, partnerId: world.partners.both } }),
        'NOT_FOUND',
      ],
      [
        'the partner of record itself',
        () => ({ token: world.tokens.advisorAdmin, input: { subscriptionId: active.id, partnerId: null } }),
        'FORBIDDEN',
      ],
      [
        'a reseller without a relationship',
        () => ({ token: world.tokens.resellerAdmin, input: { subscriptionId: active.id, partnerId: null } }),
        'NOT_FOUND',
      ],
      [
        'an unknown Partner ID',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, partnerId: UNKNOWN_PARTNER_ID } }),
        'PARTNER_NOT_FOUND',
        'partnerId',
      ],
      [
        'a partner that is not an advisor',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, partnerId: world.partners.otherReseller } }),
        'PARTNER_NOT_ADVISOR',
        'partnerId',
      ],
      ...MALFORMED_PARTNER_IDS.map((partnerId): Case => [
        `a malformed Partner ID ${JSON.stringify(partnerId)}`,
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, partnerId } }),
        'BAD_USER_INPUT',
        'partnerId',
      ]),
      [
        'a stale expectedVersion',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, partnerId: world.partners.both, expectedVersion: 1 } }),
        'CONFLICT',
        'expectedVersion',
      ],
      [
        'an expectedVersion from the future',
        () => ({ token: tenant.tokens.billing, input: { subscriptionId: active.id, partnerId: null, expectedVersion: 3 } }),
        'CONFLICT',
        'expectedVersion',
      ],
      [
        'an expectedVersion of 0',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, partnerId: null, expectedVersion: 0 } }),
        'BAD_USER_INPUT',
        'expectedVersion',
      ],
      [
        'a suspended subscription',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: suspended.id, partnerId: world.partners.both } }),
        'FAILED_PRECONDITION',
      ],
      [
        'removing it from a suspended subscription',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: suspended.id, partnerId: null } }),
        'FAILED_PRECONDITION',
      ],
      [
        'an unknown subscription id',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: UNKNOWN_UUID, partnerId: world.partners.advisor } }),
        'NOT_FOUND',
      ],
      [
        'a malformed subscription id',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: 'nope', partnerId: null } }),
        'NOT_FOUND',
      ],
      [
        "the customer's admin on a subscription its reseller sold",
        () => ({ token: customer.tokens.global, input: { subscriptionId: resold.id, partnerId: world.partners.advisor } }),
        'FORBIDDEN',
      ],
      [
        "the customer's billing admin on a subscription its reseller sold",
        () => ({ token: customer.tokens.billing, input: { subscriptionId: resold.id, partnerId: null } }),
        'FORBIDDEN',
      ],
    ];
    it.each(rows(cases))('%s', async (_case, build, code, field) => {
      const { token, input } = build();
      await expectRefused(server, SET_PARTNER_OF_RECORD, { input }, token, code, field);
    });

    it('the suspended case says what to do', async () => {
      const response = await expectRefused(
        server,
        SET_PARTNER_OF_RECORD,
        { input: { subscriptionId: suspended.id, partnerId: null } },
        tenant.tokens.global,
        'FAILED_PRECONDITION',
      );
      expect(response.errors![0].message).toMatch(/suspended.*reactivate/i);
    });

    it('the stale case succeeds once the caller reloads the version', async () => {
      // Proof that the refusals above were about the version, not the request: the right version works.
      const current = ok(await server.gql(VERSION_AND_PARTNER, { id: active.id }, tenant.tokens.global)).subscription;
      expect(current).toEqual({ version: 2, partnerOfRecord: { id: world.partners.advisor } });
    });
  });

  // ---------------------------------------------------------------------------------------------
  // changeLicenseQuantity, suspend, reactivate
  // ---------------------------------------------------------------------------------------------
  describe('changeLicenseQuantity refuses', () => {
    type Case = [string, () => { token: string; input: Record<string, unknown> }, string, string?];
    const cases: Case[] = [
      [
        'a quantity below the minimum',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, quantity: 1 } }),
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      ],
      [
        'a quantity above the maximum',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, quantity: 21 } }),
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      ],
      [
        'a zero quantity',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, quantity: 0 } }),
        'BAD_USER_INPUT',
        'quantity',
      ],
      [
        'a negative quantity',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, quantity: -1 } }),
        'BAD_USER_INPUT',
        'quantity',
      ],
      [
        'a stale expectedVersion',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: active.id, quantity: 7, expectedVersion: 1 } }),
        'CONFLICT',
        'expectedVersion',
      ],
      ['a reader', () => ({ token: tenant.tokens.reader, input: { subscriptionId: active.id, quantity: 7 } }), 'FORBIDDEN'],
      [
        'an admin of another tenant',
        () => ({ token: world.tokens.otherDirectGlobal, input: { subscriptionId: active.id, quantity: 7 } }),
        'NOT_FOUND',
      ],
      [
        'a suspended subscription',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: suspended.id, quantity: 2 } }),
        'FAILED_PRECONDITION',
      ],
      [
        "the customer's admin on a subscription its reseller sold",
        () => ({ token: customer.tokens.global, input: { subscriptionId: resold.id, quantity: 4 } }),
        'FORBIDDEN',
      ],
      [
        'an unknown subscription id',
        () => ({ token: tenant.tokens.global, input: { subscriptionId: UNKNOWN_UUID, quantity: 4 } }),
        'NOT_FOUND',
      ],
    ];
    it.each(rows(cases))('%s', async (_case, build, code, field) => {
      const { token, input } = build();
      await expectRefused(server, CHANGE_LICENSE_QUANTITY, { input }, token, code, field);
    });
  });

  describe('suspend and reactivate refuse', () => {
    it('a reader, another tenant, the wrong status, and a reseller-managed customer', async () => {
      await expectRefused(server, SUSPEND_SUBSCRIPTION, { input: { subscriptionId: active.id } }, tenant.tokens.reader, 'FORBIDDEN');
      await expectRefused(
        server,
        SUSPEND_SUBSCRIPTION,
        { input: { subscriptionId: active.id } },
        world.tokens.otherDirectGlobal,
        'NOT_FOUND',
      );
      await expectRefused(
        server,
        SUSPEND_SUBSCRIPTION,
        { input: { subscriptionId: suspended.id } },
        tenant.tokens.global,
        'INVALID_STATUS_TRANSITION',
      );
      await expectRefused(
        server,
        REACTIVATE_SUBSCRIPTION,
        { input: { subscriptionId: active.id } },
        tenant.tokens.global,
        'INVALID_STATUS_TRANSITION',
      );
      await expectRefused(server, SUSPEND_SUBSCRIPTION, { input: { subscriptionId: resold.id } }, customer.tokens.global, 'FORBIDDEN');
      await expectRefused(server, SUSPEND_SUBSCRIPTION, { input: { subscriptionId: UNKNOWN_UUID } }, tenant.tokens.global, 'NOT_FOUND');
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Relationships
  // ---------------------------------------------------------------------------------------------
  describe('removeAdvisorRelationship refuses', () => {
    type Case = [string, () => { token: string; input: Record<string, unknown> }, string, string?];
    const cases: Case[] = [
      ['a reader', () => ({ token: tenant.tokens.reader, input: { tenantId: tenant.id, partnerId: world.partners.advisor } }), 'FORBIDDEN'],
      [
        'a platform admin',
        () => ({ token: world.tokens.platform, input: { tenantId: tenant.id, partnerId: world.partners.advisor } }),
        'FORBIDDEN',
      ],
      [
        'a partner',
        () => ({ token: world.tokens.advisorAdmin, input: { tenantId: tenant.id, partnerId: world.partners.advisor } }),
        'FORBIDDEN',
      ],
      [
        'an admin of another tenant',
        () => ({ token: world.tokens.otherDirectGlobal, input: { tenantId: tenant.id, partnerId: world.partners.advisor } }),
        'NOT_FOUND',
      ],
      [
        'an unknown tenant id',
        () => ({ token: tenant.tokens.global, input: { tenantId: UNKNOWN_UUID, partnerId: world.partners.advisor } }),
        'NOT_FOUND',
      ],
      [
        'a malformed Partner ID',
        () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, partnerId: 'abc' } }),
        'BAD_USER_INPUT',
        'partnerId',
      ],
      [
        'a partner that advises none of its subscriptions',
        () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, partnerId: world.partners.both } }),
        'NOT_FOUND',
      ],
      [
        'an unknown Partner ID',
        () => ({ token: tenant.tokens.global, input: { tenantId: tenant.id, partnerId: UNKNOWN_PARTNER_ID } }),
        'NOT_FOUND',
      ],
      [
        "its reseller (the reseller relationship is not the customer's to remove)",
        () => ({ token: customer.tokens.global, input: { tenantId: customer.id, partnerId: world.partners.reseller } }),
        'FORBIDDEN',
      ],
    ];
    it.each(rows(cases))('%s', async (_case, build, code, field) => {
      const { token, input } = build();
      await expectRefused(server, REMOVE_ADVISOR_RELATIONSHIP, { input }, token, code, field);
    });
  });

  describe('removeResellerRelationship refuses every customer user', () => {
    it.each(['global', 'billing', 'reader'] as const)('the %s role: FORBIDDEN, ask your reseller', async (role) => {
      const response = await expectRefused(
        server,
        REMOVE_RESELLER_RELATIONSHIP,
        { input: { tenantId: customer.id, partnerId: world.partners.reseller } },
        customer.tokens[role],
        'FORBIDDEN',
      );
      expect(response.errors![0].message).toMatch(/ask your reseller/i);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Reads
  // ---------------------------------------------------------------------------------------------
  describe('reads out of scope or of unknown ids are NOT_FOUND', () => {
    it.each([
      ['tenant(id) unknown', GET_PARTNER_RELATIONSHIPS, () => ({ id: UNKNOWN_UUID }), () => tenant.tokens.global],
      ['tenant(id) of another tenant', GET_PARTNER_RELATIONSHIPS, () => ({ id: tenant.id }), () => world.tokens.otherDirectGlobal],
      ['subscription(id) unknown', GET_SUBSCRIPTION, () => ({ id: UNKNOWN_UUID }), () => tenant.tokens.global],
      ['subscription(id) of another tenant', GET_SUBSCRIPTION, () => ({ id: active.id }), () => world.tokens.otherDirectGlobal],
      ['subscriptions(tenantId) unknown', GET_SUBSCRIPTIONS, () => ({ tenantId: UNKNOWN_UUID }), () => tenant.tokens.reader],
      ['subscriptions(tenantId) of another tenant', GET_SUBSCRIPTIONS, () => ({ tenantId: customer.id }), () => tenant.tokens.global],
    ] as const)('%s', async (_case, query, variables, token) => {
      await expectRefused(server, query, variables(), token(), 'NOT_FOUND');
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Check ID never refuses: it explains.
  // ---------------------------------------------------------------------------------------------
  describe('verifyPartnerId (Check ID)', () => {
    it.each([
      ...MALFORMED_PARTNER_IDS.map((id) => [id, 'INVALID_FORMAT', null] as const),
      [UNKNOWN_PARTNER_ID, 'NOT_FOUND', null] as const,
      ['1000001', 'NOT_ADVISOR', 'Fabrikam Reseller'] as const,
      ['1000002', 'NOT_ADVISOR', 'Proseware Reseller'] as const,
    ])('%j answers valid false with reason %s, without an error or a write', async (partnerId, reason, partnerName) => {
      await expectNothingChanged(server, async () => {
        const response = await server.gql(VERIFY_PARTNER_ID, { partnerId }, tenant.tokens.reader);
        expect(response.errors).toBeUndefined();
        expect(response.data!.verifyPartnerId).toMatchObject({ valid: false, reason, partnerName });
      });
    });

    it.each([
      ['2000001', 'Northwind Advisory'],
      ['3000001', 'Tailspin Partners'],
      [' 2000001 ', 'Northwind Advisory'],
    ])('%j is valid and returns the partner name', async (partnerId, partnerName) => {
      await expectNothingChanged(server, async () => {
        const response = await server.gql(VERIFY_PARTNER_ID, { partnerId }, tenant.tokens.global);
        expect(response.errors).toBeUndefined();
        expect(response.data!.verifyPartnerId).toEqual({ partnerId: partnerId.trim(), valid: true, partnerName, reason: null });
      });
    });

    it('every role may check an ID; without a token it is UNAUTHENTICATED', async () => {
      for (const token of [world.tokens.directReader, world.tokens.resellerHelpdesk, world.tokens.platform, customer.tokens.reader]) {
        expect(ok(await server.gql(VERIFY_PARTNER_ID, { partnerId: world.partners.advisor }, token)).verifyPartnerId.valid).toBe(true);
      }
      await expectRefused(server, VERIFY_PARTNER_ID, { partnerId: world.partners.advisor }, undefined, 'UNAUTHENTICATED');
    });
  });
});
