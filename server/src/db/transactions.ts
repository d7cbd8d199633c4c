import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction. SQLite (one connection, one writer) gets its
 * transactions queued here, because TypeORM shares a single query runner for it and cannot nest them.
 */
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction('READ COMMITTED', work);
    const next = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
