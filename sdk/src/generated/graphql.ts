/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Structurally identical to `DocumentTypeDecoration` of @graphql-typed-document-node/core, so the SDK needs no dependency. */
export interface DocumentTypeDecoration<TResult, TVariables> {
  /** Carries the result and variables types; never set at runtime. */
  __apiType?: (variables: TVariables) => TResult;
}
/** Accept a reseller’s invitation (the tenant’s global admin). */
export type AcceptResellerInvitationInput = {
  /** The code the reseller sent, exactly (codes are case-sensitive). */
  code: string;
};

/** Where to move domain time: forward, at most 5 calendar years at a time. */
export type AdvanceTestClockInput = {
  /** The new domain time: later than domain time now and at most 5 calendar years ahead of it (domain time becomes at least this, in whole seconds). */
  to: string;
};

/** Authorise a reseller to sell an offer. */
export type AuthorizeOfferInput = {
  /** The offer. */
  offerId: string | number;
  /** The reseller’s Partner ID. */
  partnerId: string | number;
};

/** How often a term is billed: every month, every year, or once for three years. */
export const BillingCycle = {
  Annual: 'ANNUAL',
  Monthly: 'MONTHLY',
  Triennial: 'TRIENNIAL'
} as const;

export type BillingCycle = typeof BillingCycle[keyof typeof BillingCycle];
/** Cancel an active or suspended subscription inside its cancellation window (7 days after its term started). */
export type CancelSubscriptionInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The subscription to change. */
  subscriptionId: string | number;
};

/** Set the number of licences of an active subscription. */
export type ChangeLicenseQuantityInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The new number of licences, within the offer’s range. */
  quantity: number;
  /** The subscription to change. */
  subscriptionId: string | number;
};

/** Remove the change scheduled for the next renewal. */
export type ClearRenewalChangeInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The subscription to change. */
  subscriptionId: string | number;
};

/** A new customer created by a reseller, who will manage its billing. */
export type CreateCustomerInput = {
  /** ISO 3166-1 alpha-2 country code. */
  countryCode: string;
  /** Unique primary domain, e.g. contoso.example; case and one trailing dot are ignored. */
  domain: string;
  /** Retry-safe key (1–255 characters, compared exactly, scoped to you). */
  idempotencyKey?: string | null | undefined;
  /** Organisation name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters. */
  name: string;
};

/** Add an offer to the catalog. */
export type CreateOfferInput = {
  /** ISO 4217 currency code, e.g. USD. */
  currency: string;
  /** Largest licence quantity, at least minQuantity, at most 1000000. */
  maxQuantity: number;
  /** Smallest licence quantity, 1–1000000. */
  minQuantity: number;
  /** Product name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters. */
  name: string;
  /** Unique SKU: letters, digits, dot, dash, underscore; up to 64. */
  sku: string;
  /** How the offer can be bought, in catalog order, each pair once; absent, the one term P1M/MONTHLY at unitPriceCents. */
  terms?: Array<OfferTermInput> | null | undefined;
  /** Monthly list price of one licence in minor units (cents), 0–100000000; without `terms`, the price of the offer’s one P1M/MONTHLY term. */
  unitPriceCents: number;
};

/** Register a partner company. */
export type CreatePartnerInput = {
  /** RESELLER, ADVISOR, or both. */
  capabilities: Array<PartnerCapability>;
  /** ISO 3166-1 alpha-2 country code. */
  countryCode: string;
  /** The Partner ID (6–10 digits); generated when omitted. */
  id?: string | number | null | undefined;
  /** Company name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters. */
  name: string;
};

/** An invitation for an existing tenant to take you as its reseller. */
export type CreateResellerInvitationInput = {
  /** Days until the code expires, 1–30; 7 when omitted. */
  expiresInDays?: number | null | undefined;
};

/** A new tenant (platform admins; stands for self sign-up). */
export type CreateTenantInput = {
  /** ISO 3166-1 alpha-2 country code. */
  countryCode: string;
  /** Unique primary domain, e.g. contoso.example; case and one trailing dot are ignored. */
  domain: string;
  /** Organisation name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters. */
  name: string;
};

/** Register a URL that receives the events you may read. */
export type CreateWebhookEndpointInput = {
  /** A note for people, at most 255 characters. */
  description?: string | null | undefined;
  /** The event types to send, e.g. subscription.purchased; empty or omitted: every type. */
  eventTypes?: Array<string> | null | undefined;
  /** Where events are POSTed: an https:// URL (http:// outside production), at most 2048 characters, without credentials (not even empty ones), on a port from 1 to 65535 and a public address; stored in its WHATWG-normalised form. */
  url: string;
};

/** Delete an endpoint and its delivery log. */
export type DeleteWebhookEndpointInput = {
  /** The endpoint. */
  id: string | number;
};

