import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Partner, Subscription } from '../entities';
import type { Services } from '../services';
import { PartnerRelationship } from './types/partner-relationship';
import { RemoveAdvisorRelationshipPayload } from './types/payloads';
import { RemoveAdvisorRelationshipInput } from './types/tenant-inputs';

@Resolver(() => PartnerRelationship)
export class PartnerRelationshipResolver {
  constructor(private readonly services: Services) {}

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
