import { randomBytes } from 'node:crypto';
import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import { accessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { ResellerInvitation, ResellerRelationship, Subscription, SubscriptionChannel, SubscriptionStatus, Tenant } from '../entities';
import { badInput, failedPrecondition, forbidden, notFound } from '../domain/errors';
import { rowLock, type TransactionRunner } from '../db/transactions';
import type { AuditService } from './audit.service';
import { DAY_MS, INVITATION_DAYS, isPartnerId, notAPartnerId } from '../domain/rules';

/** Reseller relationships (invitations, removal) and advisor relationships (removal), seeds 000 and 004. */
export class RelationshipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async createInvitation(ctx: RequestContext, expiresInDays: number | null | undefined): Promise<ResellerInvitation> {
    const days = expiresInDays ?? INVITATION_DAYS.default;
    if (!Number.isInteger(days) || days < INVITATION_DAYS.min || days > INVITATION_DAYS.max) {
      throw badInput('expiresInDays', `An invitation lasts ${INVITATION_DAYS.min} to ${INVITATION_DAYS.max} days; got ${days}.`);
    }
    const partner = await accessPolicy.resellerPartner(ctx, 'invite customers');
    const now = ctx.clock.now();
    const invitation = Object.assign(new ResellerInvitation(), {
      id: newId(),
      code: randomBytes(15).toString('base64url'),
      partnerId: partner.id,
      expiresAt: new Date(now.getTime() + days * DAY_MS),
      acceptedByTenantId: null,
      acceptedAt: null,
      createdAt: now,
    });
    await this.transactions.run(async (manager) => {
      await manager.insert(ResellerInvitation, invitation);
      await this.audit.record(manager, ctx, {
        action: 'resellerInvitation.created',
        targetType: 'ResellerInvitation',
        targetId: invitation.id,
        tenantId: null,
        before: null,
        after: { ...invitation, code: '(redacted)' },
      });
    });
    return invitation;
  }

  /** The tenant’s global admin accepts: the partner becomes its reseller. Codes are single use. */
  async acceptInvitation(ctx: RequestContext, code: string): Promise<ResellerRelationship> {
    const tenantId = ctx.actor.tenantId!;
    const trimmed = code.trim();
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(trimmed)) throw badInput('code', 'That is not an invitation code; copy the code your reseller sent.');
    return this.transactions.run(async (manager) => {
      const invitation = await manager.findOneBy(ResellerInvitation, { code: trimmed });
      if (!invitation) throw notFound('Invitation with this code');
      if (invitation.acceptedAt) throw failedPrecondition('This invitation has already been used; ask the reseller for a new one.');
      const now = ctx.clock.now();
      if (invitation.expiresAt.getTime() <= now.getTime()) {
        throw failedPrecondition('This invitation has expired; ask the reseller for a new one.');
      }
      if (await manager.existsBy(ResellerRelationship, { partnerId: invitation.partnerId, tenantId })) {
        throw failedPrecondition(`Partner ${invitation.partnerId} is already your reseller.`);
      }
      const claimed = await manager
        .createQueryBuilder()
        .update(ResellerInvitation)
        .set({ acceptedAt: now, acceptedByTenantId: tenantId })
        .where('id = :id AND acceptedAt IS NULL', { id: invitation.id })
        .execute();
      if (claimed.affected !== 1) throw failedPrecondition('This invitation has already been used; ask the reseller for a new one.');
      return this.insertReseller(manager, ctx, invitation.partnerId, tenantId);
    });
  }

  /** Makes the partner the tenant's reseller, with its audit event, in the caller's transaction. */
  async insertReseller(manager: EntityManager, ctx: RequestContext, partnerId: string, tenantId: string): Promise<ResellerRelationship> {
    const relationship = Object.assign(new ResellerRelationship(), { id: newId(), partnerId, tenantId, createdAt: ctx.clock.now() });
    await manager.insert(ResellerRelationship, relationship);
    await this.audit.record(manager, ctx, {
      action: 'resellerRelationship.created',
      targetType: 'ResellerRelationship',
      targetId: relationship.id,
      tenantId,
      before: null,
      after: relationship,
    });
    ctx.loaders.partnerRelationshipsByTenant.clear(tenantId);
    return relationship;
  }

  /**
   * The reseller ends its relationship. Refused while any subscription it sold to the tenant is
   * active; afterwards it loses all access, and stops managing the tenant’s billing.
   */
  async removeReseller(ctx: RequestContext, tenantId: string, partnerId: string): Promise<Tenant> {
    const tenant = await accessPolicy.customerTenant(ctx, tenantId);
    if (partnerId !== ctx.actor.partnerId) {
      throw forbidden('You can remove only your own reseller relationship; the other reseller must remove theirs.');
    }
    await this.transactions.run(async (manager) => {
      // Locked (MySQL/MariaDB) before counting, so a concurrent sale or reactivation either commits first and is
      // counted, or waits and then finds the relationship gone (see AccessPolicy.stillCustomerInTransaction).
      const relationship = await manager.findOne(ResellerRelationship, {
        where: { partnerId, tenantId },
        ...rowLock(manager, 'pessimistic_write'),
      });
      if (!relationship) throw notFound('Tenant', tenantId);
      const active = await manager.countBy(Subscription, {
        tenantId,
        channel: SubscriptionChannel.RESELLER,
        resellerId: partnerId,
        status: SubscriptionStatus.ACTIVE,
      });
      if (active > 0) {
        throw failedPrecondition(
          `You still have ${active} active subscription${active === 1 ? '' : 's'} with this customer; suspend ${active === 1 ? 'it' : 'them'} first.`,
        );
      }
      await manager.delete(ResellerRelationship, { id: relationship.id });
      await this.audit.record(manager, ctx, {
        action: 'resellerRelationship.removed',
        targetType: 'ResellerRelationship',
        targetId: relationship.id,
        tenantId,
        before: relationship,
        after: null,
      });
      if (tenant.billingManagedById === partnerId) {
        await manager.update(Tenant, { id: tenantId }, { billingManagedById: null });
        await this.audit.record(manager, ctx, {
          action: 'tenant.billingManagerCleared',
          targetType: 'Tenant',
          targetId: tenantId,
          tenantId,
          before: tenant,
          after: { ...tenant, billingManagedById: null },
        });
      }
    });
    ctx.loaders.isMyCustomer.clear(tenantId).prime(tenantId, false);
    ctx.loaders.tenantById.clear(tenantId);
    ctx.loaders.partnerRelationshipsByTenant.clear(tenantId);
    return (await this.dataSource.getRepository(Tenant).findOneBy({ id: tenantId }))!;
  }

  /** The customer removes an advisor: it stops being partner of record on all the tenant’s subscriptions. */
  async removeAdvisor(ctx: RequestContext, tenantId: string, partnerId: string): Promise<Tenant> {
    const tenant = await accessPolicy.readableTenant(ctx, tenantId);
    if (!isPartnerId(partnerId)) {
      throw badInput('partnerId', notAPartnerId(partnerId));
    }
    await this.transactions.run(async (manager) => {
      const where = { tenantId, partnerOfRecordId: partnerId, status: Not(SubscriptionStatus.DELETED) };
      let advised = await manager.find(Subscription, { where, order: { id: 'ASC' } });
      const lock = rowLock(manager, 'pessimistic_write');
      if (advised.length > 0 && lock) {
        // On MySQL/MariaDB, lock the rows by primary key (FOR UPDATE, in id order, as single-row changes do) so
        // concurrent changes queue behind this removal instead of making its version-checked updates miss;
        // then keep those still advised by the partner. SQLite runs one writer at a time.
        const locked = await manager.find(Subscription, {
          where: { id: In(advised.map((s) => s.id)) },
          order: { id: 'ASC' },
          ...lock,
        });
        advised = locked.filter((s) => s.partnerOfRecordId === partnerId && s.status !== SubscriptionStatus.DELETED);
      }
      if (advised.length === 0) {
        // A reseller-only relationship is the seed's greyed-out Delete: refuse it the way removeResellerRelationship does.
        if (await manager.existsBy(ResellerRelationship, { partnerId, tenantId })) {
          throw forbidden(
            `Partner ${partnerId} is your reseller, not an advisor on any subscription. A customer cannot remove its reseller relationship: ask your reseller to remove it from its partner center.`,
          );
        }
        throw notFound(`Advisor relationship with partner ${partnerId}`);
      }
      const now = ctx.clock.now();
      for (const subscription of advised) {
        const values = { partnerOfRecordId: null, version: subscription.version + 1, updatedAt: now };
        const result = await manager
          .createQueryBuilder()
          .update(Subscription)
          .set(values)
          .where('id = :id AND version = :version', { id: subscription.id, version: subscription.version })
          .execute();
        if (result.affected !== 1) {
          throw failedPrecondition('A subscription changed while the advisor was being removed; try again.');
        }
        await this.audit.record(manager, ctx, {
          action: 'subscription.partnerOfRecordRemoved',
          targetType: 'Subscription',
          targetId: subscription.id,
          tenantId,
          before: subscription,
          after: { ...subscription, ...values },
        });
      }
    });
    ctx.loaders.partnerRelationshipsByTenant.clear(tenantId);
    ctx.loaders.subscriptionById.clearAll();
    return tenant;
  }

}
