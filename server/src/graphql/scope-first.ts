import type { ResolverData } from 'type-graphql';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';

/**
 * The arguments the checks read. GraphQL has coerced them to the operation's declared types before any
 * resolver runs (an ID is a string), and each check reads only what its own operation declares.
 */
interface Args {
  input: { tenantId: string; subscriptionId: string; id: string; deliveryId: string };
  tenantId?: string | null;
  id: string;
  endpointId: string;
}

/**
 * SPEC §3 reports NOT_FOUND (out of scope) first, then FORBIDDEN, then BAD_USER_INPUT. type-graphql checks
 * the role (@Authorized) and then the arguments' rules before a resolver runs; so when either refuses, the
 * operation's scope (and manage) checks run first and refuse in their own terms. They are the services' own
 * checks, answered from the request's loaders, so a request that passes pays nothing for them twice.
 */
const SCOPE_CHECKS: Record<string, (access: AccessPolicy, ctx: RequestContext, args: Args) => Promise<unknown>> = {
  quoteSubscription: (access, ctx, { input }) => access.purchaseChannel(ctx, input.tenantId),
  purchaseSubscription: (access, ctx, { input }) => access.purchaseChannel(ctx, input.tenantId),
  setPartnerOfRecord: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  changeLicenseQuantity: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  suspendSubscription: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  reactivateSubscription: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  cancelSubscription: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  setAutoRenew: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  scheduleRenewalChange: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  clearRenewalChange: (access, ctx, { input }) => access.manageableSubscription(ctx, input.subscriptionId),
  removeAdvisorRelationship: (access, ctx, { input }) => access.readableTenant(ctx, input.tenantId),
  removeResellerRelationship: (access, ctx, { input }) => access.customerTenant(ctx, input.tenantId),
  auditEvents: async (access, ctx, { tenantId }) => tenantId && access.readableTenant(ctx, tenantId),
  createCustomer: (access, ctx) => access.resellerPartner(ctx, 'create customers'),
  createResellerInvitation: (access, ctx) => access.resellerPartner(ctx, 'invite customers'),
  webhookEndpoint: (access, ctx, { id }) => access.ownedWebhookEndpoint(ctx, id),
  webhookDeliveries: (access, ctx, { endpointId }) => access.ownedWebhookEndpoint(ctx, endpointId),
  updateWebhookEndpoint: (access, ctx, { input }) => access.ownedWebhookEndpoint(ctx, input.id),
  deleteWebhookEndpoint: (access, ctx, { input }) => access.ownedWebhookEndpoint(ctx, input.id),
  rotateWebhookSecret: (access, ctx, { input }) => access.ownedWebhookEndpoint(ctx, input.id),
  sendTestWebhook: (access, ctx, { input }) => access.ownedWebhookEndpoint(ctx, input.id),
  redeliverWebhook: (access, ctx, { input }) => access.ownedWebhookDelivery(ctx, input.deliveryId),
};

export type RefuseOutOfScopeFirst = (resolverData: ResolverData<RequestContext>) => Promise<void>;

/** Runs the scope checks of a root operation, if it has any: they throw what SPEC §3 reports first. */
export const refuseOutOfScopeFirst =
  (access: AccessPolicy): RefuseOutOfScopeFirst =>
  async ({ context, info, args }) => {
    const isRoot = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    const checks = isRoot ? SCOPE_CHECKS[info.fieldName] : undefined;
    if (checks) await checks(access, context, args as Args);
  };
