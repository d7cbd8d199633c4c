/**
 * The lifecycle sweep (SPEC §1 "Subscription lifecycle"): SUSPENDED → DELETED once dataRetentionEndsAt
 * has passed. Exactly the expired suspensions go, the sweep is idempotent and audited, and a deleted
 * subscription frees its offer for a new purchase.
 *
 * The tests run in order on one moving clock: day 0 → 30 → 89 → 91 → 121.
 */
import { codeOf, expectNothingChanged, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, THREE_YEARS, type Kit, type Offer, type SubscriptionView, type World } from './support/world';
import {
  AUTHORIZE_OFFER,
  GET_AUDIT_EVENTS,
  GET_SUBSCRIPTIONS,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
} from './graphql/shared-definitions';

describe('lifecycle sweep', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  let customer: Awaited<ReturnType<typeof kit.createCustomer>>;
  let direct: Awaited<ReturnType<typeof kit.createTenant>>;
  const subs: Record<'active' | 'expiring' | 'reactivated' | 'recent' | 'directExpiring', SubscriptionView> = {} as never;
  let offers: { basic: Offer; premium: Offer };

  const sweep = () => server.app.services.lifecycle.sweep();
  const status = async (s: SubscriptionView) => (await kit.read(world.tokens.platform, s.id)).status;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    customer = await kit.createCustomer(world.tokens.resellerAdmin, 'Relecloud');
    const other = await kit.createCustomer(world.tokens.resellerAdmin, 'VanArsdel');
    direct = await kit.createTenant('Fabrikam Direct');
    const admin = world.tokens.resellerAdmin;
    // Three-year terms: no term ends during these 121 days (terms ending have specs of their own).
    const basic = await kit.createOffer({ min: 1, max: 300, cents: 600 }, THREE_YEARS);
    const premium = await kit.createOffer({ min: 5, max: 300, cents: 2200 }, THREE_YEARS);
    for (const offer of [basic, premium]) {
      ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: world.partners.reseller, offerId: offer.id } }, world.tokens.platform));
    }
    offers = { basic, premium };
    const buy = (token: string, tenantId: string, offerId: string, quantity: number) =>
      kit.purchase(token, { tenantId, offerId, quantity });
    subs.active = await buy(admin, customer.id, basic.id, 10);
    subs.expiring = await kit.suspend(admin, (await buy(admin, customer.id, premium.id, 10)).id);
    subs.reactivated = await kit.suspend(admin, (await buy(admin, other.id, basic.id, 3)).id);
    subs.directExpiring = await kit.suspend(direct.tokens.billing, (await buy(direct.tokens.billing, direct.id, basic.id, 2)).id);
    subs.recent = await buy(admin, other.id, premium.id, 5); // suspended on day 30
  });
  afterAll(() => server.stop());

  it('day 0 → 30: deletes nothing while every suspension is within retention', async () => {
    server.clock.advanceDays(30);
    subs.recent = await kit.suspend(world.tokens.resellerAdmin, subs.recent.id);
    await expectNothingChanged(server, async () => {
      expect(await sweep()).toMatchObject({ deleted: 0 });
    });
  });

  it('day 89: a suspension can still be reactivated before its retention ends', async () => {
    server.clock.advanceDays(59);
    const back = ok(
      await server.gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: subs.reactivated.id } }, world.tokens.resellerAdmin),
    ).reactivateSubscription.subscription;
    expect(back).toMatchObject({ status: 'ACTIVE', suspendedAt: null, dataRetentionEndsAt: null });
    subs.reactivated = back;
    await expectNothingChanged(server, async () => {
      expect(await sweep()).toMatchObject({ deleted: 0 });
    });
  });

  it('day 91: deletes exactly the expired suspensions — not active ones, not those still within retention', async () => {
    server.clock.advanceDays(2);
    const now = server.clock.now().getTime();
    expect(Date.parse(subs.expiring.dataRetentionEndsAt!)).toBeLessThan(now);
    expect(Date.parse(subs.recent.dataRetentionEndsAt!)).toBeGreaterThan(now);

    expect(await sweep()).toMatchObject({ deleted: 2 });
    expect(await status(subs.expiring)).toBe('DELETED');
    expect(await status(subs.directExpiring)).toBe('DELETED');
    expect(await status(subs.active)).toBe('ACTIVE');
    expect(await status(subs.reactivated)).toBe('ACTIVE');
    expect(await status(subs.recent)).toBe('SUSPENDED');

    // Still readable by those who could read it, final, and no longer manageable by anyone.
    const gone = await kit.read(world.tokens.resellerAdmin, subs.expiring.id);
    expect(gone).toMatchObject({ status: 'DELETED', version: subs.expiring.version + 1, viewerCanManage: false, quantity: 10 });
    expect(await kit.read(customer.tokens.reader, subs.expiring.id)).toMatchObject({ status: 'DELETED' });
    expect(await kit.read(direct.tokens.billing, subs.directExpiring.id)).toMatchObject({ status: 'DELETED', viewerCanManage: false });
    const deletedOnly = ok(
      await server.gql(GET_SUBSCRIPTIONS, { tenantId: customer.id, status: 'DELETED' }, world.tokens.resellerAdmin),
    ).subscriptions;
    expect(deletedOnly.edges.map((e) => e.node.id)).toEqual([subs.expiring.id]);
  });

  it('writes one audit event per deletion, by the system, before → after', async () => {
    const events = (await kit.auditEvents()).filter((e) => e.action === 'subscription.deleted');
    expect(events.map((e) => e.targetId).sort()).toEqual([subs.expiring.id, subs.directExpiring.id].sort());
    const event = events.find((e) => e.targetId === subs.expiring.id)!;
    expect(event).toMatchObject({
      targetType: 'Subscription',
      tenantId: customer.id,
      actor: { subject: 'system:lifecycle-sweep', partnerId: null, tenantId: null },
      before: expect.objectContaining({ status: 'SUSPENDED', version: subs.expiring.version }),
      after: expect.objectContaining({ status: 'DELETED', version: subs.expiring.version + 1 }),
    });
    // The customer sees the deletion in its own trail.
    const trail = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId: customer.id }, customer.tokens.global)).auditEvents.edges;
    expect(trail[0].node).toMatchObject({ action: 'subscription.deleted', targetId: subs.expiring.id });
  });

  it('is idempotent: a second run deletes nothing and changes nothing', async () => {
    await expectNothingChanged(server, async () => {
      expect(await sweep()).toEqual({ renewed: 0, expired: 0, noticed: 0, deleted: 0, prunedKeys: 0, prunedDeliveries: 0 });
    });
  });

  it('frees the offer: the tenant can buy the same offer again on the same channel', async () => {
    const input = { tenantId: customer.id, offerId: offers.premium.id, quantity: 6 };
    const quote = ok(await server.gql(QUOTE_SUBSCRIPTION, { input }, world.tokens.resellerSales)).quoteSubscription;
    expect(quote).toMatchObject({ channel: 'RESELLER', quantity: 6 });
    const again = await kit.purchase(world.tokens.resellerSales, { tenantId: customer.id, offerId: offers.premium.id, quantity: 6 });
    expect(again).toMatchObject({ status: 'ACTIVE', channel: 'RESELLER', version: 1, quantity: 6 });
    expect(again.id).not.toBe(subs.expiring.id);
    const directAgain = await kit.purchase(direct.tokens.billing, { tenantId: direct.id, offerId: offers.basic.id, quantity: 2 });
    expect(directAgain).toMatchObject({ status: 'ACTIVE', channel: 'DIRECT' });
    // The deleted ones stay deleted; the still-suspended one still blocks a second live subscription of its offer.
    expect(await status(subs.expiring)).toBe('DELETED');
    expect(
      codeOf(
        await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: subs.recent.tenant.id, offerId: offers.premium.id, quantity: 5 } },
          world.tokens.resellerAdmin,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('day 121: deletes the later suspension once its own retention has passed', async () => {
    server.clock.advanceDays(30);
    expect(await sweep()).toMatchObject({ deleted: 1 });
    expect(await status(subs.recent)).toBe('DELETED');
    expect(await status(subs.active)).toBe('ACTIVE');
    expect(await status(subs.reactivated)).toBe('ACTIVE');
    expect(await sweep()).toMatchObject({ deleted: 0 });
  });
});
