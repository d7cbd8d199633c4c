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
export type BillingCycle =
  | 'ANNUAL'
  | 'MONTHLY'
  | 'TRIENNIAL';

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
export type PartnerCapability =
  | 'ADVISOR'
  | 'RESELLER';

/** Why a Partner ID cannot be partner of record. */
export type PartnerIdProblem =
  /** Not a Partner ID: a Partner ID is 6 to 10 digits and does not start with 0. */
  | 'INVALID_FORMAT'
  /** The partner exists but is not an advisor. */
  | 'NOT_ADVISOR'
  /** No partner has this ID. */
  | 'NOT_FOUND';

/** How a partner relates to a tenant: as its reseller, or as partner of record (advisor) on subscriptions. */
export type PartnerRelationshipKind =
  | 'ADVISOR'
  | 'RESELLER';

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
export type Role =
  | 'PARTNER_ADMIN_AGENT'
  | 'PARTNER_HELPDESK_AGENT'
  | 'PARTNER_SALES_AGENT'
  | 'PLATFORM_ADMIN'
  | 'TENANT_BILLING_ADMIN'
  | 'TENANT_GLOBAL_ADMIN'
  | 'TENANT_READER';

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
export type SubscriptionChannel =
  | 'DIRECT'
  | 'RESELLER';

/** ACTIVE → SUSPENDED (cancellation starts) → DELETED once data retention ends; SUSPENDED → ACTIVE before then. ACTIVE or SUSPENDED → EXPIRED when cancelled inside the cancellation window or when a term ends without renewal; EXPIRED → DELETED once data retention ends. */
export type SubscriptionStatus =
  | 'ACTIVE'
  | 'DELETED'
  | 'EXPIRED'
  | 'SUSPENDED';

/** Suspend an active subscription, starting its cancellation. */
export type SuspendSubscriptionInput = {
  /** The version you read; a stale one is refused with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The subscription to suspend. */
  subscriptionId: string | number;
};

/** A commitment term as an ISO 8601 duration: P1M one month, P1Y one year, P3Y three years. */
export type TermDuration =
  /** One month. */
  | 'P1M'
  /** One year. */
  | 'P1Y'
  /** Three years. */
  | 'P3Y';

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
export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type RelationshipsPageQueryVariables = Exact<{
  id: string | number;
}>;


export type RelationshipsPageQuery = { tenant: { id: string, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string, name: string }, subscriptions: Array<{ id: string, partnerOfRecord: { id: string } | null }> }> } };

export type QuoteWithNamesQueryVariables = Exact<{
  input: QuoteSubscriptionInput;
}>;


export type QuoteWithNamesQuery = { quoteSubscription: { quantity: number, channel: SubscriptionChannel, unitPriceCents: number, monthlyTotalCents: number, currency: string, tenant: { id: string }, offer: { id: string, sku: string, name: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null } };

export type TermQuoteQueryVariables = Exact<{
  input: QuoteSubscriptionInput;
}>;


export type TermQuoteQuery = { quoteSubscription: { termDuration: TermDuration, billingCycle: BillingCycle, pricePerBillingPeriodCents: number, termTotalCents: number, monthlyTotalCents: number } };

export type SubscriptionsPageQueryVariables = Exact<{
  tenantId: string | number;
  status?: SubscriptionStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SubscriptionsPageQuery = { subscriptions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: SubscriptionStatus, quantity: number, viewerCanManage: boolean, offer: { id: string } } }> } };

export type TenantSubscriptionsByStatusQueryVariables = Exact<{
  id: string | number;
  status?: SubscriptionStatus | null | undefined;
}>;


export type TenantSubscriptionsByStatusQuery = { tenant: { subscriptions: { totalCount: number, edges: Array<{ node: { id: string, status: SubscriptionStatus, viewerCanManage: boolean } }> } } };

export type VersionAndPartnerQueryVariables = Exact<{
  id: string | number;
}>;


export type VersionAndPartnerQuery = { subscription: { version: number, partnerOfRecord: { id: string } | null } };

export type ReadTenantQueryVariables = Exact<{
  id: string | number;
}>;


export type ReadTenantQuery = { tenant: { id: string } };

export type SubscriptionAccessQueryVariables = Exact<{
  id: string | number;
}>;


export type SubscriptionAccessQuery = { subscription: { id: string, status: SubscriptionStatus, viewerCanManage: boolean } };

export type VisibleTrailQueryVariables = Exact<{
  tenantId?: string | number | null | undefined;
}>;


export type VisibleTrailQuery = { auditEvents: { edges: Array<{ node: { action: string, targetId: string, actor: { subject: string | null, tenantId: string | null, partnerId: string | null } } }> } };

export type ViewerScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerScopeQuery = { viewer: { subject: string, roles: Array<Role>, tenant: { id: string } | null, partner: { id: string } | null } };

export type CustomerIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerIdsQuery = { customers: { totalCount: number, edges: Array<{ node: { id: string } }> } };

export type OffersPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OffersPageQuery = { offers: { edges: Array<{ node: { sku: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SubscriptionViewFragment = { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } };

export type AuditEventViewFragment = { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: any } | null, after: { [key: string]: any } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { tenant: { id: string, name: string, domain: string, countryCode: string, billingManagedBy: { id: string } | null } } };

export type CreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type CreatePartnerMutation = { createPartner: { partner: { id: string, name: string, countryCode: string, capabilities: Array<PartnerCapability> } } };

export type CreateOfferMutationVariables = Exact<{
  input: CreateOfferInput;
}>;


export type CreateOfferMutation = { createOffer: { offer: { id: string, sku: string, name: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, currency: string } } };

export type AuthorizeOfferMutationVariables = Exact<{
  input: AuthorizeOfferInput;
}>;


export type AuthorizeOfferMutation = { authorizeOffer: { partner: { id: string, authorizedOffers: Array<{ sku: string }> | null } } };

export type RevokeOfferAuthorizationMutationVariables = Exact<{
  input: RevokeOfferAuthorizationInput;
}>;


export type RevokeOfferAuthorizationMutation = { revokeOfferAuthorization: { partner: { id: string, authorizedOffers: Array<{ sku: string }> | null } } };

export type PurchaseSubscriptionMutationVariables = Exact<{
  input: PurchaseSubscriptionInput;
}>;


export type PurchaseSubscriptionMutation = { purchaseSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } } };

export type QuoteSubscriptionQueryVariables = Exact<{
  input: QuoteSubscriptionInput;
}>;


