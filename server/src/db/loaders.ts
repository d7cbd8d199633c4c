import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Actor } from '../domain/actor';
import {
  AuditEvent,
  Offer,
  OfferAuthorization,
  Partner,
  PartnerRelationshipKind,
  ResellerRelationship,
  Subscription,
  SubscriptionStatus,
  Tenant,
  WebhookDelivery,
  WebhookEndpoint,
} from '../entities';
import { decodeCursor, type Page, pageSize } from './pagination';
import { placeholders, rowReader } from './row-reader';
import { type ImmutableRowCache, immutableRowCache } from './immutable-row-cache';
import { isPartnerUser } from '../domain/actor';

export interface RelatedPartner {
  partnerId: string;
  kinds: PartnerRelationshipKind[];
  /** Non-deleted subscriptions of the tenant on which the partner is partner of record. */
  subscriptionIds: string[];
}

export interface SubscriptionListArgs {
  first?: number | null;
  after?: string | null;
  status?: SubscriptionStatus | null;
  /** Narrow to the non-deleted subscriptions with this partner of record (advisors without a reseller relationship). */
  advisedBy?: string | null;
}

const byId = <T extends { id: string }>(rows: T[], ids: readonly string[]) => {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
};

/**
 * Per-request, per-caller batching: every relation a list can reach loads in one statement per level,
 * whatever the length of the list. Created anew for each request, so nothing leaks between callers.
 */
