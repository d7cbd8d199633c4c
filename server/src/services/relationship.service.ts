import { randomBytes } from 'node:crypto';
import { type DataSource, In, Not } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { ResellerInvitation, ResellerRelationship, Subscription, SubscriptionChannel, SubscriptionStatus, Tenant } from '../entities';
import { badInput, failedPrecondition, forbidden, notFound } from '../domain/errors';
import { lifecycleRefusal } from '../domain/lifecycle';
import { rowLock, type TransactionRunner, type UnitOfWork } from '../db/transactions';
import { updateIfVersion } from '../db/versioned-writes';
import { isUniqueViolation } from '../db/unique-violation';
import type { AuditService } from './audit.service';
import { DAY_MS, INVITATION_CODE_PATTERN, INVITATION_DAYS, isPartnerId, notAPartnerId, partnerIdArgument } from '../domain/rules';

const alreadyReseller = (partnerId: string) => failedPrecondition(`Partner ${partnerId} is already your reseller.`);

/** Reseller relationships (invitations, removal) and advisor relationships (removal), seeds 000 and 004. */
export class RelationshipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * For a change made as a reseller that makes no sale active (quantity, suspension, partner of record): whether
   * the partner still has its relationship with the tenant, read in the unit of work. On MySQL/MariaDB it holds a
   * shared lock on the relationship until commit, so a concurrent removeResellerRelationship on this server waits
   * (SQLite runs one transaction at a time). Across Galera nodes the lock does not hold, and need not: such a
   * change only applies to an ACTIVE sale, whose removal is refused anyway. Sales use claimedIn.
   */
  heldIn(uow: UnitOfWork): (partnerId: string, tenantId: string) => Promise<boolean> {
    return async (partnerId, tenantId) =>
      (await uow.manager.findOne(ResellerRelationship, { where: { partnerId, tenantId }, ...rowLock(uow.manager, 'pessimistic_read') })) !==
      null;
  }

  /**
   * For a change that makes a reseller's sale active (a purchase, a reactivation): whether the partner still has
   * its relationship with the tenant, found by writing it (its version bumped) in the unit of work. A shared
   * lock would be enough on one server, but on Galera a row lock does not reach the other nodes: the write
   * makes this change and a removeResellerRelationship on another node touch the same row, so the one that
   * certifies second fails at COMMIT and is retried (the removal then counts this sale, or the sale finds the
   * relationship gone).
   */
  claimedIn(uow: UnitOfWork): (partnerId: string, tenantId: string) => Promise<boolean> {
    return async (partnerId, tenantId) => {
      const bumped = await uow.manager
        .createQueryBuilder()
        .update(ResellerRelationship)
        .set({ version: () => 'version + 1' })
        .where('partnerId = :partnerId AND tenantId = :tenantId', { partnerId, tenantId })
        .execute();
      return bumped.affected === 1;
    };
  }

  async createInvitation(ctx: RequestContext, expiresInDays: number | null | undefined): Promise<ResellerInvitation> {
    const days = expiresInDays ?? INVITATION_DAYS.default;
    if (!Number.isInteger(days) || days < INVITATION_DAYS.min || days > INVITATION_DAYS.max) {
      throw badInput('expiresInDays', `An invitation lasts ${INVITATION_DAYS.min} to ${INVITATION_DAYS.max} days; got ${days}.`);
    }
    const partner = await this.access.resellerPartner(ctx, 'invite customers');
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
    await this.transactions.run(ctx, async (uow) => {
      await uow.manager.insert(ResellerInvitation, invitation);
      await this.audit.record(uow, {
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
    if (!INVITATION_CODE_PATTERN.test(code)) throw badInput('code', 'That is not an invitation code; copy the code your reseller sent.');
    return this.transactions.run(ctx, async (uow) => {
      const { manager, now } = uow;
      const invitation = await manager.findOneBy(ResellerInvitation, { code });
      if (!invitation) throw notFound('Invitation with this code');
      if (invitation.acceptedAt) throw failedPrecondition('This invitation has already been used; ask the reseller for a new one.');
      if (invitation.expiresAt.getTime() <= now.getTime()) {
        throw failedPrecondition('This invitation has expired; ask the reseller for a new one.');
      }
      if (await manager.existsBy(ResellerRelationship, { partnerId: invitation.partnerId, tenantId })) {
        throw alreadyReseller(invitation.partnerId);
      }
      const claimed = await manager
        .createQueryBuilder()
        .update(ResellerInvitation)
        .set({ acceptedAt: now, acceptedByTenantId: tenantId })
        .where('id = :id AND acceptedAt IS NULL', { id: invitation.id })
        .execute();
      if (claimed.affected !== 1) throw failedPrecondition('This invitation has already been used; ask the reseller for a new one.');
      return this.insertReseller(uow, ctx, invitation.partnerId, tenantId);
    });
  }

  /** Makes the partner the tenant's reseller, with its audit event, in the caller's transaction. */
  async insertReseller(uow: UnitOfWork, ctx: RequestContext, partnerId: string, tenantId: string): Promise<ResellerRelationship> {
    const relationship = Object.assign(new ResellerRelationship(), { id: newId(), partnerId, tenantId, createdAt: uow.now, version: 1 });
    try {
      await uow.manager.insert(ResellerRelationship, relationship);
    } catch (error) {
      // Another invitation of the same partner, accepted at the same moment, committed first.
      if (isUniqueViolation(error)) throw alreadyReseller(partnerId);
      throw error;
    }
    await this.audit.record(uow, {
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
  async removeReseller(ctx: RequestContext, tenantId: string, partnerIdText: string): Promise<Tenant> {
    const partnerId = partnerIdArgument(partnerIdText);
    const tenant = await this.access.removableResellerRelationship(ctx, tenantId, partnerId);
    await this.transactions.run(ctx, async (uow) => {
      const { manager } = uow;
      // Locked (MySQL/MariaDB) before counting, so a concurrent sale or reactivation either commits first and is
      // counted, or waits and then finds the relationship gone. On another Galera node the lock does not hold:
      // there the sale's write of this row (claimedIn) and the delete below conflict at COMMIT, and one is retried.
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
      await this.audit.record(uow, {
        action: 'resellerRelationship.removed',
        targetType: 'ResellerRelationship',
        targetId: relationship.id,
        tenantId,
        before: relationship,
        after: null,
      });
      if (tenant.billingManagedById === partnerId) {
        await manager.update(Tenant, { id: tenantId }, { billingManagedById: null });
        await this.audit.record(uow, {
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
  async removeAdvisor(ctx: RequestContext, tenantId: string, partnerIdText: string): Promise<Tenant> {
    const partnerId = partnerIdArgument(partnerIdText);
    const tenant = await this.access.readableTenant(ctx, tenantId);
    if (!isPartnerId(partnerId)) {
      throw badInput('partnerId', notAPartnerId(partnerId));
    }
    await this.transactions.run(ctx, async (uow) => {
      const { manager } = uow;
      const where = { tenantId, partnerOfRecordId: partnerId, status: Not(SubscriptionStatus.DELETED) };
      let advised = await manager.find(Subscription, { where, order: { id: 'ASC' } });
      const lock = rowLock(manager, 'pessimistic_write');
      if (advised.length > 0 && lock) {
        // On MySQL/MariaDB, lock the rows by primary key (FOR UPDATE, in id order, as single-row changes do) so
        // concurrent changes queue behind this removal instead of making its versioned updates miss; then keep
        // those still advised by the partner. SQLite runs one writer at a time.
        const locked = await manager.find(Subscription, { where: { id: In(advised.map((s) => s.id)) }, order: { id: 'ASC' }, ...lock });
        advised = locked.filter((s) => s.partnerOfRecordId === partnerId && lifecycleRefusal('removeAdvisor', s, uow.now) === null);
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
      for (const subscription of advised) {
        const written = await updateIfVersion(uow, subscription, { partnerOfRecordId: null });
        await this.audit.record(uow, {
          action: 'subscription.partnerOfRecordRemoved',
          targetType: 'Subscription',
          targetId: subscription.id,
          tenantId,
          before: subscription,
          after: written,
        });
      }
    });
    ctx.loaders.partnerRelationshipsByTenant.clear(tenantId);
    ctx.loaders.subscriptionById.clearAll();
    return tenant;
  }
}