/** One way an offer is sold: a term, its billing cycle and its price. */
export type OfferTermInput = {
  /** The billing cycle: P1M is billed MONTHLY; P1Y MONTHLY or ANNUAL; P3Y MONTHLY, ANNUAL or TRIENNIAL. */
  billingCycle: BillingCycle;
  /** The commitment term. */
  termDuration: TermDuration;
  /** Price of one licence for one billing period in minor units, 0–100000000. */
  unitPriceCents: number;
};

/** What a partner company may act as. */
export const PartnerCapability = {
  Advisor: 'ADVISOR',
  Reseller: 'RESELLER'
} as const;

export type PartnerCapability = typeof PartnerCapability[keyof typeof PartnerCapability];
/** Why a Partner ID cannot be partner of record. */
export const PartnerIdProblem = {
  /** Not a Partner ID: a Partner ID is 6 to 10 digits and does not start with 0. */
  InvalidFormat: 'INVALID_FORMAT',
  /** The partner exists but is not an advisor. */
  NotAdvisor: 'NOT_ADVISOR',
  /** No partner has this ID. */
  NotFound: 'NOT_FOUND'
} as const;

export type PartnerIdProblem = typeof PartnerIdProblem[keyof typeof PartnerIdProblem];
/** How a partner relates to a tenant: as its reseller, or as partner of record (advisor) on subscriptions. */
export const PartnerRelationshipKind = {
  Advisor: 'ADVISOR',
  Reseller: 'RESELLER'
} as const;

export type PartnerRelationshipKind = typeof PartnerRelationshipKind[keyof typeof PartnerRelationshipKind];
/** Buy licences of an offer for a tenant. */
export type PurchaseSubscriptionInput = {
  /** Whether a new term starts when this one ends (default true). */
  autoRenew?: boolean | null | undefined;
  /** The billing cycle, one the offer lists for the term; absent, the term’s first listed cycle. */
  billingCycle?: BillingCycle | null | undefined;
  /** Retry-safe key (1–255 characters, scoped to you): a replay returns the first result. */
  idempotencyKey?: string | null | undefined;
  /** The offer to buy. */
  offerId: string | number;
  /** Partner ID of an advisor to set as partner of record. */
  partnerId?: string | null | undefined;
  /** Number of licences, within the offer’s range. */
  quantity: number;
  /** The tenant that would hold the subscription. */
  tenantId: string | number;
  /** The term, one the offer lists; absent, the offer’s first listed term (the first with `billingCycle`, if given). */
  termDuration?: TermDuration | null | undefined;
};

/** What to price: the same fields as a purchase, nothing is written. */
export type QuoteSubscriptionInput = {
  /** Whether a new term starts when this one ends (default true). */
  autoRenew?: boolean | null | undefined;
  /** The billing cycle, one the offer lists for the term; absent, the term’s first listed cycle. */
  billingCycle?: BillingCycle | null | undefined;
  /** The offer to buy. */
  offerId: string | number;
  /** Partner ID of an advisor to set as partner of record. */
  partnerId?: string | null | undefined;
  /** Number of licences, within the offer’s range. */
  quantity: number;
  /** The tenant that would hold the subscription. */
  tenantId: string | number;
  /** The term, one the offer lists; absent, the offer’s first listed term (the first with `billingCycle`, if given). */
  termDuration?: TermDuration | null | undefined;
};

/** Reactivate a suspended subscription before its data retention ends. */
export type ReactivateSubscriptionInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The subscription to reactivate. */
  subscriptionId: string | number;
};

/** Attempt a delivery again, now. */
export type RedeliverWebhookInput = {
  /** The delivery. */
  deliveryId: string | number;
};

/** A customer removes an advisor from all its subscriptions. */
export type RemoveAdvisorRelationshipInput = {
  /** The advisor’s Partner ID. */
  partnerId: string | number;
  /** The tenant. */
  tenantId: string | number;
};

/** A reseller ends its relationship with a customer. */
export type RemoveResellerRelationshipInput = {
  /** The reseller’s Partner ID (your own). */
  partnerId: string | number;
  /** The customer tenant. */
  tenantId: string | number;
};

/** Withdraw a reseller’s authorisation to sell an offer. */
export type RevokeOfferAuthorizationInput = {
  /** The offer. */
  offerId: string | number;
  /** The reseller’s Partner ID. */
  partnerId: string | number;
};

