import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Partner, ResellerInvitation, Tenant } from '../entities';
import type { Services } from '../services';
import { AcceptResellerInvitationPayload, CreateResellerInvitationPayload } from './types/payloads';
import { AcceptResellerInvitationInput, CreateResellerInvitationInput } from './types/tenant-inputs';

@Resolver(() => ResellerInvitation)
export class ResellerInvitationResolver {
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

  @FieldResolver(() => Partner, { description: 'The reseller who sent the invitation.' })
  async partner(@Root() invitation: ResellerInvitation, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.partnerById.load(invitation.partnerId))!;
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The tenant that accepted it; null while open.' })
  acceptedBy(@Root() invitation: ResellerInvitation, @Ctx() ctx: RequestContext) {
    return invitation.acceptedByTenantId ? ctx.loaders.tenantById.load(invitation.acceptedByTenantId) : null;
  }
}
