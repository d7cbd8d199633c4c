import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Partner, ResellerRelationship, Tenant } from '../entities';
import type { Services } from '../services';
import { RemoveResellerRelationshipPayload } from './types/payloads';
import { RemoveResellerRelationshipInput } from './types/tenant-inputs';

@Resolver(() => ResellerRelationship)
export class ResellerRelationshipResolver {
  constructor(private readonly services: Services) {}

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

  @FieldResolver(() => Partner, { description: 'The reseller.' })
  async partner(@Root() relationship: ResellerRelationship, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.partnerById.load(relationship.partnerId))!;
  }

  @FieldResolver(() => Tenant, { description: 'The customer tenant.' })
  async tenant(@Root() relationship: ResellerRelationship, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.tenantById.load(relationship.tenantId))!;
  }
}
