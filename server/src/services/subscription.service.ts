import { type DataSource, type EntityManager } from 'typeorm';
import { accessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { LIVE, type Offer, type Partner, Subscription, SubscriptionChannel, SubscriptionStatus, type Tenant } from '../entities';
import { AppError, badInput, conflict, failedPrecondition } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';
import type { Page } from '../db/pagination';
import { isUniqueViolation } from '../db/unique-violation';
import { DAY_MS } from '../domain/rules';
import { rowLock, type TransactionRunner } from '../db/transactions';
import type { SubscriptionListArgs } from '../db/loaders';
import type { AuditService } from './audit.service';
import type { IdempotencyService } from './idempotency.service';
import type { OfferService } from './offer.service';
import { PartnerIdProblem, type PartnerService } from './partner.service';

export interface PurchaseData {
  tenantId: string;
  offerId: string;
  quantity: number;
  partnerId?: string | null;
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
}

/** A change to apply to a fresh copy of the subscription, or a refusal thrown from `check`. */
interface Change {
  action: string;
  check: (current: Subscription) => void;
  apply: (current: Subscription, now: Date) => Partial<Subscription>;
}

const MAX_RETRIES = 8;

class LostRace extends Error {}

export class SubscriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly offers: OfferService,
    private readonly partners: PartnerService,
    private readonly retentionDays: number,
  ) {}

  get(ctx: RequestContext, id: string): Promise<Subscription> {
    return accessPolicy.readableSubscription(ctx, id);
  }

  async listForTenant(ctx: RequestContext, tenantId: string, args: SubscriptionListArgs): Promise<Page<Subscription>> {
    await accessPolicy.readableTenant(ctx, tenantId);
    return this.pageForTenant(ctx, tenantId, args);
  }

  /** For `Tenant.subscriptions`, where the tenant is already known to be readable. */
  async pageForTenant(ctx: RequestContext, tenantId: string, args: SubscriptionListArgs): Promise<Page<Subscription>> {
    const advisedBy = await accessPolicy.subscriptionFilterFor(ctx, tenantId);
    return ctx.loaders.subscriptionsByTenant({ ...args, advisedBy }).load(tenantId);
  }

  async viewerCanManage(ctx: RequestContext, subscription: Subscription): Promise<boolean> {
    if (subscription.status === SubscriptionStatus.DELETED) return false;
    const tenant = await ctx.loaders.tenantById.load(subscription.tenantId);
    return tenant !== null && (await accessPolicy.canManageSubscription(ctx, subscription, tenant));
  }

  /**
   * The seed’s confirmation step: every check of a purchase, nothing written, in SPEC §3's order: scope and
   * role, the input's shape, then what it refers to (partner of record, offer authorisation, quantity range),
   * then conflicts.
   */
  async quote(ctx: RequestContext, data: PurchaseData): Promise<Quote> {
    const { tenant, channel } = await accessPolicy.purchaseChannel(ctx, data.tenantId);
    if (!Number.isInteger(data.quantity) || data.quantity < 1) {
      throw badInput('quantity', `The quantity must be a positive whole number; got ${data.quantity}.`);
    }
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
    const live = await this.dataSource.getRepository(Subscription).existsBy({
      tenantId: tenant.id,
      offerId: offer.id,
      channel,
      liveKey: LIVE,
    });
    if (live) throw this.duplicate(offer, channel);
    return {
      tenant,
      offer,
      quantity: data.quantity,
      channel,
      reseller,
      partnerOfRecord,
      unitPriceCents: offer.unitPriceCents,
      monthlyTotalCents: offer.unitPriceCents * data.quantity,
      currency: offer.currency,
    };
  }

  async purchase(ctx: RequestContext, data: PurchaseData & { idempotencyKey?: string | null }): Promise<Subscription> {
    const { idempotencyKey, ...rest } = data;
    // What the key's input hash covers: an omitted partnerId and an explicit null are the same request.
    const input: PurchaseData = {
      tenantId: rest.tenantId,
      offerId: rest.offerId,
      quantity: rest.quantity,
      partnerId: rest.partnerId === undefined || rest.partnerId === null ? null : rest.partnerId.trim(),
    };
    const request = { operation: 'purchaseSubscription', key: idempotencyKey, input };
    const id = await this.idempotency.once(ctx, request, () => this.quote(ctx, input), async (manager, quote) => {
      // A reseller's relationship may have ended since the quote's checks: re-check it in this transaction.
      if (!(await accessPolicy.stillCustomerInTransaction(manager, ctx, quote.tenant.id))) {
        throw new AppError(ErrorCode.NOT_FOUND, `Tenant "${quote.tenant.id}" was not found.`);
      }
      const now = ctx.clock.now();
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
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await manager.insert(Subscription, subscription);
      } catch (error) {
        if (isUniqueViolation(error)) throw this.duplicate(quote.offer, quote.channel);
        throw error;
      }
      await this.audit.record(manager, ctx, {
        action: 'subscription.purchased',
        targetType: 'Subscription',
        targetId: subscription.id,
        tenantId: subscription.tenantId,
        before: null,
        after: subscription,
      });
      return subscription.id;
    });
    // A replay may come after the caller lost access (a reseller that has left the customer).
    return this.get(ctx, (await this.reload(ctx, id)).id);
  }

  async setPartnerOfRecord(ctx: RequestContext, id: string, partnerId: string | null | undefined, expectedVersion?: number | null) {
    await accessPolicy.manageableSubscription(ctx, id);
    const advisor = partnerId === undefined || partnerId === null ? null : await this.partners.check(ctx, partnerId);
    if (advisor?.problem === PartnerIdProblem.INVALID_FORMAT) throw this.partners.advisorRefusal(advisor)!;
    return this.change(ctx, id, expectedVersion, {
      action: advisor ? 'subscription.partnerOfRecordSet' : 'subscription.partnerOfRecordRemoved',
      check: (current) => {
        this.requireActive(current, 'change its partner of record');
        const refusal = advisor && this.partners.advisorRefusal(advisor);
        if (refusal) throw refusal;
      },
      apply: () => ({ partnerOfRecordId: advisor?.partner?.id ?? null }),
    });
  }

  async changeQuantity(ctx: RequestContext, id: string, quantity: number, expectedVersion?: number | null) {
    const { subscription } = await accessPolicy.manageableSubscription(ctx, id);
    if (!Number.isInteger(quantity) || quantity < 1) {
      throw badInput('quantity', `The quantity must be a positive whole number; got ${quantity}.`);
    }
    const offer = (await ctx.loaders.offerById.load(subscription.offerId))!;
    return this.change(ctx, id, expectedVersion, {
      action: 'subscription.quantityChanged',
      check: (current) => {
        this.requireActive(current, 'change its licence quantity');
        if (quantity < offer.minQuantity || quantity > offer.maxQuantity) throw this.outOfRange(offer, quantity);
      },
      apply: () => ({ quantity }),
    });
  }

  /** Starts cancellation: the data is kept for the retention period, during which it can be reactivated. */
  async suspend(ctx: RequestContext, id: string, expectedVersion?: number | null) {
    await accessPolicy.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, {
      action: 'subscription.suspended',
      check: (current) => {
        if (current.status !== SubscriptionStatus.ACTIVE) {
          throw this.invalidTransition(current, 'suspend', 'Only an active subscription can be suspended.');
        }
      },
      apply: (_current, now) => ({
        status: SubscriptionStatus.SUSPENDED,
        suspendedAt: now,
        dataRetentionEndsAt: new Date(now.getTime() + this.retentionDays * DAY_MS),
      }),
    });
  }

  async reactivate(ctx: RequestContext, id: string, expectedVersion?: number | null) {
    await accessPolicy.manageableSubscription(ctx, id);
    return this.change(ctx, id, expectedVersion, {
      action: 'subscription.reactivated',
      check: (current) => {
        if (current.status !== SubscriptionStatus.SUSPENDED) {
          throw this.invalidTransition(current, 'reactivate', 'Only a suspended subscription can be reactivated.');
        }
        if (current.dataRetentionEndsAt && current.dataRetentionEndsAt.getTime() <= ctx.clock.now().getTime()) {
          throw this.invalidTransition(current, 'reactivate', 'Its data retention period has ended, so it is being deleted.');
        }
      },
      apply: () => ({ status: SubscriptionStatus.ACTIVE, suspendedAt: null, dataRetentionEndsAt: null }),
    });
  }

  /**
   * Applies a change with optimistic concurrency: read, check the rules on the fresh row, then
   * `UPDATE … WHERE id = ? AND version = ?`. With expectedVersion a lost race is a CONFLICT; without
   * it the change is re-checked and retried on the newer row, so no update is ever lost.
   */
  private async change(ctx: RequestContext, id: string, expectedVersion: number | null | undefined, change: Change) {
    for (let attempt = 0; ; attempt++) {
      try {
        const changed = await this.transactions.run(async (manager) => {
          const current = await this.readForChange(manager, id);
          if (!current || !(await accessPolicy.stillCustomerInTransaction(manager, ctx, current.tenantId))) {
            throw new AppError(ErrorCode.NOT_FOUND, `Subscription "${id}" was not found.`);
          }
          // SPEC §3's order: the status and what the change refers to are reported before a stale version.
          if (current.status === SubscriptionStatus.DELETED) {
            throw this.invalidTransition(current, 'change', 'A deleted subscription cannot be changed.');
          }
          change.check(current);
          if (expectedVersion !== undefined && expectedVersion !== null && current.version !== expectedVersion) {
            throw this.stale(current, expectedVersion);
          }
          const now = ctx.clock.now();
          const values = { ...change.apply(current, now), version: current.version + 1, updatedAt: now };
          const updated = await this.conditionalUpdate(manager, current, values);
          if (!updated) throw expectedVersion !== undefined && expectedVersion !== null ? this.stale(current, expectedVersion) : new LostRace();
          await this.audit.record(manager, ctx, {
            action: change.action,
            targetType: 'Subscription',
            targetId: id,
            tenantId: current.tenantId,
            before: current,
            after: { ...current, ...values },
          });
          return Object.assign(new Subscription(), current, values);
        });
        // Answer with the row as this change wrote it, not as a later concurrent change left it.
        ctx.loaders.refreshSubscription(changed);
        return changed;
      } catch (error) {
        if (error instanceof LostRace && attempt < MAX_RETRIES) continue;
        if (error instanceof LostRace) throw conflict('The subscription is being changed by others right now; retry in a moment.');
        throw error;
      }
    }
  }

  /**
   * Reads the row a change starts from. On MySQL/MariaDB it is locked (FOR UPDATE), so concurrent
   * changes queue on the row instead of colliding and retrying (which could give up under load);
   * SQLite runs one writing transaction at a time and has no row locks.
   */
  private readForChange(manager: EntityManager, id: string): Promise<Subscription | null> {
    return manager.findOne(Subscription, { where: { id }, ...rowLock(manager, 'pessimistic_write') });
  }

  /** True when the row still had the version we read; false when another change got there first. */
  async conditionalUpdate(manager: EntityManager, current: Subscription, values: Partial<Subscription>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Subscription)
      .set(values)
      .where('id = :id AND version = :version', { id: current.id, version: current.version })
      .execute();
    return result.affected === 1;
  }

  private async reload(ctx: RequestContext, id: string): Promise<Subscription> {
    const fresh = (await this.dataSource.getRepository(Subscription).findOneBy({ id }))!;
    ctx.loaders.refreshSubscription(fresh);
    return fresh;
  }

  private requireActive(current: Subscription, what: string) {
    if (current.status !== SubscriptionStatus.ACTIVE) {
      throw failedPrecondition(`The subscription is ${current.status.toLowerCase()}; reactivate it before you ${what}.`);
    }
  }

  private outOfRange(offer: Offer, quantity: number) {
    return new AppError(
      ErrorCode.QUANTITY_OUT_OF_RANGE,
      `${offer.name} allows ${offer.minQuantity} to ${offer.maxQuantity} licences; ${quantity} is outside that range.`,
      { field: 'quantity', minQuantity: offer.minQuantity, maxQuantity: offer.maxQuantity },
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

  private invalidTransition(current: Subscription, verb: string, reason: string) {
    return new AppError(
      ErrorCode.INVALID_STATUS_TRANSITION,
      `Cannot ${verb} a ${current.status.toLowerCase()} subscription. ${reason}`,
      { status: current.status },
    );
  }
}