/** A role carried in the bearer token (SPEC §2). */
export const Role = {
  PartnerAdminAgent: 'PARTNER_ADMIN_AGENT',
  PartnerHelpdeskAgent: 'PARTNER_HELPDESK_AGENT',
  PartnerSalesAgent: 'PARTNER_SALES_AGENT',
  PlatformAdmin: 'PLATFORM_ADMIN',
  TenantBillingAdmin: 'TENANT_BILLING_ADMIN',
  TenantGlobalAdmin: 'TENANT_GLOBAL_ADMIN',
  TenantReader: 'TENANT_READER'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** Give an endpoint a new signing secret. */
export type RotateWebhookSecretInput = {
  /** The endpoint. */
  id: string | number;
};

/** What the next renewal changes: at least one of quantity, termDuration and billingCycle; it replaces an earlier scheduled change. */
export type ScheduleRenewalChangeInput = {
  /** The billing cycle of the next term. */
  billingCycle?: BillingCycle | null | undefined;
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The licence quantity of the next term, within the offer’s range. */
  quantity?: number | null | undefined;
  /** The subscription to change. */
  subscriptionId: string | number;
  /** The term to renew into; alone, it keeps today’s billing cycle if the term lists it, else takes the term’s first. */
  termDuration?: TermDuration | null | undefined;
};

/** Send a webhook.test event to an endpoint. */
export type SendTestWebhookInput = {
  /** The endpoint. */
  id: string | number;
};

/** Turn auto-renewal on or off: without it, the subscription expires when its term ends. */
export type SetAutoRenewInput = {
  /** Whether a new term starts when this one ends. */
  autoRenew: boolean;
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The subscription to change. */
  subscriptionId: string | number;
};

/** Add, change or remove (partnerId: null) a subscription’s partner of record. */
export type SetPartnerOfRecordInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Partner ID of an advisor; null removes the partner of record. */
  partnerId?: string | null | undefined;
  /** The subscription to change. */
  subscriptionId: string | number;
};

/** DIRECT: bought by the tenant itself. RESELLER: sold by a reseller, who manages it. */
export const SubscriptionChannel = {
  Direct: 'DIRECT',
  Reseller: 'RESELLER'
} as const;

export type SubscriptionChannel = typeof SubscriptionChannel[keyof typeof SubscriptionChannel];
/** ACTIVE → SUSPENDED (cancellation starts) → DELETED once data retention ends; SUSPENDED → ACTIVE before then. ACTIVE or SUSPENDED → EXPIRED when cancelled inside the cancellation window or when a term ends without renewal; EXPIRED → DELETED once data retention ends. */
export const SubscriptionStatus = {
  Active: 'ACTIVE',
  Deleted: 'DELETED',
  Expired: 'EXPIRED',
  Suspended: 'SUSPENDED'
} as const;

export type SubscriptionStatus = typeof SubscriptionStatus[keyof typeof SubscriptionStatus];
/** Suspend an active subscription, starting its cancellation. */
export type SuspendSubscriptionInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The subscription to suspend. */
  subscriptionId: string | number;
};

/** A commitment term as an ISO 8601 duration: P1M one month, P1Y one year, P3Y three years. */
export const TermDuration = {
  /** One month. */
  P1M: 'P1M',
  /** One year. */
  P1Y: 'P1Y',
  /** Three years. */
  P3Y: 'P3Y'
} as const;

export type TermDuration = typeof TermDuration[keyof typeof TermDuration];
/** Change an endpoint; omitted fields stay as they are. */
export type UpdateWebhookEndpointInput = {
  /** A new note for people. */
  description?: string | null | undefined;
  /** false pauses deliveries; true resumes them and clears disabledReason. */
  enabled?: boolean | null | undefined;
  /** The new list of event types; empty: every type. */
  eventTypes?: Array<string> | null | undefined;
  /** The endpoint. */
  id: string | number;
  /** A new URL, under the same rules as when creating. */
  url?: string | null | undefined;
};

/** PENDING: attempts go on. SUCCEEDED: a 2xx answer arrived. FAILED: every attempt failed (redeliverWebhook tries again). */
export const WebhookDeliveryStatus = {
  Failed: 'FAILED',
  Pending: 'PENDING',
  Succeeded: 'SUCCEEDED'
} as const;

export type WebhookDeliveryStatus = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus];
export type AuditEventsQueryVariables = Exact<{
  tenantId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } }> } };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type PartnerFieldsFragment = { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string };

export type OfferFieldsFragment = { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> };

export type TenantFieldsFragment = { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null };

export type SubscriptionFieldsFragment = { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null };

export type PartnerRelationshipFieldsFragment = { kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, subscriptions: Array<{ id: string, status: SubscriptionStatus, quantity: number, version: number, offer: { id: string, sku: string, name: string } }> };

export type ResellerInvitationFieldsFragment = { id: string, code: string, expiresAt: string, acceptedAt: string | null, createdAt: string, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, acceptedBy: { id: string, name: string, domain: string } | null };

export type ResellerRelationshipFieldsFragment = { id: string, createdAt: string, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } };

export type AuditEventFieldsFragment = { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } };

export type SubscriptionQuoteFieldsFragment = { quantity: number, channel: SubscriptionChannel, unitPriceCents: number, monthlyTotalCents: number, currency: string, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, pricePerBillingPeriodCents: number, termTotalCents: number, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null };

export type LiveEventsSubscriptionVariables = Exact<{
  tenantId?: string | number | null | undefined;
  types?: Array<string> | string | null | undefined;
}>;