export type QuoteSubscriptionQuery = { quoteSubscription: { quantity: number, channel: SubscriptionChannel, unitPriceCents: number, monthlyTotalCents: number, currency: string, tenant: { id: string }, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string } | null } };

export type ChangeLicenseQuantityMutationVariables = Exact<{
  input: ChangeLicenseQuantityInput;
}>;


export type ChangeLicenseQuantityMutation = { changeLicenseQuantity: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } } };

export type SuspendSubscriptionMutationVariables = Exact<{
  input: SuspendSubscriptionInput;
}>;


export type SuspendSubscriptionMutation = { suspendSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } } };

export type ReactivateSubscriptionMutationVariables = Exact<{
  input: ReactivateSubscriptionInput;
}>;


export type ReactivateSubscriptionMutation = { reactivateSubscription: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } } };

export type SetPartnerOfRecordMutationVariables = Exact<{
  input: SetPartnerOfRecordInput;
}>;


export type SetPartnerOfRecordMutation = { setPartnerOfRecord: { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } } };

export type GetSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type GetSubscriptionQuery = { subscription: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } };

export type GetSubscriptionsQueryVariables = Exact<{
  tenantId: string | number;
  status?: SubscriptionStatus | null | undefined;
}>;


export type GetSubscriptionsQuery = { subscriptions: { totalCount: number, edges: Array<{ node: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } }> } };

export type GetTenantsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type GetTenantsQuery = { tenants: { totalCount: number, edges: Array<{ node: { id: string, name: string } }> } };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { customer: { id: string, name: string, domain: string, countryCode: string, billingManagedBy: { id: string } | null } } };

export type GetTenantQueryVariables = Exact<{
  id: string | number;
}>;


export type GetTenantQuery = { tenant: { id: string, name: string, domain: string, countryCode: string, billingManagedBy: { id: string } | null, subscriptions: { totalCount: number, edges: Array<{ node: { id: string, quantity: number, status: SubscriptionStatus, channel: SubscriptionChannel, version: number, viewerCanManage: boolean, suspendedAt: string | null, dataRetentionEndsAt: string | null, createdAt: string, updatedAt: string, offer: { id: string, sku: string }, reseller: { id: string } | null, partnerOfRecord: { id: string, name: string } | null, tenant: { id: string } } }> } } };

export type GetCustomersQueryVariables = Exact<{
  search?: string | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type GetCustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, domain: string, billingManagedBy: { id: string } | null } }> } };

export type GetPartnerRelationshipsQueryVariables = Exact<{
  id: string | number;
}>;


export type GetPartnerRelationshipsQuery = { tenant: { id: string, billingManagedBy: { id: string } | null, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string } }> } };

export type VerifyPartnerIdQueryVariables = Exact<{
  partnerId: string;
}>;


export type VerifyPartnerIdQuery = { verifyPartnerId: { partnerId: string, valid: boolean, partnerName: string | null, reason: PartnerIdProblem | null } };

export type CreateResellerInvitationMutationVariables = Exact<{
  input?: CreateResellerInvitationInput | null | undefined;
}>;


export type CreateResellerInvitationMutation = { createResellerInvitation: { invitation: { id: string, code: string, expiresAt: string, createdAt: string, acceptedAt: string | null, partner: { id: string } } } };

export type AcceptResellerInvitationMutationVariables = Exact<{
  input: AcceptResellerInvitationInput;
}>;


export type AcceptResellerInvitationMutation = { acceptResellerInvitation: { relationship: { partner: { id: string }, tenant: { id: string, billingManagedBy: { id: string } | null } } } };

export type RemoveResellerRelationshipMutationVariables = Exact<{
  input: RemoveResellerRelationshipInput;
}>;


export type RemoveResellerRelationshipMutation = { removeResellerRelationship: { tenant: { id: string, billingManagedBy: { id: string } | null } } };

export type RemoveAdvisorRelationshipMutationVariables = Exact<{
  input: RemoveAdvisorRelationshipInput;
}>;


export type RemoveAdvisorRelationshipMutation = { removeAdvisorRelationship: { tenant: { id: string, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { id: string }, subscriptions: Array<{ id: string }> }> } } };

export type GetPartnerQueryVariables = Exact<{
  id: string | number;
}>;


export type GetPartnerQuery = { partner: { id: string, name: string, capabilities: Array<PartnerCapability>, authorizedOffers: Array<{ sku: string }> | null } };

export type GetOffersQueryVariables = Exact<{ [key: string]: never; }>;


export type GetOffersQuery = { offers: { totalCount: number, edges: Array<{ node: { id: string, sku: string } }> } };

export type GetAuditEventsQueryVariables = Exact<{
  tenantId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GetAuditEventsQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, action: string, targetType: string, targetId: string, tenantId: string | null, before: { [key: string]: any } | null, after: { [key: string]: any } | null, requestId: string, actor: { subject: string | null, roles: Array<Role>, tenantId: string | null, partnerId: string | null } } }> } };

export type GetViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type GetViewerQuery = { viewer: { subject: string, roles: Array<Role> } };

export type TermViewFragment = { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null };

export type GetTermQueryVariables = Exact<{
  id: string | number;
}>;


export type GetTermQuery = { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } };

export type CreateTermOfferMutationVariables = Exact<{
  input: CreateOfferInput;
}>;


export type CreateTermOfferMutation = { createOffer: { offer: { id: string, sku: string, minQuantity: number, maxQuantity: number, unitPriceCents: number, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> } } };

export type PurchaseTermMutationVariables = Exact<{
  input: PurchaseSubscriptionInput;
}>;


export type PurchaseTermMutation = { purchaseSubscription: { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } } };

export type QuoteTermQueryVariables = Exact<{
  input: QuoteSubscriptionInput;
}>;


export type QuoteTermQuery = { quoteSubscription: { quantity: number, channel: SubscriptionChannel, currency: string, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, unitPriceCents: number, pricePerBillingPeriodCents: number, termTotalCents: number, monthlyTotalCents: number } };

export type ChangeTermQuantityMutationVariables = Exact<{
  input: ChangeLicenseQuantityInput;
}>;


export type ChangeTermQuantityMutation = { changeLicenseQuantity: { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } } };

export type CancelSubscriptionMutationVariables = Exact<{
  input: CancelSubscriptionInput;
}>;


export type CancelSubscriptionMutation = { cancelSubscription: { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } } };

export type SetAutoRenewMutationVariables = Exact<{
  input: SetAutoRenewInput;
}>;


export type SetAutoRenewMutation = { setAutoRenew: { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } } };

export type ScheduleRenewalChangeMutationVariables = Exact<{
  input: ScheduleRenewalChangeInput;
}>;


