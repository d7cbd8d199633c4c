import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Partner, ResellerInvitation, ResellerRelationship, Subscription, Tenant } from '../entities';
import type { Services } from '../services';
import { PartnerRelationship } from './types/objects';
import {
  AcceptResellerInvitationPayload,
  CreateResellerInvitationPayload,
  RemoveAdvisorRelationshipPayload,
  RemoveResellerRelationshipPayload,
} from './types/payloads';
import {
  AcceptResellerInvitationInput,
  CreateResellerInvitationInput,
  RemoveAdvisorRelationshipInput,
  RemoveResellerRelationshipInput,
} from './types/tenant-inputs';

@Resolver(() => PartnerRelationship)
export class RelationshipResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.CreateResellerInvitation)
  @Mutation(() => CreateResellerInvitationPayload, { description: 'Invite an existing tenant to take you as its reseller.' })
  async createResellerInvitation(
    @Arg('input', () => CreateResellerInvitationInput, { nullable: true }) input: CreateResellerInvitationInput | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const invitation = await this.services.relationships.createInvitation(ctx, input?.expiresInDays);
    return Object.assign(new CreateResellerInvitationPayload(), { invitation });
  }

  @Authorized(Permission.AcceptResellerInvitation)
  @Mutation(() => AcceptResellerInvitationPayload, { description: 'Accept a reseller’s invitation (tenant global admins).' })
  async acceptResellerInvitation(
    @Arg('input', () => AcceptResellerInvitationInput) input: AcceptResellerInvitationInput,
    @Ctx() ctx: RequestContext,
  ) {
    const relationship = await this.services.relationships.acceptInvitation(ctx, input.code);
    return Object.assign(new AcceptResellerInvitationPayload(), { relationship });
  }

  @Authorized(Permission.RemoveResellerRelationship)
  @Mutation(() => RemoveResellerRelationshipPayload, {
    description: 'A reseller ends its relationship with a customer. Its active sales must be suspended first.',
  })
  async removeResellerRelationship(
    @Arg('input', () => RemoveResellerRelationshipInput) input: RemoveResellerRelationshipInput,
    @Ctx() ctx: RequestContext,
  ) {
    const tenant = await this.services.relationships.removeReseller(ctx, input.tenantId, input.partnerId);
    return Object.assign(new RemoveResellerRelationshipPayload(), { tenant });
  }

  @Authorized(Permission.RemoveAdvisorRelationship)
  @Mutation(() => RemoveAdvisorRelationshipPayload, {
    description: 'A customer removes an advisor: it stops being partner of record on all the tenant’s subscriptions.',
  })
  async removeAdvisorRelationship(
    @Arg('input', () => RemoveAdvisorRelationshipInput) input: RemoveAdvisorRelationshipInput,
    @Ctx() ctx: RequestContext,
  ) {
    const tenant = await this.services.relationships.removeAdvisor(ctx, input.tenantId, input.partnerId);
    return Object.assign(new RemoveAdvisorRelationshipPayload(), { tenant });
  }

  @FieldResolver(() => Partner, { description: 'The related partner.' })
  async partner(@Root() relationship: PartnerRelationship, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.partnerById.load(relationship.partnerId))!;
  }

  @FieldResolver(() => [Subscription], { description: 'The tenant’s subscriptions this partner is partner of record on.' })
  async subscriptions(@Root() relationship: PartnerRelationship, @Ctx() ctx: RequestContext) {
    const loaded = await ctx.loaders.subscriptionById.loadMany(relationship.subscriptionIds);
    return loaded.filter((s): s is Subscription => s instanceof Subscription);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether you may remove this partner as advisor. Always false for a reseller-only relationship: only the reseller can end it.',
  })
  viewerCanRemove(@Root() relationship: PartnerRelationship, @Ctx() ctx: RequestContext) {
    return this.services.tenants.canRemoveAdvisor(ctx, relationship.tenantId, relationship);
  }
}

@Resolver(() => ResellerRelationship)
export class ResellerRelationshipResolver {
  @FieldResolver(() => Partner, { description: 'The reseller.' })
  async partner(@Root() relationship: ResellerRelationship, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.partnerById.load(relationship.partnerId))!;
  }

  @FieldResolver(() => Tenant, { description: 'The customer tenant.' })
  async tenant(@Root() relationship: ResellerRelationship, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.tenantById.load(relationship.tenantId))!;
  }
}

@Resolver(() => ResellerInvitation)
export class ResellerInvitationResolver {
  @FieldResolver(() => Partner, { description: 'The reseller who sent the invitation.' })
  async partner(@Root() invitation: ResellerInvitation, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.partnerById.load(invitation.partnerId))!;
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The tenant that accepted it; null while open.' })
  acceptedBy(@Root() invitation: ResellerInvitation, @Ctx() ctx: RequestContext) {
    return invitation.acceptedByTenantId ? ctx.loaders.tenantById.load(invitation.acceptedByTenantId) : null;
  }
}
