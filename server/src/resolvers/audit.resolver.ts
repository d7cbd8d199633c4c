import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { AuditActor, AuditEvent } from '../entities';
import type { Services } from '../services';
import { AuditEventConnection } from './types/connections';
import { PageArgs } from './types/page-args';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.ReadAuditEvents)
  @Query(() => AuditEventConnection, {
    description: 'The audit trail, newest first: what you may see of a tenant’s (tenantId), or everything for platform admins.',
  })
  async auditEvents(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return AuditEventConnection.from(await this.services.audit.list(ctx, tenantId, args));
  }

  @FieldResolver(() => AuditActor, { description: 'Who made the change.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    return this.services.audit.actorOf(ctx, event);
  }
}
