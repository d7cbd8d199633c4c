import { graphql } from './generated';

/**
 * The term operations (SPEC §8) the term specs share: a subscription with every term field, the four term
 * mutations, purchase, quote and quantity change answering those fields, an offer with its terms, and the test clock.
 */

// A fragment the documents below spread by name; codegen reads it from this call, nothing at run time does.
graphql(`
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
    scheduledChange { quantity termDuration billingCycle }
    cancelledAt
    expiredAt
    suspendedAt
    dataRetentionEndsAt
    viewerCanCancel
    viewerCanManage
    createdAt
    updatedAt
    offer { id }
    tenant { id }
    partnerOfRecord { id }
  }
`);

export const GET_TERM = graphql(`
  query GetTerm($id: ID!) {
    subscription(id: $id) { ...TermView }
  }
`);

export const CREATE_TERM_OFFER = graphql(`
  mutation CreateTermOffer($input: CreateOfferInput!) {
    createOffer(input: $input) { offer { id sku minQuantity maxQuantity unitPriceCents terms { termDuration billingCycle unitPriceCents } } }
  }
`);

export const PURCHASE_TERM = graphql(`
  mutation PurchaseTerm($input: PurchaseSubscriptionInput!) {
    purchaseSubscription(input: $input) { subscription { ...TermView } }
  }
`);

export const QUOTE_TERM = graphql(`
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
`);

export const CHANGE_TERM_QUANTITY = graphql(`
  mutation ChangeTermQuantity($input: ChangeLicenseQuantityInput!) {
    changeLicenseQuantity(input: $input) { subscription { ...TermView } }
  }
`);

export const CANCEL_SUBSCRIPTION = graphql(`
  mutation CancelSubscription($input: CancelSubscriptionInput!) {
    cancelSubscription(input: $input) { subscription { ...TermView } }
  }
`);

export const SET_AUTO_RENEW = graphql(`
  mutation SetAutoRenew($input: SetAutoRenewInput!) {
    setAutoRenew(input: $input) { subscription { ...TermView } }
  }
`);

export const SCHEDULE_RENEWAL_CHANGE = graphql(`
  mutation ScheduleRenewalChange($input: ScheduleRenewalChangeInput!) {
    scheduleRenewalChange(input: $input) { subscription { ...TermView } }
  }
`);

export const CLEAR_RENEWAL_CHANGE = graphql(`
  mutation ClearRenewalChange($input: ClearRenewalChangeInput!) {
    clearRenewalChange(input: $input) { subscription { ...TermView } }
  }
`);

export const DOMAIN_TIME = graphql(`
  query DomainTime {
    testClock { enabled now offsetSeconds }
  }
`);

export const MOVE_DOMAIN_TIME = graphql(`
  mutation MoveDomainTime($input: AdvanceTestClockInput!) {
    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }
  }
`);