export type LiveEventsSubscription = { events: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } };

export type OffersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OffersQuery = { offers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> } }> } };

export type CreateOfferMutationVariables = Exact<{
  input: CreateOfferInput;
}>;


export type CreateOfferMutation = { createOffer: { offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> } } };

export type PartnerQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerQuery = { partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string, authorizedOffers: Array<{ id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }> | null } };

export type VerifyPartnerIdQueryVariables = Exact<{
  partnerId: string;
}>;


export type VerifyPartnerIdQuery = { verifyPartnerId: { partnerId: string, valid: boolean, partnerName: string | null, reason: PartnerIdProblem | null } };

export type CreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type CreatePartnerMutation = { createPartner: { partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } } };

export type AuthorizeOfferMutationVariables = Exact<{
  input: AuthorizeOfferInput;
}>;


export type AuthorizeOfferMutation = { authorizeOffer: { partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string, authorizedOffers: Array<{ id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }> | null } } };

export type RevokeOfferAuthorizationMutationVariables = Exact<{
  input: RevokeOfferAuthorizationInput;
}>;


export type RevokeOfferAuthorizationMutation = { revokeOfferAuthorization: { partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string, authorizedOffers: Array<{ id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }> | null } } };

export type CreateResellerInvitationMutationVariables = Exact<{
  input?: CreateResellerInvitationInput | null | undefined;
}>;


export type CreateResellerInvitationMutation = { createResellerInvitation: { invitation: { id: string, code: string, expiresAt: string, acceptedAt: string | null, createdAt: string, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, acceptedBy: { id: string, name: string, domain: string } | null } } };

export type AcceptResellerInvitationMutationVariables = Exact<{
  input: AcceptResellerInvitationInput;
}>;


export type AcceptResellerInvitationMutation = { acceptResellerInvitation: { relationship: { id: string, createdAt: string, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } } };

export type RemoveResellerRelationshipMutationVariables = Exact<{
  input: RemoveResellerRelationshipInput;
}>;


export type RemoveResellerRelationshipMutation = { removeResellerRelationship: { tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, subscriptions: Array<{ id: string, status: SubscriptionStatus, quantity: number, version: number, offer: { id: string, sku: string, name: string } }> }>, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type RemoveAdvisorRelationshipMutationVariables = Exact<{
  input: RemoveAdvisorRelationshipInput;
}>;


export type RemoveAdvisorRelationshipMutation = { removeAdvisorRelationship: { tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, subscriptions: Array<{ id: string, status: SubscriptionStatus, quantity: number, version: number, offer: { id: string, sku: string, name: string } }> }>, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type SubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type SubscriptionQuery = { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } };

export type SubscriptionsQueryVariables = Exact<{
  tenantId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: SubscriptionStatus | null | undefined;
}>;


export type SubscriptionsQuery = { subscriptions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } }> } };

export type QuoteSubscriptionQueryVariables = Exact<{
  input: QuoteSubscriptionInput;
}>;


export type QuoteSubscriptionQuery = { quoteSubscription: { quantity: number, channel: SubscriptionChannel, unitPriceCents: number, monthlyTotalCents: number, currency: string, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, pricePerBillingPeriodCents: number, termTotalCents: number, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } };

export type PurchaseSubscriptionMutationVariables = Exact<{
  input: PurchaseSubscriptionInput;
}>;


export type PurchaseSubscriptionMutation = { purchaseSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type SetPartnerOfRecordMutationVariables = Exact<{
  input: SetPartnerOfRecordInput;
}>;


export type SetPartnerOfRecordMutation = { setPartnerOfRecord: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type ChangeLicenseQuantityMutationVariables = Exact<{
  input: ChangeLicenseQuantityInput;
}>;


export type ChangeLicenseQuantityMutation = { changeLicenseQuantity: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type SuspendSubscriptionMutationVariables = Exact<{
  input: SuspendSubscriptionInput;
}>;


export type SuspendSubscriptionMutation = { suspendSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type ReactivateSubscriptionMutationVariables = Exact<{
  input: ReactivateSubscriptionInput;
}>;


export type ReactivateSubscriptionMutation = { reactivateSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type CancelSubscriptionMutationVariables = Exact<{
  input: CancelSubscriptionInput;
}>;


export type CancelSubscriptionMutation = { cancelSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type SetAutoRenewMutationVariables = Exact<{
  input: SetAutoRenewInput;
}>;


export type SetAutoRenewMutation = { setAutoRenew: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type ScheduleRenewalChangeMutationVariables = Exact<{
  input: ScheduleRenewalChangeInput;
}>;


export type ScheduleRenewalChangeMutation = { scheduleRenewalChange: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type ClearRenewalChangeMutationVariables = Exact<{
  input: ClearRenewalChangeInput;
}>;


export type ClearRenewalChangeMutation = { clearRenewalChange: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, createdAt: string, updatedAt: string, viewerCanManage: boolean, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, viewerCanCancel: boolean, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, tenant: { id: string, name: string, domain: string }, offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string, createdAt: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> }, reseller: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null, partnerOfRecord: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type TenantQueryVariables = Exact<{
  id: string | number;
}>;


export type TenantQuery = { tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string }, subscriptions: Array<{ id: string, status: SubscriptionStatus, quantity: number, version: number, offer: { id: string, sku: string, name: string } }> }>, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } };

export type TenantsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type TenantsQuery = { tenants: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } }> } };

export type CustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } }> } };

