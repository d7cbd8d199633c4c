import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { cancellationAllowedUntil } from '../domain/terms';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Offer, Partner, Subscription, Tenant } from '../entities';
import type { Services } from '../services';
import { SubscriptionConnection } from './types/connections';
import { SubscriptionQuote } from './types/subscription-quote';
import {
  CancelSubscriptionPayload,
  ChangeLicenseQuantityPayload,
  ClearRenewalChangePayload,
  ScheduleRenewalChangePayload,
  SetAutoRenewPayload,
  PurchaseSubscriptionPayload,
  ReactivateSubscriptionPayload,
  SetPartnerOfRecordPayload,
  SuspendSubscriptionPayload,
} from './types/payloads';
import {
  CancelSubscriptionInput,
  ClearRenewalChangeInput,
  ScheduleRenewalChangeInput,
  SetAutoRenewInput,
  ChangeLicenseQuantityInput,
  PurchaseSubscriptionInput,
  QuoteSubscriptionInput,
  ReactivateSubscriptionInput,
  SetPartnerOfRecordInput,
  SuspendSubscriptionInput,
} from './types/subscription-inputs';
import { SubscriptionPageArgs } from './types/page-args';

@Resolver(() => Subscription)
export class SubscriptionResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.Read)
  @Query(() => Subscription, { description: 'A subscription in your scope; NOT_FOUND otherwise.' })
  subscription(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.services.subscriptions.get(ctx, id);
  }

  @Authorized(Permission.Read)
  @Query(() => SubscriptionConnection, { description: 'A tenant’s subscriptions that you can see.' })
  async subscriptions(
    @Arg('tenantId', () => ID) tenantId: string,
    @Args(() => SubscriptionPageArgs) args: SubscriptionPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return SubscriptionConnection.from(await this.services.subscriptions.listForTenant(ctx, tenantId, args));
  }

  @Authorized(Permission.PurchaseSubscription)
  @Query(() => SubscriptionQuote, { description: 'The confirmation step: every check of a purchase, nothing written.' })
  async quoteSubscription(@Arg('input', () => QuoteSubscriptionInput) input: QuoteSubscriptionInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new SubscriptionQuote(), await this.services.subscriptions.quote(ctx, input));
  }

  @Authorized(Permission.PurchaseSubscription)
  @Mutation(() => PurchaseSubscriptionPayload, {
    description: 'Buy an offer for a tenant: DIRECT for its own admins, RESELLER for its reseller.',
  })
  async purchaseSubscription(@Arg('input', () => PurchaseSubscriptionInput) input: PurchaseSubscriptionInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new PurchaseSubscriptionPayload(), { subscription: await this.services.subscriptions.purchase(ctx, input) });
  }

  @Authorized(Permission.SetPartnerOfRecord)
  @Mutation(() => SetPartnerOfRecordPayload, { description: 'Add, change or remove (null) the partner of record.' })
  async setPartnerOfRecord(@Arg('input', () => SetPartnerOfRecordInput) input: SetPartnerOfRecordInput, @Ctx() ctx: RequestContext) {
    const subscription = await this.services.subscriptions.setPartnerOfRecord(
      ctx,
      input.subscriptionId,
      input.partnerId,
      input.expectedVersion,
    );
    return Object.assign(new SetPartnerOfRecordPayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => ChangeLicenseQuantityPayload, { description: 'Change the licence count of an active subscription.' })
  async changeLicenseQuantity(
    @Arg('input', () => ChangeLicenseQuantityInput) input: ChangeLicenseQuantityInput,
    @Ctx() ctx: RequestContext,
  ) {
    const subscription = await this.services.subscriptions.changeQuantity(ctx, input.subscriptionId, input.quantity, input.expectedVersion);
    return Object.assign(new ChangeLicenseQuantityPayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => SuspendSubscriptionPayload, { description: 'Suspend an active subscription; cancellation starts.' })
  async suspendSubscription(@Arg('input', () => SuspendSubscriptionInput) input: SuspendSubscriptionInput, @Ctx() ctx: RequestContext) {
    const subscription = await this.services.subscriptions.suspend(ctx, input.subscriptionId, input.expectedVersion);
    return Object.assign(new SuspendSubscriptionPayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => ReactivateSubscriptionPayload, { description: 'Reactivate a suspended subscription before retention ends.' })
  async reactivateSubscription(
    @Arg('input', () => ReactivateSubscriptionInput) input: ReactivateSubscriptionInput,
    @Ctx() ctx: RequestContext,
  ) {
    const subscription = await this.services.subscriptions.reactivate(ctx, input.subscriptionId, input.expectedVersion);
    return Object.assign(new ReactivateSubscriptionPayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => CancelSubscriptionPayload, {
    description:
      'Cancel inside the cancellation window (7 days after the term started): it expires now. Afterwards, turn auto-renewal off instead.',
  })
  async cancelSubscription(@Arg('input', () => CancelSubscriptionInput) input: CancelSubscriptionInput, @Ctx() ctx: RequestContext) {
    const subscription = await this.services.subscriptions.cancel(ctx, input.subscriptionId, input.expectedVersion);
    return Object.assign(new CancelSubscriptionPayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => SetAutoRenewPayload, { description: 'Turn auto-renewal of an active subscription on or off.' })
  async setAutoRenew(@Arg('input', () => SetAutoRenewInput) input: SetAutoRenewInput, @Ctx() ctx: RequestContext) {
    const subscription = await this.services.subscriptions.setAutoRenew(ctx, input.subscriptionId, input.autoRenew, input.expectedVersion);
    return Object.assign(new SetAutoRenewPayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => ScheduleRenewalChangePayload, { description: 'Schedule a quantity, term or cycle for the next renewal.' })
  async scheduleRenewalChange(
    @Arg('input', () => ScheduleRenewalChangeInput) input: ScheduleRenewalChangeInput,
    @Ctx() ctx: RequestContext,
  ) {
    const { subscriptionId, expectedVersion, ...change } = input;
    const subscription = await this.services.subscriptions.scheduleRenewalChange(ctx, subscriptionId, change, expectedVersion);
    return Object.assign(new ScheduleRenewalChangePayload(), { subscription });
  }

  @Authorized(Permission.ManageSubscription)
  @Mutation(() => ClearRenewalChangePayload, { description: 'Remove the change scheduled for the next renewal.' })
  async clearRenewalChange(@Arg('input', () => ClearRenewalChangeInput) input: ClearRenewalChangeInput, @Ctx() ctx: RequestContext) {
    const subscription = await this.services.subscriptions.clearRenewalChange(ctx, input.subscriptionId, input.expectedVersion);
    return Object.assign(new ClearRenewalChangePayload(), { subscription });
  }

  @FieldResolver(() => DateTimeISOResolver, {
    description: 'Until when the current term may be cancelled: 7 days (168 hours) after it started.',
  })
  cancellationAllowedUntil(@Root() subscription: Subscription) {
    return cancellationAllowedUntil(subscription.termStartsAt);
  }

  @FieldResolver(() => Int, {
    description: 'The least quantity a decrease may go to now: licences may be removed only within 7 days of being added.',
  })
  quantityFloor(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    return this.services.subscriptions.quantityFloor(ctx, subscription);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may cancel it now (you manage it, and its cancellation window is open).' })
  viewerCanCancel(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    return this.services.subscriptions.viewerCanCancel(ctx, subscription);
  }

  @FieldResolver(() => Tenant, { description: 'The tenant holding the subscription.' })
  async tenant(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.tenantById.load(subscription.tenantId))!;
  }

  // offer, reseller and partnerOfRecord answer synchronously when the row is at hand: in a page of
  // hundreds of subscriptions, a promise per field was a large part of the cost (issue 6 profile).
  @FieldResolver(() => Offer, { description: 'The offer bought.' })
  offer(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    return ctx.loaders.offerNow(subscription.offerId) ?? ctx.loaders.offerById.load(subscription.offerId);
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The reseller who sold it (RESELLER channel).' })
  reseller(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    if (!subscription.resellerId) return null;
    return ctx.loaders.partnerNow(subscription.resellerId) ?? ctx.loaders.partnerById.load(subscription.resellerId);
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The advisor partner of record, if any.' })
  partnerOfRecord(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    if (!subscription.partnerOfRecordId) return null;
    return ctx.loaders.partnerNow(subscription.partnerOfRecordId) ?? ctx.loaders.partnerById.load(subscription.partnerOfRecordId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change it (quantity, status, partner of record).' })
  viewerCanManage(@Root() subscription: Subscription, @Ctx() ctx: RequestContext) {
    return this.services.subscriptions.viewerCanManage(ctx, subscription);
  }
}
