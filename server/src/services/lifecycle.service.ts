import { type DataSource, LessThanOrEqual } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { RequestContext } from '../auth/request-context';
import type { Clock } from '../domain/clock';
import { Subscription, SubscriptionStatus } from '../entities';
import { Loaders } from '../db/loaders';
import type { TransactionRunner } from '../db/transactions';
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
      deleted += await this.transactions.run(async (manager) => {
        let count = 0;
        for (const subscription of expired) {
          const values = { status: SubscriptionStatus.DELETED, liveKey: null, version: subscription.version + 1, updatedAt: now };
          const result = await manager
            .createQueryBuilder()
            .update(Subscription)
            .set(values)
            .where('id = :id AND version = :version AND status = :suspended', {
              id: subscription.id,
              version: subscription.version,
              suspended: SubscriptionStatus.SUSPENDED,
            })
            .execute();
          if (result.affected !== 1) continue; // reactivated or changed meanwhile: the next sweep decides
          count++;
          await this.audit.record(manager, ctx, {
            action: 'subscription.deleted',
            targetType: 'Subscription',
            targetId: subscription.id,
            tenantId: subscription.tenantId,
            before: subscription,
            after: { ...subscription, ...values },
          });
        }
        return count;
      });
      if (expired.length < BATCH) break;
    }
    const prunedKeys = await this.idempotency.prune(now);
    return { deleted, prunedKeys };
  }
}
