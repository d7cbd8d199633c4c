import { graphql } from './generated';

/**
 * The GraphQL operations the specs share, one named document each (as Vendure's e2e/graphql/shared-definitions.ts).
 * `npm run codegen` types them into ./generated: `server.gql(DOCUMENT, variables, token)` checks the variables
 * and returns typed data. A spec keeps in its own file the documents only it needs: a selection it compares
 * whole, a statement count it measures, a hostile, malformed or introspection document.
 */

// A fragment the documents below spread by name; codegen reads it from this call, nothing at run time does.
graphql(`
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
    offer { id sku }
    reseller { id }
    partnerOfRecord { id name }
    tenant { id }
  }
`);

// A fragment the documents below spread by name; codegen reads it from this call, nothing at run time does.
graphql(`
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
    actor { subject roles tenantId partnerId }
  }
`);

// ---- The platform admin's catalog and tenants ----

export const CREATE_TENANT = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) { tenant { id name domain countryCode billingManagedBy { id } } }
  }
`);

export const CREATE_PARTNER = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) { partner { id name countryCode capabilities } }
  }
`);

export const CREATE_OFFER = graphql(`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) { offer { id sku name minQuantity maxQuantity unitPriceCents currency } }
  }
`);

export const AUTHORIZE_OFFER = graphql(`
  mutation AuthorizeOffer($input: AuthorizeOfferInput!) {
    authorizeOffer(input: $input) { partner { id authorizedOffers { sku } } }
  }
`);

export const REVOKE_OFFER_AUTHORIZATION = graphql(`
  mutation RevokeOfferAuthorization($input: RevokeOfferAuthorizationInput!) {
    revokeOfferAuthorization(input: $input) { partner { id authorizedOffers { sku } } }
  }
`);

// ---- Subscriptions ----

export const PURCHASE_SUBSCRIPTION = graphql(`
  mutation PurchaseSubscription($input: PurchaseSubscriptionInput!) {
    purchaseSubscription(input: $input) { subscription { ...SubscriptionView } }
  }
`);

export const QUOTE_SUBSCRIPTION = graphql(`
  query QuoteSubscription($input: QuoteSubscriptionInput!) {
    quoteSubscription(input: $input) {
      tenant { id }
      offer { id sku }
      quantity
      channel
      reseller { id }
      partnerOfRecord { id }
      unitPriceCents
      monthlyTotalCents
      currency
    }
  }
`);

export const CHANGE_LICENSE_QUANTITY = graphql(`
  mutation ChangeLicenseQuantity($input: ChangeLicenseQuantityInput!) {
    changeLicenseQuantity(input: $input) { subscription { ...SubscriptionView } }
  }
`);

export const SUSPEND_SUBSCRIPTION = graphql(`
  mutation SuspendSubscription($input: SuspendSubscriptionInput!) {
    suspendSubscription(input: $input) { subscription { ...SubscriptionView } }
  }
`);

export const REACTIVATE_SUBSCRIPTION = graphql(`
  mutation ReactivateSubscription($input: ReactivateSubscriptionInput!) {
    reactivateSubscription(input: $input) { subscription { ...SubscriptionView } }
  }
`);

export const SET_PARTNER_OF_RECORD = graphql(`
  mutation SetPartnerOfRecord($input: SetPartnerOfRecordInput!) {
    setPartnerOfRecord(input: $input) { subscription { ...SubscriptionView } }
  }
`);

export const GET_SUBSCRIPTION = graphql(`
  query GetSubscription($id: ID!) {
    subscription(id: $id) { ...SubscriptionView }
  }
`);

export const GET_SUBSCRIPTIONS = graphql(`
  query GetSubscriptions($tenantId: ID!, $status: SubscriptionStatus) {
    subscriptions(tenantId: $tenantId, first: 100, status: $status) {
      totalCount
      edges { node { ...SubscriptionView } }
    }
  }
`);

// ---- Tenants, customers and their partners ----

export const GET_TENANTS = graphql(`
  query GetTenants($search: String) {
    tenants(first: 100, search: $search) { totalCount edges { node { id name } } }
  }
`);

export const CREATE_CUSTOMER = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) { customer { id name domain countryCode billingManagedBy { id } } }
  }
`);

export const GET_TENANT = graphql(`
  query GetTenant($id: ID!) {
    tenant(id: $id) {
      id
      name
      domain
      countryCode
      billingManagedBy { id }
      subscriptions(first: 100) { totalCount edges { node { ...SubscriptionView } } }
    }
  }
`);

export const GET_CUSTOMERS = graphql(`
  query GetCustomers($search: String, $after: String, $first: Int) {
    customers(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name domain billingManagedBy { id } } }
    }
  }
`);

export const GET_PARTNER_RELATIONSHIPS = graphql(`
  query GetPartnerRelationships($id: ID!) {
    tenant(id: $id) {
      id
      billingManagedBy { id }
      partnerRelationships { partner { id } kinds viewerCanRemove }
    }
  }
`);

export const VERIFY_PARTNER_ID = graphql(`
  query VerifyPartnerId($partnerId: String!) {
    verifyPartnerId(partnerId: $partnerId) { partnerId valid partnerName reason }
  }
`);

export const CREATE_RESELLER_INVITATION = graphql(`
  mutation CreateResellerInvitation($input: CreateResellerInvitationInput) {
    createResellerInvitation(input: $input) { invitation { id code expiresAt createdAt acceptedAt partner { id } } }
  }
`);

export const ACCEPT_RESELLER_INVITATION = graphql(`
  mutation AcceptResellerInvitation($input: AcceptResellerInvitationInput!) {
    acceptResellerInvitation(input: $input) { relationship { partner { id } tenant { id billingManagedBy { id } } } }
  }
`);

export const REMOVE_RESELLER_RELATIONSHIP = graphql(`
  mutation RemoveResellerRelationship($input: RemoveResellerRelationshipInput!) {
    removeResellerRelationship(input: $input) { tenant { id billingManagedBy { id } } }
  }
`);

export const REMOVE_ADVISOR_RELATIONSHIP = graphql(`
  mutation RemoveAdvisorRelationship($input: RemoveAdvisorRelationshipInput!) {
    removeAdvisorRelationship(input: $input) {
      tenant { id partnerRelationships { kinds viewerCanRemove partner { id } subscriptions { id } } }
    }
  }
`);

// ---- Catalog and audit reads ----

export const GET_PARTNER = graphql(`
  query GetPartner($id: ID!) {
    partner(id: $id) { id name capabilities authorizedOffers { sku } }
  }
`);

export const GET_OFFERS = graphql(`
  query GetOffers {
    offers(first: 100) { totalCount edges { node { id sku } } }
  }
`);

export const GET_AUDIT_EVENTS = graphql(`
  query GetAuditEvents($tenantId: ID, $first: Int = 100, $after: String) {
    auditEvents(tenantId: $tenantId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...AuditEventView } }
    }
  }
`);

export const GET_VIEWER = graphql(`
  query GetViewer {
    viewer { subject roles }
  }
`);
