import { ok, Role, type TestServer } from './harness';

/**
 * A small catalog and cast built through the public API, shared by the end-to-end specs:
 * a reseller (with authorisations), an advisor, a reseller+advisor, a plain tenant and a reseller's customer.
 */
export interface World {
  platformToken: string;
  offers: { basic: Offer; premium: Offer; e5: Offer };
  partners: { reseller: string; otherReseller: string; advisor: string; both: string; resellerOnly: string };
  tenants: { direct: string; otherDirect: string; customer: string };
  tokens: {
    platform: string;
    directGlobal: string;
    directBilling: string;
    directReader: string;
    otherDirectGlobal: string;
    customerGlobal: string;
    resellerAdmin: string;
    resellerSales: string;
    resellerHelpdesk: string;
    otherResellerAdmin: string;
    advisorAdmin: string;
  };
}

export interface Offer {
  id: string;
  sku: string;
  minQuantity: number;
  maxQuantity: number;
  unitPriceCents: number;
}

const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } } }`;
const CREATE_OFFER = `mutation($input: CreateOfferInput!) { createOffer(input: $input) { offer { id sku minQuantity maxQuantity unitPriceCents } } }`;
const AUTHORIZE = `mutation($input: AuthorizeOfferInput!) { authorizeOffer(input: $input) { partner { id } } }`;
const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`;

export async function buildWorld(server: TestServer): Promise<World> {
  const platform = await server.token(Role.PLATFORM_ADMIN);
  const partner = async (id: string, name: string, capabilities: string[]) =>
    ok(await server.gql(CREATE_PARTNER, { input: { id, name, countryCode: 'VN', capabilities } }, platform)).createPartner.partner.id as string;
  const reseller = await partner('1000001', 'Fabrikam Reseller', ['RESELLER']);
  const otherReseller = await partner('1000002', 'Proseware Reseller', ['RESELLER']);
  const advisor = await partner('2000001', 'Northwind Advisory', ['ADVISOR']);
  const both = await partner('3000001', 'Tailspin Partners', ['RESELLER', 'ADVISOR']);
  const resellerOnly = otherReseller;

  const offer = async (sku: string, min: number, max: number, cents: number) =>
    ok(
      await server.gql(
        CREATE_OFFER,
        { input: { sku, name: sku.replace(/-/g, ' '), minQuantity: min, maxQuantity: max, unitPriceCents: cents, currency: 'USD' } },
        platform,
      ),
    ).createOffer.offer as Offer;
  const basic = await offer('BASIC', 1, 300, 600);
  const premium = await offer('PREMIUM', 5, 300, 2200);
  const e5 = await offer('E5', 1, 100000, 5700);
  for (const o of [basic, premium]) ok(await server.gql(AUTHORIZE, { input: { partnerId: reseller, offerId: o.id } }, platform));
  ok(await server.gql(AUTHORIZE, { input: { partnerId: otherReseller, offerId: basic.id } }, platform));

  const tenant = async (name: string, domain: string) =>
    ok(await server.gql(CREATE_TENANT, { input: { name, domain, countryCode: 'VN' } }, platform)).createTenant.tenant.id as string;
  const direct = await tenant('Contoso', 'contoso.example');
  const otherDirect = await tenant('Wingtip', 'wingtip.example');
  const resellerAdmin = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: reseller });
  const customer = ok(
    await server.gql(CREATE_CUSTOMER, { input: { name: 'Adatum', domain: 'adatum.example', countryCode: 'TH' } }, resellerAdmin),
  ).createCustomer.customer.id as string;

  return {
    platformToken: platform,
    offers: { basic, premium, e5 },
    partners: { reseller, otherReseller, advisor, both, resellerOnly },
    tenants: { direct, otherDirect, customer },
    tokens: {
      platform,
      directGlobal: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: direct }),
      directBilling: await server.token(Role.TENANT_BILLING_ADMIN, { tenantId: direct }),
      directReader: await server.token(Role.TENANT_READER, { tenantId: direct }),
      otherDirectGlobal: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: otherDirect }),
      customerGlobal: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: customer }),
      resellerAdmin,
      resellerSales: await server.token(Role.PARTNER_SALES_AGENT, { partnerId: reseller }),
      resellerHelpdesk: await server.token(Role.PARTNER_HELPDESK_AGENT, { partnerId: reseller }),
      otherResellerAdmin: await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: otherReseller }),
      advisorAdmin: await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: advisor }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reseller-side helpers (issue 4): operations and small builders used by server/test/reseller-*.
// ---------------------------------------------------------------------------------------------

/** The subscription fields the reseller specs read back. */
export const RESELLER_SUBSCRIPTION_FIELDS =
  'id quantity status channel version suspendedAt dataRetentionEndsAt viewerCanManage createdAt updatedAt reseller { id } partnerOfRecord { id } offer { id sku } tenant { id }';

export interface SubscriptionView {
  id: string;
  quantity: number;
  status: 'ACTIVE' | 'SUSPENDED' | 'DELETED';
  channel: 'DIRECT' | 'RESELLER';
  version: number;
  suspendedAt: string | null;
  dataRetentionEndsAt: string | null;
  viewerCanManage: boolean;
  createdAt: string;
  updatedAt: string;
  reseller: { id: string } | null;
  partnerOfRecord: { id: string } | null;
  offer: { id: string; sku: string };
  tenant: { id: string };
}

