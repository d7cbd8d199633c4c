import { type DataSource, LessThanOrEqual } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { RequestContext } from '../auth/request-context';
import type { Clock } from '../domain/clock';
import { Subscription, SubscriptionStatus } from '../entities';
import { Loaders } from '../db/loaders';
import { rowLock, type TransactionRunner, type UnitOfWork } from '../db/transactions';
import { updateIfVersion } from '../db/versioned-writes';
import { lifecycleRefusal, transitionValues } from '../domain/lifecycle';
import type { AuditService } from './audit.service';
import type { IdempotencyService } from './idempotency.service';

const BATCH = 500;
const SYSTEM_ACTOR: Actor = { subject: 'system:lifecycle-sweep', roles: [], tenantId: null, partnerId: null };

/**
 * Moves suspended subscriptions whose data retention has ended to DELETED, and prunes old idempotency
 * keys. Idempotent: a second run at the same instant finds nothing to do.
 */
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ deleted: number; prunedKeys: number }> {
    const now = this.clock.now();
    const ctx: RequestContext = {
      actor: SYSTEM_ACTOR,
      requestId: `sweep-${now.toISOString()}`,
      loaders: new Loaders(this.dataSource, SYSTEM_ACTOR),
      clock: { now: () => now },
    };
    let deleted = 0;
    for (;;) {
      const expired = await this.dataSource.getRepository(Subscription).find({
        where: { status: SubscriptionStatus.SUSPENDED, dataRetentionEndsAt: LessThanOrEqual(now) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (expired.length === 0) break;
      for (const { id } of expired) {
        if (await this.transactions.run(ctx, (uow) => this.expire(uow, id))) deleted++;
      }
      if (expired.length < BATCH) break;
    }
    const prunedKeys = await this.idempotency.prune(now);
    return { deleted, prunedKeys };
  }

  /** Deletes one subscription whose retention has ended, unless it changed meanwhile (reactivated: kept). */
  private async expire(uow: UnitOfWork, id: string): Promise<boolean> {
    const current = await uow.manager.findOne(Subscription, { where: { id }, ...rowLock(uow.manager, 'pessimistic_write') });
    if (!current || lifecycleRefusal('expire', current, uow.now)) return false;
    const written = await updateIfVersion(uow, current, transitionValues('expire', uow.now, 0));
    await this.audit.record(uow, {
      action: 'subscription.deleted',
      targetType: 'Subscription',
      targetId: id,
      tenantId: current.tenantId,
      before: current,
      after: written,
    });
    return true;
  }
}
