import { Field, ObjectType } from 'type-graphql';
import { Offer, Partner, ResellerInvitation, ResellerRelationship, Subscription, Tenant } from '../../entities';

/** Mutation payloads: one per mutation, so each can grow fields without breaking clients. */
function subscriptionPayload(name: string, verb: string) {
  @ObjectType(name, { description: `The result of ${verb}.`, simpleResolvers: true })
  class Payload {
    @Field(() => Subscription, { description: 'The subscription as it is now.' })
    subscription: Subscription;
  }
  return Payload;
}

export const PurchaseSubscriptionPayload = subscriptionPayload('PurchaseSubscriptionPayload', 'purchaseSubscription');
export const SetPartnerOfRecordPayload = subscriptionPayload('SetPartnerOfRecordPayload', 'setPartnerOfRecord');
export const ChangeLicenseQuantityPayload = subscriptionPayload('ChangeLicenseQuantityPayload', 'changeLicenseQuantity');
export const SuspendSubscriptionPayload = subscriptionPayload('SuspendSubscriptionPayload', 'suspendSubscription');
export const ReactivateSubscriptionPayload = subscriptionPayload('ReactivateSubscriptionPayload', 'reactivateSubscription');
export const CancelSubscriptionPayload = subscriptionPayload('CancelSubscriptionPayload', 'cancelSubscription');
export const SetAutoRenewPayload = subscriptionPayload('SetAutoRenewPayload', 'setAutoRenew');
export const ScheduleRenewalChangePayload = subscriptionPayload('ScheduleRenewalChangePayload', 'scheduleRenewalChange');
export const ClearRenewalChangePayload = subscriptionPayload('ClearRenewalChangePayload', 'clearRenewalChange');

function tenantPayload(name: string, field: 'tenant' | 'customer', description: string) {
  @ObjectType(name, { description })
  class Payload {
    @Field(() => Tenant, { description: 'The tenant as it is now.', name: field })
    tenant: Tenant;
  }
  return Payload;
}

export const CreateTenantPayload = tenantPayload('CreateTenantPayload', 'tenant', 'The result of createTenant.');
export const CreateCustomerPayload = tenantPayload('CreateCustomerPayload', 'customer', 'The result of createCustomer.');
export const RemoveResellerRelationshipPayload = tenantPayload(
  'RemoveResellerRelationshipPayload',
  'tenant',
  'The result of removeResellerRelationship.',
);
export const RemoveAdvisorRelationshipPayload = tenantPayload(
  'RemoveAdvisorRelationshipPayload',
  'tenant',
  'The result of removeAdvisorRelationship.',
);

function partnerPayload(name: string, description: string) {
  @ObjectType(name, { description })
  class Payload {
    @Field(() => Partner, { description: 'The partner as it is now.' })
    partner: Partner;
  }
  return Payload;
}

export const CreatePartnerPayload = partnerPayload('CreatePartnerPayload', 'The result of createPartner.');
export const AuthorizeOfferPayload = partnerPayload('AuthorizeOfferPayload', 'The result of authorizeOffer.');
export const RevokeOfferAuthorizationPayload = partnerPayload('RevokeOfferAuthorizationPayload', 'The result of revokeOfferAuthorization.');

@ObjectType({ description: 'The result of createOffer.' })
export class CreateOfferPayload {
  @Field(() => Offer, { description: 'The new offer.' })
  offer: Offer;
}

@ObjectType({ description: 'The result of createResellerInvitation.' })
export class CreateResellerInvitationPayload {
  @Field(() => ResellerInvitation, { description: 'The invitation; send its code to the tenant’s global admin.' })
  invitation: ResellerInvitation;
}

@ObjectType({ description: 'The result of acceptResellerInvitation.' })
export class AcceptResellerInvitationPayload {
  @Field(() => ResellerRelationship, { description: 'The new reseller relationship.' })
  relationship: ResellerRelationship;
}