const S = RESELLER_SUBSCRIPTION_FIELDS;

/** GraphQL documents of the reseller workflow (seed 004), named after their operation. */
export const RESELLER_OPS = {
  purchase: `mutation($input: PurchaseSubscriptionInput!) { purchaseSubscription(input: $input) { subscription { ${S} } } }`,
  quote: `query($input: QuoteSubscriptionInput!) { quoteSubscription(input: $input) { tenant { id } offer { id sku } quantity channel reseller { id } partnerOfRecord { id } unitPriceCents monthlyTotalCents currency } }`,
  changeQuantity: `mutation($input: ChangeLicenseQuantityInput!) { changeLicenseQuantity(input: $input) { subscription { ${S} } } }`,
  suspend: `mutation($input: SuspendSubscriptionInput!) { suspendSubscription(input: $input) { subscription { ${S} } } }`,
  reactivate: `mutation($input: ReactivateSubscriptionInput!) { reactivateSubscription(input: $input) { subscription { ${S} } } }`,
  setPartnerOfRecord: `mutation($input: SetPartnerOfRecordInput!) { setPartnerOfRecord(input: $input) { subscription { ${S} } } }`,
  createCustomer: `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name domain countryCode billingManagedBy { id } } } }`,
  createInvitation: `mutation($input: CreateResellerInvitationInput) { createResellerInvitation(input: $input) { invitation { id code expiresAt createdAt acceptedAt partner { id } } } }`,
  acceptInvitation: `mutation($input: AcceptResellerInvitationInput!) { acceptResellerInvitation(input: $input) { relationship { partner { id } tenant { id billingManagedBy { id } } } } }`,
  removeReseller: `mutation($input: RemoveResellerRelationshipInput!) { removeResellerRelationship(input: $input) { tenant { id billingManagedBy { id } } } }`,
  subscription: `query($id: ID!) { subscription(id: $id) { ${S} } }`,
  subscriptions: `query($tenantId: ID!, $status: SubscriptionStatus) { subscriptions(tenantId: $tenantId, first: 100, status: $status) { totalCount edges { node { ${S} } } } }`,
  tenant: `query($id: ID!) { tenant(id: $id) { id name domain countryCode billingManagedBy { id } subscriptions(first: 100) { totalCount edges { node { ${S} } } } } }`,
  customers: `query($search: String, $after: String, $first: Int) { customers(first: $first, after: $after, search: $search) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name domain billingManagedBy { id } } } } }`,
  offers: `query { offers(first: 100) { totalCount edges { node { id sku } } } }`,
  auditEvents: `query($tenantId: ID, $after: String) { auditEvents(tenantId: $tenantId, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id at action targetType targetId tenantId before after actor { subject partnerId tenantId } } } } }`,
} as const;

export interface AuditEventView {
  id: string;
  at: string;
  action: string;
  targetType: string;
  targetId: string;
  tenantId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor: { subject: string; partnerId: string | null; tenantId: string | null };
}

let resellerKitSequence = 0;

