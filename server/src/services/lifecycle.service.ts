import { type DataSource, In } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { RequestContext } from '../auth/request-context';
import type { Clock } from '../domain/clock';
import { Subscription, SubscriptionStatus } from '../entities';
import { Loaders } from '../db/loaders';
import { rowLock, type TransactionRunner, type UnitOfWork } from '../db/transactions';
import { updateAllIfVersion, type VersionedWrite } from '../db/versioned-writes';
import { claimLeases, newLeaseOwner, pruneLeases, releaseLeases } from '../db/work-leases';
import type { Metrics } from '../metrics';
import { lifecycleAllows, transitionValues } from '../domain/lifecycle';
import { DAY_MS } from '../domain/rules';
import { TERM_MONTHS, termEnd, wholeQuantityBlock } from '../domain/terms';
import type { AuditEntry, AuditService } from './audit.service';
import type { IdempotencyService } from './idempotency.service';
import type { WebhookService } from './webhook.service';

/** Subscriptions claimed and changed together: one lease statement set and one transaction per batch. */
const BATCH = 200;
/** Changing one batch takes well under a second; a claim outliving this is its dead or stalled holder's. */
const LEASE_MS = 60_000;
/** Leases are deleted with the work they claim; one left this long ago guards nothing any more. */
const LEASE_PRUNE_AFTER_MS = DAY_MS;
/** Deletions keep the lease kind of the release before terms (`subscription.expire`), so both releases share claims while they run side by side. */
const DELETION_KIND = 'subscription.expire';
const LEASE_KINDS = ['subscription.term', 'subscription.notice', DELETION_KIND];
const SYSTEM_ACTOR: Actor = { subject: 'system:lifecycle-sweep', roles: [], tenantId: null, partnerId: null };

/** What one kind of due work selects, and what it does to each subscription it claimed. */
interface DueWork {
  /** The lease kind (db/work-leases.ts). */
  kind: string;
  status: SubscriptionStatus;
  /** The column the work is due by, read in (column, id) keyset order. */
  dueBy: 'termEndsAt' | 'dataRetentionEndsAt';
  /** Extra conditions of the due query, beside status and `dueBy <= until`. */
  where?: { sql: string; params: Record<string, unknown> };
  until: Date;
  /** What to write to one claimed subscription and the events it makes; null when nothing is due any more. */
  handle(uow: UnitOfWork, current: Subscription): Handled | null;
}

/** One subscription's change in a batch: the batch writes them all with one statement, then records the events. */
interface Handled {
  write: VersionedWrite<Subscription>;
  events(written: Subscription): AuditEntry[];
}

export interface SweepResult {
  renewed: number;
  expired: number;
  noticed: number;
  deleted: number;
  prunedKeys: number;
  prunedDeliveries: number;
}

