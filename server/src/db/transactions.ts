import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import { conflict } from '../domain/errors';
import type { Metrics } from '../metrics';

/** SQLite has one writer and no row locks: its transactions are queued instead (see TransactionRunner). */
const queuesTransactions = (dataSource: DataSource) => dataSource.options.type === 'better-sqlite3';

/**
 * The lock option for a read that a change inside a transaction starts from: FOR UPDATE
 * (`pessimistic_write`) or a shared lock (`pessimistic_read`) on MySQL/MariaDB; nothing on SQLite,
 * where transactions already run one at a time. Spread it into find options.
 */
export function rowLock(manager: EntityManager, mode: 'pessimistic_read' | 'pessimistic_write'): { lock: { mode: typeof mode } } | undefined {
  return queuesTransactions(manager.connection) ? undefined : { lock: { mode } };
}

/** Who a unit of work runs for: a request's context, or a job of the server's own. */
export interface WorkContext {
  actor: Actor;
  requestId: string;
  clock: Clock;
}

/** One transaction and what every write in it needs: the manager, who acts, for which request, and when. */
export interface UnitOfWork {
  manager: EntityManager;
  actor: Actor;
  requestId: string;
  /** The instant of this attempt, the same for every row it writes. */
  now: Date;
  /** Calls `callback` soon after this unit of work has committed (never after a rollback; once, whatever the retries). */
  afterCommit(callback: () => void): void;
}

/**
 * A versioned write found another change there first. Thrown inside a unit of work, it makes the whole
 * transaction run again on fresh rows (where a stale expectedVersion is then reported as such).
 */
export class LostRace extends Error {
  constructor() {
    super('A concurrent change committed first.');
  }
}

/**
 * Failures after which the same transaction, started again, may succeed: a deadlock (MySQL/MariaDB 1213,
 * also what a Galera node answers when certification fails at COMMIT) and a lock wait timeout (1205).
 */
function transientReason(error: unknown): 'lost_race' | 'deadlock' | 'lock_wait_timeout' | null {
  if (error instanceof LostRace) return 'lost_race';
  const e = error as { errno?: number; code?: string; driverError?: { errno?: number; code?: string } };
  const errno = e?.driverError?.errno ?? e?.errno;
  const code = e?.driverError?.code ?? e?.code;
  if (errno === 1213 || code === 'ER_LOCK_DEADLOCK') return 'deadlock';
  if (errno === 1205 || code === 'ER_LOCK_WAIT_TIMEOUT') return 'lock_wait_timeout';
  return null;
}

const MAX_ATTEMPTS = 8;
/** Backoff before attempt n (n ≥ 1): up to 2^n ms, capped, with full jitter so racing twins spread out. */
const backoffMs = (attempt: number) => Math.random() * Math.min(100, 2 ** attempt);

/**
 * Runs units of work, each in one database transaction, retried from its start (bounded, with jitter) when
 * it fails for a transient reason. The work must therefore only read and write through `uow.manager`.
 * SQLite (one connection, one writer) gets its transactions queued here, because TypeORM shares a single
 * query runner for it and cannot nest them.
 */
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics?: Metrics,
  ) {
    this.serialise = queuesTransactions(dataSource);
  }

  async run<T>(context: WorkContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const committed: (() => void)[] = [];
      try {
        const result = await this.once((manager) =>
          work({
            manager,
            actor: context.actor,
            requestId: context.requestId,
            now: context.clock.now(),
            afterCommit: (callback) => committed.push(callback),
          }),
        );
        // Told after the commit, outside this try: nothing a listener does can make a committed change fail.
        queueMicrotask(() => committed.forEach((callback) => callback()));
        return result;
      } catch (error) {
        const reason = transientReason(error);
        if (reason === null) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          this.metrics?.transactionsGivenUp.inc();
          throw conflict('What you are changing is being changed by others right now; retry in a moment.');
        }
        this.metrics?.transactionRetries.inc({ reason });
        await sleep(backoffMs(attempt));
      }
    }
  }

  private once<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction('READ COMMITTED', work);
    const next = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