/** Builders over RESELLER_OPS for one server: each returns what a successful call answers. */
export function resellerKit(server: TestServer) {
  const unique = () => `${Date.now().toString(36)}${(resellerKitSequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const tenantTokens = async (tenantId: string) => ({
    global: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId, subject: `global@${tenantId}` }),
    billing: await server.token(Role.TENANT_BILLING_ADMIN, { tenantId, subject: `billing@${tenantId}` }),
    reader: await server.token(Role.TENANT_READER, { tenantId, subject: `reader@${tenantId}` }),
  });
  return {
    /** A fresh domain nobody has taken. */
    uniqueDomain: (prefix = 'customer') => `${prefix}-${unique()}.example`,
    /** A reseller creates a new customer (billingManagedBy = that reseller), with tokens for its own users. */
    async createCustomer(token: string, name = 'Litware') {
      const input = { name, domain: `c-${unique()}.example`, countryCode: 'TH' };
      const id = ok(await server.gql(RESELLER_OPS.createCustomer, { input }, token)).createCustomer.customer.id as string;
      return { id, domain: input.domain, tokens: await tenantTokens(id) };
    },
    /** A tenant that signed up by itself (no reseller), with tokens for its own users. */
    async createTenant(name = 'Fourth Coffee') {
      const platform = await server.token(Role.PLATFORM_ADMIN);
      const input = { name, domain: `t-${unique()}.example`, countryCode: 'VN' };
      const id = ok(await server.gql(CREATE_TENANT, { input }, platform)).createTenant.tenant.id as string;
      return { id, domain: input.domain, tokens: await tenantTokens(id) };
    },
    /** Buys an offer for a tenant (RESELLER channel for partner tokens, DIRECT for tenant admins). */
    async purchase(token: string, tenantId: string, offerId: string, quantity: number): Promise<SubscriptionView> {
      return ok(await server.gql(RESELLER_OPS.purchase, { input: { tenantId, offerId, quantity } }, token)).purchaseSubscription
        .subscription;
    },
    async read(token: string, id: string): Promise<SubscriptionView> {
      return ok(await server.gql(RESELLER_OPS.subscription, { id }, token)).subscription;
    },
    async suspend(token: string, id: string): Promise<SubscriptionView> {
      return ok(await server.gql(RESELLER_OPS.suspend, { input: { subscriptionId: id } }, token)).suspendSubscription.subscription;
    },
    /** A reseller invites an existing tenant and the tenant's global admin accepts. */
    async invite(resellerToken: string, tenantGlobalAdminToken: string) {
      const { code } = ok(await server.gql(RESELLER_OPS.createInvitation, { input: {} }, resellerToken)).createResellerInvitation
        .invitation;
      return ok(await server.gql(RESELLER_OPS.acceptInvitation, { input: { code } }, tenantGlobalAdminToken)).acceptResellerInvitation
        .relationship;
    },
    /** Every audit event (platform view), newest first, optionally of one tenant. */
    async auditEvents(tenantId?: string): Promise<AuditEventView[]> {
      const platform = await server.token(Role.PLATFORM_ADMIN);
      const events: AuditEventView[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = ok(await server.gql(RESELLER_OPS.auditEvents, { tenantId, after }, platform)).auditEvents;
        events.push(...page.edges.map((e: { node: AuditEventView }) => e.node));
        if (!page.pageInfo.hasNextPage) return events;
        after = page.pageInfo.endCursor;
      }
    },
  };
}

// ---- Helpers added for the customer-side specs (seed 000). Additive: nothing above depends on them. ----

let freshCounter = 0;
const fresh = (label: string) => `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++freshCounter}-${Date.now().toString(36)}`;

export interface FreshTenant {
  id: string;
  domain: string;
  tokens: { global: string; billing: string; reader: string };
}

/** A new self-signed-up tenant (DIRECT purchases, no reseller), with a global admin, billing admin and reader. */
export async function createDirectTenant(server: TestServer, world: World, label = 'tenant'): Promise<FreshTenant> {
  const domain = `${fresh(label)}.example`;
  const id = ok(await server.gql(CREATE_TENANT, { input: { name: label, domain, countryCode: 'VN' } }, world.tokens.platform)).createTenant
    .tenant.id as string;
  return {
    id,
    domain,
    tokens: {
      global: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: id, subject: `global@${domain}` }),
      billing: await server.token(Role.TENANT_BILLING_ADMIN, { tenantId: id, subject: `billing@${domain}` }),
      reader: await server.token(Role.TENANT_READER, { tenantId: id, subject: `reader@${domain}` }),
    },
  };
}

/** A new customer created by `resellerToken`'s reseller: it bills the tenant, whose admin cannot buy. */
export async function createResellerCustomer(server: TestServer, resellerToken: string, label = 'customer'): Promise<FreshTenant> {
  const domain = `${fresh(label)}.example`;
  const id = ok(await server.gql(CREATE_CUSTOMER, { input: { name: label, domain, countryCode: 'TH' } }, resellerToken)).createCustomer
    .customer.id as string;
  return {
    id,
    domain,
    tokens: {
      global: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: id, subject: `global@${domain}` }),
      billing: await server.token(Role.TENANT_BILLING_ADMIN, { tenantId: id, subject: `billing@${domain}` }),
      reader: await server.token(Role.TENANT_READER, { tenantId: id, subject: `reader@${domain}` }),
    },
  };
}

/** A new partner with a generated Partner ID. */
export async function createFreshPartner(
  server: TestServer,
  world: World,
  name: string,
  capabilities: ('RESELLER' | 'ADVISOR')[],
): Promise<{ id: string; name: string }> {
  const id = ok(await server.gql(CREATE_PARTNER, { input: { name, countryCode: 'VN', capabilities } }, world.tokens.platform)).createPartner
    .partner.id as string;
  return { id, name };
}

/** A new catalog offer (not authorised to any reseller). */
export async function createFreshOffer(
  server: TestServer,
  world: World,
  range: { min: number; max: number; cents: number } = { min: 1, max: 300, cents: 1000 },
): Promise<Offer> {
  const sku = fresh('SKU').toUpperCase();
  return ok(
    await server.gql(
      CREATE_OFFER,
      { input: { sku, name: `Offer ${sku}`, minQuantity: range.min, maxQuantity: range.max, unitPriceCents: range.cents, currency: 'USD' } },
      world.tokens.platform,
    ),
  ).createOffer.offer as Offer;
}

const PURCHASE_FOR_WORLD = `mutation($input: PurchaseSubscriptionInput!) {
  purchaseSubscription(input: $input) { subscription { id version } }
}`;

/** Buys (must succeed) and returns the new subscription's id and version. */
export async function buySubscription(
  server: TestServer,
  token: string,
  input: { tenantId: string; offerId: string; quantity: number; partnerId?: string | null; idempotencyKey?: string },
): Promise<{ id: string; version: number }> {
  return ok(await server.gql(PURCHASE_FOR_WORLD, { input }, token)).purchaseSubscription.subscription;
}
