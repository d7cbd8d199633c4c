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
  DELETED = 'DELETED',
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
  description: 'ACTIVE → SUSPENDED (cancellation starts) → DELETED once data retention ends; SUSPENDED → ACTIVE before then.',
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
