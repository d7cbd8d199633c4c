/**
 * Issue 11, defects 1 and 6: access that nobody can end. An advisor's access comes only from the tenant's
 * non-deleted subscriptions it is partner of record on (SPEC §1); a removed reseller manages nothing of the
 * tenant, even where it stays partner of record. The invariant — every partner that can read a tenant appears
 * in the tenant's partnerRelationships, and the customer can end each such relationship but a reseller's — is
 * checked as a property over random sequences of operations.
 */
import fc from 'fast-check';
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, kitFor, type FreshTenant, type Kit, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  AUTHORIZE_OFFER,
  CREATE_RESELLER_INVITATION,
  GET_PARTNER_RELATIONSHIPS,
  GET_SUBSCRIPTIONS,
  PURCHASE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import { graphql } from './graphql/generated';

/** Whether a caller can read the tenant at all: nothing nested, so only the tenant's own scope answers. */
const READ_TENANT = graphql(`
  query ReadTenant($id: ID!) {
    tenant(id: $id) { id }
  }
`);
const SUBSCRIPTION_ACCESS = graphql(`
  query SubscriptionAccess($id: ID!) {
    subscription(id: $id) { id status viewerCanManage }
  }
`);

const RETENTION_DAYS = 90;

describe('advisor and reseller access ends when the relationship ends', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  /** partner id → its admin's token */
  const partnerTokens = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    for (const offer of [world.offers.basic, world.offers.premium]) {
      ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: world.partners.both, offerId: offer.id } }, world.tokens.platform));
    }
    for (const id of [world.partners.reseller, world.partners.both, world.partners.advisor]) {
      partnerTokens.set(id, await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: id }));
    }
  });
  afterAll(() => server.stop());

  const token = (partnerId: string) => partnerTokens.get(partnerId)!;
  const expire = async () => {
    server.clock.advanceDays(RETENTION_DAYS + 1);
    await server.app.services.lifecycle.sweep();
  };

  it('a deleted subscription gives its partner of record no access and no relationship', async () => {
    const tenant = await kit.createTenant('deleted-advice');
    const bought = await kit.purchase(tenant.tokens.global, {
      tenantId: tenant.id,
      offerId: world.offers.basic.id,
      quantity: 2,
      partnerId: world.partners.advisor,
    });
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: bought.id } }, tenant.tokens.global));
    expect(ok(await server.gql(READ_TENANT, { id: tenant.id }, token(world.partners.advisor))).tenant.id).toBe(tenant.id); // suspended: still readable
    await expire();

    expect(codeOf(await server.gql(READ_TENANT, { id: tenant.id }, token(world.partners.advisor)))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(SUBSCRIPTION_ACCESS, { id: bought.id }, token(world.partners.advisor)))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(GET_SUBSCRIPTIONS, { tenantId: tenant.id }, token(world.partners.advisor)))).toBe('NOT_FOUND');
    expect(ok(await server.gql(GET_PARTNER_RELATIONSHIPS, { id: tenant.id }, tenant.tokens.global)).tenant.partnerRelationships).toEqual(
      [],
    );
    // Nothing left to remove: the customer is told so, and nothing changes.
    await expectNothingChanged(server, async () => {
      const input = { tenantId: tenant.id, partnerId: world.partners.advisor };
      const removal = await server.gql(REMOVE_ADVISOR_RELATIONSHIP, { input }, tenant.tokens.global);
      expect(codeOf(removal)).toBe('NOT_FOUND');
    });
  });

  it('an advisor of a live subscription sees only the non-deleted subscriptions it advises', async () => {
    const tenant = await kit.createTenant('mixed-advice');
    const gone = await kit.purchase(tenant.tokens.global, {
      tenantId: tenant.id,
      offerId: world.offers.basic.id,
      quantity: 2,
      partnerId: world.partners.advisor,
    });
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: gone.id } }, tenant.tokens.global));
    await expire();
    const live = await kit.purchase(tenant.tokens.global, {
      tenantId: tenant.id,
      offerId: world.offers.premium.id,
      quantity: 5,
      partnerId: world.partners.advisor,
    });
    const page = ok(await server.gql(GET_SUBSCRIPTIONS, { tenantId: tenant.id }, token(world.partners.advisor))).subscriptions;
    expect(page.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([live.id]);
    expect(page.totalCount).toBe(1);
    expect(codeOf(await server.gql(SUBSCRIPTION_ACCESS, { id: gone.id }, token(world.partners.advisor)))).toBe('NOT_FOUND');
  });

  it('a removed reseller that is also partner of record cannot manage its former sale (viewerCanManage false, FORBIDDEN)', async () => {
    const tenant = await kit.createTenant('removed-reseller');
    const both = world.partners.both;
    const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, token(both))).createResellerInvitation.invitation;
    ok(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, tenant.tokens.global));
    const sold = ok(
      await server.gql(
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 3, partnerId: both } },
        token(both),
      ),
    ).purchaseSubscription.subscription;
    ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: sold.id } }, token(both)));
    ok(await server.gql(REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId: tenant.id, partnerId: both } }, token(both)));

    // Still partner of record on a suspended subscription: it reads it, and manages nothing.
    const seen = ok(await server.gql(SUBSCRIPTION_ACCESS, { id: sold.id }, token(both))).subscription;
    expect(seen).toEqual({ id: sold.id, status: 'SUSPENDED', viewerCanManage: false });
    await expectNothingChanged(server, async () => {
      const reactivation = await server.gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: sold.id } }, token(both));
      expect(codeOf(reactivation)).toBe('FORBIDDEN');
      expect(reactivation.errors![0].message).toMatch(/no longer this tenant’s reseller/);
    });
    // The customer can end that advisor relationship; then the former reseller sees nothing of the tenant.
    ok(await server.gql(REMOVE_ADVISOR_RELATIONSHIP, { input: { tenantId: tenant.id, partnerId: both } }, tenant.tokens.global));
    expect(codeOf(await server.gql(SUBSCRIPTION_ACCESS, { id: sold.id }, token(both)))).toBe('NOT_FOUND');
  });

  describe('property: every partner that can read a tenant is in its partnerRelationships, and the customer can end it but a reseller’s', () => {
    type Op =
      | { kind: 'buyDirect'; offer: number; advisor: number }
      | { kind: 'resellerBuy'; seller: number; offer: number; advisor: number }
      | { kind: 'setAdvisor'; subscription: number; advisor: number }
      | { kind: 'suspend'; subscription: number }
      | { kind: 'reactivate'; subscription: number }
      | { kind: 'expire' }
      | { kind: 'removeAdvisor'; partner: number }
      | { kind: 'inviteAccept'; seller: number }
      | { kind: 'removeReseller'; seller: number };

    const index = fc.nat({ max: 7 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('buyDirect' as const), offer: index, advisor: index }),
      fc.record({ kind: fc.constant('resellerBuy' as const), seller: index, offer: index, advisor: index }),
      fc.record({ kind: fc.constant('setAdvisor' as const), subscription: index, advisor: index }),
      fc.record({ kind: fc.constant('suspend' as const), subscription: index }),
      fc.record({ kind: fc.constant('reactivate' as const), subscription: index }),
      fc.constant({ kind: 'expire' as const }),
      fc.record({ kind: fc.constant('removeAdvisor' as const), partner: index }),
      fc.record({ kind: fc.constant('inviteAccept' as const), seller: index }),
      fc.record({ kind: fc.constant('removeReseller' as const), seller: index }),
    );

    it('holds over 200 random sequences', async () => {
      const partners = [world.partners.reseller, world.partners.both, world.partners.advisor];
      const sellers = [world.partners.reseller, world.partners.both];
      const advisors: (string | null)[] = [null, world.partners.advisor, world.partners.both];
      const offers = [world.offers.basic, world.offers.premium];
      const pick = <T>(list: readonly T[], i: number) => list[i % list.length];

      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
          const tenant: FreshTenant = await kit.createTenant('property');
          const bought: { id: string; manager: string }[] = [];
          const run = async (o: Op) => {
            switch (o.kind) {
              case 'buyDirect':
              case 'resellerBuy': {
                const seller = o.kind === 'resellerBuy' ? pick(sellers, o.seller) : null;
                const offer = pick(offers, o.offer);
                const manager = seller ? token(seller) : tenant.tokens.global;
                const input = { tenantId: tenant.id, offerId: offer.id, quantity: offer.minQuantity, partnerId: pick(advisors, o.advisor) };
                const response = await server.gql(PURCHASE_SUBSCRIPTION, { input }, manager);
                if (!response.errors) bought.push({ id: response.data!.purchaseSubscription.subscription.id, manager });
                return;
              }
              case 'setAdvisor':
              case 'suspend':
              case 'reactivate': {
                if (bought.length === 0) return;
                const target = pick(bought, o.subscription);
                if (o.kind === 'setAdvisor') {
                  const input = { subscriptionId: target.id, partnerId: pick(advisors, o.advisor) };
                  await server.gql(SET_PARTNER_OF_RECORD, { input }, target.manager);
                } else {
                  const change: AnyOperation = o.kind === 'suspend' ? SUSPEND_SUBSCRIPTION : REACTIVATE_SUBSCRIPTION;
                  await server.gql(change, { input: { subscriptionId: target.id } }, target.manager);
                }
                return;
              }
              case 'expire':
                return expire();
              case 'removeAdvisor': {
                const input = { tenantId: tenant.id, partnerId: pick(partners, o.partner) };
                await server.gql(REMOVE_ADVISOR_RELATIONSHIP, { input }, tenant.tokens.global);
                return;
              }
              case 'inviteAccept': {
                const invited = await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, token(pick(sellers, o.seller)));
                const { code } = ok(invited).createResellerInvitation.invitation;
                await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, tenant.tokens.global);
                return;
              }
              case 'removeReseller': {
                const seller = pick(sellers, o.seller);
                await server.gql(REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId: tenant.id, partnerId: seller } }, token(seller));
                return;
              }
            }
          };
          for (const o of ops) await run(o);

          const related = async () =>
            new Map<string, { kinds: string[]; viewerCanRemove: boolean }>(
              ok(await server.gql(GET_PARTNER_RELATIONSHIPS, { id: tenant.id }, tenant.tokens.global)).tenant.partnerRelationships.map(
                (r: { partner: { id: string }; kinds: string[]; viewerCanRemove: boolean }) => [r.partner.id, r],
              ),
            );
          const canRead = async (partnerId: string) => !(await server.gql(READ_TENANT, { id: tenant.id }, token(partnerId))).errors;

          const listed = await related();
          for (const partnerId of partners) expect([partnerId, listed.has(partnerId)]).toEqual([partnerId, await canRead(partnerId)]);
          // The customer ends every relationship it may end; a reseller-only one stays, and says so.
          for (const [partnerId, relationship] of listed) {
            const resellerOnly = relationship.kinds.length === 1 && relationship.kinds[0] === 'RESELLER';
            expect([partnerId, relationship.viewerCanRemove]).toEqual([partnerId, !resellerOnly]);
            const removal = await server.gql(
              REMOVE_ADVISOR_RELATIONSHIP,
              { input: { tenantId: tenant.id, partnerId } },
              tenant.tokens.global,
            );
            expect([partnerId, codeOf(removal)]).toEqual([partnerId, resellerOnly ? 'FORBIDDEN' : undefined]);
            expect([partnerId, await canRead(partnerId)]).toEqual([partnerId, relationship.kinds.includes('RESELLER')]);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
