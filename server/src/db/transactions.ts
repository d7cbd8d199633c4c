import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import { conflict } from '../domain/errors';
import type { Metrics } from '../metrics';
import type { Deadline } from './deadline';
import { driverPool, dropBrokenConnection } from './failover-pool';
import { isNodeUnavailable } from './node-unavailable';

/** SQLite has one writer and no row locks: its transactions are queued instead (see TransactionRunner). */
const queuesTransactions = (dataSource: DataSource) => dataSource.options.type === 'better-sqlite3';

/**
 * The lock option for a read that a change inside a transaction starts from: FOR UPDATE
 * (`pessimistic_write`) or a shared lock (`pessimistic_read`) on MySQL/MariaDB; nothing on SQLite,
 * where transactions already run one at a time. Spread it into find options.
 */
export function rowLock(
  manager: EntityManager,
  mode: 'pessimistic_read' | 'pessimistic_write',
): { lock: { mode: typeof mode } } | undefined {
  return queuesTransactions(manager.connection) ? undefined : { lock: { mode } };
}

/** Who a unit of work runs for: a request's context, or a job of the server's own. */
export interface WorkContext {
  actor: Actor;
  requestId: string;
  clock: Clock;
  /** The request's time limit: past it no COMMIT is sent (see Deadline). */
  deadline?: Deadline;
}

/** A row a unit of work writes whose presence proves that its transaction committed (its audit event). */
export interface CommitWitness {
  table: string;
  id: string;
}

