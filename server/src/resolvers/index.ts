// type-graphql lists Query and Mutation fields in the order their decorators run, that is the order these
// modules load: keep it, or schema/schema.graphql reorders.
import { TenantResolver } from './tenant.resolver';
import { AuditResolver } from './audit.resolver';
import { OfferResolver } from './offer.resolver';
import { PartnerResolver } from './partner.resolver';
import { ResellerInvitationResolver } from './reseller-invitation.resolver';
import { ResellerRelationshipResolver } from './reseller-relationship.resolver';
import { PartnerRelationshipResolver } from './partner-relationship.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { ViewerResolver } from './viewer.resolver';
import { WebhookResolver } from './webhook.resolver';
import { TestClockResolver } from './test-clock.resolver';

export const resolvers = [
  TenantResolver,
  AuditResolver,
  OfferResolver,
  PartnerResolver,
  ResellerInvitationResolver,
  ResellerRelationshipResolver,
  PartnerRelationshipResolver,
  SubscriptionResolver,
  ViewerResolver,
  WebhookResolver,
  TestClockResolver,
] as const;