export type CustomerPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  subscriptionStatus?: SubscriptionStatus | null | undefined;
}>;


export type CustomerPageQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, domain: string, countryCode: string, billingManagedBy: { id: string, name: string } | null, subscriptions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, suspendedAt: string | null, dataRetentionEndsAt: string | null, version: number, viewerCanManage: boolean, offer: { id: string, sku: string, name: string }, reseller: { id: string, name: string } | null, partnerOfRecord: { id: string, name: string } | null } }> } } }> } };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { customer: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } } };

export type TestClockQueryVariables = Exact<{ [key: string]: never; }>;


export type TestClockQuery = { testClock: { enabled: boolean, now: string, offsetSeconds: number } };

export type AdvanceTestClockMutationVariables = Exact<{
  input: AdvanceTestClockInput;
}>;


export type AdvanceTestClockMutation = { advanceTestClock: { testClock: { enabled: boolean, now: string, offsetSeconds: number } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { subject: string, roles: Array<Role>, tenant: { id: string, name: string, domain: string, countryCode: string, createdAt: string, billingManagedBy: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } | null, partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability>, createdAt: string } | null } };

export type WebhookEndpointFieldsFragment = { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string };

export type WebhookDeliveryFieldsFragment = { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, lastResponseBody: string | null, event: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } };

export type WebhookEndpointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } }> } };

export type WebhookEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhookEndpointQuery = { webhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: WebhookDeliveryStatus | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, lastResponseBody: string | null, event: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } } }> } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, webhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointMutation = { updateWebhookEndpoint: { webhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  input: DeleteWebhookEndpointInput;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { deletedId: string } };

export type RotateWebhookSecretMutationVariables = Exact<{
  input: RotateWebhookSecretInput;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, webhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } } };

export type SendTestWebhookMutationVariables = Exact<{
  input: SendTestWebhookInput;
}>;


export type SendTestWebhookMutation = { sendTestWebhook: { delivery: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, lastResponseBody: string | null, event: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } } } };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { delivery: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, lastResponseBody: string | null, event: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: unknown } | null, after: { [key: string]: unknown } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const OfferFieldsFragmentDoc = new TypedDocumentString(`
    fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
    `, {"fragmentName":"OfferFields"}) as unknown as TypedDocumentString<OfferFieldsFragment, unknown>;
export const PartnerFieldsFragmentDoc = new TypedDocumentString(`
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
    `, {"fragmentName":"PartnerFields"}) as unknown as TypedDocumentString<PartnerFieldsFragment, unknown>;
