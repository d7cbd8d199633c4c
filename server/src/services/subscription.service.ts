import type { DataSource } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { LIVE, type Offer, type Partner, Subscription, SubscriptionChannel, SubscriptionStatus, type Tenant } from '../entities';
import { AppError, badInput, conflict } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';
import type { Page } from '../db/pagination';
import { isUniqueViolation } from '../db/unique-violation';
import { isQuantity, notAQuantity, partnerIdArgument } from '../domain/rules';
import { cancellableNow, lifecycleRefusal, type SubscriptionOperation, transitionValues } from '../domain/lifecycle';
import {
  blocksAfterChange,
  chooseRenewalTerm,
  chooseTerm,
  type ChosenTerm,
  type OfferTermData,
  quantityFloor,
  TERM_MONTHS,
  termAsOf,
  termEnd,
  termFigures,
} from '../domain/terms';
import type { BillingCycle, ScheduledChange, TermDuration } from '../entities';
import { rowLock, type TransactionRunner, type UnitOfWork } from '../db/transactions';
import { updateIfVersion } from '../db/versioned-writes';
import type { SubscriptionListArgs } from '../db/loaders';
import type { AuditService } from './audit.service';
import type { EventType } from '../domain/event-types';
import type { IdempotencyService } from './idempotency.service';
import type { OfferService } from './offer.service';
import { PartnerIdProblem, type PartnerService } from './partner.service';
import type { RelationshipService } from './relationship.service';

export interface PurchaseData {
  tenantId: string;
  offerId: string;
  quantity: number;
  partnerId?: string | null;
  termDuration?: TermDuration | null;
  billingCycle?: BillingCycle | null;
  autoRenew?: boolean | null;
}

export interface Quote {
  tenant: Tenant;
  offer: Offer;
  quantity: number;
  channel: SubscriptionChannel;
  reseller: Partner | null;
  partnerOfRecord: Partner | null;
  unitPriceCents: number;
  monthlyTotalCents: number;
  currency: string;
  termDuration: TermDuration;
  billingCycle: BillingCycle;
  autoRenew: boolean;
  termStartsAt: Date;
  termEndsAt: Date;
  pricePerBillingPeriodCents: number;
  termTotalCents: number;
}

/** What scheduleRenewalChange asks for: at least one field. */
export interface RenewalChangeData {
  quantity?: number | null;
  termDuration?: TermDuration | null;
  billingCycle?: BillingCycle | null;
}

/**
 * A change to a subscription: the lifecycle says in which statuses `operation` may act; `check` refuses
 * for what the change refers to (partner, quantity range); `apply` gives the fields it sets.
 */
interface Change {
  operation: SubscriptionOperation;
  action: EventType;
  check?: (current: Subscription, now: Date) => void;
  /** The fields it sets, or null when it would change nothing (no write, no event: decided after every refusal). */
  apply: (current: Subscription, now: Date) => Partial<Subscription> | null;
}

/** A term choice the offer does not list: BAD_USER_INPUT naming the field (SPEC §8). */
function chosenOrRefuse(chosen: ChosenTerm): OfferTermData {
  if ('field' in chosen) throw badInput(chosen.field, chosen.message);
  return chosen.term;
}

