/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query RelationshipsPage($id: ID!) {\n    tenant(id: $id) {\n      id\n      partnerRelationships { kinds viewerCanRemove partner { id name } subscriptions { id partnerOfRecord { id } } }\n    }\n  }\n": typeof types.RelationshipsPageDocument,
    "\n  query QuoteWithNames($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      tenant { id }\n      offer { id sku name }\n      quantity\n      channel\n      reseller { id }\n      partnerOfRecord { id name }\n      unitPriceCents\n      monthlyTotalCents\n      currency\n    }\n  }\n": typeof types.QuoteWithNamesDocument,
    "\n  query TermQuote($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) { termDuration billingCycle pricePerBillingPeriodCents termTotalCents monthlyTotalCents }\n  }\n": typeof types.TermQuoteDocument,
    "\n  query SubscriptionsPage($tenantId: ID!, $status: SubscriptionStatus, $first: Int, $after: String) {\n    subscriptions(tenantId: $tenantId, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id status quantity viewerCanManage offer { id } } }\n    }\n  }\n": typeof types.SubscriptionsPageDocument,
    "\n  query TenantSubscriptionsByStatus($id: ID!, $status: SubscriptionStatus) {\n    tenant(id: $id) { subscriptions(status: $status) { totalCount edges { node { id status viewerCanManage } } } }\n  }\n": typeof types.TenantSubscriptionsByStatusDocument,
    "\n  query VersionAndPartner($id: ID!) {\n    subscription(id: $id) { version partnerOfRecord { id } }\n  }\n": typeof types.VersionAndPartnerDocument,
    "\n  query ReadTenant($id: ID!) {\n    tenant(id: $id) { id }\n  }\n": typeof types.ReadTenantDocument,
    "\n  query SubscriptionAccess($id: ID!) {\n    subscription(id: $id) { id status viewerCanManage }\n  }\n": typeof types.SubscriptionAccessDocument,
    "\n  query VisibleTrail($tenantId: ID) {\n    auditEvents(tenantId: $tenantId, first: 100) { edges { node { action targetId actor { subject tenantId partnerId } } } }\n  }\n": typeof types.VisibleTrailDocument,
    "\n  query ViewerScope {\n    viewer { subject roles tenant { id } partner { id } }\n  }\n": typeof types.ViewerScopeDocument,
    "\n  query CustomerIds {\n    customers(first: 100) { totalCount edges { node { id } } }\n  }\n": typeof types.CustomerIdsDocument,
    "\n  query OffersPage($first: Int, $after: String) {\n    offers(first: $first, after: $after) { edges { node { sku } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.OffersPageDocument,
    "\n  fragment SubscriptionView on Subscription {\n    id\n    quantity\n    status\n    channel\n    version\n    viewerCanManage\n    suspendedAt\n    dataRetentionEndsAt\n    createdAt\n    updatedAt\n    offer { id sku }\n    reseller { id }\n    partnerOfRecord { id name }\n    tenant { id }\n  }\n": typeof types.SubscriptionViewFragmentDoc,
    "\n  fragment AuditEventView on AuditEvent {\n    id\n    at\n    action\n    targetType\n    targetId\n    tenantId\n    before\n    after\n    requestId\n    actor { subject roles tenantId partnerId }\n  }\n": typeof types.AuditEventViewFragmentDoc,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { tenant { id name domain countryCode billingManagedBy { id } } }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) { partner { id name countryCode capabilities } }\n  }\n": typeof types.CreatePartnerDocument,
    "\n  mutation CreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) { offer { id sku name minQuantity maxQuantity unitPriceCents currency } }\n  }\n": typeof types.CreateOfferDocument,
    "\n  mutation AuthorizeOffer($input: AuthorizeOfferInput!) {\n    authorizeOffer(input: $input) { partner { id authorizedOffers { sku } } }\n  }\n": typeof types.AuthorizeOfferDocument,
    "\n  mutation RevokeOfferAuthorization($input: RevokeOfferAuthorizationInput!) {\n    revokeOfferAuthorization(input: $input) { partner { id authorizedOffers { sku } } }\n  }\n": typeof types.RevokeOfferAuthorizationDocument,
    "\n  mutation PurchaseSubscription($input: PurchaseSubscriptionInput!) {\n    purchaseSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n": typeof types.PurchaseSubscriptionDocument,
    "\n  query QuoteSubscription($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      tenant { id }\n      offer { id sku }\n      quantity\n      channel\n      reseller { id }\n      partnerOfRecord { id }\n      unitPriceCents\n      monthlyTotalCents\n      currency\n    }\n  }\n": typeof types.QuoteSubscriptionDocument,
    "\n  mutation ChangeLicenseQuantity($input: ChangeLicenseQuantityInput!) {\n    changeLicenseQuantity(input: $input) { subscription { ...SubscriptionView } }\n  }\n": typeof types.ChangeLicenseQuantityDocument,
    "\n  mutation SuspendSubscription($input: SuspendSubscriptionInput!) {\n    suspendSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n": typeof types.SuspendSubscriptionDocument,
    "\n  mutation ReactivateSubscription($input: ReactivateSubscriptionInput!) {\n    reactivateSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n": typeof types.ReactivateSubscriptionDocument,
    "\n  mutation SetPartnerOfRecord($input: SetPartnerOfRecordInput!) {\n    setPartnerOfRecord(input: $input) { subscription { ...SubscriptionView } }\n  }\n": typeof types.SetPartnerOfRecordDocument,
    "\n  query GetSubscription($id: ID!) {\n    subscription(id: $id) { ...SubscriptionView }\n  }\n": typeof types.GetSubscriptionDocument,
    "\n  query GetSubscriptions($tenantId: ID!, $status: SubscriptionStatus) {\n    subscriptions(tenantId: $tenantId, first: 100, status: $status) {\n      totalCount\n      edges { node { ...SubscriptionView } }\n    }\n  }\n": typeof types.GetSubscriptionsDocument,
    "\n  query GetTenants($search: String) {\n    tenants(first: 100, search: $search) { totalCount edges { node { id name } } }\n  }\n": typeof types.GetTenantsDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { customer { id name domain countryCode billingManagedBy { id } } }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  query GetTenant($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      domain\n      countryCode\n      billingManagedBy { id }\n      subscriptions(first: 100) { totalCount edges { node { ...SubscriptionView } } }\n    }\n  }\n": typeof types.GetTenantDocument,
    "\n  query GetCustomers($search: String, $after: String, $first: Int) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain billingManagedBy { id } } }\n    }\n  }\n": typeof types.GetCustomersDocument,
    "\n  query GetPartnerRelationships($id: ID!) {\n    tenant(id: $id) {\n      id\n      billingManagedBy { id }\n      partnerRelationships { partner { id } kinds viewerCanRemove }\n    }\n  }\n": typeof types.GetPartnerRelationshipsDocument,
    "\n  query VerifyPartnerId($partnerId: String!) {\n    verifyPartnerId(partnerId: $partnerId) { partnerId valid partnerName reason }\n  }\n": typeof types.VerifyPartnerIdDocument,
    "\n  mutation CreateResellerInvitation($input: CreateResellerInvitationInput) {\n    createResellerInvitation(input: $input) { invitation { id code expiresAt createdAt acceptedAt partner { id } } }\n  }\n": typeof types.CreateResellerInvitationDocument,
    "\n  mutation AcceptResellerInvitation($input: AcceptResellerInvitationInput!) {\n    acceptResellerInvitation(input: $input) { relationship { partner { id } tenant { id billingManagedBy { id } } } }\n  }\n": typeof types.AcceptResellerInvitationDocument,
    "\n  mutation RemoveResellerRelationship($input: RemoveResellerRelationshipInput!) {\n    removeResellerRelationship(input: $input) { tenant { id billingManagedBy { id } } }\n  }\n": typeof types.RemoveResellerRelationshipDocument,
    "\n  mutation RemoveAdvisorRelationship($input: RemoveAdvisorRelationshipInput!) {\n    removeAdvisorRelationship(input: $input) {\n      tenant { id partnerRelationships { kinds viewerCanRemove partner { id } subscriptions { id } } }\n    }\n  }\n": typeof types.RemoveAdvisorRelationshipDocument,
    "\n  query GetPartner($id: ID!) {\n    partner(id: $id) { id name capabilities authorizedOffers { sku } }\n  }\n": typeof types.GetPartnerDocument,
    "\n  query GetOffers {\n    offers(first: 100) { totalCount edges { node { id sku } } }\n  }\n": typeof types.GetOffersDocument,
    "\n  query GetAuditEvents($tenantId: ID, $first: Int = 100, $after: String) {\n    auditEvents(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...AuditEventView } }\n    }\n  }\n": typeof types.GetAuditEventsDocument,
    "\n  query GetViewer {\n    viewer { subject roles }\n  }\n": typeof types.GetViewerDocument,
    "\n  fragment TermView on Subscription {\n    id\n    status\n    quantity\n    version\n    channel\n    termDuration\n    billingCycle\n    autoRenew\n    termStartsAt\n    termEndsAt\n    cancellationAllowedUntil\n    quantityFloor\n    scheduledChange { quantity termDuration billingCycle }\n    cancelledAt\n    expiredAt\n    suspendedAt\n    dataRetentionEndsAt\n    viewerCanCancel\n    viewerCanManage\n    createdAt\n    updatedAt\n    offer { id }\n    tenant { id }\n    partnerOfRecord { id }\n  }\n": typeof types.TermViewFragmentDoc,
    "\n  query GetTerm($id: ID!) {\n    subscription(id: $id) { ...TermView }\n  }\n": typeof types.GetTermDocument,
    "\n  mutation CreateTermOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) { offer { id sku minQuantity maxQuantity unitPriceCents terms { termDuration billingCycle unitPriceCents } } }\n  }\n": typeof types.CreateTermOfferDocument,
    "\n  mutation PurchaseTerm($input: PurchaseSubscriptionInput!) {\n    purchaseSubscription(input: $input) { subscription { ...TermView } }\n  }\n": typeof types.PurchaseTermDocument,
    "\n  query QuoteTerm($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      quantity\n      channel\n      currency\n      termDuration\n      billingCycle\n      autoRenew\n      termStartsAt\n      termEndsAt\n      unitPriceCents\n      pricePerBillingPeriodCents\n      termTotalCents\n      monthlyTotalCents\n    }\n  }\n": typeof types.QuoteTermDocument,
    "\n  mutation ChangeTermQuantity($input: ChangeLicenseQuantityInput!) {\n    changeLicenseQuantity(input: $input) { subscription { ...TermView } }\n  }\n": typeof types.ChangeTermQuantityDocument,
    "\n  mutation CancelSubscription($input: CancelSubscriptionInput!) {\n    cancelSubscription(input: $input) { subscription { ...TermView } }\n  }\n": typeof types.CancelSubscriptionDocument,
    "\n  mutation SetAutoRenew($input: SetAutoRenewInput!) {\n    setAutoRenew(input: $input) { subscription { ...TermView } }\n  }\n": typeof types.SetAutoRenewDocument,
    "\n  mutation ScheduleRenewalChange($input: ScheduleRenewalChangeInput!) {\n    scheduleRenewalChange(input: $input) { subscription { ...TermView } }\n  }\n": typeof types.ScheduleRenewalChangeDocument,
    "\n  mutation ClearRenewalChange($input: ClearRenewalChangeInput!) {\n    clearRenewalChange(input: $input) { subscription { ...TermView } }\n  }\n": typeof types.ClearRenewalChangeDocument,
    "\n  query DomainTime {\n    testClock { enabled now offsetSeconds }\n  }\n": typeof types.DomainTimeDocument,
    "\n  mutation MoveDomainTime($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }\n  }\n": typeof types.MoveDomainTimeDocument,
    "\n  fragment WebhookEndpointView on WebhookEndpoint {\n    id\n    url\n    eventTypes\n    description\n    enabled\n    disabledReason\n    createdAt\n  }\n": typeof types.WebhookEndpointViewFragmentDoc,
    "\n  fragment WebhookDeliveryView on WebhookDelivery {\n    id\n    status\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastError\n    event { id action targetType targetId tenantId actor { subject tenantId partnerId } }\n  }\n": typeof types.WebhookDeliveryViewFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) { delivery { ...WebhookDeliveryView } }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) { delivery { ...WebhookDeliveryView } }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  query GetWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...WebhookEndpointView } }\n    }\n  }\n": typeof types.GetWebhookEndpointsDocument,
    "\n  query GetWebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { ...WebhookEndpointView }\n  }\n": typeof types.GetWebhookEndpointDocument,
    "\n  query GetWebhookDeliveries($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...WebhookDeliveryView } }\n    }\n  }\n": typeof types.GetWebhookDeliveriesDocument,
    "\n  subscription LiveEventsFromAnyInstance($tenantId: ID) {\n    events(tenantId: $tenantId) { id action targetId }\n  }\n": typeof types.LiveEventsFromAnyInstanceDocument,
    "\n  subscription LiveEvents($tenantId: ID, $types: [String!]) {\n    events(tenantId: $tenantId, types: $types) { id action tenantId targetId actor { subject tenantId partnerId } }\n  }\n": typeof types.LiveEventsDocument,
    "\n  query CountedCustomers($first: Int) {\n    customers(first: $first) {\n      edges { node {\n        subscriptions(first: 20) { edges { node { offer { name } partnerOfRecord { name } reseller { name } } } }\n        partnerRelationships { kinds }\n      } }\n    }\n  }\n": typeof types.CountedCustomersDocument,
    "\n  query CountedCustomersWide($first: Int) {\n    customers(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node {\n        id name billingManagedBy { id name }\n        subscriptions(first: 20) {\n          totalCount\n          edges { node {\n            id quantity viewerCanManage\n            offer { name } tenant { name } partnerOfRecord { name } reseller { name authorizedOffers { sku } }\n          } }\n        }\n        partnerRelationships { kinds viewerCanRemove partner { name } subscriptions { id offer { sku } } }\n      } }\n    }\n  }\n": typeof types.CountedCustomersWideDocument,
    "\n  query CountedSubscriptions($tenantId: ID!) {\n    subscriptions(tenantId: $tenantId, first: 20) {\n      edges { node { id quantity offer { name } tenant { name } partnerOfRecord { name } reseller { name } viewerCanManage } }\n    }\n  }\n": typeof types.CountedSubscriptionsDocument,
    "\n  query CountedCustomersPage($after: String) {\n    customers(first: 10, after: $after) {\n      pageInfo { endCursor }\n      edges { node { subscriptions(first: 2) { edges { node { offer { name } } } } } }\n    }\n  }\n": typeof types.CountedCustomersPageDocument,
    "\n  mutation InvitationWithoutInput {\n    createResellerInvitation { invitation { code expiresAt createdAt } }\n  }\n": typeof types.InvitationWithoutInputDocument,
    "\n  query LargeResellerPage {\n    customers(first: 50) { totalCount edges { node { id subscriptions(first: 20) { edges { node { offer { name } } } } } } }\n  }\n": typeof types.LargeResellerPageDocument,
    "\n  mutation TermEventsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }\n  }\n": typeof types.TermEventsCreateEndpointDocument,
    "\n  mutation TermEventsAdvance($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { now offsetSeconds } }\n  }\n": typeof types.TermEventsAdvanceDocument,
    "\n  query TermEventsSubscription($id: ID!) {\n    subscription(id: $id) {\n      id status quantity version createdAt autoRenew termStartsAt termEndsAt cancelledAt expiredAt\n      scheduledChange { quantity termDuration billingCycle }\n    }\n  }\n": typeof types.TermEventsSubscriptionDocument,
    "\n  mutation TermEventsSetAutoRenew($input: SetAutoRenewInput!) {\n    setAutoRenew(input: $input) { subscription { id autoRenew version } }\n  }\n": typeof types.TermEventsSetAutoRenewDocument,
    "\n  mutation TermEventsSchedule($input: ScheduleRenewalChangeInput!) {\n    scheduleRenewalChange(input: $input) { subscription { id version scheduledChange { quantity termDuration billingCycle } } }\n  }\n": typeof types.TermEventsScheduleDocument,
    "\n  mutation TermEventsClear($input: ClearRenewalChangeInput!) {\n    clearRenewalChange(input: $input) { subscription { id version scheduledChange { quantity } } }\n  }\n": typeof types.TermEventsClearDocument,
    "\n  mutation TermEventsCancel($input: CancelSubscriptionInput!) {\n    cancelSubscription(input: $input) { subscription { id status cancelledAt expiredAt termEndsAt autoRenew scheduledChange { quantity } } }\n  }\n": typeof types.TermEventsCancelDocument,
    "\n  subscription TermEventsLive($tenantId: ID, $types: [String!]) {\n    events(tenantId: $tenantId, types: $types) { id action tenantId targetId at before after }\n  }\n": typeof types.TermEventsLiveDocument,
    "\n  query TestClockOfInstance {\n    testClock { now offsetSeconds }\n  }\n": typeof types.TestClockOfInstanceDocument,
    "\n  mutation AdvanceTestClockOnInstance($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { now offsetSeconds } }\n  }\n": typeof types.AdvanceTestClockOnInstanceDocument,
    "\n  query TestClock {\n    testClock { enabled now offsetSeconds }\n  }\n": typeof types.TestClockDocument,
    "\n  mutation AdvanceTestClock($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }\n  }\n": typeof types.AdvanceTestClockDocument,
    "\n  query UpgradedSubscription($id: ID!) {\n    subscription(id: $id) {\n      id status quantity createdAt\n      termDuration billingCycle autoRenew termStartsAt termEndsAt cancellationAllowedUntil quantityFloor\n      scheduledChange { quantity termDuration billingCycle }\n      cancelledAt expiredAt\n      offer { id terms { termDuration billingCycle unitPriceCents } }\n    }\n  }\n": typeof types.UpgradedSubscriptionDocument,
    "\n  mutation DispatchCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }\n  }\n": typeof types.DispatchCreateEndpointDocument,
    "\n  mutation DispatchRotateSecret($id: ID!) {\n    rotateWebhookSecret(input: { id: $id }) { secret }\n  }\n": typeof types.DispatchRotateSecretDocument,
    "\n  mutation DispatchRedeliver($deliveryId: ID!) {\n    redeliverWebhook(input: { deliveryId: $deliveryId }) { delivery { id status } }\n  }\n": typeof types.DispatchRedeliverDocument,
    "\n  query DispatchEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { id enabled disabledReason }\n  }\n": typeof types.DispatchEndpointDocument,
    "\n  query DispatchDeliveryLog($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 100) {\n      edges {\n        node {\n          id status attempts nextAttemptAt lastAttemptAt lastResponseStatus lastError lastResponseBody\n          event { id action targetId }\n        }\n      }\n    }\n  }\n": typeof types.DispatchDeliveryLogDocument,
    "\n  mutation DurabilityCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }\n  }\n": typeof types.DurabilityCreateEndpointDocument,
    "\n  mutation FairnessCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }\n  }\n": typeof types.FairnessCreateEndpointDocument,
};
const documents: Documents = {
    "\n  query RelationshipsPage($id: ID!) {\n    tenant(id: $id) {\n      id\n      partnerRelationships { kinds viewerCanRemove partner { id name } subscriptions { id partnerOfRecord { id } } }\n    }\n  }\n": types.RelationshipsPageDocument,
    "\n  query QuoteWithNames($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      tenant { id }\n      offer { id sku name }\n      quantity\n      channel\n      reseller { id }\n      partnerOfRecord { id name }\n      unitPriceCents\n      monthlyTotalCents\n      currency\n    }\n  }\n": types.QuoteWithNamesDocument,
    "\n  query TermQuote($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) { termDuration billingCycle pricePerBillingPeriodCents termTotalCents monthlyTotalCents }\n  }\n": types.TermQuoteDocument,
    "\n  query SubscriptionsPage($tenantId: ID!, $status: SubscriptionStatus, $first: Int, $after: String) {\n    subscriptions(tenantId: $tenantId, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id status quantity viewerCanManage offer { id } } }\n    }\n  }\n": types.SubscriptionsPageDocument,
    "\n  query TenantSubscriptionsByStatus($id: ID!, $status: SubscriptionStatus) {\n    tenant(id: $id) { subscriptions(status: $status) { totalCount edges { node { id status viewerCanManage } } } }\n  }\n": types.TenantSubscriptionsByStatusDocument,
    "\n  query VersionAndPartner($id: ID!) {\n    subscription(id: $id) { version partnerOfRecord { id } }\n  }\n": types.VersionAndPartnerDocument,
    "\n  query ReadTenant($id: ID!) {\n    tenant(id: $id) { id }\n  }\n": types.ReadTenantDocument,
    "\n  query SubscriptionAccess($id: ID!) {\n    subscription(id: $id) { id status viewerCanManage }\n  }\n": types.SubscriptionAccessDocument,
    "\n  query VisibleTrail($tenantId: ID) {\n    auditEvents(tenantId: $tenantId, first: 100) { edges { node { action targetId actor { subject tenantId partnerId } } } }\n  }\n": types.VisibleTrailDocument,
    "\n  query ViewerScope {\n    viewer { subject roles tenant { id } partner { id } }\n  }\n": types.ViewerScopeDocument,
    "\n  query CustomerIds {\n    customers(first: 100) { totalCount edges { node { id } } }\n  }\n": types.CustomerIdsDocument,
    "\n  query OffersPage($first: Int, $after: String) {\n    offers(first: $first, after: $after) { edges { node { sku } } pageInfo { hasNextPage endCursor } }\n  }\n": types.OffersPageDocument,
    "\n  fragment SubscriptionView on Subscription {\n    id\n    quantity\n    status\n    channel\n    version\n    viewerCanManage\n    suspendedAt\n    dataRetentionEndsAt\n    createdAt\n    updatedAt\n    offer { id sku }\n    reseller { id }\n    partnerOfRecord { id name }\n    tenant { id }\n  }\n": types.SubscriptionViewFragmentDoc,
    "\n  fragment AuditEventView on AuditEvent {\n    id\n    at\n    action\n    targetType\n    targetId\n    tenantId\n    before\n    after\n    requestId\n    actor { subject roles tenantId partnerId }\n  }\n": types.AuditEventViewFragmentDoc,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { tenant { id name domain countryCode billingManagedBy { id } } }\n  }\n": types.CreateTenantDocument,
    "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) { partner { id name countryCode capabilities } }\n  }\n": types.CreatePartnerDocument,
    "\n  mutation CreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) { offer { id sku name minQuantity maxQuantity unitPriceCents currency } }\n  }\n": types.CreateOfferDocument,
    "\n  mutation AuthorizeOffer($input: AuthorizeOfferInput!) {\n    authorizeOffer(input: $input) { partner { id authorizedOffers { sku } } }\n  }\n": types.AuthorizeOfferDocument,
    "\n  mutation RevokeOfferAuthorization($input: RevokeOfferAuthorizationInput!) {\n    revokeOfferAuthorization(input: $input) { partner { id authorizedOffers { sku } } }\n  }\n": types.RevokeOfferAuthorizationDocument,
    "\n  mutation PurchaseSubscription($input: PurchaseSubscriptionInput!) {\n    purchaseSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n": types.PurchaseSubscriptionDocument,
    "\n  query QuoteSubscription($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      tenant { id }\n      offer { id sku }\n      quantity\n      channel\n      reseller { id }\n      partnerOfRecord { id }\n      unitPriceCents\n      monthlyTotalCents\n      currency\n    }\n  }\n": types.QuoteSubscriptionDocument,
    "\n  mutation ChangeLicenseQuantity($input: ChangeLicenseQuantityInput!) {\n    changeLicenseQuantity(input: $input) { subscription { ...SubscriptionView } }\n  }\n": types.ChangeLicenseQuantityDocument,
    "\n  mutation SuspendSubscription($input: SuspendSubscriptionInput!) {\n    suspendSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n": types.SuspendSubscriptionDocument,
    "\n  mutation ReactivateSubscription($input: ReactivateSubscriptionInput!) {\n    reactivateSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n": types.ReactivateSubscriptionDocument,
    "\n  mutation SetPartnerOfRecord($input: SetPartnerOfRecordInput!) {\n    setPartnerOfRecord(input: $input) { subscription { ...SubscriptionView } }\n  }\n": types.SetPartnerOfRecordDocument,
    "\n  query GetSubscription($id: ID!) {\n    subscription(id: $id) { ...SubscriptionView }\n  }\n": types.GetSubscriptionDocument,
    "\n  query GetSubscriptions($tenantId: ID!, $status: SubscriptionStatus) {\n    subscriptions(tenantId: $tenantId, first: 100, status: $status) {\n      totalCount\n      edges { node { ...SubscriptionView } }\n    }\n  }\n": types.GetSubscriptionsDocument,
    "\n  query GetTenants($search: String) {\n    tenants(first: 100, search: $search) { totalCount edges { node { id name } } }\n  }\n": types.GetTenantsDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { customer { id name domain countryCode billingManagedBy { id } } }\n  }\n": types.CreateCustomerDocument,
    "\n  query GetTenant($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      domain\n      countryCode\n      billingManagedBy { id }\n      subscriptions(first: 100) { totalCount edges { node { ...SubscriptionView } } }\n    }\n  }\n": types.GetTenantDocument,
    "\n  query GetCustomers($search: String, $after: String, $first: Int) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain billingManagedBy { id } } }\n    }\n  }\n": types.GetCustomersDocument,
    "\n  query GetPartnerRelationships($id: ID!) {\n    tenant(id: $id) {\n      id\n      billingManagedBy { id }\n      partnerRelationships { partner { id } kinds viewerCanRemove }\n    }\n  }\n": types.GetPartnerRelationshipsDocument,
    "\n  query VerifyPartnerId($partnerId: String!) {\n    verifyPartnerId(partnerId: $partnerId) { partnerId valid partnerName reason }\n  }\n": types.VerifyPartnerIdDocument,
    "\n  mutation CreateResellerInvitation($input: CreateResellerInvitationInput) {\n    createResellerInvitation(input: $input) { invitation { id code expiresAt createdAt acceptedAt partner { id } } }\n  }\n": types.CreateResellerInvitationDocument,
    "\n  mutation AcceptResellerInvitation($input: AcceptResellerInvitationInput!) {\n    acceptResellerInvitation(input: $input) { relationship { partner { id } tenant { id billingManagedBy { id } } } }\n  }\n": types.AcceptResellerInvitationDocument,
    "\n  mutation RemoveResellerRelationship($input: RemoveResellerRelationshipInput!) {\n    removeResellerRelationship(input: $input) { tenant { id billingManagedBy { id } } }\n  }\n": types.RemoveResellerRelationshipDocument,
    "\n  mutation RemoveAdvisorRelationship($input: RemoveAdvisorRelationshipInput!) {\n    removeAdvisorRelationship(input: $input) {\n      tenant { id partnerRelationships { kinds viewerCanRemove partner { id } subscriptions { id } } }\n    }\n  }\n": types.RemoveAdvisorRelationshipDocument,
    "\n  query GetPartner($id: ID!) {\n    partner(id: $id) { id name capabilities authorizedOffers { sku } }\n  }\n": types.GetPartnerDocument,
    "\n  query GetOffers {\n    offers(first: 100) { totalCount edges { node { id sku } } }\n  }\n": types.GetOffersDocument,
    "\n  query GetAuditEvents($tenantId: ID, $first: Int = 100, $after: String) {\n    auditEvents(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...AuditEventView } }\n    }\n  }\n": types.GetAuditEventsDocument,
    "\n  query GetViewer {\n    viewer { subject roles }\n  }\n": types.GetViewerDocument,
    "\n  fragment TermView on Subscription {\n    id\n    status\n    quantity\n    version\n    channel\n    termDuration\n    billingCycle\n    autoRenew\n    termStartsAt\n    termEndsAt\n    cancellationAllowedUntil\n    quantityFloor\n    scheduledChange { quantity termDuration billingCycle }\n    cancelledAt\n    expiredAt\n    suspendedAt\n    dataRetentionEndsAt\n    viewerCanCancel\n    viewerCanManage\n    createdAt\n    updatedAt\n    offer { id }\n    tenant { id }\n    partnerOfRecord { id }\n  }\n": types.TermViewFragmentDoc,
    "\n  query GetTerm($id: ID!) {\n    subscription(id: $id) { ...TermView }\n  }\n": types.GetTermDocument,
    "\n  mutation CreateTermOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) { offer { id sku minQuantity maxQuantity unitPriceCents terms { termDuration billingCycle unitPriceCents } } }\n  }\n": types.CreateTermOfferDocument,
    "\n  mutation PurchaseTerm($input: PurchaseSubscriptionInput!) {\n    purchaseSubscription(input: $input) { subscription { ...TermView } }\n  }\n": types.PurchaseTermDocument,
    "\n  query QuoteTerm($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      quantity\n      channel\n      currency\n      termDuration\n      billingCycle\n      autoRenew\n      termStartsAt\n      termEndsAt\n      unitPriceCents\n      pricePerBillingPeriodCents\n      termTotalCents\n      monthlyTotalCents\n    }\n  }\n": types.QuoteTermDocument,
    "\n  mutation ChangeTermQuantity($input: ChangeLicenseQuantityInput!) {\n    changeLicenseQuantity(input: $input) { subscription { ...TermView } }\n  }\n": types.ChangeTermQuantityDocument,
    "\n  mutation CancelSubscription($input: CancelSubscriptionInput!) {\n    cancelSubscription(input: $input) { subscription { ...TermView } }\n  }\n": types.CancelSubscriptionDocument,
    "\n  mutation SetAutoRenew($input: SetAutoRenewInput!) {\n    setAutoRenew(input: $input) { subscription { ...TermView } }\n  }\n": types.SetAutoRenewDocument,
    "\n  mutation ScheduleRenewalChange($input: ScheduleRenewalChangeInput!) {\n    scheduleRenewalChange(input: $input) { subscription { ...TermView } }\n  }\n": types.ScheduleRenewalChangeDocument,
    "\n  mutation ClearRenewalChange($input: ClearRenewalChangeInput!) {\n    clearRenewalChange(input: $input) { subscription { ...TermView } }\n  }\n": types.ClearRenewalChangeDocument,
    "\n  query DomainTime {\n    testClock { enabled now offsetSeconds }\n  }\n": types.DomainTimeDocument,
    "\n  mutation MoveDomainTime($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }\n  }\n": types.MoveDomainTimeDocument,
    "\n  fragment WebhookEndpointView on WebhookEndpoint {\n    id\n    url\n    eventTypes\n    description\n    enabled\n    disabledReason\n    createdAt\n  }\n": types.WebhookEndpointViewFragmentDoc,
    "\n  fragment WebhookDeliveryView on WebhookDelivery {\n    id\n    status\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastError\n    event { id action targetType targetId tenantId actor { subject tenantId partnerId } }\n  }\n": types.WebhookDeliveryViewFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) { delivery { ...WebhookDeliveryView } }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) { delivery { ...WebhookDeliveryView } }\n  }\n": types.RedeliverWebhookDocument,
    "\n  query GetWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...WebhookEndpointView } }\n    }\n  }\n": types.GetWebhookEndpointsDocument,
    "\n  query GetWebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { ...WebhookEndpointView }\n  }\n": types.GetWebhookEndpointDocument,
    "\n  query GetWebhookDeliveries($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...WebhookDeliveryView } }\n    }\n  }\n": types.GetWebhookDeliveriesDocument,
    "\n  subscription LiveEventsFromAnyInstance($tenantId: ID) {\n    events(tenantId: $tenantId) { id action targetId }\n  }\n": types.LiveEventsFromAnyInstanceDocument,
    "\n  subscription LiveEvents($tenantId: ID, $types: [String!]) {\n    events(tenantId: $tenantId, types: $types) { id action tenantId targetId actor { subject tenantId partnerId } }\n  }\n": types.LiveEventsDocument,
    "\n  query CountedCustomers($first: Int) {\n    customers(first: $first) {\n      edges { node {\n        subscriptions(first: 20) { edges { node { offer { name } partnerOfRecord { name } reseller { name } } } }\n        partnerRelationships { kinds }\n      } }\n    }\n  }\n": types.CountedCustomersDocument,
    "\n  query CountedCustomersWide($first: Int) {\n    customers(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node {\n        id name billingManagedBy { id name }\n        subscriptions(first: 20) {\n          totalCount\n          edges { node {\n            id quantity viewerCanManage\n            offer { name } tenant { name } partnerOfRecord { name } reseller { name authorizedOffers { sku } }\n          } }\n        }\n        partnerRelationships { kinds viewerCanRemove partner { name } subscriptions { id offer { sku } } }\n      } }\n    }\n  }\n": types.CountedCustomersWideDocument,
    "\n  query CountedSubscriptions($tenantId: ID!) {\n    subscriptions(tenantId: $tenantId, first: 20) {\n      edges { node { id quantity offer { name } tenant { name } partnerOfRecord { name } reseller { name } viewerCanManage } }\n    }\n  }\n": types.CountedSubscriptionsDocument,
    "\n  query CountedCustomersPage($after: String) {\n    customers(first: 10, after: $after) {\n      pageInfo { endCursor }\n      edges { node { subscriptions(first: 2) { edges { node { offer { name } } } } } }\n    }\n  }\n": types.CountedCustomersPageDocument,
    "\n  mutation InvitationWithoutInput {\n    createResellerInvitation { invitation { code expiresAt createdAt } }\n  }\n": types.InvitationWithoutInputDocument,
    "\n  query LargeResellerPage {\n    customers(first: 50) { totalCount edges { node { id subscriptions(first: 20) { edges { node { offer { name } } } } } } }\n  }\n": types.LargeResellerPageDocument,
    "\n  mutation TermEventsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }\n  }\n": types.TermEventsCreateEndpointDocument,
    "\n  mutation TermEventsAdvance($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { now offsetSeconds } }\n  }\n": types.TermEventsAdvanceDocument,
    "\n  query TermEventsSubscription($id: ID!) {\n    subscription(id: $id) {\n      id status quantity version createdAt autoRenew termStartsAt termEndsAt cancelledAt expiredAt\n      scheduledChange { quantity termDuration billingCycle }\n    }\n  }\n": types.TermEventsSubscriptionDocument,
    "\n  mutation TermEventsSetAutoRenew($input: SetAutoRenewInput!) {\n    setAutoRenew(input: $input) { subscription { id autoRenew version } }\n  }\n": types.TermEventsSetAutoRenewDocument,
    "\n  mutation TermEventsSchedule($input: ScheduleRenewalChangeInput!) {\n    scheduleRenewalChange(input: $input) { subscription { id version scheduledChange { quantity termDuration billingCycle } } }\n  }\n": types.TermEventsScheduleDocument,
    "\n  mutation TermEventsClear($input: ClearRenewalChangeInput!) {\n    clearRenewalChange(input: $input) { subscription { id version scheduledChange { quantity } } }\n  }\n": types.TermEventsClearDocument,
    "\n  mutation TermEventsCancel($input: CancelSubscriptionInput!) {\n    cancelSubscription(input: $input) { subscription { id status cancelledAt expiredAt termEndsAt autoRenew scheduledChange { quantity } } }\n  }\n": types.TermEventsCancelDocument,
    "\n  subscription TermEventsLive($tenantId: ID, $types: [String!]) {\n    events(tenantId: $tenantId, types: $types) { id action tenantId targetId at before after }\n  }\n": types.TermEventsLiveDocument,
    "\n  query TestClockOfInstance {\n    testClock { now offsetSeconds }\n  }\n": types.TestClockOfInstanceDocument,
    "\n  mutation AdvanceTestClockOnInstance($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { now offsetSeconds } }\n  }\n": types.AdvanceTestClockOnInstanceDocument,
    "\n  query TestClock {\n    testClock { enabled now offsetSeconds }\n  }\n": types.TestClockDocument,
    "\n  mutation AdvanceTestClock($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }\n  }\n": types.AdvanceTestClockDocument,
    "\n  query UpgradedSubscription($id: ID!) {\n    subscription(id: $id) {\n      id status quantity createdAt\n      termDuration billingCycle autoRenew termStartsAt termEndsAt cancellationAllowedUntil quantityFloor\n      scheduledChange { quantity termDuration billingCycle }\n      cancelledAt expiredAt\n      offer { id terms { termDuration billingCycle unitPriceCents } }\n    }\n  }\n": types.UpgradedSubscriptionDocument,
    "\n  mutation DispatchCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }\n  }\n": types.DispatchCreateEndpointDocument,
    "\n  mutation DispatchRotateSecret($id: ID!) {\n    rotateWebhookSecret(input: { id: $id }) { secret }\n  }\n": types.DispatchRotateSecretDocument,
    "\n  mutation DispatchRedeliver($deliveryId: ID!) {\n    redeliverWebhook(input: { deliveryId: $deliveryId }) { delivery { id status } }\n  }\n": types.DispatchRedeliverDocument,
    "\n  query DispatchEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { id enabled disabledReason }\n  }\n": types.DispatchEndpointDocument,
    "\n  query DispatchDeliveryLog($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 100) {\n      edges {\n        node {\n          id status attempts nextAttemptAt lastAttemptAt lastResponseStatus lastError lastResponseBody\n          event { id action targetId }\n        }\n      }\n    }\n  }\n": types.DispatchDeliveryLogDocument,
    "\n  mutation DurabilityCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }\n  }\n": types.DurabilityCreateEndpointDocument,
    "\n  mutation FairnessCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }\n  }\n": types.FairnessCreateEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelationshipsPage($id: ID!) {\n    tenant(id: $id) {\n      id\n      partnerRelationships { kinds viewerCanRemove partner { id name } subscriptions { id partnerOfRecord { id } } }\n    }\n  }\n"): typeof import('./graphql').RelationshipsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteWithNames($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      tenant { id }\n      offer { id sku name }\n      quantity\n      channel\n      reseller { id }\n      partnerOfRecord { id name }\n      unitPriceCents\n      monthlyTotalCents\n      currency\n    }\n  }\n"): typeof import('./graphql').QuoteWithNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TermQuote($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) { termDuration billingCycle pricePerBillingPeriodCents termTotalCents monthlyTotalCents }\n  }\n"): typeof import('./graphql').TermQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionsPage($tenantId: ID!, $status: SubscriptionStatus, $first: Int, $after: String) {\n    subscriptions(tenantId: $tenantId, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id status quantity viewerCanManage offer { id } } }\n    }\n  }\n"): typeof import('./graphql').SubscriptionsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSubscriptionsByStatus($id: ID!, $status: SubscriptionStatus) {\n    tenant(id: $id) { subscriptions(status: $status) { totalCount edges { node { id status viewerCanManage } } } }\n  }\n"): typeof import('./graphql').TenantSubscriptionsByStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionAndPartner($id: ID!) {\n    subscription(id: $id) { version partnerOfRecord { id } }\n  }\n"): typeof import('./graphql').VersionAndPartnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadTenant($id: ID!) {\n    tenant(id: $id) { id }\n  }\n"): typeof import('./graphql').ReadTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionAccess($id: ID!) {\n    subscription(id: $id) { id status viewerCanManage }\n  }\n"): typeof import('./graphql').SubscriptionAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibleTrail($tenantId: ID) {\n    auditEvents(tenantId: $tenantId, first: 100) { edges { node { action targetId actor { subject tenantId partnerId } } } }\n  }\n"): typeof import('./graphql').VisibleTrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerScope {\n    viewer { subject roles tenant { id } partner { id } }\n  }\n"): typeof import('./graphql').ViewerScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerIds {\n    customers(first: 100) { totalCount edges { node { id } } }\n  }\n"): typeof import('./graphql').CustomerIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OffersPage($first: Int, $after: String) {\n    offers(first: $first, after: $after) { edges { node { sku } } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql').OffersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionView on Subscription {\n    id\n    quantity\n    status\n    channel\n    version\n    viewerCanManage\n    suspendedAt\n    dataRetentionEndsAt\n    createdAt\n    updatedAt\n    offer { id sku }\n    reseller { id }\n    partnerOfRecord { id name }\n    tenant { id }\n  }\n"): typeof import('./graphql').SubscriptionViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventView on AuditEvent {\n    id\n    at\n    action\n    targetType\n    targetId\n    tenantId\n    before\n    after\n    requestId\n    actor { subject roles tenantId partnerId }\n  }\n"): typeof import('./graphql').AuditEventViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) { tenant { id name domain countryCode billingManagedBy { id } } }\n  }\n"): typeof import('./graphql').CreateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) { partner { id name countryCode capabilities } }\n  }\n"): typeof import('./graphql').CreatePartnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) { offer { id sku name minQuantity maxQuantity unitPriceCents currency } }\n  }\n"): typeof import('./graphql').CreateOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthorizeOffer($input: AuthorizeOfferInput!) {\n    authorizeOffer(input: $input) { partner { id authorizedOffers { sku } } }\n  }\n"): typeof import('./graphql').AuthorizeOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOfferAuthorization($input: RevokeOfferAuthorizationInput!) {\n    revokeOfferAuthorization(input: $input) { partner { id authorizedOffers { sku } } }\n  }\n"): typeof import('./graphql').RevokeOfferAuthorizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseSubscription($input: PurchaseSubscriptionInput!) {\n    purchaseSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n"): typeof import('./graphql').PurchaseSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteSubscription($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      tenant { id }\n      offer { id sku }\n      quantity\n      channel\n      reseller { id }\n      partnerOfRecord { id }\n      unitPriceCents\n      monthlyTotalCents\n      currency\n    }\n  }\n"): typeof import('./graphql').QuoteSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeLicenseQuantity($input: ChangeLicenseQuantityInput!) {\n    changeLicenseQuantity(input: $input) { subscription { ...SubscriptionView } }\n  }\n"): typeof import('./graphql').ChangeLicenseQuantityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendSubscription($input: SuspendSubscriptionInput!) {\n    suspendSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n"): typeof import('./graphql').SuspendSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateSubscription($input: ReactivateSubscriptionInput!) {\n    reactivateSubscription(input: $input) { subscription { ...SubscriptionView } }\n  }\n"): typeof import('./graphql').ReactivateSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPartnerOfRecord($input: SetPartnerOfRecordInput!) {\n    setPartnerOfRecord(input: $input) { subscription { ...SubscriptionView } }\n  }\n"): typeof import('./graphql').SetPartnerOfRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSubscription($id: ID!) {\n    subscription(id: $id) { ...SubscriptionView }\n  }\n"): typeof import('./graphql').GetSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSubscriptions($tenantId: ID!, $status: SubscriptionStatus) {\n    subscriptions(tenantId: $tenantId, first: 100, status: $status) {\n      totalCount\n      edges { node { ...SubscriptionView } }\n    }\n  }\n"): typeof import('./graphql').GetSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTenants($search: String) {\n    tenants(first: 100, search: $search) { totalCount edges { node { id name } } }\n  }\n"): typeof import('./graphql').GetTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { customer { id name domain countryCode billingManagedBy { id } } }\n  }\n"): typeof import('./graphql').CreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTenant($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      domain\n      countryCode\n      billingManagedBy { id }\n      subscriptions(first: 100) { totalCount edges { node { ...SubscriptionView } } }\n    }\n  }\n"): typeof import('./graphql').GetTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetCustomers($search: String, $after: String, $first: Int) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name domain billingManagedBy { id } } }\n    }\n  }\n"): typeof import('./graphql').GetCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPartnerRelationships($id: ID!) {\n    tenant(id: $id) {\n      id\n      billingManagedBy { id }\n      partnerRelationships { partner { id } kinds viewerCanRemove }\n    }\n  }\n"): typeof import('./graphql').GetPartnerRelationshipsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyPartnerId($partnerId: String!) {\n    verifyPartnerId(partnerId: $partnerId) { partnerId valid partnerName reason }\n  }\n"): typeof import('./graphql').VerifyPartnerIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateResellerInvitation($input: CreateResellerInvitationInput) {\n    createResellerInvitation(input: $input) { invitation { id code expiresAt createdAt acceptedAt partner { id } } }\n  }\n"): typeof import('./graphql').CreateResellerInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptResellerInvitation($input: AcceptResellerInvitationInput!) {\n    acceptResellerInvitation(input: $input) { relationship { partner { id } tenant { id billingManagedBy { id } } } }\n  }\n"): typeof import('./graphql').AcceptResellerInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveResellerRelationship($input: RemoveResellerRelationshipInput!) {\n    removeResellerRelationship(input: $input) { tenant { id billingManagedBy { id } } }\n  }\n"): typeof import('./graphql').RemoveResellerRelationshipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAdvisorRelationship($input: RemoveAdvisorRelationshipInput!) {\n    removeAdvisorRelationship(input: $input) {\n      tenant { id partnerRelationships { kinds viewerCanRemove partner { id } subscriptions { id } } }\n    }\n  }\n"): typeof import('./graphql').RemoveAdvisorRelationshipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPartner($id: ID!) {\n    partner(id: $id) { id name capabilities authorizedOffers { sku } }\n  }\n"): typeof import('./graphql').GetPartnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetOffers {\n    offers(first: 100) { totalCount edges { node { id sku } } }\n  }\n"): typeof import('./graphql').GetOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetAuditEvents($tenantId: ID, $first: Int = 100, $after: String) {\n    auditEvents(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...AuditEventView } }\n    }\n  }\n"): typeof import('./graphql').GetAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetViewer {\n    viewer { subject roles }\n  }\n"): typeof import('./graphql').GetViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TermView on Subscription {\n    id\n    status\n    quantity\n    version\n    channel\n    termDuration\n    billingCycle\n    autoRenew\n    termStartsAt\n    termEndsAt\n    cancellationAllowedUntil\n    quantityFloor\n    scheduledChange { quantity termDuration billingCycle }\n    cancelledAt\n    expiredAt\n    suspendedAt\n    dataRetentionEndsAt\n    viewerCanCancel\n    viewerCanManage\n    createdAt\n    updatedAt\n    offer { id }\n    tenant { id }\n    partnerOfRecord { id }\n  }\n"): typeof import('./graphql').TermViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTerm($id: ID!) {\n    subscription(id: $id) { ...TermView }\n  }\n"): typeof import('./graphql').GetTermDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTermOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) { offer { id sku minQuantity maxQuantity unitPriceCents terms { termDuration billingCycle unitPriceCents } } }\n  }\n"): typeof import('./graphql').CreateTermOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseTerm($input: PurchaseSubscriptionInput!) {\n    purchaseSubscription(input: $input) { subscription { ...TermView } }\n  }\n"): typeof import('./graphql').PurchaseTermDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteTerm($input: QuoteSubscriptionInput!) {\n    quoteSubscription(input: $input) {\n      quantity\n      channel\n      currency\n      termDuration\n      billingCycle\n      autoRenew\n      termStartsAt\n      termEndsAt\n      unitPriceCents\n      pricePerBillingPeriodCents\n      termTotalCents\n      monthlyTotalCents\n    }\n  }\n"): typeof import('./graphql').QuoteTermDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeTermQuantity($input: ChangeLicenseQuantityInput!) {\n    changeLicenseQuantity(input: $input) { subscription { ...TermView } }\n  }\n"): typeof import('./graphql').ChangeTermQuantityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSubscription($input: CancelSubscriptionInput!) {\n    cancelSubscription(input: $input) { subscription { ...TermView } }\n  }\n"): typeof import('./graphql').CancelSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAutoRenew($input: SetAutoRenewInput!) {\n    setAutoRenew(input: $input) { subscription { ...TermView } }\n  }\n"): typeof import('./graphql').SetAutoRenewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleRenewalChange($input: ScheduleRenewalChangeInput!) {\n    scheduleRenewalChange(input: $input) { subscription { ...TermView } }\n  }\n"): typeof import('./graphql').ScheduleRenewalChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearRenewalChange($input: ClearRenewalChangeInput!) {\n    clearRenewalChange(input: $input) { subscription { ...TermView } }\n  }\n"): typeof import('./graphql').ClearRenewalChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DomainTime {\n    testClock { enabled now offsetSeconds }\n  }\n"): typeof import('./graphql').DomainTimeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveDomainTime($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }\n  }\n"): typeof import('./graphql').MoveDomainTimeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointView on WebhookEndpoint {\n    id\n    url\n    eventTypes\n    description\n    enabled\n    disabledReason\n    createdAt\n  }\n"): typeof import('./graphql').WebhookEndpointViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryView on WebhookDelivery {\n    id\n    status\n    attempts\n    nextAttemptAt\n    lastAttemptAt\n    lastResponseStatus\n    lastError\n    event { id action targetType targetId tenantId actor { subject tenantId partnerId } }\n  }\n"): typeof import('./graphql').WebhookDeliveryViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }\n  }\n"): typeof import('./graphql').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } }\n  }\n"): typeof import('./graphql').UpdateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId }\n  }\n"): typeof import('./graphql').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }\n  }\n"): typeof import('./graphql').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($input: SendTestWebhookInput!) {\n    sendTestWebhook(input: $input) { delivery { ...WebhookDeliveryView } }\n  }\n"): typeof import('./graphql').SendTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) { delivery { ...WebhookDeliveryView } }\n  }\n"): typeof import('./graphql').RedeliverWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWebhookEndpoints($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...WebhookEndpointView } }\n    }\n  }\n"): typeof import('./graphql').GetWebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { ...WebhookEndpointView }\n  }\n"): typeof import('./graphql').GetWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWebhookDeliveries($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...WebhookDeliveryView } }\n    }\n  }\n"): typeof import('./graphql').GetWebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEventsFromAnyInstance($tenantId: ID) {\n    events(tenantId: $tenantId) { id action targetId }\n  }\n"): typeof import('./graphql').LiveEventsFromAnyInstanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEvents($tenantId: ID, $types: [String!]) {\n    events(tenantId: $tenantId, types: $types) { id action tenantId targetId actor { subject tenantId partnerId } }\n  }\n"): typeof import('./graphql').LiveEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountedCustomers($first: Int) {\n    customers(first: $first) {\n      edges { node {\n        subscriptions(first: 20) { edges { node { offer { name } partnerOfRecord { name } reseller { name } } } }\n        partnerRelationships { kinds }\n      } }\n    }\n  }\n"): typeof import('./graphql').CountedCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountedCustomersWide($first: Int) {\n    customers(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node {\n        id name billingManagedBy { id name }\n        subscriptions(first: 20) {\n          totalCount\n          edges { node {\n            id quantity viewerCanManage\n            offer { name } tenant { name } partnerOfRecord { name } reseller { name authorizedOffers { sku } }\n          } }\n        }\n        partnerRelationships { kinds viewerCanRemove partner { name } subscriptions { id offer { sku } } }\n      } }\n    }\n  }\n"): typeof import('./graphql').CountedCustomersWideDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountedSubscriptions($tenantId: ID!) {\n    subscriptions(tenantId: $tenantId, first: 20) {\n      edges { node { id quantity offer { name } tenant { name } partnerOfRecord { name } reseller { name } viewerCanManage } }\n    }\n  }\n"): typeof import('./graphql').CountedSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountedCustomersPage($after: String) {\n    customers(first: 10, after: $after) {\n      pageInfo { endCursor }\n      edges { node { subscriptions(first: 2) { edges { node { offer { name } } } } } }\n    }\n  }\n"): typeof import('./graphql').CountedCustomersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitationWithoutInput {\n    createResellerInvitation { invitation { code expiresAt createdAt } }\n  }\n"): typeof import('./graphql').InvitationWithoutInputDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LargeResellerPage {\n    customers(first: 50) { totalCount edges { node { id subscriptions(first: 20) { edges { node { offer { name } } } } } } }\n  }\n"): typeof import('./graphql').LargeResellerPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TermEventsCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }\n  }\n"): typeof import('./graphql').TermEventsCreateEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TermEventsAdvance($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { now offsetSeconds } }\n  }\n"): typeof import('./graphql').TermEventsAdvanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TermEventsSubscription($id: ID!) {\n    subscription(id: $id) {\n      id status quantity version createdAt autoRenew termStartsAt termEndsAt cancelledAt expiredAt\n      scheduledChange { quantity termDuration billingCycle }\n    }\n  }\n"): typeof import('./graphql').TermEventsSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TermEventsSetAutoRenew($input: SetAutoRenewInput!) {\n    setAutoRenew(input: $input) { subscription { id autoRenew version } }\n  }\n"): typeof import('./graphql').TermEventsSetAutoRenewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TermEventsSchedule($input: ScheduleRenewalChangeInput!) {\n    scheduleRenewalChange(input: $input) { subscription { id version scheduledChange { quantity termDuration billingCycle } } }\n  }\n"): typeof import('./graphql').TermEventsScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TermEventsClear($input: ClearRenewalChangeInput!) {\n    clearRenewalChange(input: $input) { subscription { id version scheduledChange { quantity } } }\n  }\n"): typeof import('./graphql').TermEventsClearDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TermEventsCancel($input: CancelSubscriptionInput!) {\n    cancelSubscription(input: $input) { subscription { id status cancelledAt expiredAt termEndsAt autoRenew scheduledChange { quantity } } }\n  }\n"): typeof import('./graphql').TermEventsCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TermEventsLive($tenantId: ID, $types: [String!]) {\n    events(tenantId: $tenantId, types: $types) { id action tenantId targetId at before after }\n  }\n"): typeof import('./graphql').TermEventsLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestClockOfInstance {\n    testClock { now offsetSeconds }\n  }\n"): typeof import('./graphql').TestClockOfInstanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceTestClockOnInstance($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { now offsetSeconds } }\n  }\n"): typeof import('./graphql').AdvanceTestClockOnInstanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestClock {\n    testClock { enabled now offsetSeconds }\n  }\n"): typeof import('./graphql').TestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceTestClock($input: AdvanceTestClockInput!) {\n    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }\n  }\n"): typeof import('./graphql').AdvanceTestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpgradedSubscription($id: ID!) {\n    subscription(id: $id) {\n      id status quantity createdAt\n      termDuration billingCycle autoRenew termStartsAt termEndsAt cancellationAllowedUntil quantityFloor\n      scheduledChange { quantity termDuration billingCycle }\n      cancelledAt expiredAt\n      offer { id terms { termDuration billingCycle unitPriceCents } }\n    }\n  }\n"): typeof import('./graphql').UpgradedSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DispatchCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }\n  }\n"): typeof import('./graphql').DispatchCreateEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DispatchRotateSecret($id: ID!) {\n    rotateWebhookSecret(input: { id: $id }) { secret }\n  }\n"): typeof import('./graphql').DispatchRotateSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DispatchRedeliver($deliveryId: ID!) {\n    redeliverWebhook(input: { deliveryId: $deliveryId }) { delivery { id status } }\n  }\n"): typeof import('./graphql').DispatchRedeliverDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DispatchEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { id enabled disabledReason }\n  }\n"): typeof import('./graphql').DispatchEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DispatchDeliveryLog($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 100) {\n      edges {\n        node {\n          id status attempts nextAttemptAt lastAttemptAt lastResponseStatus lastError lastResponseBody\n          event { id action targetId }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DispatchDeliveryLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DurabilityCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }\n  }\n"): typeof import('./graphql').DurabilityCreateEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FairnessCreateEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }\n  }\n"): typeof import('./graphql').FairnessCreateEndpointDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
