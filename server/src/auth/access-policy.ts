import type { AuditEvent, Partner, Subscription, Tenant, WebhookDelivery, WebhookEndpoint } from '../entities';
import { Role, SubscriptionChannel, SubscriptionStatus } from '../entities/enums';
import { PARTNER_MANAGERS, TENANT_MANAGERS } from './permissions';
import { badInput, forbidden, notFound } from '../domain/errors';
import { type Actor, isPartnerUser, isPlatformAdmin, isTenantUser } from '../domain/actor';
import type { RequestContext } from './request-context';

/** SPEC §1: only a non-deleted subscription gives its partner of record access to it and its tenant. */
const isAdvisorOf = (partnerId: string, subscription: Pick<Subscription, 'partnerOfRecordId' | 'status'>): boolean =>
  subscription.partnerOfRecordId === partnerId && subscription.status !== SubscriptionStatus.DELETED;

/**
 * The scope half of authorization (SPEC §2): which tenants, subscriptions and partners a caller may
 * see or manage. Out-of-scope reads are NOT_FOUND, exactly like ids that do not exist.
 */
export class AccessPolicy {
  /** Tenant users: their tenant. Partners: their customers, and tenants they advise. Platform: all. */
  async canReadTenant(ctx: RequestContext, tenantId: string): Promise<boolean> {
    const { actor, loaders } = ctx;
    if (isPlatformAdmin(actor)) return true;
    if (isTenantUser(actor)) return actor.tenantId === tenantId;
    if (isPartnerUser(actor)) {
      return (await loaders.isMyCustomer.load(tenantId)) || (await loaders.isAdvisedByMe.load(tenantId));
    }
    return false;
  }

  /**
   * The row and the scope check run together, whether or not the tenant exists: an unknown id and an
   * existing out-of-scope one cost the same statements, so timing does not tell them apart.
   */
  async readableTenant(ctx: RequestContext, tenantId: string): Promise<Tenant> {
    const [tenant, allowed] = await Promise.all([ctx.loaders.tenantById.load(tenantId), this.canReadTenant(ctx, tenantId)]);
    if (!tenant || !allowed) throw notFound('Tenant', tenantId);
    return tenant;
  }

  /** Like readableTenant, but only the reseller relationship counts for partners (not advising). */
  async customerTenant(ctx: RequestContext, tenantId: string): Promise<Tenant> {
    const tenant = await this.readableTenant(ctx, tenantId);
    if (isPartnerUser(ctx.actor) && !(await ctx.loaders.isMyCustomer.load(tenantId))) {
      throw notFound('Tenant', tenantId);
    }
    return tenant;
  }

  /**
   * For partner users without a reseller relationship, a tenant’s subscriptions narrow to those the
   * partner is partner of record on. Returns that partner id, or null when every subscription shows.
   */
  async subscriptionFilterFor(ctx: RequestContext, tenantId: string): Promise<string | null> {
    const { actor, loaders } = ctx;
    if (isPartnerUser(actor) && !(await loaders.isMyCustomer.load(tenantId))) return actor.partnerId;
    return null;
  }

  async canReadSubscription(ctx: RequestContext, subscription: Subscription): Promise<boolean> {
    const { actor, loaders } = ctx;
    if (isPlatformAdmin(actor)) return true;
    if (isTenantUser(actor)) return actor.tenantId === subscription.tenantId;
    if (isPartnerUser(actor)) {
      return isAdvisorOf(actor.partnerId, subscription) || (await loaders.isMyCustomer.load(subscription.tenantId));
    }
    return false;
  }

  async readableSubscription(ctx: RequestContext, subscriptionId: string): Promise<Subscription> {
    const subscription = await ctx.loaders.subscriptionById.load(subscriptionId);
    if (!subscription || !(await this.canReadSubscription(ctx, subscription))) {
      throw notFound('Subscription', subscriptionId);
    }
    return subscription;
  }

