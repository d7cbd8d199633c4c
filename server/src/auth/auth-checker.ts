import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { forbidden } from '../graphql/app-error';
import type { RequestContext } from './request-context';
import { deniedMessage, type Permission, rolesAllow } from './permissions';

/**
 * The role half of authorization: `@Authorized(Permission.X)` on every operation. Refuses with our
 * FORBIDDEN (type-graphql's own AuthorizationError would say UNAUTHORIZED).
 */
export class PermissionChecker implements AuthCheckerInterface<RequestContext, Permission> {
  check({ context }: ResolverData<RequestContext>, permissions: Permission[]): boolean {
    const { roles } = context.actor;
    for (const permission of permissions) {
      if (!rolesAllow(roles, permission)) throw forbidden(deniedMessage(permission, roles));
    }
    return true;
  }
}