/**
 * The lifecycle sweep (SPEC §1, §8), as of domain time: ends the terms that have ended (a renewal, with the
 * scheduled change applied, or an expiry), catching up term by term; writes `subscription.termEnding` notices;
 * deletes suspended and expired subscriptions whose data retention has ended; prunes old idempotency keys and
 * the webhook delivery log. Every instance runs it: each subscription is claimed with a lease before it is
 * changed (db/work-leases.ts), in batches, and the versioned write makes each term end count once even if two
 * claims ever overlap. A sweep killed half-way leaves its leases to expire and its work due: nothing is lost.
 */
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly webhooks: WebhookService,
    /** Domain time: what the rules read. */
    private readonly clock: Clock,
    private readonly options: { retentionDays: number; renewalNoticeDays: number; wallClock: Clock },
    private readonly metrics?: Metrics,
    /** This instance's name in the leases it holds. */
    readonly leaseOwner: string = newLeaseOwner(),
  ) {}

  /** The run in progress: a second caller joins it instead of starting another (see sweep). */
  private running: Promise<SweepResult> | undefined;

  /**
   * One run, counted in `tenantry_lifecycle_sweep_runs_total` and `…_deleted_total`. One at a time per instance:
   * a call while a run is in progress (the interval's next tick, advanceTestClock) joins it. Without that, a run
   * that outlasts LIFECYCLE_SWEEP_SECONDS (100,000 terms ending at once) is joined by a new one every tick, each
   * locking its own batch, until they crowd the pool and renewals nearly stop (bench W5).
   */
  sweep(): Promise<SweepResult> {
    this.running ??= this.measuredSweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Whether a run is in progress (the interval skips its tick then, rather than join and report the run again). */
  get sweeping(): boolean {
    return this.running !== undefined;
  }

  private async measuredSweep(): Promise<SweepResult> {
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

  /**
   * Sweeps until nothing is due as of now, waiting for what other instances hold (advanceTestClock answers only
   * once every term it crossed has ended). A run that fails (a database node dying under it) is run again; after
   * `maxWaitMs` it gives up with the last failure, or with what is done.
   */
  async sweepUntilSettled(maxWaitMs = 120_000): Promise<SweepResult> {
    const total: SweepResult = { renewed: 0, expired: 0, noticed: 0, deleted: 0, prunedKeys: 0, prunedDeliveries: 0 };
    const giveUpAt = this.options.wallClock.now().getTime() + maxWaitMs;
    for (let lastFailure: unknown; ;) {
      try {
        const result = await this.sweep();
        for (const key of Object.keys(total) as (keyof SweepResult)[]) total[key] += result[key];
        if (!(await this.anythingDue())) return total;
        lastFailure = undefined;
      } catch (error) {
        lastFailure = error;
      }
      if (this.options.wallClock.now().getTime() > giveUpAt) {
        if (lastFailure !== undefined) throw lastFailure;
        return total;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async sweepOnce(): Promise<SweepResult> {
    const now = this.clock.now();
    const wallNow = this.options.wallClock.now();
    const ctx: RequestContext = {
      actor: SYSTEM_ACTOR,
      requestId: `sweep-${now.toISOString()}`,
      loaders: new Loaders(this.dataSource, SYSTEM_ACTOR),
      clock: this.clock,
    };
    // The events written, by action: what this run did (counted after each batch commits, whatever its retries).
    const done = new Map<string, number>();
    const count = (action: string) => done.get(action) ?? 0;
    const endTerm = (status: SubscriptionStatus): DueWork => ({
      kind: 'subscription.term',
      status,
      dueBy: 'termEndsAt',
      until: now,
      handle: (uow, current) => {
        const entries = this.endTerms(uow, current);
        if (entries.length === 0) return null;
        const last = entries[entries.length - 1].after as Subscription;
        return { write: { current, fields: changedFields(current, last), changes: entries.length }, events: () => entries };
      },
    });
    await this.process(ctx, endTerm(SubscriptionStatus.ACTIVE), done);
    await this.process(ctx, endTerm(SubscriptionStatus.SUSPENDED), done);

    const notice = (status: SubscriptionStatus): DueWork => ({
      kind: 'subscription.notice',
      status,
      dueBy: 'termEndsAt',
      // A term that has already ended gets its renewal or expiry, never a notice (SPEC §8).
      where: { sql: 's.termNoticePending = :pending AND s.termEndsAt > :now', params: { pending: true, now } },
      until: new Date(now.getTime() + this.options.renewalNoticeDays * DAY_MS),
      handle: (uow, current) => {
        const endsIn = current.termEndsAt.getTime() - uow.now.getTime();
        if (!current.termNoticePending || current.status !== status || endsIn <= 0 || endsIn > this.options.renewalNoticeDays * DAY_MS)
          return null;
        return {
          write: { current, fields: { termNoticePending: false }, changes: 0 },
          events: () => [
            {
              action: 'subscription.termEnding',
              targetType: 'Subscription',
              targetId: current.id,
              tenantId: current.tenantId,
              before: current,
              after: current,
            },
          ],
        };
      },
    });
    await this.process(ctx, notice(SubscriptionStatus.ACTIVE), done);
    await this.process(ctx, notice(SubscriptionStatus.SUSPENDED), done);

    const deletion = (status: SubscriptionStatus): DueWork => ({
      kind: DELETION_KIND,
      status,
      dueBy: 'dataRetentionEndsAt',
      until: now,
      handle: (uow, current) => {
        if (!lifecycleAllows('delete', current, uow.now)) return null;
        return {
          write: { current, fields: transitionValues('delete', current, uow.now, 0) },
          events: (written) => [
            {
              action: 'subscription.deleted',
              targetType: 'Subscription',
              targetId: current.id,
              tenantId: current.tenantId,
              before: current,
              after: written,
            },
          ],
        };
      },
    });
    await this.process(ctx, deletion(SubscriptionStatus.SUSPENDED), done);
    await this.process(ctx, deletion(SubscriptionStatus.EXPIRED), done);

    // Leases and the delivery log are stamped with the wall clock (they serve retries, not domain rules); an
    // idempotency key with the domain time of the change that wrote it.
    for (const kind of LEASE_KINDS) await pruneLeases(this.dataSource.manager, kind, new Date(wallNow.getTime() - LEASE_PRUNE_AFTER_MS));
    const prunedKeys = await this.idempotency.prune(now);
    const prunedDeliveries = await this.webhooks.pruneDeliveries(wallNow);
    return {
      renewed: count('subscription.renewed'),
      expired: count('subscription.expired'),
      noticed: count('subscription.termEnding'),
      deleted: count('subscription.deleted'),
      prunedKeys,
      prunedDeliveries,
    };
  }

  /**
   * The term ends of one subscription up to now, one event each (a server stopped for longer than a term catches
   * up term by term): ACTIVE with auto-renewal renews, with the scheduled change applied; otherwise it expires as
   * of the term's end. Each event's `after` is the next one's `before`; the last is what is written.
   */
  private endTerms(uow: UnitOfWork, start: Subscription): AuditEntry[] {
    const entries: AuditEntry[] = [];
    let current = start;
    while (lifecycleAllows('renew', current, uow.now) || lifecycleAllows('endTerm', current, uow.now)) {
      const version = start.version + entries.length + 1;
      const renews = current.status === SubscriptionStatus.ACTIVE && current.autoRenew;
      const next: Subscription = Object.assign(new Subscription(), current, {
        ...(renews ? renewal(current) : transitionValues('endTerm', current, current.termEndsAt, this.options.retentionDays)),
        version,
        updatedAt: uow.now,
      });
      const action = renews ? 'subscription.renewed' : 'subscription.expired';
      entries.push({ action, targetType: 'Subscription', targetId: current.id, tenantId: current.tenantId, before: current, after: next });
      current = next;
    }
    return entries;
  }

  /**
   * Claims the due subscriptions batch by batch and changes each batch in one unit of work: one statement writes
   * the batch, one inserts its events. Adds the events it wrote to `done`, by action.
   */
  private async process(ctx: RequestContext, work: DueWork, done: Map<string, number>): Promise<void> {
    for (let after: { at: Date; id: string } | null = null; ;) {
      const due = await this.duePage(work, after);
      if (due.length === 0) return;
      const ids = due.map((row) => row.id);
      const lease = { kind: work.kind, owner: this.leaseOwner };
      // The lease's clock is the wall clock: it must expire while domain time stands still, and after a jump.
      const claimed = await this.transactions.run(ctx, (uow) =>
        claimLeases(uow.manager, { ...lease, itemIds: ids, now: this.options.wallClock.now(), ttlMs: LEASE_MS }),
      );
      if (claimed.length > 0) {
        const entries = await this.transactions.run(ctx, async (uow) => {
          // Everything this unit needs is in its rows: it must not wait for a second pool connection (a loader's)
          // while it holds their locks, or it deadlocks against requests that hold the pool waiting for them.
          const rows = await uow.manager.find(Subscription, { where: { id: In(claimed) }, ...rowLock(uow.manager, 'pessimistic_write') });
          const handled = rows.sort((a, b) => a.id.localeCompare(b.id)).flatMap((row) => work.handle(uow, row) ?? []);
          const written = await updateAllIfVersion(
            uow,
            Subscription,
            handled.map((h) => h.write),
          );
          const batchEntries = handled.flatMap((h, i) => h.events(written[i]));
          await this.audit.recordMany(uow, batchEntries);
          await releaseLeases(uow.manager, { ...lease, itemIds: claimed });
          return batchEntries;
        });
        for (const { action } of entries) done.set(action, (done.get(action) ?? 0) + 1);
      }
      if (due.length < BATCH) return;
      const last = due[due.length - 1];
      after = { at: last[work.dueBy]!, id: last.id };
    }
  }

  /** The next page of due subscriptions in (dueBy, id) order: the (status, dueBy) index serves it. */
  private duePage(work: DueWork, after: { at: Date; id: string } | null): Promise<Subscription[]> {
    const column = `s.${work.dueBy}`;
    const query = this.dataSource
      .getRepository(Subscription)
      .createQueryBuilder('s')
      .select(['s.id', column])
      .where('s.status = :status', { status: work.status })
      .andWhere(`${column} <= :until`, { until: work.until });
    if (work.where) query.andWhere(work.where.sql, work.where.params);
    if (after)
      query.andWhere(`(${column} > :afterAt OR (${column} = :afterAt AND s.id > :afterId))`, { afterAt: after.at, afterId: after.id });
    return query.orderBy(column, 'ASC').addOrderBy('s.id', 'ASC').limit(BATCH).getMany();
  }

  /** Whether any term end or deletion is still due as of now (held by another instance, or new). */
  private async anythingDue(): Promise<boolean> {
    const now = this.clock.now();
    const repository = this.dataSource.getRepository(Subscription);
    const live = [SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED];
    const ending = await repository
      .createQueryBuilder('s')
      .where('s.status IN (:...live) AND s.termEndsAt <= :now', { live, now })
      .getExists();
    if (ending) return true;
    return repository
      .createQueryBuilder('s')
      .where('s.status IN (:...retained) AND s.dataRetentionEndsAt <= :now', {
        retained: [SubscriptionStatus.SUSPENDED, SubscriptionStatus.EXPIRED],
        now,
      })
      .getExists();
  }
}

/** The fields of `after` that differ from `before` (a batch writes only those); version and updatedAt are the writer's. */
function changedFields(before: Subscription, after: Subscription): Partial<Subscription> {
  const fields: Partial<Subscription> = {};
  for (const key of Object.keys(after) as (keyof Subscription)[]) {
    if (key === 'version' || key === 'updatedAt') continue;
    const [a, b] = [before[key], after[key]];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b || JSON.stringify(a) === JSON.stringify(b);
    if (!same) Object.assign(fields, { [key]: b });
  }
  return fields;
}

/**
 * The next term (SPEC §8): it starts at the old end, takes the scheduled change (then cleared), ends its months
 * after the purchase (anchored), and its whole quantity is a new licence block with a new cancellation window.
 */
function renewal(current: Subscription): Partial<Subscription> {
  const change = current.scheduledChange;
  const termDuration = change?.termDuration ?? current.termDuration;
  const quantity = change?.quantity ?? current.quantity;
  const termMonths = current.termMonths + TERM_MONTHS[termDuration];
  return {
    termDuration,
    // A scheduled term carries the cycle it renews into (scheduleRenewalChange chose it against the offer).
    billingCycle: change?.billingCycle ?? current.billingCycle,
    quantity,
    termStartsAt: current.termEndsAt,
    termEndsAt: termEnd(current.createdAt, termMonths),
    termMonths,
    licenceBlocks: wholeQuantityBlock(quantity, current.termEndsAt),
    scheduledChange: null,
    termNoticePending: true,
  };
}