export class SubscriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly offers: OfferService,
    private readonly partners: PartnerService,
    private readonly relationships: RelationshipService,
    private readonly retentionDays: number,
  ) {}

  get(ctx: RequestContext, id: string): Promise<Subscription> {
    return this.access.readableSubscription(ctx, id);
  }

  async listForTenant(ctx: RequestContext, tenantId: string, args: SubscriptionListArgs): Promise<Page<Subscription>> {
    await this.access.readableTenant(ctx, tenantId);
    return this.pageForTenant(ctx, tenantId, args);
  }

  /** For `Tenant.subscriptions`, where the tenant is already known to be readable. */
  async pageForTenant(ctx: RequestContext, tenantId: string, args: SubscriptionListArgs): Promise<Page<Subscription>> {
    const advisedBy = await this.access.subscriptionFilterFor(ctx, tenantId);
    return ctx.loaders.subscriptionsByTenant({ ...args, advisedBy }).load(tenantId);
  }

  async viewerCanManage(ctx: RequestContext, subscription: Subscription): Promise<boolean> {
    if (subscription.status === SubscriptionStatus.DELETED) return false;
    const tenant = await ctx.loaders.tenantById.load(subscription.tenantId);
    return tenant !== null && (await this.access.canManageSubscription(ctx, subscription, tenant));
  }

  /** Whether the caller may cancel it now: it manages it (with a role that may suspend), and the window is open (SPEC §8). */
  async viewerCanCancel(ctx: RequestContext, subscription: Subscription): Promise<boolean> {
    return cancellableNow(subscription, ctx.clock.now()) && (await this.viewerCanManage(ctx, subscription));
  }

  /** The least quantity a decrease may go to now (SPEC §8). */
  async quantityFloor(ctx: RequestContext, subscription: Subscription): Promise<number> {
    const offer = ctx.loaders.offerNow(subscription.offerId) ?? (await ctx.loaders.offerById.load(subscription.offerId));
    return quantityFloor(subscription.quantity, subscription.licenceBlocks, ctx.clock.now(), offer?.minQuantity ?? 1);
  }

  /**
   * The seed’s confirmation step: every check of a purchase, nothing written, in SPEC §3's order: scope and
   * role, the input's shape, then what it refers to (partner of record, offer authorisation, quantity range),
   * then conflicts.
   */
  async quote(ctx: RequestContext, data: PurchaseData): Promise<Quote> {
    const { tenant, channel } = await this.access.purchaseChannel(ctx, data.tenantId);
    if (!isQuantity(data.quantity)) throw badInput('quantity', notAQuantity(data.quantity));
    const advisor = data.partnerId === undefined || data.partnerId === null ? null : await this.partners.check(ctx, data.partnerId);
    if (advisor?.problem === PartnerIdProblem.INVALID_FORMAT) throw this.partners.advisorRefusal(advisor)!;
    const offer = await this.offers.get(ctx, data.offerId);
    if (advisor) {
      const refusal = this.partners.advisorRefusal(advisor);
      if (refusal) throw refusal;
    }
    const partnerOfRecord = advisor?.partner ?? null;
    let reseller: Partner | null = null;
    if (channel === SubscriptionChannel.RESELLER) {
      reseller = await ctx.loaders.partnerById.load(ctx.actor.partnerId!);
      if (!(await this.offers.isAuthorized(ctx.actor.partnerId!, offer.id))) {
        throw new AppError(
          ErrorCode.OFFER_NOT_AUTHORIZED,
          `You are not authorised to sell ${offer.name} (${offer.sku}); choose one of the offers listed by \`offers\`.`,
          { field: 'offerId' },
        );
      }
    }
    if (data.quantity < offer.minQuantity || data.quantity > offer.maxQuantity) throw this.outOfRange(offer, data.quantity);
    const term = chosenOrRefuse(chooseTerm(offer.terms, data));
    const live = await this.dataSource.getRepository(Subscription).existsBy({
      tenantId: tenant.id,
      offerId: offer.id,
      channel,
      liveKey: LIVE,
    });
    if (live) throw this.duplicate(offer, channel);
    const termStartsAt = ctx.clock.now();
    return {
      tenant,
      offer,
      quantity: data.quantity,
      channel,
      reseller,
      partnerOfRecord,
      unitPriceCents: term.unitPriceCents,
      currency: offer.currency,
      termDuration: term.termDuration,
      billingCycle: term.billingCycle,
      autoRenew: data.autoRenew ?? true,
      termStartsAt,
      termEndsAt: termEnd(termStartsAt, TERM_MONTHS[term.termDuration]),
      ...termFigures(term, data.quantity),
    };
  }

  async purchase(ctx: RequestContext, data: PurchaseData & { idempotencyKey?: string | null }): Promise<Subscription> {
    const { idempotencyKey, ...rest } = data;
    // What the key's input hash covers: an omitted partnerId and an explicit null are the same request. The term
    // fields join it only when given, so a key stored before terms existed still matches the same request.
    const input: PurchaseData = {
      tenantId: rest.tenantId,
      offerId: rest.offerId,
      quantity: rest.quantity,
      partnerId: rest.partnerId === undefined || rest.partnerId === null ? null : partnerIdArgument(rest.partnerId),
      ...(rest.termDuration ? { termDuration: rest.termDuration } : {}),
      ...(rest.billingCycle ? { billingCycle: rest.billingCycle } : {}),
      ...(rest.autoRenew === false ? { autoRenew: false } : {}),
    };
    const request = { operation: 'purchaseSubscription', key: idempotencyKey, input };
    const id = await this.idempotency.once(
      ctx,
      request,
      () => this.quote(ctx, input),
      async (uow, quote) => {
        // A reseller's relationship may have ended since the quote's checks: re-check it in this transaction.
        if (!(await this.access.stillReseller(ctx, quote.tenant.id, this.relationships.claimedIn(uow)))) {
          throw new AppError(ErrorCode.NOT_FOUND, `Tenant "${quote.tenant.id}" was not found.`);
        }
        const now = uow.now;
        const subscription = Object.assign(new Subscription(), {
          id: newId(),
          tenantId: quote.tenant.id,
          offerId: quote.offer.id,
          quantity: quote.quantity,
          status: SubscriptionStatus.ACTIVE,
          channel: quote.channel,
          resellerId: quote.reseller?.id ?? null,
          partnerOfRecordId: quote.partnerOfRecord?.id ?? null,
          suspendedAt: null,
          dataRetentionEndsAt: null,
          liveKey: LIVE,
          ...termAsOf(now, quote, quote.quantity, now),
          autoRenew: quote.autoRenew,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        try {
          await uow.manager.insert(Subscription, subscription);
        } catch (error) {
          if (isUniqueViolation(error)) throw this.duplicate(quote.offer, quote.channel);
          throw error;
        }
        await this.audit.record(uow, {
          action: 'subscription.purchased',
          targetType: 'Subscription',
          targetId: subscription.id,
          tenantId: subscription.tenantId,
          before: null,
          after: subscription,
        });
        return subscription.id;
      },
    );
    // A replay may come after the caller lost access (a reseller that has left the customer).
    return this.get(ctx, (await this.reload(ctx, id)).id);
  }

  async setPartnerOfRecord(ctx: RequestContext, id: string, partnerId: string | null | undefined, expectedVersion?: number | null) {
    await this.access.manageableSubscription(ctx, id);
    const advisor = partnerId === undefined || partnerId === null ? null : await this.partners.check(ctx, partnerId);
    if (advisor?.problem === PartnerIdProblem.INVALID_FORMAT) throw this.partners.advisorRefusal(advisor)!;
    return this.change(ctx, id, expectedVersion, {
      operation: 'setPartnerOfRecord',
      action: advisor ? 'subscription.partnerOfRecordSet' : 'subscription.partnerOfRecordRemoved',
      check: () => {
        const refusal = advisor && this.partners.advisorRefusal(advisor);
        if (refusal) throw refusal;
      },
      apply: () => ({ partnerOfRecordId: advisor?.partner?.id ?? null }),
    });
  }

  async changeQuantity(ctx: RequestContext, id: string, quantity: number, expectedVersion?: number | null) {
    const { subscription } = await this.access.manageableSubscription(ctx, id);
    if (!isQuantity(quantity)) throw badInput('quantity', notAQuantity(quantity));
    const offer = (await ctx.loaders.offerById.load(subscription.offerId))!;
    return this.change(ctx, id, expectedVersion, {
      operation: 'changeQuantity',
      action: 'subscription.quantityChanged',
      check: (current, now) => {
        // Outside the offer's range is refused as such whatever the windows: no wait would make it possible.
        if (quantity < offer.minQuantity || quantity > offer.maxQuantity) throw this.outOfRange(offer, quantity);
        const floor = quantityFloor(current.quantity, current.licenceBlocks, now, offer.minQuantity);
        if (quantity < current.quantity && quantity < floor) throw this.belowFloor(floor, quantity);
      },
      apply: (current, now) => ({ quantity, licenceBlocks: blocksAfterChange(current.licenceBlocks, current.quantity, quantity, now) }),
    });
  }

  /** Ends the subscription now, inside the term's cancellation window (SPEC §8). */
  async cancel(ctx: RequestContext, id: string, expectedVersion?: number | null) {
    await this.access.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, {
      operation: 'cancel',
      action: 'subscription.cancelled',
      apply: (_current, now) => ({ cancelledAt: now, termEndsAt: now }),
    });
  }

  async setAutoRenew(ctx: RequestContext, id: string, autoRenew: boolean, expectedVersion?: number | null) {
    await this.access.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, {
      operation: 'setAutoRenew',
      action: 'subscription.autoRenewChanged',
      // Turning it off keeps a scheduled change: it applies if auto-renewal is turned on again before the term ends.
      apply: (current) => (current.autoRenew === autoRenew ? null : { autoRenew }),
    });
  }

  async scheduleRenewalChange(ctx: RequestContext, id: string, data: RenewalChangeData, expectedVersion?: number | null) {
    const { subscription } = await this.access.manageableSubscription(ctx, id);
    if ((data.quantity === undefined || data.quantity === null) && !data.termDuration && !data.billingCycle) {
      throw badInput('input', 'Give at least one of quantity, termDuration and billingCycle for the renewal.');
    }
    if (data.quantity !== undefined && data.quantity !== null && !isQuantity(data.quantity))
      throw badInput('quantity', notAQuantity(data.quantity));
    const offer = (await ctx.loaders.offerById.load(subscription.offerId))!;
    return this.change(ctx, id, expectedVersion, {
      operation: 'scheduleRenewalChange',
      action: 'subscription.renewalChangeScheduled',
      check: () => {
        const quantity = data.quantity;
        if (quantity !== undefined && quantity !== null && (quantity < offer.minQuantity || quantity > offer.maxQuantity))
          throw this.outOfRange(offer, quantity);
      },
      apply: (current) => {
        const term = data.termDuration || data.billingCycle ? chosenOrRefuse(chooseRenewalTerm(offer.terms, current, data)) : null;
        const scheduledChange: ScheduledChange = {
          quantity: data.quantity ?? null,
          termDuration: data.termDuration ?? null,
          // With a term scheduled, the cycle the renewal will apply (SPEC §8).
          billingCycle: term?.billingCycle ?? null,
        };
        return { scheduledChange };
      },
    });
  }

  async clearRenewalChange(ctx: RequestContext, id: string, expectedVersion?: number | null) {
    await this.access.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, {
      operation: 'clearRenewalChange',
      action: 'subscription.renewalChangeCleared',
      apply: (current) => (current.scheduledChange === null ? null : { scheduledChange: null }),
    });
  }

  /** Starts cancellation: the data is kept for the retention period, during which it can be reactivated. */
  async suspend(ctx: RequestContext, id: string, expectedVersion?: number | null) {
    await this.access.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, { operation: 'suspend', action: 'subscription.suspended', apply: () => ({}) });
  }

  async reactivate(ctx: RequestContext, id: string, expectedVersion?: number | null) {
    await this.access.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, { operation: 'reactivate', action: 'subscription.reactivated', apply: () => ({}) });
  }

  /**
   * Applies a change in one unit of work: read the row fresh (locked on MySQL/MariaDB, so concurrent changes
   * queue on it), check in SPEC §3's order — lifecycle status, what the change refers to, then a stale
   * expectedVersion — and write it with the one versioned writer. A lost race runs the unit of work again
   * on the newer row, so no update is lost, and a stale expectedVersion is then reported as such.
   */
  private async change(ctx: RequestContext, id: string, expectedVersion: number | null | undefined, change: Change) {
    const changed = await this.transactions.run(ctx, async (uow) => {
      const current = await this.readForChange(uow, id);
      // A reactivation makes a sale active again, so it must meet a concurrent removal of the relationship (§1).
      const relationship = change.operation === 'reactivate' ? this.relationships.claimedIn(uow) : this.relationships.heldIn(uow);
      if (!current || !(await this.access.stillReseller(ctx, current.tenantId, relationship))) {
        throw new AppError(ErrorCode.NOT_FOUND, `Subscription "${id}" was not found.`);
      }
      const refusal = lifecycleRefusal(change.operation, current, uow.now);
      if (refusal) throw refusal;
      change.check?.(current, uow.now);
      const values = change.apply(current, uow.now);
      if (expectedVersion !== undefined && expectedVersion !== null && current.version !== expectedVersion) {
        throw this.stale(current, expectedVersion);
      }
      if (values === null) return current;
      const written = await updateIfVersion(uow, current, {
        ...transitionValues(change.operation, current, uow.now, this.retentionDays),
        ...values,
      });
      await this.audit.record(uow, {
        action: change.action,
        targetType: 'Subscription',
        targetId: id,
        tenantId: current.tenantId,
        before: current,
        after: written,
      });
      return written;
    });
    // Answer with the row as this change wrote it, not as a later concurrent change left it.
    ctx.loaders.refreshSubscription(changed);
    return changed;
  }

  /** Reads the row a change starts from, locked on MySQL/MariaDB (SQLite runs one writer at a time). */
  private readForChange(uow: UnitOfWork, id: string): Promise<Subscription | null> {
    return uow.manager.findOne(Subscription, { where: { id }, ...rowLock(uow.manager, 'pessimistic_write') });
  }

  private async reload(ctx: RequestContext, id: string): Promise<Subscription> {
    const fresh = (await this.dataSource.getRepository(Subscription).findOneBy({ id }))!;
    ctx.loaders.refreshSubscription(fresh);
    return fresh;
  }

  private outOfRange(offer: Offer, quantity: number) {
    return new AppError(
      ErrorCode.QUANTITY_OUT_OF_RANGE,
      `${offer.name} allows ${offer.minQuantity} to ${offer.maxQuantity} licences; ${quantity} is outside that range.`,
      { field: 'quantity', minQuantity: offer.minQuantity, maxQuantity: offer.maxQuantity },
    );
  }

  private belowFloor(floor: number, quantity: number) {
    return new AppError(
      ErrorCode.FAILED_PRECONDITION,
      `Licences can be removed only within 7 days of being added: this subscription cannot go below ${floor} licences now ` +
        `(asked ${quantity}). Schedule the lower quantity for the renewal with scheduleRenewalChange.`,
      { field: 'quantity', quantityFloor: floor },
    );
  }

  private duplicate(offer: Offer, channel: SubscriptionChannel) {
    return conflict(
      `The tenant already has a ${channel === SubscriptionChannel.DIRECT ? 'direct' : 'reseller'} subscription to ${offer.name}; change its quantity instead.`,
      'offerId',
    );
  }

  private stale(current: Subscription, expectedVersion: number) {
    return conflict(
      `The subscription changed since you read it (version ${current.version}, you expected ${expectedVersion}); reload it and try again.`,
      'expectedVersion',
    );
  }
}
