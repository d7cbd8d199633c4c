/**
 * Issue 11, defect 7: the audit trail shows each caller what SPEC §2 lets it see. A tenant's users see every
 * event of their tenant; a partner's users see the events its own users caused and those on subscriptions it
 * sold or is partner of record on; the platform admin sees all. Another organisation's user shows as that
 * organisation (tenant or partner id), never by subject.
 */
import { ok, Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import { ACCEPT_RESELLER_INVITATION, AUTHORIZE_OFFER, CREATE_RESELLER_INVITATION } from './graphql/shared-definitions';
import { graphql } from './graphql/generated';

/** The trail as another organisation's user shows in it: who, as far as the caller may know. */
const TRAIL = graphql(`
  query VisibleTrail($tenantId: ID) {
    auditEvents(tenantId: $tenantId, first: 100) { edges { node { action targetId actor { subject tenantId partnerId } } } }
  }
`);

describe('audit trail visibility (SPEC §2)', () => {
  let server: TestServer;
  let w: World;
  let kit: Kit;
  let tailspinAdmin: string;
  let fabrikamSale: { id: string };
  let tailspinSale: { id: string };

  const trail = async (token: string, tenantId: string | null) =>
    ok(await server.gql(TRAIL, { tenantId }, token)).auditEvents.edges.map((e) => e.node);

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    kit = kitFor(server);
    const tailspin = w.partners.both;
    tailspinAdmin = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: tailspin, subject: 'tailspin-admin' });
    ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: tailspin, offerId: w.offers.premium.id } }, w.tokens.platform));
    // Tailspin becomes a second reseller of Adatum (Fabrikam's customer) through an invitation Adatum accepts.
    const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, tailspinAdmin)).createResellerInvitation.invitation;
    ok(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, w.tokens.customerGlobal));
    // Fabrikam sells basic with Northwind as advisor; Tailspin sells premium.
    fabrikamSale = await kit.purchase(w.tokens.resellerAdmin, {
      tenantId: w.tenants.customer,
      offerId: w.offers.basic.id,
      quantity: 2,
      partnerId: w.partners.advisor,
    });
    tailspinSale = await kit.purchase(tailspinAdmin, { tenantId: w.tenants.customer, offerId: w.offers.premium.id, quantity: 5 });
  });
  afterAll(() => server.stop());

  it('a reseller sees its own users’ events and those on its sales, not another reseller’s or the tenant’s', async () => {
    const seen = await trail(w.tokens.resellerAdmin, w.tenants.customer);
    expect(seen.map((e) => [e.action, e.targetId]).sort()).toEqual(
      [
        ['tenant.created', w.tenants.customer],
        ['resellerRelationship.created', expect.any(String)],
        ['subscription.purchased', fabrikamSale.id],
      ].sort(),
    );
    expect(seen.every((e) => e.actor.partnerId === w.partners.reseller)).toBe(true);
    expect(seen.find((e) => e.targetId === tailspinSale.id)).toBeUndefined();
  });

  it('an advisor reads the trail of the subscriptions it advises, the seller shown as its partner id only', async () => {
    const northwind = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: w.partners.advisor });
    expect(await trail(northwind, w.tenants.customer)).toEqual([
      {
        action: 'subscription.purchased',
        targetId: fabrikamSale.id,
        actor: { subject: null, tenantId: null, partnerId: w.partners.reseller },
      },
    ]);
  });

  it('the tenant sees every event of its tenant; partners’ users show as their partner id, its own users by subject', async () => {
    const seen = await trail(w.tokens.customerGlobal, w.tenants.customer);
    expect(seen.map((e) => e.action).sort()).toEqual(
      [
        'resellerRelationship.created', // Fabrikam's, made by createCustomer
        'resellerRelationship.created', // Tailspin's, accepted by the tenant
        'subscription.purchased',
        'subscription.purchased',
        'tenant.created',
      ].sort(),
    );
    for (const event of seen) {
      if (event.actor.tenantId === w.tenants.customer) expect(event.actor.subject).toMatch(/\S/);
      else expect(event.actor).toEqual({ subject: null, tenantId: null, partnerId: expect.stringMatching(/^\d+$/) });
    }
    expect(seen.filter((e) => e.actor.tenantId === w.tenants.customer)).toHaveLength(1);
  });

  it('the platform admin sees every event with its subject', async () => {
    const seen = await trail(w.tokens.platform, w.tenants.customer);
    expect(seen).toHaveLength(5);
    expect(seen.every((e) => typeof e.actor.subject === 'string')).toBe(true);
    expect(seen.map((e) => e.actor.subject)).toContain('tailspin-admin');
  });

  it('another reseller sees nothing of Fabrikam’s sale, and its own relationship only as accepted by the tenant (not its event)', async () => {
    const seen = await trail(tailspinAdmin, w.tenants.customer);
    expect(seen.map((e) => [e.action, e.targetId])).toEqual([['subscription.purchased', tailspinSale.id]]);
    expect(seen[0].actor.subject).toBe('tailspin-admin');
  });
});
