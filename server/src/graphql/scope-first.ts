import type { ResolverData } from 'type-graphql';
import { accessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';

type Args = Record<string, any>;

/**
 * SPEC §3 reports NOT_FOUND (out of scope) first, then FORBIDDEN, then BAD_USER_INPUT. type-graphql checks
 * the role (@Authorized) and then the arguments' rules before a resolver runs; so when either refuses, the
 * operation's scope (and manage) checks run first and refuse in their own terms. They are the services' own
 * checks, answered from the request's loaders, so a request that passes pays nothing for them twice.
 */
const SCOPE_CHECKS: Record<string, (ctx: RequestContext, args: Args) => Promise<unknown>> = {
  quoteSubscription: (ctx, { input }) => accessPolicy.purchaseChannel(ctx, input.tenantId),
  purchaseSubscription: (ctx, { input }) => accessPolicy.purchaseChannel(ctx, input.tenantId),
  setPartnerOfRecord: (ctx, { input }) => accessPolicy.manageableSubscription(ctx, input.subscriptionId),
  changeLicenseQuantity: (ctx, { input }) => accessPolicy.manageableSubscription(ctx, input.subscriptionId),
  suspendSubscription: (ctx, { input }) => accessPolicy.manageableSubscription(ctx, input.subscriptionId),
  reactivateSubscription: (ctx, { input }) => accessPolicy.manageableSubscription(ctx, input.subscriptionId),
  removeAdvisorRelationship: (ctx, { input }) => accessPolicy.readableTenant(ctx, input.tenantId),
  removeResellerRelationship: (ctx, { input }) => accessPolicy.customerTenant(ctx, input.tenantId),
  auditEvents: async (ctx, { tenantId }) => tenantId && accessPolicy.readableTenant(ctx, tenantId),
  createCustomer: (ctx) => accessPolicy.resellerPartner(ctx, 'create customers'),
  createResellerInvitation: (ctx) => accessPolicy.resellerPartner(ctx, 'invite customers'),
};

/** Runs the scope checks of a root operation, if it has any: they throw what SPEC §3 reports first. */
export async function refuseOutOfScopeFirst({ context, info, args }: ResolverData<RequestContext>): Promise<void> {
  const isRoot = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
  const checks = isRoot ? SCOPE_CHECKS[info.fieldName] : undefined;
  if (checks) await checks(context, args);
}