/** One transaction and what every write in it needs: the manager, who acts, for which request, and when. */
export interface UnitOfWork {
  manager: EntityManager;
  actor: Actor;
  requestId: string;
  /**
   * The instant of this attempt, the same for every row it writes. Read from the domain clock when first
   * asked, which for a change is after it has locked its row: so the times of a row's changes (audit `at`,
   * `updatedAt`) follow the order in which they took the lock.
   */
  readonly now: Date;
  /** Calls `callback` soon after this unit of work has committed (never after a rollback; once, whatever the retries). */
  afterCommit(callback: () => void): void;
  /**
   * Names a row this transaction inserts (the first call counts), so that when the connection breaks after
   * COMMIT was sent, another node can be asked whether the transaction committed.
   */
  witness(row: CommitWitness): void;
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

/** The connection broke after COMMIT was sent: the transaction may or may not have committed. */
class CommitOutcomeUnknown<T> extends Error {
  constructor(
    readonly failure: unknown,
    readonly result: T,
    /** Whether the transaction sent any write: one that wrote nothing has nothing to lose with its COMMIT. */
    readonly wrote: boolean,
  ) {
    super('The connection broke while the transaction was committing.');
  }
}

type Reason = 'lost_race' | 'deadlock' | 'lock_wait_timeout' | 'node_unavailable';

/**
 * Failures after which the same transaction, started again, may succeed: a deadlock (MySQL/MariaDB 1213,
 * also what a Galera node answers when certification fails at COMMIT), a lock wait timeout (1205), and a
 * node that went away or is not ready before the COMMIT (nothing was committed; see node-unavailable.ts).
 */
function transientReason(error: unknown): Reason | null {
  if (error instanceof LostRace) return 'lost_race';
  const e = error as { errno?: number; code?: string; driverError?: { errno?: number; code?: string } } | null | undefined;
  const errno = e?.driverError?.errno ?? e?.errno;
  const code = e?.driverError?.code ?? e?.code;
  if (errno === 1213 || code === 'ER_LOCK_DEADLOCK') return 'deadlock';
  if (errno === 1205 || code === 'ER_LOCK_WAIT_TIMEOUT') return 'lock_wait_timeout';
  if (isNodeUnavailable(error)) return 'node_unavailable';
  return null;
}

/** Statements that change no row: reads (also locking ones) and the transaction's own control. */
const NOT_A_WRITE = /^\s*\(?\s*(SELECT|SHOW|SET TRANSACTION|START TRANSACTION|COMMIT|ROLLBACK)\b/i;

const MAX_ATTEMPTS = 8;
/** Backoff before attempt n (n ≥ 1): up to 2^n ms, capped, with full jitter so racing twins spread out. */
const backoffMs = (attempt: number) => Math.random() * Math.min(100, 2 ** attempt);
/** A lost node is waited for longer: the failover pool pauses it for a second, a Galera view change takes seconds. */
const nodeBackoffMs = (attempt: number) => Math.min(1_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2);

/**
 * Runs units of work, each in one database transaction, retried from its start (bounded, with jitter) when
 * it fails for a transient reason. The work must therefore only read and write through `uow.manager`.
 * When the connection breaks after COMMIT was sent, the unit's witness row is looked for (through another node
 * when there are several): found, the unit committed and its result stands; missing, it is run again. A unit
 * that wrote nothing (an idempotent replay found inside its transaction) keeps its result either way.
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
      let witness: CommitWitness | undefined;
      const told = () => queueMicrotask(() => committed.forEach((callback) => callback()));
      try {
        let now: Date | undefined;
        const result = await this.once(context.deadline, (manager) =>
          work({
            manager,
            actor: context.actor,
            requestId: context.requestId,
            get now() {
              return (now ??= context.clock.now());
            },
            afterCommit: (callback) => committed.push(callback),
            witness: (row) => (witness ??= row),
          }),
        );
        // Told after the commit, outside this try: nothing a listener does can make a committed change fail.
        told();
        return result;
      } catch (error) {
        let failure = error;
        let reason = transientReason(error);
        if (error instanceof CommitOutcomeUnknown) {
          failure = error.failure;
          if (error.wrote && !witness) throw failure;
          // A unit that wrote nothing has its result whatever became of its COMMIT.
          if (!error.wrote || (await this.hasCommitted(witness!, failure))) {
            told();
            return error.result as T;
          }
          reason = 'node_unavailable';
        }
        // Nothing committed (a COMMIT that may have is settled above): past the limit, that is the answer.
        if (context.deadline?.passed) throw context.deadline.error();
        if (reason === null) throw failure;
        if (attempt >= MAX_ATTEMPTS) {
          if (reason === 'node_unavailable') throw failure;
          this.metrics?.transactionsGivenUp.inc();
          throw conflict('What you are changing is being changed by others right now; retry in a moment.');
        }
        this.metrics?.transactionRetries.inc({ reason });
        await sleep(reason === 'node_unavailable' ? nodeBackoffMs(attempt) : backoffMs(attempt));
      }
    }
  }

  private once<T>(deadline: Deadline | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.inTransaction(deadline, work);
    const next = this.queue.then(() =>
      this.dataSource.transaction(async (manager) => {
        const result = await work(manager);
        deadline?.beforeCommit();
        return result;
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * One attempt on MySQL/MariaDB, with TypeORM's query runner driven here (not dataSource.transaction) to know
   * whether a failure came before the COMMIT was sent or during it, and to cut short a unit whose request ran
   * out of time before it sends one.
   */
  private async inTransaction<T>(deadline: Deadline | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    let phase: 'work' | 'commit' = 'work';
    // A statement stuck on a node that stalls would hold the request past its limit: dropping the connection
    // ends it, and the server rolls back a transaction whose connection closed without a COMMIT.
    const cutShort = () => phase === 'work' && dropBrokenConnection(undefined, this.connectionOf(runner));
    const stopWatching = deadline?.whenPassed(cutShort);
    let result: T | undefined;
    let wrote = false;
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      wrote ||= !NOT_A_WRITE.test(sql);
      return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as QueryRunner['query'];
    try {
      // At the session's isolation level (ISOLATION_LEVEL, set once per connection by the pool).
      await runner.startTransaction();
      result = await work(runner.manager);
      deadline?.beforeCommit();
      phase = 'commit';
      await runner.commitTransaction();
      return result;
    } catch (error) {
      // A connection cut short for the deadline is dropped, but says nothing about its node.
      if (isNodeUnavailable(error))
        dropBrokenConnection(deadline?.passed ? undefined : driverPool(this.dataSource), this.connectionOf(runner));
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (phase === 'commit' && isNodeUnavailable(error)) throw new CommitOutcomeUnknown(error, result as T, wrote);
      throw error;
    } finally {
      stopWatching?.();
      await runner.release();
    }
  }

  /**
   * Whether the transaction whose COMMIT answer was lost committed: its witness row is there. On Galera the
   * read waits until this node has applied every write set ordered before it (wsrep_sync_wait), so a commit
   * the cluster certified is seen. Throws `cause` when no node can be asked.
   */
  private async hasCommitted(witness: CommitWitness, cause: unknown): Promise<boolean> {
    const table = this.dataSource.driver.escape(witness.table);
    const select = `SELECT 1 AS found FROM ${table} WHERE id = ?`;
    const sql = this.dataSource.options.type === 'mariadb' ? `SET STATEMENT wsrep_sync_wait = 1 FOR ${select}` : select;
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        const rows: unknown[] = await this.dataSource.query(sql, [witness.id]);
        return rows.length > 0;
      } catch (error) {
        if (!isNodeUnavailable(error)) throw error;
        await sleep(nodeBackoffMs(attempt));
      }
    }
    throw cause;
  }

  private connectionOf(runner: QueryRunner): unknown {
    return (runner as unknown as { databaseConnection?: unknown }).databaseConnection;
  }
}
