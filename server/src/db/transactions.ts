import type { DataSource, EntityManager } from 'typeorm';

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

/**
 * Runs a unit of work in one database transaction. SQLite (one connection, one writer) gets its
 * transactions queued here, because TypeORM shares a single query runner for it and cannot nest them.
 */
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serialise = queuesTransactions(dataSource);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction('READ COMMITTED', work);
    const next = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