export type ScheduleRenewalChangeMutation = { scheduleRenewalChange: { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } } };

export type ClearRenewalChangeMutationVariables = Exact<{
  input: ClearRenewalChangeInput;
}>;


export type ClearRenewalChangeMutation = { clearRenewalChange: { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, channel: SubscriptionChannel, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, suspendedAt: string | null, dataRetentionEndsAt: string | null, viewerCanCancel: boolean, viewerCanManage: boolean, createdAt: string, updatedAt: string, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string }, tenant: { id: string }, partnerOfRecord: { id: string } | null } } };

export type DomainTimeQueryVariables = Exact<{ [key: string]: never; }>;


export type DomainTimeQuery = { testClock: { enabled: boolean, now: string, offsetSeconds: number } };

export type MoveDomainTimeMutationVariables = Exact<{
  input: AdvanceTestClockInput;
}>;


export type MoveDomainTimeMutation = { advanceTestClock: { testClock: { enabled: boolean, now: string, offsetSeconds: number } } };

export type WebhookEndpointViewFragment = { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string };

export type WebhookDeliveryViewFragment = { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, event: { id: string, action: string, targetType: string, targetId: string, tenantId: string | null, actor: { subject: string | null, tenantId: string | null, partnerId: string | null } } };

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


export type SendTestWebhookMutation = { sendTestWebhook: { delivery: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, event: { id: string, action: string, targetType: string, targetId: string, tenantId: string | null, actor: { subject: string | null, tenantId: string | null, partnerId: string | null } } } } };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { delivery: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, event: { id: string, action: string, targetType: string, targetId: string, tenantId: string | null, actor: { subject: string | null, tenantId: string | null, partnerId: string | null } } } } };

export type GetWebhookEndpointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GetWebhookEndpointsQuery = { webhookEndpoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } }> } };

export type GetWebhookEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type GetWebhookEndpointQuery = { webhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string, enabled: boolean, disabledReason: string | null, createdAt: string } };

export type GetWebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: WebhookDeliveryStatus | null | undefined;
}>;


export type GetWebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, event: { id: string, action: string, targetType: string, targetId: string, tenantId: string | null, actor: { subject: string | null, tenantId: string | null, partnerId: string | null } } } }> } };

export type LiveEventsFromAnyInstanceSubscriptionVariables = Exact<{
  tenantId?: string | number | null | undefined;
}>;


export type LiveEventsFromAnyInstanceSubscription = { events: { id: string, action: string, targetId: string } };

export type LiveEventsSubscriptionVariables = Exact<{
  tenantId?: string | number | null | undefined;
  types?: Array<string> | string | null | undefined;
}>;


export type LiveEventsSubscription = { events: { id: string, action: string, tenantId: string | null, targetId: string, actor: { subject: string | null, tenantId: string | null, partnerId: string | null } } };

export type CountedCustomersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CountedCustomersQuery = { customers: { edges: Array<{ node: { subscriptions: { edges: Array<{ node: { offer: { name: string }, partnerOfRecord: { name: string } | null, reseller: { name: string } | null } }> }, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind> }> } }> } };

export type CountedCustomersWideQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CountedCustomersWideQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, billingManagedBy: { id: string, name: string } | null, subscriptions: { totalCount: number, edges: Array<{ node: { id: string, quantity: number, viewerCanManage: boolean, offer: { name: string }, tenant: { name: string }, partnerOfRecord: { name: string } | null, reseller: { name: string, authorizedOffers: Array<{ sku: string }> | null } | null } }> }, partnerRelationships: Array<{ kinds: Array<PartnerRelationshipKind>, viewerCanRemove: boolean, partner: { name: string }, subscriptions: Array<{ id: string, offer: { sku: string } }> }> } }> } };

export type CountedSubscriptionsQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type CountedSubscriptionsQuery = { subscriptions: { edges: Array<{ node: { id: string, quantity: number, viewerCanManage: boolean, offer: { name: string }, tenant: { name: string }, partnerOfRecord: { name: string } | null, reseller: { name: string } | null } }> } };

export type CountedCustomersPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CountedCustomersPageQuery = { customers: { pageInfo: { endCursor: string | null }, edges: Array<{ node: { subscriptions: { edges: Array<{ node: { offer: { name: string } } }> } } }> } };

export type InvitationWithoutInputMutationVariables = Exact<{ [key: string]: never; }>;


export type InvitationWithoutInputMutation = { createResellerInvitation: { invitation: { code: string, expiresAt: string, createdAt: string } } };

export type LargeResellerPageQueryVariables = Exact<{ [key: string]: never; }>;


export type LargeResellerPageQuery = { customers: { totalCount: number, edges: Array<{ node: { id: string, subscriptions: { edges: Array<{ node: { offer: { name: string } } }> } } }> } };

export type TermEventsCreateEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type TermEventsCreateEndpointMutation = { createWebhookEndpoint: { secret: string, webhookEndpoint: { id: string } } };

export type TermEventsAdvanceMutationVariables = Exact<{
  input: AdvanceTestClockInput;
}>;


export type TermEventsAdvanceMutation = { advanceTestClock: { testClock: { now: string, offsetSeconds: number } } };

export type TermEventsSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type TermEventsSubscriptionQuery = { subscription: { id: string, status: SubscriptionStatus, quantity: number, version: number, createdAt: string, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancelledAt: string | null, expiredAt: string | null, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null } };

export type TermEventsSetAutoRenewMutationVariables = Exact<{
  input: SetAutoRenewInput;
}>;


export type TermEventsSetAutoRenewMutation = { setAutoRenew: { subscription: { id: string, autoRenew: boolean, version: number } } };

export type TermEventsScheduleMutationVariables = Exact<{
  input: ScheduleRenewalChangeInput;
}>;


export type TermEventsScheduleMutation = { scheduleRenewalChange: { subscription: { id: string, version: number, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null } } };

export type TermEventsClearMutationVariables = Exact<{
  input: ClearRenewalChangeInput;
}>;


export type TermEventsClearMutation = { clearRenewalChange: { subscription: { id: string, version: number, scheduledChange: { quantity: number | null } | null } } };

export type TermEventsCancelMutationVariables = Exact<{
  input: CancelSubscriptionInput;
}>;


export type TermEventsCancelMutation = { cancelSubscription: { subscription: { id: string, status: SubscriptionStatus, cancelledAt: string | null, expiredAt: string | null, termEndsAt: string, autoRenew: boolean, scheduledChange: { quantity: number | null } | null } } };

