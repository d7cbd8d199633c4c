import type { DataSource } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { ResellerRelationship, Tenant } from '../entities';
import { badInput, conflict } from '../domain/errors';
import { type Page, type PageArgs, paginate } from '../db/pagination';
import { isUniqueViolation } from '../db/unique-violation';
import type { TransactionRunner, UnitOfWork } from '../db/transactions';
import type { AuditService } from './audit.service';
import type { IdempotencyService } from './idempotency.service';
import type { RelationshipService } from './relationship.service';
import type { RelatedPartner } from '../db/loaders';
import { codePoints, foldForSearch, normaliseDomain, normaliseName, textProblem } from '../domain/rules';

export interface CreateTenantData {
  name: string;
  domain: string;
  countryCode: string;
}

/** What is stored: the input validation checked (SPEC §3), normalised. */
function normaliseTenant(data: CreateTenantData): CreateTenantData {
  return { name: normaliseName(data.name), domain: normaliseDomain(data.domain), countryCode: data.countryCode.toUpperCase() };
}

const SEARCH_MAX = 200;

/**
 * Matches the case-folded name (Tenant.nameFolded) and the domain (stored lower-case) with the search text
 * folded the same way, so both databases give the same answers for every Unicode letter. `!` escapes LIKE
 * wildcards: a backslash would itself need escaping in MySQL string literals, not in SQLite.
 */
const likePattern = (search: string) => `%${foldForSearch(search.trim()).replace(/[!%_]/g, (c) => `!${c}`)}%`;

export class TenantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly relationships: RelationshipService,
  ) {}

  get(ctx: RequestContext, id: string): Promise<Tenant> {
    return this.access.readableTenant(ctx, id);
  }

  /** Every tenant (platform admins). */
  listAll(_ctx: RequestContext, args: PageArgs & { search?: string | null }): Promise<Page<Tenant>> {
    const query = this.dataSource.getRepository(Tenant).createQueryBuilder('t');
    this.applySearch(query, args.search);
    return paginate(query, { expression: 't.id', read: (t) => t.id }, args);
  }

  /** The caller’s customers: tenants with which its partner has a reseller relationship. */
  async listCustomers(ctx: RequestContext, args: PageArgs & { search?: string | null }): Promise<Page<Tenant>> {
    const query = this.dataSource
      .getRepository(Tenant)
      .createQueryBuilder('t')
      .innerJoin(ResellerRelationship, 'r', 'r.tenantId = t.id AND r.partnerId = :partnerId', {
        partnerId: ctx.actor.partnerId,
      });
    this.applySearch(query, args.search);
    // Keyset on r.tenantId (equal to t.id): the (partnerId, tenantId) index then serves the filter, the order
    // and the LIMIT, so a page deep in a long customer list reads 51 index entries; ordering by t.id made the
    // database sort every customer of the partner for each page.
    const page = await paginate(query, { expression: 'r.tenantId', read: (t) => t.id }, args);
    for (const tenant of page.nodes) {
      ctx.loaders.isMyCustomer.prime(tenant.id, true);
      ctx.loaders.tenantById.prime(tenant.id, tenant);
    }
    return page;
  }

  private applySearch(query: ReturnType<typeof this.dataSource.createQueryBuilder>, search: string | null | undefined) {
    if (search === undefined || search === null) return;
    const problem = textProblem(search);
    if (problem) throw badInput('search', `Search text ${problem}.`);
    if (search.trim() === '') return;
    if (codePoints(search.trim()) > SEARCH_MAX) throw badInput('search', `Search text must be at most ${SEARCH_MAX} characters.`);
    query.andWhere("(t.nameFolded LIKE :search ESCAPE '!' OR t.domain LIKE :search ESCAPE '!')", {
      search: likePattern(search),
    });
  }

  /** A tenant signing up by itself (platform admins stand in for self sign-up). */
  async create(ctx: RequestContext, data: CreateTenantData): Promise<Tenant> {
    const input = normaliseTenant(data);
    const id = await this.transactions.run(ctx, (uow) => this.insert(uow, input, null));
    return (await this.dataSource.getRepository(Tenant).findOneBy({ id }))!;
  }

  /** A reseller creates a customer: it bills and manages the new tenant (seed 004). */
  async createCustomer(ctx: RequestContext, data: CreateTenantData & { idempotencyKey?: string | null }): Promise<Tenant> {
    const partner = await this.access.resellerPartner(ctx, 'create customers');
    const input = normaliseTenant(data);
    const id = await this.idempotency.once(
      ctx,
      { operation: 'createCustomer', key: data.idempotencyKey, input },
      async () => undefined,
      async (uow) => {
        const tenantId = await this.insert(uow, input, partner.id);
        await this.relationships.insertReseller(uow, ctx, partner.id, tenantId);
        return tenantId;
      },
    );
    ctx.loaders.isMyCustomer.clear(id);
    ctx.loaders.tenantById.clear(id);
    // A replay may come after the reseller has left this customer.
    return this.access.customerTenant(ctx, id);
  }

  private async insert(uow: UnitOfWork, data: CreateTenantData, billingManagedById: string | null) {
    const tenant = Object.assign(new Tenant(), { id: newId(), ...data, billingManagedById, createdAt: uow.now });
    try {
      await uow.manager.insert(Tenant, tenant);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The domain ${data.domain} is already taken by another tenant.`, 'domain');
      throw error;
    }
    await this.audit.record(uow, {
      action: 'tenant.created',
      targetType: 'Tenant',
      targetId: tenant.id,
      tenantId: tenant.id,
      before: null,
      after: tenant,
    });
    return tenant.id;
  }

  /**
   * The seed’s Settings > Partner relationships page. Partner viewers see only their own entry; the
   * tenant’s users and platform admins see every related partner.
   */
  async partnerRelationships(ctx: RequestContext, tenant: Tenant): Promise<RelatedPartner[]> {
    return this.access.visibleRelationships(ctx, tenant, await ctx.loaders.partnerRelationshipsByTenant.load(tenant.id));
  }

  canRemoveAdvisor(ctx: RequestContext, tenantId: string, related: RelatedPartner): boolean {
    return this.access.canRemoveAdvisor(ctx, tenantId, related.subscriptionIds.length);
  }
}
