import { AuditResolver } from './audit.resolver';
import { OfferResolver } from './offer.resolver';
import { PartnerResolver } from './partner.resolver';
import { RelationshipResolver, ResellerInvitationResolver, ResellerRelationshipResolver } from './relationship.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { TenantResolver } from './tenant.resolver';
import { ViewerResolver } from './viewer.resolver';

export const resolvers = [
  ViewerResolver,
  TenantResolver,
  SubscriptionResolver,
  PartnerResolver,
  OfferResolver,
  RelationshipResolver,
  ResellerRelationshipResolver,
  ResellerInvitationResolver,
  AuditResolver,
] as const;
