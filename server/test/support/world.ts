import { ok, Role, type TestServer } from './harness';
import {
  ACCEPT_RESELLER_INVITATION,
  AUTHORIZE_OFFER,
  CREATE_CUSTOMER,
  CREATE_OFFER,
  CREATE_PARTNER,
  CREATE_RESELLER_INVITATION,
  CREATE_TENANT,
  GET_AUDIT_EVENTS,
  GET_SUBSCRIPTION,
  PURCHASE_SUBSCRIPTION,
  SUSPEND_SUBSCRIPTION,
} from '../graphql/shared-definitions';
import {
  type AuditEventViewFragment,
  type CreateOfferInput,
  type CreateOfferMutation,
  type GetAuditEventsQuery,
  type PartnerCapability,
  type PurchaseSubscriptionInput,
  type SubscriptionViewFragment,
} from '../graphql/generated/graphql';

/** Terms for specs about something else than terms ending: a three-year term ends after any clock move they make. */
export const THREE_YEARS: CreateOfferInput['terms'] = [{ termDuration: 'P3Y', billingCycle: 'ANNUAL', unitPriceCents: 36_000 }];

/**
 * A small catalog and cast built through the public API, shared by the end-to-end specs:
 * a reseller (with authorisations), an advisor, a reseller+advisor, a plain tenant and a reseller's customer.
 * `kitFor(server)` adds more of them to a spec's world, each with what a successful call answers.
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

export type Offer = CreateOfferMutation['createOffer']['offer'];
/** A subscription as the shared documents read it (fragment SubscriptionView). */
export type SubscriptionView = SubscriptionViewFragment;
/** An audit event as the shared documents read it (fragment AuditEventView). */
export type AuditEventView = AuditEventViewFragment;

/** A tenant added to the world, with tokens for its global admin, billing admin and reader. */
export interface FreshTenant {
  id: string;
  domain: string;
  tokens: { global: string; billing: string; reader: string };
}

export async function buildWorld(server: TestServer): Promise<World> {
  const platform = await server.token(Role.PLATFORM_ADMIN);
  const partner = async (id: string, name: string, capabilities: PartnerCapability[]) =>
    ok(await server.gql(CREATE_PARTNER, { input: { id, name, countryCode: 'VN', capabilities } }, platform)).createPartner.partner.id;
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
    ).createOffer.offer;
  const basic = await offer('BASIC', 1, 300, 600);
  const premium = await offer('PREMIUM', 5, 300, 2200);
  const e5 = await offer('E5', 1, 100000, 5700);
  for (const o of [basic, premium]) ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: reseller, offerId: o.id } }, platform));
  ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: otherReseller, offerId: basic.id } }, platform));

  const tenant = async (name: string, domain: string) =>
    ok(await server.gql(CREATE_TENANT, { input: { name, domain, countryCode: 'VN' } }, platform)).createTenant.tenant.id;
  const direct = await tenant('Contoso', 'contoso.example');
  const otherDirect = await tenant('Wingtip', 'wingtip.example');
  const resellerAdmin = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: reseller });
  const customer = ok(
    await server.gql(CREATE_CUSTOMER, { input: { name: 'Adatum', domain: 'adatum.example', countryCode: 'TH' } }, resellerAdmin),
  ).createCustomer.customer.id;

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

let sequence = 0;

/** `label` made unique in this run: lower-case letters, digits and dashes, for domains, SKUs and keys nobody has taken. */
export function unique(label: string): string {
  const slug =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x';
  return `${slug}-${(++sequence).toString(36)}-${Date.now().toString(36)}`;
}

/** A fresh domain nobody has taken. */
export const uniqueDomain = (prefix = 'customer') => `${unique(prefix)}.example`;

export type Kit = ReturnType<typeof kitFor>;

/** Builders over the shared documents for one server: each must succeed, and returns what the call answers. */
export function kitFor(server: TestServer) {
  const platform = () => server.token(Role.PLATFORM_ADMIN);
  const withUsers = async (id: string, domain: string): Promise<FreshTenant> => ({
    id,
    domain,
    tokens: {
      global: await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: id, subject: `global@${domain}` }),
      billing: await server.token(Role.TENANT_BILLING_ADMIN, { tenantId: id, subject: `billing@${domain}` }),
      reader: await server.token(Role.TENANT_READER, { tenantId: id, subject: `reader@${domain}` }),
    },
  });
  return {
    /** A tenant that signed up by itself (DIRECT purchases, no reseller). */
    async createTenant(name = 'Fourth Coffee'): Promise<FreshTenant> {
      const input = { name, domain: uniqueDomain(name), countryCode: 'VN' };
      return withUsers(ok(await server.gql(CREATE_TENANT, { input }, await platform())).createTenant.tenant.id, input.domain);
    },
    /** A customer created by `resellerToken`'s reseller, which then manages its billing: the tenant's own admins cannot buy. */
    async createCustomer(resellerToken: string, name = 'Litware'): Promise<FreshTenant> {
      const input = { name, domain: uniqueDomain(name), countryCode: 'TH' };
      return withUsers(ok(await server.gql(CREATE_CUSTOMER, { input }, resellerToken)).createCustomer.customer.id, input.domain);
    },
    /** A catalog offer, authorised to no reseller. */
    /** An offer with a licence range and a price; `terms` as CreateOfferInput takes them (absent: one P1M/MONTHLY term). */
    async createOffer(range = { min: 1, max: 300, cents: 1000 }, terms?: CreateOfferInput['terms']): Promise<Offer> {
      const sku = unique('SKU').toUpperCase();
      const input = {
        sku,
        name: `Offer ${sku}`,
        minQuantity: range.min,
        maxQuantity: range.max,
        unitPriceCents: range.cents,
        currency: 'USD',
        terms,
      };
      return ok(await server.gql(CREATE_OFFER, { input }, await platform())).createOffer.offer;
    },
    /** Buys an offer for a tenant: RESELLER channel for partner tokens, DIRECT for tenant admins. */
    async purchase(token: string, input: PurchaseSubscriptionInput): Promise<SubscriptionView> {
      return ok(await server.gql(PURCHASE_SUBSCRIPTION, { input }, token)).purchaseSubscription.subscription;
    },
    async read(token: string, id: string): Promise<SubscriptionView> {
      return ok(await server.gql(GET_SUBSCRIPTION, { id }, token)).subscription;
    },
    async suspend(token: string, id: string): Promise<SubscriptionView> {
      return ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: id } }, token)).suspendSubscription.subscription;
    },
    /** A reseller invites an existing tenant and the tenant's global admin accepts. */
    async invite(resellerToken: string, tenantGlobalAdminToken: string) {
      const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, resellerToken)).createResellerInvitation.invitation;
      return ok(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, tenantGlobalAdminToken)).acceptResellerInvitation
        .relationship;
    },
    /** Every audit event (platform view), newest first, optionally of one tenant. */
    async auditEvents(tenantId?: string): Promise<AuditEventView[]> {
      const token = await platform();
      const events: AuditEventView[] = [];
      let after: string | null | undefined = null;
      for (;;) {
        const page: GetAuditEventsQuery['auditEvents'] = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId, after }, token)).auditEvents;
        events.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) return events;
        after = page.pageInfo.endCursor;
      }
    },
  };
}
