import type { DataSource } from 'typeorm';
import type { Metrics } from '../metrics';
import { FailoverPool } from './failover-pool';

/** The parts of a mysql2 pool (`mysql2/lib/base/pool.js`) that say how busy it is; each is a queue with a length. */
interface Mysql2Pool {
  _allConnections: { length: number };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
}

export interface PoolUsage {
  inUse: number;
  idle: number;
  waiting: number;
}

/**
 * How the database connections are used right now. TypeORM 1.1.1's MysqlDriver keeps its mysql2 pool in
 * `driver.pool` (unset before connecting and after closing; a FailoverPool with several hosts); SQLite is one connection, always open.
 */
export function poolUsage(dataSource: DataSource): PoolUsage {
  if (dataSource.options.type === 'better-sqlite3') return { inUse: dataSource.isInitialized ? 1 : 0, idle: 0, waiting: 0 };
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool | FailoverPool }).pool;
  if (!pool) return { inUse: 0, idle: 0, waiting: 0 };
  if (pool instanceof FailoverPool) return pool.usage();
  const all = pool._allConnections.length;
  const idle = pool._freeConnections.length;
  return { inUse: all - idle, idle, waiting: pool._connectionQueue.length };
}

/**
 * Reads the pool into `tenantry_db_pool_connections` at each scrape. prom-client calls a metric's `collect`
 * before reading it; its typings accept one only in the constructor, and metrics.ts builds the gauge.
 */
export function collectPoolUsage(dataSource: DataSource, metrics: Metrics): void {
  (metrics.dbPool as unknown as { collect: () => void }).collect = () => {
    const usage = poolUsage(dataSource);
    metrics.dbPool.set({ state: 'in_use' }, usage.inUse);
    metrics.dbPool.set({ state: 'idle' }, usage.idle);
    metrics.dbPool.set({ state: 'waiting' }, usage.waiting);
  };
}
