import { registerEnumType } from 'type-graphql';

export enum Role {
  TENANT_GLOBAL_ADMIN = 'TENANT_GLOBAL_ADMIN',
  TENANT_BILLING_ADMIN = 'TENANT_BILLING_ADMIN',
  TENANT_READER = 'TENANT_READER',
  PARTNER_ADMIN_AGENT = 'PARTNER_ADMIN_AGENT',
  PARTNER_SALES_AGENT = 'PARTNER_SALES_AGENT',
  PARTNER_HELPDESK_AGENT = 'PARTNER_HELPDESK_AGENT',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  DELETED = 'DELETED',
}

/** How long a subscription commits to (ISO 8601 durations, SPEC §8). */
export enum TermDuration {
  P1M = 'P1M',
  P1Y = 'P1Y',
  P3Y = 'P3Y',
}

/** How often a term is billed (SPEC §8). */
export enum BillingCycle {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
  TRIENNIAL = 'TRIENNIAL',
}

export enum SubscriptionChannel {
  DIRECT = 'DIRECT',
  RESELLER = 'RESELLER',
}

export enum PartnerCapability {
  RESELLER = 'RESELLER',
  ADVISOR = 'ADVISOR',
}

export enum PartnerRelationshipKind {
  RESELLER = 'RESELLER',
  ADVISOR = 'ADVISOR',
}

registerEnumType(Role, { name: 'Role', description: 'A role carried in the bearer token (SPEC §2).' });
registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description:
    'ACTIVE → SUSPENDED (cancellation starts) → DELETED once data retention ends; SUSPENDED → ACTIVE before then. ' +
    'ACTIVE or SUSPENDED → EXPIRED when cancelled inside the cancellation window or when a term ends without renewal; EXPIRED → DELETED once data retention ends.',
});
registerEnumType(TermDuration, {
  name: 'TermDuration',
  description: 'A commitment term as an ISO 8601 duration: P1M one month, P1Y one year, P3Y three years.',
  valuesConfig: { P1M: { description: 'One month.' }, P1Y: { description: 'One year.' }, P3Y: { description: 'Three years.' } },
});
registerEnumType(BillingCycle, {
  name: 'BillingCycle',
  description: 'How often a term is billed: every month, every year, or once for three years.',
});
registerEnumType(SubscriptionChannel, {
  name: 'SubscriptionChannel',
  description: 'DIRECT: bought by the tenant itself. RESELLER: sold by a reseller, who manages it.',
});
registerEnumType(PartnerCapability, { name: 'PartnerCapability', description: 'What a partner company may act as.' });
registerEnumType(PartnerRelationshipKind, {
  name: 'PartnerRelationshipKind',
  description: 'How a partner relates to a tenant: as its reseller, or as partner of record (advisor) on subscriptions.',
});