  /**
   * Who manages a subscription: DIRECT on a tenant no reseller bills → that tenant’s global and billing
   * admins; RESELLER → the selling reseller’s admin and sales agents while it is still the tenant’s reseller.
   * Nobody else. (Whether the status allows a change is the lifecycle's question, asked after this one.)
   */
  async canManageSubscription(ctx: RequestContext, subscription: Subscription, tenant: Tenant): Promise<boolean> {
    const { actor } = ctx;
    if (subscription.channel === SubscriptionChannel.DIRECT) {
      return (
        tenant.billingManagedById === null &&
        isTenantUser(actor) &&
        actor.tenantId === subscription.tenantId &&
        actor.roles.some((r) => TENANT_MANAGERS.includes(r))
      );
    }
    return (
      isPartnerUser(actor) &&
      subscription.resellerId === actor.partnerId &&
      actor.roles.some((r) => PARTNER_MANAGERS.includes(r)) &&
      (await ctx.loaders.isMyCustomer.load(subscription.tenantId))
    );
  }

  /** Loads a subscription the caller may change, or refuses: NOT_FOUND out of scope, FORBIDDEN if someone else manages it. */
  async manageableSubscription(ctx: RequestContext, subscriptionId: string): Promise<{ subscription: Subscription; tenant: Tenant }> {
    const subscription = await this.readableSubscription(ctx, subscriptionId);
    const tenant = (await ctx.loaders.tenantById.load(subscription.tenantId))!;
    if (!(await this.canManageSubscription(ctx, subscription, tenant))) {
      throw forbidden(this.whoManages(ctx, subscription, tenant));
    }
    return { subscription, tenant };
  }

  private whoManages(ctx: RequestContext, subscription: Subscription, tenant: Tenant): string {
    if (subscription.channel === SubscriptionChannel.RESELLER && subscription.resellerId === ctx.actor.partnerId) {
      return 'You are no longer this tenant’s reseller, so you cannot change the subscriptions you sold it.';
    }
    if (subscription.channel === SubscriptionChannel.RESELLER) {
      return `This subscription was sold by reseller ${subscription.resellerId}; only that reseller’s admin or sales agents can change it.`;
    }
    if (tenant.billingManagedById) {
      return `Reseller ${tenant.billingManagedById} manages billing for this tenant; ask them to make this change.`;
    }
    return 'Only the tenant’s global or billing admins can change this subscription.';
  }

  /**
   * Who may buy for a tenant, and on which channel: the tenant’s own admins buy DIRECT (unless a
   * reseller manages its billing); a reseller’s admin or sales agents buy RESELLER for its customers.
   */
  async purchaseChannel(ctx: RequestContext, tenantId: string): Promise<{ tenant: Tenant; channel: SubscriptionChannel }> {
    const { actor } = ctx;
    if (isTenantUser(actor)) {
      const tenant = await this.readableTenant(ctx, tenantId);
      if (tenant.billingManagedById) {
        throw forbidden(`Reseller ${tenant.billingManagedById} manages billing for this tenant; ask them to buy the subscription for you.`);
      }
      return { tenant, channel: SubscriptionChannel.DIRECT };
    }
    const tenant = await this.customerTenant(ctx, tenantId);
    return { tenant, channel: SubscriptionChannel.RESELLER };
  }

  /**
   * Inside a change's transaction, for a change a partner makes as the tenant's reseller: is it still its
   * reseller? `holdsRelationship` reads the relationship in that transaction (the caller decides how); other
   * callers act on their own tenant and pass.
   */
  async stillReseller(
    ctx: RequestContext,
    tenantId: string,
    holdsRelationship: (partnerId: string, tenantId: string) => Promise<boolean>,
  ): Promise<boolean> {
    return !isPartnerUser(ctx.actor) || holdsRelationship(ctx.actor.partnerId, tenantId);
  }

  /** The caller's partner, when it is a reseller; FORBIDDEN otherwise (creating customers, inviting them). */
  async resellerPartner(ctx: RequestContext, doing: string): Promise<Partner> {
    const partner = ctx.actor.partnerId ? await ctx.loaders.partnerById.load(ctx.actor.partnerId) : null;
    if (!partner?.isReseller) throw forbidden(`Only reseller partners can ${doing}.`);
    return partner;
  }

  /** Partner details (and authorised offers) are visible to the partner itself and platform admins. */
  canSeePartnerInternals(ctx: RequestContext, partnerId: string): boolean {
    return isPlatformAdmin(ctx.actor) || ctx.actor.partnerId === partnerId;
  }

