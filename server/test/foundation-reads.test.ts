import { codeOf, ok, Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import { GET_AUDIT_EVENTS, GET_OFFERS, GET_PARTNER, GET_TENANT, GET_TENANTS } from './graphql/shared-definitions';
import { graphql } from './graphql/generated';

/** Who the token says the caller is, with its organisation. */
const VIEWER_SCOPE = graphql(`
  query ViewerScope {
    viewer { subject roles tenant { id } partner { id } }
  }
`);
const CUSTOMER_IDS = graphql(`
  query CustomerIds {
    customers(first: 100) { totalCount edges { node { id } } }
  }
`);
const OFFERS_PAGE = graphql(`
  query OffersPage($first: Int, $after: String) {
    offers(first: $first, after: $after) { edges { node { sku } } pageInfo { hasNextPage endCursor } }
  }
`);

describe('reads per role and scope (SPEC §2)', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
  });
  afterAll(() => server.stop());

  const skus = async (token: string) =>
    ok(await server.gql(GET_OFFERS, {}, token))
      .offers.edges.map((e) => e.node.sku)
      .sort();

  it('viewer reflects the token for every kind of caller', async () => {
    expect(ok(await server.gql(VIEWER_SCOPE, {}, w.tokens.directReader)).viewer).toMatchObject({
      roles: ['TENANT_READER'],
      tenant: { id: w.tenants.direct },
      partner: null,
    });
    expect(ok(await server.gql(VIEWER_SCOPE, {}, w.tokens.resellerHelpdesk)).viewer).toMatchObject({
      roles: ['PARTNER_HELPDESK_AGENT'],
      tenant: null,
      partner: { id: w.partners.reseller },
    });
    expect(ok(await server.gql(VIEWER_SCOPE, {}, w.tokens.platform)).viewer).toMatchObject({ tenant: null, partner: null });
  });

  it('tenant users read their own tenant only; others are NOT_FOUND like unknown ids', async () => {
    for (const token of [w.tokens.directGlobal, w.tokens.directBilling, w.tokens.directReader]) {
      expect(ok(await server.gql(GET_TENANT, { id: w.tenants.direct }, token)).tenant.id).toBe(w.tenants.direct);
      expect(codeOf(await server.gql(GET_TENANT, { id: w.tenants.otherDirect }, token))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(GET_TENANT, { id: '01890000-0000-7000-8000-000000000000' }, token))).toBe('NOT_FOUND');
    }
  });

  it('partner users read their customers only, helpdesk included', async () => {
    for (const token of [w.tokens.resellerAdmin, w.tokens.resellerSales, w.tokens.resellerHelpdesk]) {
      expect(ok(await server.gql(GET_TENANT, { id: w.tenants.customer }, token)).tenant.billingManagedBy!.id).toBe(w.partners.reseller);
      expect(codeOf(await server.gql(GET_TENANT, { id: w.tenants.direct }, token))).toBe('NOT_FOUND');
    }
    expect(codeOf(await server.gql(GET_TENANT, { id: w.tenants.customer }, w.tokens.otherResellerAdmin))).toBe('NOT_FOUND');
  });

  it('platform admins read every tenant and list them; nobody else may list all tenants', async () => {
    expect(ok(await server.gql(GET_TENANT, { id: w.tenants.otherDirect }, w.tokens.platform)).tenant.id).toBe(w.tenants.otherDirect);
    expect(ok(await server.gql(GET_TENANTS, {}, w.tokens.platform)).tenants.totalCount).toBe(3);
    for (const token of [w.tokens.directGlobal, w.tokens.resellerAdmin, w.tokens.resellerHelpdesk]) {
      expect(codeOf(await server.gql(GET_TENANTS, {}, token))).toBe('FORBIDDEN');
    }
  });

  it('customers lists the reseller’s customers to partner users only', async () => {
    expect(ok(await server.gql(CUSTOMER_IDS, {}, w.tokens.resellerHelpdesk)).customers.edges).toEqual([
      { node: { id: w.tenants.customer } },
    ]);
    expect(ok(await server.gql(CUSTOMER_IDS, {}, w.tokens.otherResellerAdmin)).customers.totalCount).toBe(0);
    expect(codeOf(await server.gql(CUSTOMER_IDS, {}, w.tokens.directGlobal))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(CUSTOMER_IDS, {}, w.tokens.platform))).toBe('FORBIDDEN');
  });

  it('offers: the whole catalog for tenants and platform admins, authorised offers only for partners', async () => {
    expect(await skus(w.tokens.platform)).toEqual(['BASIC', 'E5', 'PREMIUM']);
    expect(await skus(w.tokens.directReader)).toEqual(['BASIC', 'E5', 'PREMIUM']);
    expect(await skus(w.tokens.resellerHelpdesk)).toEqual(['BASIC', 'PREMIUM']);
    expect(await skus(w.tokens.otherResellerAdmin)).toEqual(['BASIC']);
    expect(await skus(w.tokens.advisorAdmin)).toEqual([]);
  });

  it('partner(id): itself with its authorised offers; platform admins any; unrelated callers NOT_FOUND', async () => {
    const self = ok(await server.gql(GET_PARTNER, { id: w.partners.reseller }, w.tokens.resellerSales)).partner;
    expect(self).toMatchObject({ id: w.partners.reseller, capabilities: ['RESELLER'] });
    expect(self.authorizedOffers!.map((o) => o.sku).sort()).toEqual(['BASIC', 'PREMIUM']);
    expect(ok(await server.gql(GET_PARTNER, { id: w.partners.advisor }, w.tokens.platform)).partner.capabilities).toEqual(['ADVISOR']);
    expect(codeOf(await server.gql(GET_PARTNER, { id: w.partners.advisor }, w.tokens.resellerAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(GET_PARTNER, { id: w.partners.reseller }, w.tokens.directGlobal))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(GET_PARTNER, { id: '9999999' }, w.tokens.platform))).toBe('NOT_FOUND');
  });

  it('a customer sees its reseller as a partner, but not the reseller’s authorised offers', async () => {
    const seen = ok(await server.gql(GET_PARTNER, { id: w.partners.reseller }, w.tokens.customerGlobal)).partner;
    expect(seen).toMatchObject({ id: w.partners.reseller, authorizedOffers: null });
  });

  it('a malformed Partner ID is BAD_USER_INPUT naming the field', async () => {
    const response = await server.gql(GET_PARTNER, { id: '12ab' }, w.tokens.platform);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions.field).toBe('id');
  });

  it('pagination: first must be 1–100, after must be a cursor we issued, pages do not overlap', async () => {
    for (const first of [0, -1, 101]) {
      const response = await server.gql(`{ offers(first: ${first}) { totalCount } }`, {}, w.tokens.platform);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions.field).toBe('first');
    }
    const bad = await server.gql(`{ offers(after: "not a cursor") { totalCount } }`, {}, w.tokens.platform);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const page1 = ok(await server.gql(OFFERS_PAGE, { first: 2 }, w.tokens.platform)).offers;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await server.gql(OFFERS_PAGE, { first: 2, after: page1.pageInfo.endCursor }, w.tokens.platform)).offers;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.sku)).toEqual(['BASIC', 'PREMIUM', 'E5']);
  });

  it('auditEvents: platform admins read the whole trail; readers and helpdesk may not', async () => {
    const all = ok(await server.gql(GET_AUDIT_EVENTS, { first: 100 }, w.tokens.platform)).auditEvents;
    expect(all.totalCount).toBeGreaterThan(0);
    expect(all.edges.map((e) => e.node.action)).toContain('partner.created');
    expect(codeOf(await server.gql(GET_AUDIT_EVENTS, {}, w.tokens.directReader))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(GET_AUDIT_EVENTS, {}, w.tokens.resellerHelpdesk))).toBe('FORBIDDEN');
  });

  it('a token for a tenant that does not exist is refused (SPEC §2)', async () => {
    const ghost = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: '01890000-0000-7000-8000-00000000abcd' });
    expect(codeOf(await server.gql(VIEWER_SCOPE, {}, ghost))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(GET_TENANT, { id: w.tenants.direct }, ghost))).toBe('UNAUTHENTICATED');
  });
});