export const SubscriptionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`, {"fragmentName":"SubscriptionFields"}) as unknown as TypedDocumentString<SubscriptionFieldsFragment, unknown>;
export const PartnerRelationshipFieldsFragmentDoc = new TypedDocumentString(`
    fragment PartnerRelationshipFields on PartnerRelationship {
  kinds
  viewerCanRemove
  partner {
    ...PartnerFields
  }
  subscriptions {
    id
    status
    quantity
    version
    offer {
      id
      sku
      name
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}`, {"fragmentName":"PartnerRelationshipFields"}) as unknown as TypedDocumentString<PartnerRelationshipFieldsFragment, unknown>;
export const ResellerInvitationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ResellerInvitationFields on ResellerInvitation {
  id
  code
  expiresAt
  acceptedAt
  createdAt
  partner {
    ...PartnerFields
  }
  acceptedBy {
    id
    name
    domain
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}`, {"fragmentName":"ResellerInvitationFields"}) as unknown as TypedDocumentString<ResellerInvitationFieldsFragment, unknown>;
export const TenantFieldsFragmentDoc = new TypedDocumentString(`
    fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}`, {"fragmentName":"TenantFields"}) as unknown as TypedDocumentString<TenantFieldsFragment, unknown>;
export const ResellerRelationshipFieldsFragmentDoc = new TypedDocumentString(`
    fragment ResellerRelationshipFields on ResellerRelationship {
  id
  createdAt
  partner {
    ...PartnerFields
  }
  tenant {
    ...TenantFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}`, {"fragmentName":"ResellerRelationshipFields"}) as unknown as TypedDocumentString<ResellerRelationshipFieldsFragment, unknown>;
export const SubscriptionQuoteFieldsFragmentDoc = new TypedDocumentString(`
    fragment SubscriptionQuoteFields on SubscriptionQuote {
  quantity
  channel
  unitPriceCents
  monthlyTotalCents
  currency
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  pricePerBillingPeriodCents
  termTotalCents
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`, {"fragmentName":"SubscriptionQuoteFields"}) as unknown as TypedDocumentString<SubscriptionQuoteFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const AuditEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}
    `, {"fragmentName":"AuditEventFields"}) as unknown as TypedDocumentString<AuditEventFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  lastResponseBody
  event {
    ...AuditEventFields
  }
}
    fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}`, {"fragmentName":"WebhookDeliveryFields"}) as unknown as TypedDocumentString<WebhookDeliveryFieldsFragment, unknown>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($tenantId: ID, $first: Int, $after: String) {
  auditEvents(tenantId: $tenantId, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...AuditEventFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}`) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const LiveEventsDocument = new TypedDocumentString(`
    subscription LiveEvents($tenantId: ID, $types: [String!]) {
  events(tenantId: $tenantId, types: $types) {
    ...AuditEventFields
  }
}
    fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}`) as unknown as TypedDocumentString<LiveEventsSubscription, LiveEventsSubscriptionVariables>;
export const OffersDocument = new TypedDocumentString(`
    query Offers($first: Int, $after: String) {
  offers(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OfferFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`) as unknown as TypedDocumentString<OffersQuery, OffersQueryVariables>;
export const CreateOfferDocument = new TypedDocumentString(`
    mutation CreateOffer($input: CreateOfferInput!) {
  createOffer(input: $input) {
    offer {
      ...OfferFields
    }
  }
}
    fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`) as unknown as TypedDocumentString<CreateOfferMutation, CreateOfferMutationVariables>;
export const PartnerDocument = new TypedDocumentString(`
    query Partner($id: ID!) {
  partner(id: $id) {
    ...PartnerFields
    authorizedOffers {
      ...OfferFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`) as unknown as TypedDocumentString<PartnerQuery, PartnerQueryVariables>;
export const VerifyPartnerIdDocument = new TypedDocumentString(`
    query VerifyPartnerId($partnerId: String!) {
  verifyPartnerId(partnerId: $partnerId) {
    partnerId
    valid
    partnerName
    reason
  }
}
    `) as unknown as TypedDocumentString<VerifyPartnerIdQuery, VerifyPartnerIdQueryVariables>;
export const CreatePartnerDocument = new TypedDocumentString(`
    mutation CreatePartner($input: CreatePartnerInput!) {
  createPartner(input: $input) {
    partner {
      ...PartnerFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}`) as unknown as TypedDocumentString<CreatePartnerMutation, CreatePartnerMutationVariables>;
export const AuthorizeOfferDocument = new TypedDocumentString(`
    mutation AuthorizeOffer($input: AuthorizeOfferInput!) {
  authorizeOffer(input: $input) {
    partner {
      ...PartnerFields
      authorizedOffers {
        ...OfferFields
      }
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`) as unknown as TypedDocumentString<AuthorizeOfferMutation, AuthorizeOfferMutationVariables>;
export const RevokeOfferAuthorizationDocument = new TypedDocumentString(`
    mutation RevokeOfferAuthorization($input: RevokeOfferAuthorizationInput!) {
  revokeOfferAuthorization(input: $input) {
    partner {
      ...PartnerFields
      authorizedOffers {
        ...OfferFields
      }
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}`) as unknown as TypedDocumentString<RevokeOfferAuthorizationMutation, RevokeOfferAuthorizationMutationVariables>;
export const CreateResellerInvitationDocument = new TypedDocumentString(`
    mutation CreateResellerInvitation($input: CreateResellerInvitationInput) {
  createResellerInvitation(input: $input) {
    invitation {
      ...ResellerInvitationFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment ResellerInvitationFields on ResellerInvitation {
  id
  code
  expiresAt
  acceptedAt
  createdAt
  partner {
    ...PartnerFields
  }
  acceptedBy {
    id
    name
    domain
  }
}`) as unknown as TypedDocumentString<CreateResellerInvitationMutation, CreateResellerInvitationMutationVariables>;
export const AcceptResellerInvitationDocument = new TypedDocumentString(`
    mutation AcceptResellerInvitation($input: AcceptResellerInvitationInput!) {
  acceptResellerInvitation(input: $input) {
    relationship {
      ...ResellerRelationshipFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}
fragment ResellerRelationshipFields on ResellerRelationship {
  id
  createdAt
  partner {
    ...PartnerFields
  }
  tenant {
    ...TenantFields
  }
}`) as unknown as TypedDocumentString<AcceptResellerInvitationMutation, AcceptResellerInvitationMutationVariables>;
export const RemoveResellerRelationshipDocument = new TypedDocumentString(`
    mutation RemoveResellerRelationship($input: RemoveResellerRelationshipInput!) {
  removeResellerRelationship(input: $input) {
    tenant {
      ...TenantFields
      partnerRelationships {
        ...PartnerRelationshipFields
      }
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}
fragment PartnerRelationshipFields on PartnerRelationship {
  kinds
  viewerCanRemove
  partner {
    ...PartnerFields
  }
  subscriptions {
    id
    status
    quantity
    version
    offer {
      id
      sku
      name
    }
  }
}`) as unknown as TypedDocumentString<RemoveResellerRelationshipMutation, RemoveResellerRelationshipMutationVariables>;
export const RemoveAdvisorRelationshipDocument = new TypedDocumentString(`
    mutation RemoveAdvisorRelationship($input: RemoveAdvisorRelationshipInput!) {
  removeAdvisorRelationship(input: $input) {
    tenant {
      ...TenantFields
      partnerRelationships {
        ...PartnerRelationshipFields
      }
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}
fragment PartnerRelationshipFields on PartnerRelationship {
  kinds
  viewerCanRemove
  partner {
    ...PartnerFields
  }
  subscriptions {
    id
    status
    quantity
    version
    offer {
      id
      sku
      name
    }
  }
}`) as unknown as TypedDocumentString<RemoveAdvisorRelationshipMutation, RemoveAdvisorRelationshipMutationVariables>;
export const SubscriptionDocument = new TypedDocumentString(`
    query Subscription($id: ID!) {
  subscription(id: $id) {
    ...SubscriptionFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<SubscriptionQuery, SubscriptionQueryVariables>;
export const SubscriptionsDocument = new TypedDocumentString(`
    query Subscriptions($tenantId: ID!, $first: Int, $after: String, $status: SubscriptionStatus) {
  subscriptions(
    tenantId: $tenantId
    first: $first
    after: $after
    status: $status
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...SubscriptionFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<SubscriptionsQuery, SubscriptionsQueryVariables>;
export const QuoteSubscriptionDocument = new TypedDocumentString(`
    query QuoteSubscription($input: QuoteSubscriptionInput!) {
  quoteSubscription(input: $input) {
    ...SubscriptionQuoteFields
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionQuoteFields on SubscriptionQuote {
  quantity
  channel
  unitPriceCents
  monthlyTotalCents
  currency
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  pricePerBillingPeriodCents
  termTotalCents
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<QuoteSubscriptionQuery, QuoteSubscriptionQueryVariables>;
export const PurchaseSubscriptionDocument = new TypedDocumentString(`
    mutation PurchaseSubscription($input: PurchaseSubscriptionInput!) {
  purchaseSubscription(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<PurchaseSubscriptionMutation, PurchaseSubscriptionMutationVariables>;
export const SetPartnerOfRecordDocument = new TypedDocumentString(`
    mutation SetPartnerOfRecord($input: SetPartnerOfRecordInput!) {
  setPartnerOfRecord(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<SetPartnerOfRecordMutation, SetPartnerOfRecordMutationVariables>;
export const ChangeLicenseQuantityDocument = new TypedDocumentString(`
    mutation ChangeLicenseQuantity($input: ChangeLicenseQuantityInput!) {
  changeLicenseQuantity(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<ChangeLicenseQuantityMutation, ChangeLicenseQuantityMutationVariables>;
export const SuspendSubscriptionDocument = new TypedDocumentString(`
    mutation SuspendSubscription($input: SuspendSubscriptionInput!) {
  suspendSubscription(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<SuspendSubscriptionMutation, SuspendSubscriptionMutationVariables>;
export const ReactivateSubscriptionDocument = new TypedDocumentString(`
    mutation ReactivateSubscription($input: ReactivateSubscriptionInput!) {
  reactivateSubscription(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<ReactivateSubscriptionMutation, ReactivateSubscriptionMutationVariables>;
export const CancelSubscriptionDocument = new TypedDocumentString(`
    mutation CancelSubscription($input: CancelSubscriptionInput!) {
  cancelSubscription(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<CancelSubscriptionMutation, CancelSubscriptionMutationVariables>;
export const SetAutoRenewDocument = new TypedDocumentString(`
    mutation SetAutoRenew($input: SetAutoRenewInput!) {
  setAutoRenew(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<SetAutoRenewMutation, SetAutoRenewMutationVariables>;
export const ScheduleRenewalChangeDocument = new TypedDocumentString(`
    mutation ScheduleRenewalChange($input: ScheduleRenewalChangeInput!) {
  scheduleRenewalChange(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<ScheduleRenewalChangeMutation, ScheduleRenewalChangeMutationVariables>;
export const ClearRenewalChangeDocument = new TypedDocumentString(`
    mutation ClearRenewalChange($input: ClearRenewalChangeInput!) {
  clearRenewalChange(input: $input) {
    subscription {
      ...SubscriptionFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment OfferFields on Offer {
  id
  sku
  name
  minQuantity
  maxQuantity
  unitPriceCents
  currency
  createdAt
  terms {
    termDuration
    billingCycle
    unitPriceCents
  }
}
fragment SubscriptionFields on Subscription {
  id
  quantity
  status
  channel
  suspendedAt
  dataRetentionEndsAt
  version
  createdAt
  updatedAt
  viewerCanManage
  termDuration
  billingCycle
  autoRenew
  termStartsAt
  termEndsAt
  cancellationAllowedUntil
  quantityFloor
  scheduledChange {
    quantity
    termDuration
    billingCycle
  }
  cancelledAt
  expiredAt
  viewerCanCancel
  tenant {
    id
    name
    domain
  }
  offer {
    ...OfferFields
  }
  reseller {
    ...PartnerFields
  }
  partnerOfRecord {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<ClearRenewalChangeMutation, ClearRenewalChangeMutationVariables>;
export const TenantDocument = new TypedDocumentString(`
    query Tenant($id: ID!) {
  tenant(id: $id) {
    ...TenantFields
    partnerRelationships {
      ...PartnerRelationshipFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}
fragment PartnerRelationshipFields on PartnerRelationship {
  kinds
  viewerCanRemove
  partner {
    ...PartnerFields
  }
  subscriptions {
    id
    status
    quantity
    version
    offer {
      id
      sku
      name
    }
  }
}`) as unknown as TypedDocumentString<TenantQuery, TenantQueryVariables>;
export const TenantsDocument = new TypedDocumentString(`
    query Tenants($first: Int, $after: String, $search: String) {
  tenants(first: $first, after: $after, search: $search) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...TenantFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<TenantsQuery, TenantsQueryVariables>;
export const CustomersDocument = new TypedDocumentString(`
    query Customers($first: Int, $after: String, $search: String) {
  customers(first: $first, after: $after, search: $search) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...TenantFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<CustomersQuery, CustomersQueryVariables>;
export const CustomerPageDocument = new TypedDocumentString(`
    query CustomerPage($first: Int, $after: String, $search: String, $subscriptionStatus: SubscriptionStatus) {
  customers(first: $first, after: $after, search: $search) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      node {
        id
        name
        domain
        countryCode
        billingManagedBy {
          id
          name
        }
        subscriptions(first: 10, status: $subscriptionStatus) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              id
              quantity
              status
              channel
              suspendedAt
              dataRetentionEndsAt
              version
              viewerCanManage
              offer {
                id
                sku
                name
              }
              reseller {
                id
                name
              }
              partnerOfRecord {
                id
                name
              }
            }
          }
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<CustomerPageQuery, CustomerPageQueryVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: CreateTenantInput!) {
  createTenant(input: $input) {
    tenant {
      ...TenantFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const CreateCustomerDocument = new TypedDocumentString(`
    mutation CreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer {
      ...TenantFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const TestClockDocument = new TypedDocumentString(`
    query TestClock {
  testClock {
    enabled
    now
    offsetSeconds
  }
}
    `) as unknown as TypedDocumentString<TestClockQuery, TestClockQueryVariables>;
export const AdvanceTestClockDocument = new TypedDocumentString(`
    mutation AdvanceTestClock($input: AdvanceTestClockInput!) {
  advanceTestClock(input: $input) {
    testClock {
      enabled
      now
      offsetSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<AdvanceTestClockMutation, AdvanceTestClockMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    subject
    roles
    tenant {
      ...TenantFields
    }
    partner {
      ...PartnerFields
    }
  }
}
    fragment PartnerFields on Partner {
  id
  name
  countryCode
  capabilities
  createdAt
}
fragment TenantFields on Tenant {
  id
  name
  domain
  countryCode
  createdAt
  billingManagedBy {
    ...PartnerFields
  }
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints($first: Int, $after: String) {
  webhookEndpoints(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...WebhookEndpointFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookEndpointDocument = new TypedDocumentString(`
    query WebhookEndpoint($id: ID!) {
  webhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<WebhookEndpointQuery, WebhookEndpointQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(
    endpointId: $endpointId
    first: $first
    after: $after
    status: $status
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...WebhookDeliveryFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}
fragment WebhookDeliveryFields on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  lastResponseBody
  event {
    ...AuditEventFields
  }
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    secret
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) {
    deletedId
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
  rotateWebhookSecret(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    secret
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($input: SendTestWebhookInput!) {
  sendTestWebhook(input: $input) {
    delivery {
      ...WebhookDeliveryFields
    }
  }
}
    fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}
fragment WebhookDeliveryFields on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  lastResponseBody
  event {
    ...AuditEventFields
  }
}`) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    delivery {
      ...WebhookDeliveryFields
    }
  }
}
    fragment AuditEventFields on AuditEvent {
  id
  at
  action
  targetType
  targetId
  tenantId
  before
  after
  requestId
  actor {
    subject
    roles
    tenantId
    partnerId
  }
}
fragment WebhookDeliveryFields on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  lastResponseBody
  event {
    ...AuditEventFields
  }
}`) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;