  /** `partner(id)`: platform admins any; a partner itself; tenant users the partners related to their tenant. */
  async canReadPartner(ctx: RequestContext, partnerId: string): Promise<boolean> {
    const { actor, loaders } = ctx;
    if (this.canSeePartnerInternals(ctx, partnerId)) return true;
    if (isTenantUser(actor)) {
      const related = await loaders.partnerRelationshipsByTenant.load(actor.tenantId);
      return related.some((r) => r.partnerId === partnerId);
    }
    return false;
  }

  /**
   * SPEC §2, the partners that may see an event: the one whose user caused it, and the resellers and
   * partners of record of the subscription it changed, before and after. (A tenant's users see every event
   * of their tenant, platform admins all.) Decided when the event is written, from the event alone.
   */
  partnersWhoSee(actor: Actor, event: { targetType: string; before: object | null; after: object | null }): string[] {
    const partners = new Set<string>();
    if (actor.partnerId) partners.add(actor.partnerId);
    if (event.targetType === 'Subscription') {
      for (const state of [event.before, event.after] as (Partial<Subscription> | null)[]) {
        if (state?.resellerId) partners.add(state.resellerId);
        if (state?.partnerOfRecordId) partners.add(state.partnerOfRecordId);
      }
    }
    return [...partners];
  }

  /** Whether the viewer sees who (which user) caused an event, or only the actor's organisation. */
  seesActorSubject(viewer: Actor, event: Pick<AuditEvent, 'actorTenantId' | 'actorPartnerId' | 'actorRoles'>): boolean {
    if (isPlatformAdmin(viewer)) return true;
    if (event.actorTenantId !== null) return event.actorTenantId === viewer.tenantId;
    if (event.actorPartnerId !== null) return event.actorPartnerId === viewer.partnerId;
    return event.actorRoles.length === 0; // the server's own jobs (lifecycle sweep) belong to no organisation
  }

  /**
   * Which audit events a trail shows (SPEC §2): a tenant's (after checking it is readable), narrowed to a
   * partner's for partner users; every event for platform admins without tenantId; tenant users their own.
   */
  async auditTrail(
    ctx: RequestContext,
    tenantId: string | null | undefined,
  ): Promise<{ tenantId: string | null; partnerId: string | null }> {
    const { actor } = ctx;
    if (tenantId) {
      await this.readableTenant(ctx, tenantId);
      return { tenantId, partnerId: isPartnerUser(actor) ? actor.partnerId : null };
    }
    if (isTenantUser(actor)) return { tenantId: actor.tenantId, partnerId: null };
    if (isPlatformAdmin(actor)) return { tenantId: null, partnerId: null };
    throw badInput('tenantId', 'Pass the tenantId of one of your customers to read its audit trail.');
  }

  /** The catalog a caller sees: partner users only the offers they may sell (their Partner ID), others all (null). */
  catalogOf(ctx: RequestContext): string | null {
    return isPartnerUser(ctx.actor) ? ctx.actor.partnerId : null;
  }

  /** The partner relationships page: a tenant's users and platform admins see every entry, a partner only its own. */
  visibleRelationships<T extends { partnerId: string }>(ctx: RequestContext, tenant: Tenant, related: T[]): T[] {
    const { actor } = ctx;
    if (isPlatformAdmin(actor) || actor.tenantId === tenant.id) return related;
    return related.filter((r) => r.partnerId === actor.partnerId);
  }

  /** A customer may end an advisor relationship (one with advised subscriptions), never a reseller-only one. */
  canRemoveAdvisor(ctx: RequestContext, tenantId: string, advisedSubscriptions: number): boolean {
    return advisedSubscriptions > 0 && this.isTenantManagerOf(ctx, tenantId);
  }

  /** A reseller ends its own relationship with a customer; another reseller's is theirs to end. */
  async removableResellerRelationship(ctx: RequestContext, tenantId: string, partnerId: string): Promise<Tenant> {
    const tenant = await this.customerTenant(ctx, tenantId);
    if (partnerId !== ctx.actor.partnerId) {
      throw forbidden('You can remove only your own reseller relationship; the other reseller must remove theirs.');
    }
    return tenant;
  }