export class Loaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actor: Actor,
  ) {}

  /**
   * Rows by id in one prebuilt statement (no query builder: these run for every request); for immutable
   * rows, only those the process's cache does not hold.
   */
  private entityLoader<T extends ObjectLiteral & { id: string }>(target: EntityTarget<T>, immutable = false) {
    return new DataLoader<string, T | null>(async (ids) => {
      const cache = immutable ? immutableRowCache(this.dataSource, target) : undefined;
      const now = Date.now();
      const found: T[] = [];
      const missing = cache
        ? ids.filter((id) => {
            const row = cache.get(id, now);
            if (row) found.push(row);
            return !row;
          })
        : ids;
      if (missing.length) {
        const reader = rowReader(this.dataSource, target);
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT ${reader.columns('e')} FROM ${reader.table} e WHERE ${reader.column('e', 'id')} IN (${placeholders(missing.length)})`,
          [...missing],
        );
        for (const row of rows) {
          const entity = reader.hydrate(row);
          found.push(entity);
          cache?.put(entity, now);
        }
      }
      return byId(found, ids);
    });
  }

  readonly tenantById = this.entityLoader(Tenant);
  readonly partnerById = this.entityLoader(Partner, true);
  readonly offerById = this.entityLoader(Offer, true);

  /**
   * The offer or partner at once, when this process already holds the row (see IMMUTABLE_ROW_TTL_MS);
   * undefined otherwise, then load it. Lets a field of a long list resolve without a promise per item.
   */
  offerNow(id: string): Offer | undefined {
    return (this.offers ??= immutableRowCache(this.dataSource, Offer)).get(id);
  }

  partnerNow(id: string): Partner | undefined {
    return (this.partners ??= immutableRowCache(this.dataSource, Partner)).get(id);
  }

  // Looked up once per request: offerNow/partnerNow run for every item of a list.
  private offers?: ImmutableRowCache<Offer>;
  private partners?: ImmutableRowCache<Partner>;

  /**
   * Subscriptions by id. For partner callers the same statement also says whether the caller is the
   * reseller of each subscription's tenant, and primes `isMyCustomer`: the scope check that follows every
   * subscription read then costs no second round trip.
   */
  readonly subscriptionById = new DataLoader<string, Subscription | null>(async (ids) => {
    const reader = rowReader(this.dataSource, Subscription);
    const partnerId = isPartnerUser(this.actor) ? this.actor.partnerId : null;
    const relationships = rowReader(this.dataSource, ResellerRelationship);
    const customer = partnerId
      ? `, CASE WHEN EXISTS (SELECT 1 FROM ${relationships.table} r WHERE ${relationships.column('r', 'partnerId')} = ? ` +
        `AND ${relationships.column('r', 'tenantId')} = ${reader.column('s', 'tenantId')}) THEN 1 ELSE 0 END AS viaResellerRelationship`
      : '';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${reader.columns('s')}${customer} FROM ${reader.table} s WHERE ${reader.column('s', 'id')} IN (${placeholders(ids.length)})`,
      partnerId ? [partnerId, ...ids] : [...ids],
    );
    const subscriptions = rows.map((row) => {
      const subscription = reader.hydrate(row);
      if (partnerId) this.isMyCustomer.prime(subscription.tenantId, Number(row.viaResellerRelationship) === 1);
      return subscription;
    });
    return byId(subscriptions, ids);
  });

  /** For partner callers: does it have a reseller relationship with the tenant? */
  readonly isMyCustomer = new DataLoader<string, boolean>(async (tenantIds) => {
    if (!this.actor.partnerId) return tenantIds.map(() => false);
    const r = rowReader(this.dataSource, ResellerRelationship);
    const rows: { tenantId: string }[] = await this.dataSource.query(
      `SELECT ${r.column('r', 'tenantId')} AS tenantId FROM ${r.table} r WHERE ${r.column('r', 'partnerId')} = ? ` +
        `AND ${r.column('r', 'tenantId')} IN (${placeholders(tenantIds.length)})`,
      [this.actor.partnerId, ...tenantIds],
    );
    const found = new Set(rows.map((row) => row.tenantId));
    return tenantIds.map((id) => found.has(id));
  });

  /** For partner callers: is it partner of record on any non-deleted subscription of the tenant? */
  readonly isAdvisedByMe = new DataLoader<string, boolean>(async (tenantIds) => {
    if (!this.actor.partnerId) return tenantIds.map(() => false);
    const rows = await this.dataSource
      .getRepository(Subscription)
      .createQueryBuilder('s')
      .select('DISTINCT s.tenantId', 'tenantId')
      .where('s.partnerOfRecordId = :partnerId', { partnerId: this.actor.partnerId })
      .andWhere('s.status != :deleted', { deleted: SubscriptionStatus.DELETED })
      .andWhere('s.tenantId IN (:...tenantIds)', { tenantIds })
      .getRawMany<{ tenantId: string }>();
    const found = new Set(rows.map((r) => r.tenantId));
    return tenantIds.map((id) => found.has(id));
  });

  /** Every partner related to each tenant: resellers by relationship, advisors by partner of record. */
  readonly partnerRelationshipsByTenant = new DataLoader<string, RelatedPartner[]>(async (tenantIds) => {
    const ids = [...tenantIds];
    const [resellers, advised] = await Promise.all([
      this.dataSource.getRepository(ResellerRelationship).find({
        select: { tenantId: true, partnerId: true },
        where: { tenantId: In(ids) },
      }),
      this.dataSource
        .getRepository(Subscription)
        .createQueryBuilder('s')
        .select(['s.id', 's.tenantId', 's.partnerOfRecordId'])
        .where('s.tenantId IN (:...ids)', { ids })
        .andWhere('s.partnerOfRecordId IS NOT NULL')
        .andWhere('s.status != :deleted', { deleted: SubscriptionStatus.DELETED })
        .orderBy('s.id')
        .getMany(),
    ]);
    const perTenant = new Map<string, Map<string, RelatedPartner>>(ids.map((id) => [id, new Map()]));
    const entry = (tenantId: string, partnerId: string) => {
      const partners = perTenant.get(tenantId)!;
      let related = partners.get(partnerId);
      if (!related) partners.set(partnerId, (related = { partnerId, kinds: [], subscriptionIds: [] }));
      return related;
    };
    for (const r of resellers) entry(r.tenantId, r.partnerId).kinds.push(PartnerRelationshipKind.RESELLER);
    for (const s of advised) {
      const related = entry(s.tenantId, s.partnerOfRecordId!);
      if (!related.kinds.includes(PartnerRelationshipKind.ADVISOR)) related.kinds.push(PartnerRelationshipKind.ADVISOR);
      related.subscriptionIds.push(s.id);
    }
    return ids.map((id) => [...perTenant.get(id)!.values()].sort((a, b) => a.partnerId.localeCompare(b.partnerId)));
  });

  /** The offers each partner is authorised to sell, in catalog order. */
  readonly authorizedOffersByPartner = new DataLoader<string, Offer[]>(async (partnerIds) => {
    const authorizations = await this.dataSource.getRepository(OfferAuthorization).find({
      select: { partnerId: true, offerId: true },
      where: { partnerId: In([...partnerIds]) },
    });
    const offers = (await this.offerById.loadMany([...new Set(authorizations.map((a) => a.offerId))])).filter(
      (o): o is Offer => o instanceof Offer,
    );
    const offerMap = new Map(offers.map((o) => [o.id, o]));
    return partnerIds.map((partnerId) =>
      authorizations
        .filter((a) => a.partnerId === partnerId && offerMap.has(a.offerId))
        .map((a) => offerMap.get(a.offerId)!)
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  private readonly subscriptionPageLoaders = new Map<string, DataLoader<string, Page<Subscription>>>();

  /**
   * A page of subscriptions for each tenant in one statement (ROW_NUMBER per tenant), then the rows by
   * id in one more. One loader per distinct set of arguments.
   */
  subscriptionsByTenant(args: SubscriptionListArgs): DataLoader<string, Page<Subscription>> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const cacheKey = JSON.stringify([size, after ?? null, args.status ?? null, args.advisedBy ?? null]);
    let loader = this.subscriptionPageLoaders.get(cacheKey);
    if (loader) return loader;
    const filter = (qb: ReturnType<typeof this.subscriptionQuery>) => {
      if (args.status) qb.andWhere('s.status = :status', { status: args.status });
      if (args.advisedBy) {
        qb.andWhere('s.partnerOfRecordId = :por', { por: args.advisedBy });
        qb.andWhere('s.status != :deleted', { deleted: SubscriptionStatus.DELETED });
      }
      return qb;
    };
    const counts = new DataLoader<string, number>(async (tenantIds) => {
      const rows = await filter(this.subscriptionQuery([...tenantIds]))
        .select('s.tenantId', 'tenantId')
        .addSelect('COUNT(*)', 'n')
        .groupBy('s.tenantId')
        .getRawMany<{ tenantId: string; n: string | number }>();
      const map = new Map(rows.map((r) => [r.tenantId, Number(r.n)]));
      return tenantIds.map((id) => map.get(id) ?? 0);
    });
    loader = new DataLoader<string, Page<Subscription>>(async (tenantIds) => {
      // One statement: the whole rows, ranked per tenant (the (tenantId, id) index serves it), first `size + 1` kept.
      const reader = rowReader(this.dataSource, Subscription);
      const column = (property: keyof Subscription & string) => reader.column('s', property);
      const conditions = [`${column('tenantId')} IN (${placeholders(tenantIds.length)})`];
      const params: unknown[] = [...tenantIds];
      const where = (condition: string, value: unknown) => {
        conditions.push(condition);
        params.push(value);
      };
      if (args.status) where(`${column('status')} = ?`, args.status);
      if (args.advisedBy) {
        where(`${column('partnerOfRecordId')} = ?`, args.advisedBy);
        where(`${column('status')} != ?`, SubscriptionStatus.DELETED);
      }
      if (after !== undefined) where(`${column('id')} > ?`, after);
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT ranked.* FROM (SELECT ${reader.columns('s')}, ROW_NUMBER() OVER (PARTITION BY ${column('tenantId')} ORDER BY ${column('id')}) AS rn ` +
          `FROM ${reader.table} s WHERE ${conditions.join(' AND ')}) ranked WHERE ranked.rn <= ${size + 1} ORDER BY ranked.id`,
        params,
      );
      const perTenant = new Map<string, Subscription[]>(tenantIds.map((id) => [id, []]));
      for (const row of rows) {
        const subscription = reader.hydrate(row);
        perTenant.get(subscription.tenantId)?.push(subscription);
      }
      return tenantIds.map((tenantId) => {
        const all = perTenant.get(tenantId)!;
        const nodes = all.slice(0, size);
        return {
          nodes,
          keys: nodes.map((n) => n.id),
          hasNextPage: all.length > size,
          totalCount: () => counts.load(tenantId),
        };
      });
    });
    this.subscriptionPageLoaders.set(cacheKey, loader);
    return loader;
  }

  private subscriptionQuery(tenantIds: string[]) {
    return this.dataSource.getRepository(Subscription).createQueryBuilder('s').where('s.tenantId IN (:...tenantIds)', { tenantIds });
  }

  /** Forget what this request cached about a subscription after changing it. */
  refreshSubscription(subscription: Subscription): void {
    this.subscriptionById.clear(subscription.id).prime(subscription.id, subscription);
    this.partnerRelationshipsByTenant.clear(subscription.tenantId);
    this.isAdvisedByMe.clear(subscription.tenantId);
    this.subscriptionPageLoaders.clear();
  }

  /** Webhook endpoints (without their secrets) and deliveries by id, and the events deliveries carry. */
  readonly webhookEndpointById = this.entityLoader(WebhookEndpoint);
  readonly webhookDeliveryById = this.entityLoader(WebhookDelivery);
  readonly auditEventById = this.entityLoader(AuditEvent);
}
