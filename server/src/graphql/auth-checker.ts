import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { forbidden } from '../domain/errors';
import { refuseOutOfScopeFirst } from './scope-first';
import type { Services } from '../services';
import type { RequestContext } from '../auth/request-context';
import { deniedMessage, type Permission, rolesAllow } from '../auth/permissions';

/**
 * The role half of authorization: `@Authorized(Permission.X)` on every operation. Refuses with our
 * FORBIDDEN (type-graphql's own AuthorizationError would say UNAUTHORIZED).
 */
export class PermissionChecker implements AuthCheckerInterface<RequestContext, Permission> {
  private readonly refuseOutOfScope;

  constructor(services: Services) {
    this.refuseOutOfScope = refuseOutOfScopeFirst(services.access);
  }

  async check(resolverData: ResolverData<RequestContext>, permissions: Permission[]): Promise<boolean> {
    const { roles } = resolverData.context.actor;
    const denied = permissions.find((permission) => !rolesAllow(roles, permission));
    if (denied === undefined) return true;
    await this.refuseOutOfScope(resolverData); // out of scope is NOT_FOUND, even for a role that may not act
    throw forbidden(deniedMessage(denied, roles));
  }
}
