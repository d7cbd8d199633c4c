/** The GraphQL documents the scenarios send (SPEC §3 names). */
const SUBSCRIPTION_FIELDS = 'id quantity status version channel';

export const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } } }`;
export const CREATE_OFFER = `mutation($input: CreateOfferInput!) { createOffer(input: $input) { offer { id } } }`;
export const AUTHORIZE_OFFER = `mutation($input: AuthorizeOfferInput!) { authorizeOffer(input: $input) { partner { id } } }`;
export const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }`;
export const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`;
export const PURCHASE = `mutation($input: PurchaseSubscriptionInput!) { purchaseSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } } }`;
export const CHANGE_QUANTITY = `mutation($input: ChangeLicenseQuantityInput!) { changeLicenseQuantity(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } } }`;
export const SUSPEND = `mutation($input: SuspendSubscriptionInput!) { suspendSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } } }`;
export const REACTIVATE = `mutation($input: ReactivateSubscriptionInput!) { reactivateSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } } }`;
export const REMOVE_RESELLER = `mutation($input: RemoveResellerRelationshipInput!) { removeResellerRelationship(input: $input) { tenant { id } } }`;
export const SUBSCRIPTION = `query($id: ID!) { subscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`;

export interface SubscriptionView {
  id: string;
  quantity: number;
  status: string;
  version: number;
  channel: string;
}