export type TermEventsLiveSubscriptionVariables = Exact<{
  tenantId?: string | number | null | undefined;
  types?: Array<string> | string | null | undefined;
}>;


export type TermEventsLiveSubscription = { events: { id: string, action: string, tenantId: string | null, targetId: string, at: string, before: { [key: string]: any } | null, after: { [key: string]: any } | null } };

export type TestClockOfInstanceQueryVariables = Exact<{ [key: string]: never; }>;


export type TestClockOfInstanceQuery = { testClock: { now: string, offsetSeconds: number } };

export type AdvanceTestClockOnInstanceMutationVariables = Exact<{
  input: AdvanceTestClockInput;
}>;


export type AdvanceTestClockOnInstanceMutation = { advanceTestClock: { testClock: { now: string, offsetSeconds: number } } };

export type TestClockQueryVariables = Exact<{ [key: string]: never; }>;


export type TestClockQuery = { testClock: { enabled: boolean, now: string, offsetSeconds: number } };

export type AdvanceTestClockMutationVariables = Exact<{
  input: AdvanceTestClockInput;
}>;


export type AdvanceTestClockMutation = { advanceTestClock: { testClock: { enabled: boolean, now: string, offsetSeconds: number } } };

export type UpgradedSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type UpgradedSubscriptionQuery = { subscription: { id: string, status: SubscriptionStatus, quantity: number, createdAt: string, termDuration: TermDuration, billingCycle: BillingCycle, autoRenew: boolean, termStartsAt: string, termEndsAt: string, cancellationAllowedUntil: string, quantityFloor: number, cancelledAt: string | null, expiredAt: string | null, scheduledChange: { quantity: number | null, termDuration: TermDuration | null, billingCycle: BillingCycle | null } | null, offer: { id: string, terms: Array<{ termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number }> } } };

export type DispatchCreateEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type DispatchCreateEndpointMutation = { createWebhookEndpoint: { secret: string, webhookEndpoint: { id: string } } };

export type DispatchRotateSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type DispatchRotateSecretMutation = { rotateWebhookSecret: { secret: string } };

export type DispatchRedeliverMutationVariables = Exact<{
  deliveryId: string | number;
}>;


export type DispatchRedeliverMutation = { redeliverWebhook: { delivery: { id: string, status: WebhookDeliveryStatus } } };

export type DispatchEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type DispatchEndpointQuery = { webhookEndpoint: { id: string, enabled: boolean, disabledReason: string | null } };

export type DispatchDeliveryLogQueryVariables = Exact<{
  endpointId: string | number;
}>;


export type DispatchDeliveryLogQuery = { webhookDeliveries: { edges: Array<{ node: { id: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, lastResponseBody: string | null, event: { id: string, action: string, targetId: string } } }> } };

export type DurabilityCreateEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type DurabilityCreateEndpointMutation = { createWebhookEndpoint: { webhookEndpoint: { id: string } } };

export type FairnessCreateEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type FairnessCreateEndpointMutation = { createWebhookEndpoint: { webhookEndpoint: { id: string } } };

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
export const SubscriptionViewFragmentDoc = new TypedDocumentString(`
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}
    `, {"fragmentName":"SubscriptionView"}) as unknown as TypedDocumentString<SubscriptionViewFragment, unknown>;
export const AuditEventViewFragmentDoc = new TypedDocumentString(`
    fragment AuditEventView on AuditEvent {
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
    `, {"fragmentName":"AuditEventView"}) as unknown as TypedDocumentString<AuditEventViewFragment, unknown>;
export const TermViewFragmentDoc = new TypedDocumentString(`
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}
    `, {"fragmentName":"TermView"}) as unknown as TypedDocumentString<TermViewFragment, unknown>;
