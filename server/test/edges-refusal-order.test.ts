/**
 * Issue 11, defect 8: SPEC §3's refusal order, tested with inputs that fail two checks at once. The first
 * failing check is reported: UNAUTHENTICATED; NOT_FOUND (out of scope); FORBIDDEN; BAD_USER_INPUT; status
 * (INVALID_STATUS_TRANSITION, then FAILED_PRECONDITION); referenced things (PARTNER_NOT_FOUND,
 * PARTNER_NOT_ADVISOR, OFFER_NOT_AUTHORIZED, QUANTITY_OUT_OF_RANGE); CONFLICT. Nothing changes.
 */
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  CHANGE_LICENSE_QUANTITY,
  CREATE_CUSTOMER,
  CREATE_RESELLER_INVITATION,
  GET_AUDIT_EVENTS,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';

const UNKNOWN_PARTNER = '9999999';

describe('refusal order (SPEC §3): the first failing check is reported', () => {
  let server: TestServer;
  let w: World;
  let kit: Kit;
  /** Contoso's (direct) subscriptions: premium ACTIVE (version 1), basic SUSPENDED, e5 DELETED. */
  let active: { id: string; version: number };
  let suspended: { id: string; version: number };
  let deleted: { id: string; version: number };
  /** Fabrikam's sale to Adatum. */
  let resold: { id: string; version: number };
  /** Proseware, a reseller of Contoso by invitation: it reads Contoso's direct subscriptions, manages none. */
  let prosewareAdmin: string;

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    kit = kitFor(server);
    const buy = (offerId: string, quantity: number) =>
      kit.purchase(w.tokens.directBilling, { tenantId: w.tenants.direct, offerId, quantity });
    deleted = await buy(w.offers.e5.id, 1);
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: deleted.id } }, w.tokens.directBilling));
    server.clock.advanceDays(91);
    await server.app.services.lifecycle.sweep();
    active = await buy(w.offers.premium.id, 10);
    suspended = await buy(w.offers.basic.id, 2);
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: suspended.id } }, w.tokens.directBilling));
    resold = await kit.purchase(w.tokens.resellerAdmin, { tenantId: w.tenants.customer, offerId: w.offers.basic.id, quantity: 3 });
    prosewareAdmin = w.tokens.otherResellerAdmin;
    const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, prosewareAdmin)).createResellerInvitation.invitation;
    ok(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, w.tokens.directGlobal));
  });
  afterAll(() => server.stop());

  /** [what fails at once, () => [document, variables, token], expected code, expected field] */
  type Case = [string, () => [AnyOperation, Record<string, unknown>, string], string, string | null];
  const cases: Case[] = [
    // NOT_FOUND before FORBIDDEN and before BAD_USER_INPUT
    [
      'out of scope + malformed quantity',
      () => [CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: resold.id, quantity: 0 } }, w.tokens.directBilling],
      'NOT_FOUND',
      null,
    ],
    [
      'out of scope + role may not act (reader)',
      () => [SUSPEND_SUBSCRIPTION, { input: { subscriptionId: resold.id } }, w.tokens.directReader],
      'NOT_FOUND',
      null,
    ],
    [
      'out of scope + role may not act (partner removing an advisor)',
      () => [
        REMOVE_ADVISOR_RELATIONSHIP,
        { input: { tenantId: w.tenants.otherDirect, partnerId: w.partners.advisor } },
        w.tokens.resellerAdmin,
      ],
      'NOT_FOUND',
      null,
    ],
    [
      'out of scope + role may not act (reader’s audit trail)',
      () => [GET_AUDIT_EVENTS, { tenantId: w.tenants.otherDirect }, w.tokens.directReader],
      'NOT_FOUND',
      null,
    ],
    [
      'purchase out of scope + malformed quantity',
      () => [
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.otherDirect, offerId: w.offers.basic.id, quantity: -1 } },
        w.tokens.directBilling,
      ],
      'NOT_FOUND',
      null,
    ],
    [
      'quote out of scope + malformed quantity',
      () => [
        QUOTE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.otherDirect, offerId: w.offers.basic.id, quantity: -1 } },
        w.tokens.directBilling,
      ],
      'NOT_FOUND',
      null,
    ],
    // FORBIDDEN before BAD_USER_INPUT and before status
    [
      'someone else manages it + malformed quantity',
      () => [CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: active.id, quantity: 0 } }, prosewareAdmin],
      'FORBIDDEN',
      null,
    ],
    [
      'someone else manages it + deleted',
      () => [SUSPEND_SUBSCRIPTION, { input: { subscriptionId: deleted.id } }, prosewareAdmin],
      'FORBIDDEN',
      null,
    ],
    [
      'role may not act (reader) + malformed version',
      () => [SUSPEND_SUBSCRIPTION, { input: { subscriptionId: active.id, expectedVersion: 0 } }, w.tokens.directReader],
      'FORBIDDEN',
      null,
    ],
    [
      'not a reseller + empty name',
      () => [CREATE_CUSTOMER, { input: { name: ' ', domain: 'x.example', countryCode: 'VN' } }, w.tokens.advisorAdmin],
      'FORBIDDEN',
      null,
    ],
    // BAD_USER_INPUT before status and before referenced things
    [
      'malformed Partner ID + deleted',
      () => [SET_PARTNER_OF_RECORD, { input: { subscriptionId: deleted.id, partnerId: 'abc' } }, w.tokens.directBilling],
      'BAD_USER_INPUT',
      'partnerId',
    ],
    [
      'malformed Partner ID + quantity out of range',
      () => [
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.customer, offerId: w.offers.e5.id, quantity: 1_000_000, partnerId: 'abc' } },
        w.tokens.resellerAdmin,
      ],
      'BAD_USER_INPUT',
      'partnerId',
    ],
    // status before referenced things, INVALID_STATUS_TRANSITION before FAILED_PRECONDITION
    [
      'deleted + unknown partner',
      () => [SET_PARTNER_OF_RECORD, { input: { subscriptionId: deleted.id, partnerId: UNKNOWN_PARTNER } }, w.tokens.directBilling],
      'INVALID_STATUS_TRANSITION',
      null,
    ],
    [
      'suspended + unknown partner',
      () => [SET_PARTNER_OF_RECORD, { input: { subscriptionId: suspended.id, partnerId: UNKNOWN_PARTNER } }, w.tokens.directBilling],
      'FAILED_PRECONDITION',
      null,
    ],
    [
      'suspended + partner not an advisor',
      () => [SET_PARTNER_OF_RECORD, { input: { subscriptionId: suspended.id, partnerId: w.partners.reseller } }, w.tokens.directBilling],
      'FAILED_PRECONDITION',
      null,
    ],
    [
      'suspended + quantity out of range',
      () => [CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: suspended.id, quantity: 301 } }, w.tokens.directBilling],
      'FAILED_PRECONDITION',
      null,
    ],
    // status and referenced things before CONFLICT
    [
      'already suspended + stale version',
      () => [SUSPEND_SUBSCRIPTION, { input: { subscriptionId: suspended.id, expectedVersion: 1 } }, w.tokens.directBilling],
      'INVALID_STATUS_TRANSITION',
      null,
    ],
    [
      'suspended + stale version',
      () => [CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: suspended.id, quantity: 3, expectedVersion: 1 } }, w.tokens.directBilling],
      'FAILED_PRECONDITION',
      null,
    ],
    [
      'quantity out of range + stale version',
      () => [CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: active.id, quantity: 301, expectedVersion: 7 } }, w.tokens.directBilling],
      'QUANTITY_OUT_OF_RANGE',
      'quantity',
    ],
    [
      'unknown partner + stale version',
      () => [
        SET_PARTNER_OF_RECORD,
        { input: { subscriptionId: active.id, partnerId: UNKNOWN_PARTNER, expectedVersion: 7 } },
        w.tokens.directBilling,
      ],
      'PARTNER_NOT_FOUND',
      'partnerId',
    ],
    // referenced things in their order, then CONFLICT
    [
      'unknown partner + offer not authorised',
      () => [
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.customer, offerId: w.offers.e5.id, quantity: 1, partnerId: UNKNOWN_PARTNER } },
        w.tokens.resellerAdmin,
      ],
      'PARTNER_NOT_FOUND',
      'partnerId',
    ],
    [
      'partner not an advisor + offer not authorised',
      () => [
        QUOTE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.customer, offerId: w.offers.e5.id, quantity: 1, partnerId: w.partners.reseller } },
        w.tokens.resellerAdmin,
      ],
      'PARTNER_NOT_ADVISOR',
      'partnerId',
    ],
    [
      'offer not authorised + quantity out of range',
      () => [
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.customer, offerId: w.offers.e5.id, quantity: 1_000_000 } },
        w.tokens.resellerAdmin,
      ],
      'OFFER_NOT_AUTHORIZED',
      'offerId',
    ],
    [
      'quantity out of range + a live subscription of the offer',
      () => [
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.customer, offerId: w.offers.basic.id, quantity: 301 } },
        w.tokens.resellerAdmin,
      ],
      'QUANTITY_OUT_OF_RANGE',
      'quantity',
    ],
    [
      'partner not an advisor + a live subscription of the offer',
      () => [
        QUOTE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.direct, offerId: w.offers.premium.id, quantity: 10, partnerId: w.partners.reseller } },
        w.tokens.directBilling,
      ],
      'PARTNER_NOT_ADVISOR',
      'partnerId',
    ],
  ];

  it.each(cases)('%s → %s', async (_name, build, code, field) => {
    const [document, variables, token] = build();
    await expectNothingChanged(server, async () => {
      const response = await server.gql(document, variables, token);
      expect({ code: codeOf(response), field: response.errors?.[0]?.extensions.field ?? null, data: response.data ?? null }).toEqual({
        code,
        field,
        data: null,
      });
    });
  });

  it('a role that may act and an in-scope target still gets the malformed input reported', async () => {
    const response = await server.gql(
      CHANGE_LICENSE_QUANTITY,
      { input: { subscriptionId: active.id, quantity: 0 } },
      w.tokens.directBilling,
    );
    expect([codeOf(response), response.errors?.[0]?.extensions.field]).toEqual(['BAD_USER_INPUT', 'quantity']);
    expect(
      codeOf(
        await server.gql(
          SUSPEND_SUBSCRIPTION,
          { input: { subscriptionId: active.id } },
          await server.token(Role.TENANT_READER, { tenantId: w.tenants.direct }),
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
