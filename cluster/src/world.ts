import { type Answer, gql, ok, signToken } from './client';
import {
  AUTHORIZE_OFFER,
  CREATE_CUSTOMER,
  CREATE_OFFER,
  CREATE_PARTNER,
  CREATE_TENANT,
  PURCHASE,
  type SubscriptionView,
} from './operations';
import type { Instance } from './tenantry';

export interface Reseller {
  id: string;
  /** A PARTNER_ADMIN_AGENT token of the partner. */
  admin: string;
}

/** The catalog, partners and hot subscriptions the scenarios start from, all created through the API. */
export interface World {
  secret: string;
  platform: string;
  offers: string[];
  /** Sells the hot RESELLER subscriptions and the purchases replayed through several instances. */
  seller: Reseller;
  /** Creates customers, sells to them and ends the relationships in the removal races. */
  leaver: Reseller;
  hot: { subscription: SubscriptionView; token: string }[];
}

const OFFERS = 6;
let partnerIds = 0;

export async function tenantToken(secret: string, tenantId: string): Promise<string> {
  return signToken(secret, { sub: `billing-${tenantId}`, roles: ['TENANT_BILLING_ADMIN'], tenantId });
}

export async function createReseller(
  instance: Instance,
  world: Pick<World, 'secret' | 'platform' | 'offers'>,
  name: string,
): Promise<Reseller> {
  const id = String(4_000_000 + Math.floor(Math.random() * 5_000_000) * 10 + (partnerIds++ % 10));
  ok(
    await gql(instance, world.platform, CREATE_PARTNER, { input: { id, name, countryCode: 'VN', capabilities: ['RESELLER'] } }),
    `createPartner ${name}`,
  );
  for (const offerId of world.offers) {
    ok(await gql(instance, world.platform, AUTHORIZE_OFFER, { input: { partnerId: id, offerId } }), 'authorizeOffer');
  }
  return { id, admin: await signToken(world.secret, { sub: `admin-${id}`, roles: ['PARTNER_ADMIN_AGENT'], partnerId: id }) };
}

export async function createCustomer(
  instance: Instance,
  reseller: Reseller,
  label: string,
): Promise<Answer<{ createCustomer: { customer: { id: string } } }>> {
  const domain = `${label}.cluster.example`;
  return gql(instance, reseller.admin, CREATE_CUSTOMER, {
    input: { name: `Customer ${label}`, domain, countryCode: 'VN', idempotencyKey: domain },
  });
}

export async function purchase(
  instance: Instance,
  token: string,
  input: { tenantId: string; offerId: string; quantity: number; idempotencyKey?: string },
) {
  return gql<{ purchaseSubscription: { subscription: SubscriptionView } }>(instance, token, PURCHASE, { input });
}

/** 20 hot subscriptions: 2 direct tenants and 2 reseller customers, 5 offers each. */
export async function buildWorld(instances: Instance[], secret: string, hotTenants = 4, hotOffers = 5): Promise<World> {
  const [first] = instances;
  const platform = await signToken(secret, { sub: 'cluster-platform', roles: ['PLATFORM_ADMIN'] });
  const offers: string[] = [];
  const run = Date.now().toString(36);
  for (let i = 0; i < OFFERS; i++) {
    const input = {
      sku: `CLUSTER-${run}-${i}`,
      name: `Cluster offer ${i}`,
      minQuantity: 1,
      maxQuantity: 100_000,
      unitPriceCents: 100 + i,
      currency: 'USD',
    };
    offers.push(
      ok(await gql<{ createOffer: { offer: { id: string } } }>(first, platform, CREATE_OFFER, { input }), 'createOffer').createOffer.offer
        .id,
    );
  }
  const base = { secret, platform, offers };
  const seller = await createReseller(first, base, 'Cluster Seller');
  const leaver = await createReseller(first, base, 'Cluster Leaver');
  const hot: World['hot'] = [];
  for (let t = 0; t < hotTenants; t++) {
    const direct = t % 2 === 0;
    let tenantId: string;
    if (direct) {
      const input = { name: `Hot direct ${t}`, domain: `hot-${t}-${run}.cluster.example`, countryCode: 'VN' };
      tenantId = ok(await gql<{ createTenant: { tenant: { id: string } } }>(first, platform, CREATE_TENANT, { input }), 'createTenant')
        .createTenant.tenant.id;
    } else {
      tenantId = ok(await createCustomer(first, seller, `hot-${t}-${run}`), 'createCustomer').createCustomer.customer.id;
    }
    const token = direct ? await tenantToken(secret, tenantId) : seller.admin;
    for (let o = 0; o < hotOffers; o++) {
      const bought = ok(await purchase(first, token, { tenantId, offerId: offers[o], quantity: 1 }), 'purchase').purchaseSubscription
        .subscription;
      hot.push({ subscription: bought, token });
    }
  }
  return { ...base, seller, leaver, hot };
}

/** Customers of world.seller whose slots the keyed purchases fill. */
export async function purchaseCustomers(instance: Instance, world: Pick<World, 'seller'>, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(ok(await createCustomer(instance, world.seller, `${label}-${i}`), 'createCustomer').createCustomer.customer.id);
  return ids;
}