  isTenantManagerOf(ctx: RequestContext, tenantId: string): boolean {
    const { actor } = ctx;
    return isTenantUser(actor) && actor.tenantId === tenantId && actor.roles.some((r) => TENANT_MANAGERS.includes(r));
  }

  /**
   * Who owns the webhook endpoints a caller manages (SPEC §6): its tenant (TENANT_GLOBAL_ADMIN), its partner
   * (PARTNER_ADMIN_AGENT) or the platform (PLATFORM_ADMIN); null for every other role.
   */
  webhookOwnerKeyOf(actor: Actor): string | null {
    const key = this.webhookScopeKeyOf(actor);
    if (isPlatformAdmin(actor) || actor.roles.includes(Role.TENANT_GLOBAL_ADMIN) || actor.roles.includes(Role.PARTNER_ADMIN_AGENT))
      return key;
    return null;
  }

  /** The organisation whose endpoints are in a caller's scope, whatever its role (the role is checked after). */
  private webhookScopeKeyOf(actor: Actor): string | null {
    if (isPlatformAdmin(actor)) return 'platform';
    if (isTenantUser(actor)) return `tenant:${actor.tenantId}`;
    if (isPartnerUser(actor)) return `partner:${actor.partnerId}`;
    return null;
  }

  /** The owner keys of the endpoints an event is offered to: those who may read it (§2), from partnersWhoSee. */
  webhookOwnersWhoSee(event: { tenantId: string | null }, partners: readonly string[]): string[] {
    const keys = ['platform', ...partners.map((p) => `partner:${p}`)];
    if (event.tenantId !== null) keys.push(`tenant:${event.tenantId}`);
    return keys;
  }

  /**
   * An endpoint of the caller's organisation (SPEC §6: only its owner sees or changes it); NOT_FOUND otherwise,
   * as for unknown ids. Whether the caller's role may manage it is the role check's question.
   */
  async ownedWebhookEndpoint(ctx: RequestContext, endpointId: string): Promise<WebhookEndpoint> {
    const ownerKey = this.webhookScopeKeyOf(ctx.actor);
    const endpoint = ownerKey === null ? null : await ctx.loaders.webhookEndpointById.load(endpointId);
    if (!endpoint || endpoint.ownerKey !== ownerKey) throw notFound('Webhook endpoint', endpointId);
    return endpoint;
  }

  /** A delivery to an endpoint the caller owns; NOT_FOUND otherwise. */
  async ownedWebhookDelivery(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
    const ownerKey = this.webhookScopeKeyOf(ctx.actor);
    const delivery = ownerKey === null ? null : await ctx.loaders.webhookDeliveryById.load(deliveryId);
    const endpoint = delivery ? await ctx.loaders.webhookEndpointById.load(delivery.endpointId) : null;
    if (!delivery || !endpoint || endpoint.ownerKey !== ownerKey) throw notFound('Webhook delivery', deliveryId);
    return delivery;
  }

  /**
   * Live updates (SPEC §6): whether a subscriber sees an event, decided for each event at delivery by the
   * audit rule of §2, from facts loaded once per poll: the partners written with the event, and whether a
   * partner may still read the event's tenant (a removed reseller stops receiving that tenant's events).
   */
  seesLiveEvent(
    viewer: Actor,
    event: Pick<AuditEvent, 'tenantId'>,
    facts: { partners: readonly string[]; partnerReadsTenant: (partnerId: string, tenantId: string) => boolean },
  ): boolean {
    if (isPlatformAdmin(viewer)) return true;
    if (isTenantUser(viewer)) return event.tenantId === viewer.tenantId;
    if (isPartnerUser(viewer)) {
      return (
        facts.partners.includes(viewer.partnerId) && (event.tenantId === null || facts.partnerReadsTenant(viewer.partnerId, event.tenantId))
      );
    }
    return false;
  }

  /** The partner whose facts seesLiveEvent needs for this viewer (partner users), or null. */
  liveEventPartnerOf(viewer: Actor): string | null {
    return isPartnerUser(viewer) ? viewer.partnerId : null;
  }
}
