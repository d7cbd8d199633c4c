import { type DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { RequestContext } from '../auth/request-context';
import type { Clock } from '../domain/clock';
import { Subscription, SubscriptionStatus } from '../entities';
import { Loaders } from '../db/loaders';
import { rowLock, type TransactionRunner, type UnitOfWork } from '../db/transactions';
import { updateIfVersion } from '../db/versioned-writes';
import { claimLease, newLeaseOwner, pruneLeases, releaseLease } from '../db/work-leases';
import type { Metrics } from '../metrics';
import { lifecycleRefusal, transitionValues } from '../domain/lifecycle';
import type { AuditService } from './audit.service';
import type { IdempotencyService } from './idempotency.service';
import type { WebhookService } from './webhook.service';

const BATCH = 500;
const LEASE_KIND = 'subscription.expire';
/** Expiring one subscription takes milliseconds; a claim outliving this is its dead or stalled holder's. */
const LEASE_MS = 60_000;
/** Leases are deleted with the work they claim; one left this long ago guards nothing any more. */
const LEASE_PRUNE_AFTER_MS = 86_400_000;
const SYSTEM_ACTOR: Actor = { subject: 'system:lifecycle-sweep', roles: [], tenantId: null, partnerId: null };

/**
 * Moves suspended subscriptions whose data retention has ended to DELETED, and prunes old idempotency keys
 * and the webhook delivery log past its 30 days. Idempotent: a second run at the same instant finds nothing
 * to do. Every instance runs it: each subscription is claimed with a lease (db/work-leases.ts) before it is
 * expired, so instances sweeping at once share the work, and a dead instance's claims are taken over when
 * they expire (SPEC §7).
 */
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly webhooks: WebhookService,
    private readonly clock: Clock,
    private readonly metrics?: Metrics,
    /** This instance's name in the leases it holds. */
    readonly leaseOwner: string = newLeaseOwner(),
  ) {}

  /** One run, counted in `tenantry_lifecycle_sweep_runs_total` and `…_deleted_total`. */
  async sweep(): Promise<{ deleted: number; prunedKeys: number; prunedDeliveries: number }> {
    try {
      const result = await this.sweepOnce();
      this.metrics?.sweepRuns.inc({ outcome: 'ok' });
      this.metrics?.sweepDeleted.inc(result.deleted);
      return result;
    } catch (error) {
      this.metrics?.sweepRuns.inc({ outcome: 'failed' });
      throw error;
    }
  }

  private async sweepOnce(): Promise<{ deleted: number; prunedKeys: number; prunedDeliveries: number }> {
    const now = this.clock.now();
    const ctx: RequestContext = {
      actor: SYSTEM_ACTOR,
      requestId: `sweep-${now.toISOString()}`,
      loaders: new Loaders(this.dataSource, SYSTEM_ACTOR),
      clock: { now: () => now },
    };
    let deleted = 0;
    // Keyset pages: a subscription another instance holds stays SUSPENDED, and is not read again.
    for (let after = ''; ; ) {
      const expired = await this.dataSource.getRepository(Subscription).find({
        select: { id: true },
        where: { status: SubscriptionStatus.SUSPENDED, dataRetentionEndsAt: LessThanOrEqual(now), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const { id } of expired) {
        if (await this.claimAndExpire(ctx, id)) deleted++;
      }
      if (expired.length < BATCH) break;
      after = expired[expired.length - 1].id;
    }
    // One statement, like the prunes below: no unit of work of its own (a sweep that finds nothing opens no transaction).
    await pruneLeases(this.dataSource.manager, LEASE_KIND, new Date(now.getTime() - LEASE_PRUNE_AFTER_MS));
    const prunedKeys = await this.idempotency.prune(now);
    const prunedDeliveries = await this.webhooks.pruneDeliveries(now);
    return { deleted, prunedKeys, prunedDeliveries };
  }

  /** Claims the subscription (committed, so other instances see it), then expires it and ends the claim in one unit of work. */
  private async claimAndExpire(ctx: RequestContext, id: string): Promise<boolean> {
    const lease = { kind: LEASE_KIND, itemId: id, owner: this.leaseOwner };
    // The lease's clock is the real one: it must expire while this sweep's `now` stands still.
    const claimed = await this.transactions.run(ctx, (uow) => claimLease(uow.manager, { ...lease, now: this.clock.now(), ttlMs: LEASE_MS }));
    if (!claimed) return false;
    return this.transactions.run(ctx, async (uow) => {
      const expired = await this.expire(uow, id);
      await releaseLease(uow.manager, lease);
      return expired;
    });
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