export const WebhookEndpointViewFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointView on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}
    `, {"fragmentName":"WebhookEndpointView"}) as unknown as TypedDocumentString<WebhookEndpointViewFragment, unknown>;
export const WebhookDeliveryViewFragmentDoc = new TypedDocumentString(`
    fragment WebhookDeliveryView on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  event {
    id
    action
    targetType
    targetId
    tenantId
    actor {
      subject
      tenantId
      partnerId
    }
  }
}
    `, {"fragmentName":"WebhookDeliveryView"}) as unknown as TypedDocumentString<WebhookDeliveryViewFragment, unknown>;
export const RelationshipsPageDocument = new TypedDocumentString(`
    query RelationshipsPage($id: ID!) {
  tenant(id: $id) {
    id
    partnerRelationships {
      kinds
      viewerCanRemove
      partner {
        id
        name
      }
      subscriptions {
        id
        partnerOfRecord {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RelationshipsPageQuery, RelationshipsPageQueryVariables>;
export const QuoteWithNamesDocument = new TypedDocumentString(`
    query QuoteWithNames($input: QuoteSubscriptionInput!) {
  quoteSubscription(input: $input) {
    tenant {
      id
    }
    offer {
      id
      sku
      name
    }
    quantity
    channel
    reseller {
      id
    }
    partnerOfRecord {
      id
      name
    }
    unitPriceCents
    monthlyTotalCents
    currency
  }
}
    `) as unknown as TypedDocumentString<QuoteWithNamesQuery, QuoteWithNamesQueryVariables>;
export const TermQuoteDocument = new TypedDocumentString(`
    query TermQuote($input: QuoteSubscriptionInput!) {
  quoteSubscription(input: $input) {
    termDuration
    billingCycle
    pricePerBillingPeriodCents
    termTotalCents
    monthlyTotalCents
  }
}
    `) as unknown as TypedDocumentString<TermQuoteQuery, TermQuoteQueryVariables>;
export const SubscriptionsPageDocument = new TypedDocumentString(`
    query SubscriptionsPage($tenantId: ID!, $status: SubscriptionStatus, $first: Int, $after: String) {
  subscriptions(
    tenantId: $tenantId
    status: $status
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        status
        quantity
        viewerCanManage
        offer {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsPageQuery, SubscriptionsPageQueryVariables>;
export const TenantSubscriptionsByStatusDocument = new TypedDocumentString(`
    query TenantSubscriptionsByStatus($id: ID!, $status: SubscriptionStatus) {
  tenant(id: $id) {
    subscriptions(status: $status) {
      totalCount
      edges {
        node {
          id
          status
          viewerCanManage
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantSubscriptionsByStatusQuery, TenantSubscriptionsByStatusQueryVariables>;
export const VersionAndPartnerDocument = new TypedDocumentString(`
    query VersionAndPartner($id: ID!) {
  subscription(id: $id) {
    version
    partnerOfRecord {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<VersionAndPartnerQuery, VersionAndPartnerQueryVariables>;
export const ReadTenantDocument = new TypedDocumentString(`
    query ReadTenant($id: ID!) {
  tenant(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReadTenantQuery, ReadTenantQueryVariables>;
export const SubscriptionAccessDocument = new TypedDocumentString(`
    query SubscriptionAccess($id: ID!) {
  subscription(id: $id) {
    id
    status
    viewerCanManage
  }
}
    `) as unknown as TypedDocumentString<SubscriptionAccessQuery, SubscriptionAccessQueryVariables>;
export const VisibleTrailDocument = new TypedDocumentString(`
    query VisibleTrail($tenantId: ID) {
  auditEvents(tenantId: $tenantId, first: 100) {
    edges {
      node {
        action
        targetId
        actor {
          subject
          tenantId
          partnerId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VisibleTrailQuery, VisibleTrailQueryVariables>;
export const ViewerScopeDocument = new TypedDocumentString(`
    query ViewerScope {
  viewer {
    subject
    roles
    tenant {
      id
    }
    partner {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerScopeQuery, ViewerScopeQueryVariables>;
export const CustomerIdsDocument = new TypedDocumentString(`
    query CustomerIds {
  customers(first: 100) {
    totalCount
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerIdsQuery, CustomerIdsQueryVariables>;
export const OffersPageDocument = new TypedDocumentString(`
    query OffersPage($first: Int, $after: String) {
  offers(first: $first, after: $after) {
    edges {
      node {
        sku
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OffersPageQuery, OffersPageQueryVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: CreateTenantInput!) {
  createTenant(input: $input) {
    tenant {
      id
      name
      domain
      countryCode
      billingManagedBy {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const CreatePartnerDocument = new TypedDocumentString(`
    mutation CreatePartner($input: CreatePartnerInput!) {
  createPartner(input: $input) {
    partner {
      id
      name
      countryCode
      capabilities
    }
  }
}
    `) as unknown as TypedDocumentString<CreatePartnerMutation, CreatePartnerMutationVariables>;
export const CreateOfferDocument = new TypedDocumentString(`
    mutation CreateOffer($input: CreateOfferInput!) {
  createOffer(input: $input) {
    offer {
      id
      sku
      name
      minQuantity
      maxQuantity
      unitPriceCents
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<CreateOfferMutation, CreateOfferMutationVariables>;
export const AuthorizeOfferDocument = new TypedDocumentString(`
    mutation AuthorizeOffer($input: AuthorizeOfferInput!) {
  authorizeOffer(input: $input) {
    partner {
      id
      authorizedOffers {
        sku
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthorizeOfferMutation, AuthorizeOfferMutationVariables>;
export const RevokeOfferAuthorizationDocument = new TypedDocumentString(`
    mutation RevokeOfferAuthorization($input: RevokeOfferAuthorizationInput!) {
  revokeOfferAuthorization(input: $input) {
    partner {
      id
      authorizedOffers {
        sku
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeOfferAuthorizationMutation, RevokeOfferAuthorizationMutationVariables>;
export const PurchaseSubscriptionDocument = new TypedDocumentString(`
    mutation PurchaseSubscription($input: PurchaseSubscriptionInput!) {
  purchaseSubscription(input: $input) {
    subscription {
      ...SubscriptionView
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<PurchaseSubscriptionMutation, PurchaseSubscriptionMutationVariables>;
export const QuoteSubscriptionDocument = new TypedDocumentString(`
    query QuoteSubscription($input: QuoteSubscriptionInput!) {
  quoteSubscription(input: $input) {
    tenant {
      id
    }
    offer {
      id
      sku
    }
    quantity
    channel
    reseller {
      id
    }
    partnerOfRecord {
      id
    }
    unitPriceCents
    monthlyTotalCents
    currency
  }
}
    `) as unknown as TypedDocumentString<QuoteSubscriptionQuery, QuoteSubscriptionQueryVariables>;
export const ChangeLicenseQuantityDocument = new TypedDocumentString(`
    mutation ChangeLicenseQuantity($input: ChangeLicenseQuantityInput!) {
  changeLicenseQuantity(input: $input) {
    subscription {
      ...SubscriptionView
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<ChangeLicenseQuantityMutation, ChangeLicenseQuantityMutationVariables>;
export const SuspendSubscriptionDocument = new TypedDocumentString(`
    mutation SuspendSubscription($input: SuspendSubscriptionInput!) {
  suspendSubscription(input: $input) {
    subscription {
      ...SubscriptionView
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<SuspendSubscriptionMutation, SuspendSubscriptionMutationVariables>;
export const ReactivateSubscriptionDocument = new TypedDocumentString(`
    mutation ReactivateSubscription($input: ReactivateSubscriptionInput!) {
  reactivateSubscription(input: $input) {
    subscription {
      ...SubscriptionView
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<ReactivateSubscriptionMutation, ReactivateSubscriptionMutationVariables>;
export const SetPartnerOfRecordDocument = new TypedDocumentString(`
    mutation SetPartnerOfRecord($input: SetPartnerOfRecordInput!) {
  setPartnerOfRecord(input: $input) {
    subscription {
      ...SubscriptionView
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<SetPartnerOfRecordMutation, SetPartnerOfRecordMutationVariables>;
export const GetSubscriptionDocument = new TypedDocumentString(`
    query GetSubscription($id: ID!) {
  subscription(id: $id) {
    ...SubscriptionView
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<GetSubscriptionQuery, GetSubscriptionQueryVariables>;
export const GetSubscriptionsDocument = new TypedDocumentString(`
    query GetSubscriptions($tenantId: ID!, $status: SubscriptionStatus) {
  subscriptions(tenantId: $tenantId, first: 100, status: $status) {
    totalCount
    edges {
      node {
        ...SubscriptionView
      }
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<GetSubscriptionsQuery, GetSubscriptionsQueryVariables>;
export const GetTenantsDocument = new TypedDocumentString(`
    query GetTenants($search: String) {
  tenants(first: 100, search: $search) {
    totalCount
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GetTenantsQuery, GetTenantsQueryVariables>;
export const CreateCustomerDocument = new TypedDocumentString(`
    mutation CreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer {
      id
      name
      domain
      countryCode
      billingManagedBy {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const GetTenantDocument = new TypedDocumentString(`
    query GetTenant($id: ID!) {
  tenant(id: $id) {
    id
    name
    domain
    countryCode
    billingManagedBy {
      id
    }
    subscriptions(first: 100) {
      totalCount
      edges {
        node {
          ...SubscriptionView
        }
      }
    }
  }
}
    fragment SubscriptionView on Subscription {
  id
  quantity
  status
  channel
  version
  viewerCanManage
  suspendedAt
  dataRetentionEndsAt
  createdAt
  updatedAt
  offer {
    id
    sku
  }
  reseller {
    id
  }
  partnerOfRecord {
    id
    name
  }
  tenant {
    id
  }
}`) as unknown as TypedDocumentString<GetTenantQuery, GetTenantQueryVariables>;
export const GetCustomersDocument = new TypedDocumentString(`
    query GetCustomers($search: String, $after: String, $first: Int) {
  customers(first: $first, after: $after, search: $search) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        domain
        billingManagedBy {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GetCustomersQuery, GetCustomersQueryVariables>;
export const GetPartnerRelationshipsDocument = new TypedDocumentString(`
    query GetPartnerRelationships($id: ID!) {
  tenant(id: $id) {
    id
    billingManagedBy {
      id
    }
    partnerRelationships {
      partner {
        id
      }
      kinds
      viewerCanRemove
    }
  }
}
    `) as unknown as TypedDocumentString<GetPartnerRelationshipsQuery, GetPartnerRelationshipsQueryVariables>;
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
export const CreateResellerInvitationDocument = new TypedDocumentString(`
    mutation CreateResellerInvitation($input: CreateResellerInvitationInput) {
  createResellerInvitation(input: $input) {
    invitation {
      id
      code
      expiresAt
      createdAt
      acceptedAt
      partner {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateResellerInvitationMutation, CreateResellerInvitationMutationVariables>;
export const AcceptResellerInvitationDocument = new TypedDocumentString(`
    mutation AcceptResellerInvitation($input: AcceptResellerInvitationInput!) {
  acceptResellerInvitation(input: $input) {
    relationship {
      partner {
        id
      }
      tenant {
        id
        billingManagedBy {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptResellerInvitationMutation, AcceptResellerInvitationMutationVariables>;
export const RemoveResellerRelationshipDocument = new TypedDocumentString(`
    mutation RemoveResellerRelationship($input: RemoveResellerRelationshipInput!) {
  removeResellerRelationship(input: $input) {
    tenant {
      id
      billingManagedBy {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveResellerRelationshipMutation, RemoveResellerRelationshipMutationVariables>;
export const RemoveAdvisorRelationshipDocument = new TypedDocumentString(`
    mutation RemoveAdvisorRelationship($input: RemoveAdvisorRelationshipInput!) {
  removeAdvisorRelationship(input: $input) {
    tenant {
      id
      partnerRelationships {
        kinds
        viewerCanRemove
        partner {
          id
        }
        subscriptions {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveAdvisorRelationshipMutation, RemoveAdvisorRelationshipMutationVariables>;
export const GetPartnerDocument = new TypedDocumentString(`
    query GetPartner($id: ID!) {
  partner(id: $id) {
    id
    name
    capabilities
    authorizedOffers {
      sku
    }
  }
}
    `) as unknown as TypedDocumentString<GetPartnerQuery, GetPartnerQueryVariables>;
export const GetOffersDocument = new TypedDocumentString(`
    query GetOffers {
  offers(first: 100) {
    totalCount
    edges {
      node {
        id
        sku
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GetOffersQuery, GetOffersQueryVariables>;
export const GetAuditEventsDocument = new TypedDocumentString(`
    query GetAuditEvents($tenantId: ID, $first: Int = 100, $after: String) {
  auditEvents(tenantId: $tenantId, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AuditEventView
      }
    }
  }
}
    fragment AuditEventView on AuditEvent {
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
}`) as unknown as TypedDocumentString<GetAuditEventsQuery, GetAuditEventsQueryVariables>;
export const GetViewerDocument = new TypedDocumentString(`
    query GetViewer {
  viewer {
    subject
    roles
  }
}
    `) as unknown as TypedDocumentString<GetViewerQuery, GetViewerQueryVariables>;
export const GetTermDocument = new TypedDocumentString(`
    query GetTerm($id: ID!) {
  subscription(id: $id) {
    ...TermView
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<GetTermQuery, GetTermQueryVariables>;
export const CreateTermOfferDocument = new TypedDocumentString(`
    mutation CreateTermOffer($input: CreateOfferInput!) {
  createOffer(input: $input) {
    offer {
      id
      sku
      minQuantity
      maxQuantity
      unitPriceCents
      terms {
        termDuration
        billingCycle
        unitPriceCents
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTermOfferMutation, CreateTermOfferMutationVariables>;
export const PurchaseTermDocument = new TypedDocumentString(`
    mutation PurchaseTerm($input: PurchaseSubscriptionInput!) {
  purchaseSubscription(input: $input) {
    subscription {
      ...TermView
    }
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<PurchaseTermMutation, PurchaseTermMutationVariables>;
export const QuoteTermDocument = new TypedDocumentString(`
    query QuoteTerm($input: QuoteSubscriptionInput!) {
  quoteSubscription(input: $input) {
    quantity
    channel
    currency
    termDuration
    billingCycle
    autoRenew
    termStartsAt
    termEndsAt
    unitPriceCents
    pricePerBillingPeriodCents
    termTotalCents
    monthlyTotalCents
  }
}
    `) as unknown as TypedDocumentString<QuoteTermQuery, QuoteTermQueryVariables>;
export const ChangeTermQuantityDocument = new TypedDocumentString(`
    mutation ChangeTermQuantity($input: ChangeLicenseQuantityInput!) {
  changeLicenseQuantity(input: $input) {
    subscription {
      ...TermView
    }
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<ChangeTermQuantityMutation, ChangeTermQuantityMutationVariables>;
export const CancelSubscriptionDocument = new TypedDocumentString(`
    mutation CancelSubscription($input: CancelSubscriptionInput!) {
  cancelSubscription(input: $input) {
    subscription {
      ...TermView
    }
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<CancelSubscriptionMutation, CancelSubscriptionMutationVariables>;
export const SetAutoRenewDocument = new TypedDocumentString(`
    mutation SetAutoRenew($input: SetAutoRenewInput!) {
  setAutoRenew(input: $input) {
    subscription {
      ...TermView
    }
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<SetAutoRenewMutation, SetAutoRenewMutationVariables>;
export const ScheduleRenewalChangeDocument = new TypedDocumentString(`
    mutation ScheduleRenewalChange($input: ScheduleRenewalChangeInput!) {
  scheduleRenewalChange(input: $input) {
    subscription {
      ...TermView
    }
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<ScheduleRenewalChangeMutation, ScheduleRenewalChangeMutationVariables>;
export const ClearRenewalChangeDocument = new TypedDocumentString(`
    mutation ClearRenewalChange($input: ClearRenewalChangeInput!) {
  clearRenewalChange(input: $input) {
    subscription {
      ...TermView
    }
  }
}
    fragment TermView on Subscription {
  id
  status
  quantity
  version
  channel
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
  suspendedAt
  dataRetentionEndsAt
  viewerCanCancel
  viewerCanManage
  createdAt
  updatedAt
  offer {
    id
  }
  tenant {
    id
  }
  partnerOfRecord {
    id
  }
}`) as unknown as TypedDocumentString<ClearRenewalChangeMutation, ClearRenewalChangeMutationVariables>;
export const DomainTimeDocument = new TypedDocumentString(`
    query DomainTime {
  testClock {
    enabled
    now
    offsetSeconds
  }
}
    `) as unknown as TypedDocumentString<DomainTimeQuery, DomainTimeQueryVariables>;
export const MoveDomainTimeDocument = new TypedDocumentString(`
    mutation MoveDomainTime($input: AdvanceTestClockInput!) {
  advanceTestClock(input: $input) {
    testClock {
      enabled
      now
      offsetSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<MoveDomainTimeMutation, MoveDomainTimeMutationVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointView
    }
    secret
  }
}
    fragment WebhookEndpointView on WebhookEndpoint {
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
      ...WebhookEndpointView
    }
  }
}
    fragment WebhookEndpointView on WebhookEndpoint {
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
      ...WebhookEndpointView
    }
    secret
  }
}
    fragment WebhookEndpointView on WebhookEndpoint {
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
      ...WebhookDeliveryView
    }
  }
}
    fragment WebhookDeliveryView on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  event {
    id
    action
    targetType
    targetId
    tenantId
    actor {
      subject
      tenantId
      partnerId
    }
  }
}`) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    delivery {
      ...WebhookDeliveryView
    }
  }
}
    fragment WebhookDeliveryView on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  event {
    id
    action
    targetType
    targetId
    tenantId
    actor {
      subject
      tenantId
      partnerId
    }
  }
}`) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const GetWebhookEndpointsDocument = new TypedDocumentString(`
    query GetWebhookEndpoints($first: Int, $after: String) {
  webhookEndpoints(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...WebhookEndpointView
      }
    }
  }
}
    fragment WebhookEndpointView on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<GetWebhookEndpointsQuery, GetWebhookEndpointsQueryVariables>;
export const GetWebhookEndpointDocument = new TypedDocumentString(`
    query GetWebhookEndpoint($id: ID!) {
  webhookEndpoint(id: $id) {
    ...WebhookEndpointView
  }
}
    fragment WebhookEndpointView on WebhookEndpoint {
  id
  url
  eventTypes
  description
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<GetWebhookEndpointQuery, GetWebhookEndpointQueryVariables>;
export const GetWebhookDeliveriesDocument = new TypedDocumentString(`
    query GetWebhookDeliveries($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(
    endpointId: $endpointId
    first: $first
    after: $after
    status: $status
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...WebhookDeliveryView
      }
    }
  }
}
    fragment WebhookDeliveryView on WebhookDelivery {
  id
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  lastResponseStatus
  lastError
  event {
    id
    action
    targetType
    targetId
    tenantId
    actor {
      subject
      tenantId
      partnerId
    }
  }
}`) as unknown as TypedDocumentString<GetWebhookDeliveriesQuery, GetWebhookDeliveriesQueryVariables>;
export const LiveEventsFromAnyInstanceDocument = new TypedDocumentString(`
    subscription LiveEventsFromAnyInstance($tenantId: ID) {
  events(tenantId: $tenantId) {
    id
    action
    targetId
  }
}
    `) as unknown as TypedDocumentString<LiveEventsFromAnyInstanceSubscription, LiveEventsFromAnyInstanceSubscriptionVariables>;
export const LiveEventsDocument = new TypedDocumentString(`
    subscription LiveEvents($tenantId: ID, $types: [String!]) {
  events(tenantId: $tenantId, types: $types) {
    id
    action
    tenantId
    targetId
    actor {
      subject
      tenantId
      partnerId
    }
  }
}
    `) as unknown as TypedDocumentString<LiveEventsSubscription, LiveEventsSubscriptionVariables>;
export const CountedCustomersDocument = new TypedDocumentString(`
    query CountedCustomers($first: Int) {
  customers(first: $first) {
    edges {
      node {
        subscriptions(first: 20) {
          edges {
            node {
              offer {
                name
              }
              partnerOfRecord {
                name
              }
              reseller {
                name
              }
            }
          }
        }
        partnerRelationships {
          kinds
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountedCustomersQuery, CountedCustomersQueryVariables>;
export const CountedCustomersWideDocument = new TypedDocumentString(`
    query CountedCustomersWide($first: Int) {
  customers(first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        name
        billingManagedBy {
          id
          name
        }
        subscriptions(first: 20) {
          totalCount
          edges {
            node {
              id
              quantity
              viewerCanManage
              offer {
                name
              }
              tenant {
                name
              }
              partnerOfRecord {
                name
              }
              reseller {
                name
                authorizedOffers {
                  sku
                }
              }
            }
          }
        }
        partnerRelationships {
          kinds
          viewerCanRemove
          partner {
            name
          }
          subscriptions {
            id
            offer {
              sku
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountedCustomersWideQuery, CountedCustomersWideQueryVariables>;
export const CountedSubscriptionsDocument = new TypedDocumentString(`
    query CountedSubscriptions($tenantId: ID!) {
  subscriptions(tenantId: $tenantId, first: 20) {
    edges {
      node {
        id
        quantity
        offer {
          name
        }
        tenant {
          name
        }
        partnerOfRecord {
          name
        }
        reseller {
          name
        }
        viewerCanManage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountedSubscriptionsQuery, CountedSubscriptionsQueryVariables>;
export const CountedCustomersPageDocument = new TypedDocumentString(`
    query CountedCustomersPage($after: String) {
  customers(first: 10, after: $after) {
    pageInfo {
      endCursor
    }
    edges {
      node {
        subscriptions(first: 2) {
          edges {
            node {
              offer {
                name
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountedCustomersPageQuery, CountedCustomersPageQueryVariables>;
export const InvitationWithoutInputDocument = new TypedDocumentString(`
    mutation InvitationWithoutInput {
  createResellerInvitation {
    invitation {
      code
      expiresAt
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<InvitationWithoutInputMutation, InvitationWithoutInputMutationVariables>;
export const LargeResellerPageDocument = new TypedDocumentString(`
    query LargeResellerPage {
  customers(first: 50) {
    totalCount
    edges {
      node {
        id
        subscriptions(first: 20) {
          edges {
            node {
              offer {
                name
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LargeResellerPageQuery, LargeResellerPageQueryVariables>;
export const TermEventsCreateEndpointDocument = new TypedDocumentString(`
    mutation TermEventsCreateEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      id
    }
    secret
  }
}
    `) as unknown as TypedDocumentString<TermEventsCreateEndpointMutation, TermEventsCreateEndpointMutationVariables>;
export const TermEventsAdvanceDocument = new TypedDocumentString(`
    mutation TermEventsAdvance($input: AdvanceTestClockInput!) {
  advanceTestClock(input: $input) {
    testClock {
      now
      offsetSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<TermEventsAdvanceMutation, TermEventsAdvanceMutationVariables>;
export const TermEventsSubscriptionDocument = new TypedDocumentString(`
    query TermEventsSubscription($id: ID!) {
  subscription(id: $id) {
    id
    status
    quantity
    version
    createdAt
    autoRenew
    termStartsAt
    termEndsAt
    cancelledAt
    expiredAt
    scheduledChange {
      quantity
      termDuration
      billingCycle
    }
  }
}
    `) as unknown as TypedDocumentString<TermEventsSubscriptionQuery, TermEventsSubscriptionQueryVariables>;
export const TermEventsSetAutoRenewDocument = new TypedDocumentString(`
    mutation TermEventsSetAutoRenew($input: SetAutoRenewInput!) {
  setAutoRenew(input: $input) {
    subscription {
      id
      autoRenew
      version
    }
  }
}
    `) as unknown as TypedDocumentString<TermEventsSetAutoRenewMutation, TermEventsSetAutoRenewMutationVariables>;
export const TermEventsScheduleDocument = new TypedDocumentString(`
    mutation TermEventsSchedule($input: ScheduleRenewalChangeInput!) {
  scheduleRenewalChange(input: $input) {
    subscription {
      id
      version
      scheduledChange {
        quantity
        termDuration
        billingCycle
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TermEventsScheduleMutation, TermEventsScheduleMutationVariables>;
export const TermEventsClearDocument = new TypedDocumentString(`
    mutation TermEventsClear($input: ClearRenewalChangeInput!) {
  clearRenewalChange(input: $input) {
    subscription {
      id
      version
      scheduledChange {
        quantity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TermEventsClearMutation, TermEventsClearMutationVariables>;
export const TermEventsCancelDocument = new TypedDocumentString(`
    mutation TermEventsCancel($input: CancelSubscriptionInput!) {
  cancelSubscription(input: $input) {
    subscription {
      id
      status
      cancelledAt
      expiredAt
      termEndsAt
      autoRenew
      scheduledChange {
        quantity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TermEventsCancelMutation, TermEventsCancelMutationVariables>;
export const TermEventsLiveDocument = new TypedDocumentString(`
    subscription TermEventsLive($tenantId: ID, $types: [String!]) {
  events(tenantId: $tenantId, types: $types) {
    id
    action
    tenantId
    targetId
    at
    before
    after
  }
}
    `) as unknown as TypedDocumentString<TermEventsLiveSubscription, TermEventsLiveSubscriptionVariables>;
export const TestClockOfInstanceDocument = new TypedDocumentString(`
    query TestClockOfInstance {
  testClock {
    now
    offsetSeconds
  }
}
    `) as unknown as TypedDocumentString<TestClockOfInstanceQuery, TestClockOfInstanceQueryVariables>;
export const AdvanceTestClockOnInstanceDocument = new TypedDocumentString(`
    mutation AdvanceTestClockOnInstance($input: AdvanceTestClockInput!) {
  advanceTestClock(input: $input) {
    testClock {
      now
      offsetSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<AdvanceTestClockOnInstanceMutation, AdvanceTestClockOnInstanceMutationVariables>;
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
export const UpgradedSubscriptionDocument = new TypedDocumentString(`
    query UpgradedSubscription($id: ID!) {
  subscription(id: $id) {
    id
    status
    quantity
    createdAt
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
    offer {
      id
      terms {
        termDuration
        billingCycle
        unitPriceCents
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpgradedSubscriptionQuery, UpgradedSubscriptionQueryVariables>;
export const DispatchCreateEndpointDocument = new TypedDocumentString(`
    mutation DispatchCreateEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      id
    }
    secret
  }
}
    `) as unknown as TypedDocumentString<DispatchCreateEndpointMutation, DispatchCreateEndpointMutationVariables>;
export const DispatchRotateSecretDocument = new TypedDocumentString(`
    mutation DispatchRotateSecret($id: ID!) {
  rotateWebhookSecret(input: {id: $id}) {
    secret
  }
}
    `) as unknown as TypedDocumentString<DispatchRotateSecretMutation, DispatchRotateSecretMutationVariables>;
export const DispatchRedeliverDocument = new TypedDocumentString(`
    mutation DispatchRedeliver($deliveryId: ID!) {
  redeliverWebhook(input: {deliveryId: $deliveryId}) {
    delivery {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<DispatchRedeliverMutation, DispatchRedeliverMutationVariables>;
export const DispatchEndpointDocument = new TypedDocumentString(`
    query DispatchEndpoint($id: ID!) {
  webhookEndpoint(id: $id) {
    id
    enabled
    disabledReason
  }
}
    `) as unknown as TypedDocumentString<DispatchEndpointQuery, DispatchEndpointQueryVariables>;
export const DispatchDeliveryLogDocument = new TypedDocumentString(`
    query DispatchDeliveryLog($endpointId: ID!) {
  webhookDeliveries(endpointId: $endpointId, first: 100) {
    edges {
      node {
        id
        status
        attempts
        nextAttemptAt
        lastAttemptAt
        lastResponseStatus
        lastError
        lastResponseBody
        event {
          id
          action
          targetId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DispatchDeliveryLogQuery, DispatchDeliveryLogQueryVariables>;
export const DurabilityCreateEndpointDocument = new TypedDocumentString(`
    mutation DurabilityCreateEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<DurabilityCreateEndpointMutation, DurabilityCreateEndpointMutationVariables>;
export const FairnessCreateEndpointDocument = new TypedDocumentString(`
    mutation FairnessCreateEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FairnessCreateEndpointMutation, FairnessCreateEndpointMutationVariables>;