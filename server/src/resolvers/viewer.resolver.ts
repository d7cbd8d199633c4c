import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Partner, Tenant } from '../entities';
import type { Services } from '../services';
import { Viewer } from './types/viewer';

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.Read)
  @Query(() => Viewer, { description: 'Who you are: subject, roles, and your tenant or partner.' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return Object.assign(new Viewer(), ctx.actor);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'Your tenant, for tenant users.' })
  tenant(@Root() viewer: Viewer, @Ctx() ctx: RequestContext) {
    return viewer.tenantId ? ctx.loaders.tenantById.load(viewer.tenantId) : null;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'Your partner company, for partner users.' })
  partner(@Root() viewer: Viewer, @Ctx() ctx: RequestContext) {
    return viewer.partnerId ? ctx.loaders.partnerById.load(viewer.partnerId) : null;
  }
}
