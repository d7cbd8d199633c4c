import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Offer, OfferAuthorization, Partner, PartnerRelationshipKind, ResellerRelationship, Subscription, SubscriptionStatus, Tenant } from '../entities';
import { decodeCursor, type Page, pageSize } from '../db/pagination';

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
  /** Narrow to subscriptions with this partner of record (advisors without a reseller relationship). */
  partnerOfRecordId?: string | null;
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
  constructor(private readonly dataSource: DataSource, private readonly actor: Actor) {}

  private entityLoader<T extends ObjectLiteral & { id: string }>(target: EntityTarget<T>) {
    return new DataLoader<string, T | null>(async (ids) =>
      byId(await this.dataSource.getRepository(target).findBy({ id: In([...ids]) } as never), ids),
    );
  }

  readonly tenantById = this.entityLoader(Tenant);
  readonly partnerById = this.entityLoader(Partner);
  readonly offerById = this.entityLoader(Offer);
  readonly subscriptionById = this.entityLoader(Subscription);

  /** For partner callers: does it have a reseller relationship with the tenant? */
  readonly isMyCustomer = new DataLoader<string, boolean>(async (tenantIds) => {
    if (!this.actor.partnerId) return tenantIds.map(() => false);
    const rows = await this.dataSource.getRepository(ResellerRelationship).find({
      select: { tenantId: true },
      where: { partnerId: this.actor.partnerId, tenantId: In([...tenantIds]) },
    });
    const found = new Set(rows.map((r) => r.tenantId));
    return tenantIds.map((id) => found.has(id));
  });

  /** For partner callers: is it partner of record on any subscription of the tenant? */
  readonly isAdvisedByMe = new DataLoader<string, boolean>(async (tenantIds) => {
    if (!this.actor.partnerId) return tenantIds.map(() => false);
    const rows = await this.dataSource
      .getRepository(Subscription)
      .createQueryBuilder('s')
      .select('DISTINCT s.tenantId', 'tenantId')
      .where('s.partnerOfRecordId = :partnerId', { partnerId: this.actor.partnerId })
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
    const cacheKey = JSON.stringify([size, after ?? null, args.status ?? null, args.partnerOfRecordId ?? null]);
    let loader = this.subscriptionPageLoaders.get(cacheKey);
    if (loader) return loader;
    const filter = (qb: ReturnType<typeof this.subscriptionQuery>) => {
      if (args.status) qb.andWhere('s.status = :status', { status: args.status });
      if (args.partnerOfRecordId) qb.andWhere('s.partnerOfRecordId = :por', { por: args.partnerOfRecordId });
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
      const ranked = filter(this.subscriptionQuery([...tenantIds]))
        .select('s.id', 'id')
        .addSelect('s.tenantId', 'tenantId')
        .addSelect('ROW_NUMBER() OVER (PARTITION BY s.tenantId ORDER BY s.id)', 'rn');
      if (after !== undefined) ranked.andWhere('s.id > :after', { after });
      const [sql, params] = ranked.getQueryAndParameters();
      const idRows: { id: string; tenantId: string }[] = await this.dataSource.query(
        `SELECT ranked.id AS id, ranked.tenantId AS tenantId FROM (${sql}) ranked WHERE ranked.rn <= ${size + 1} ORDER BY ranked.id`,
        params,
      );
      const rows = idRows.length
        ? await this.dataSource.getRepository(Subscription).findBy({ id: In(idRows.map((r) => r.id)) })
        : [];
      const rowMap = new Map(rows.map((r) => [r.id, r]));
      for (const row of rows) this.subscriptionById.prime(row.id, row);
      return tenantIds.map((tenantId) => {
        const all = idRows.filter((r) => r.tenantId === tenantId).map((r) => rowMap.get(r.id)!).filter(Boolean);
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
    return this.dataSource
      .getRepository(Subscription)
      .createQueryBuilder('s')
      .where('s.tenantId IN (:...tenantIds)', { tenantIds });
  }

  /** Forget what this request cached about a subscription after changing it. */
  refreshSubscription(subscription: Subscription): void {
    this.subscriptionById.clear(subscription.id).prime(subscription.id, subscription);
    this.partnerRelationshipsByTenant.clear(subscription.tenantId);
    this.isAdvisedByMe.clear(subscription.tenantId);
    this.subscriptionPageLoaders.clear();
  }
}
