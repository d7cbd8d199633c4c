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
