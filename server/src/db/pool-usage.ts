import type { DataSource } from 'typeorm';
import type { Metrics } from '../metrics';
import { driverPool, FailoverPool } from './failover-pool';

/** The parts of a mysql2 pool (`mysql2/lib/base/pool.js`) that say how busy it is; each is a queue with a length. */
interface Mysql2Pool {
  _allConnections: { length: number };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
}

interface PoolUsage {
  inUse: number;
  idle: number;
  waiting: number;
}

function usageOf(pools: readonly Mysql2Pool[]): PoolUsage {
  const usage = { inUse: 0, idle: 0, waiting: 0 };
  for (const pool of pools) {
    usage.inUse += pool._allConnections.length - pool._freeConnections.length;
    usage.idle += pool._freeConnections.length;
    usage.waiting += pool._connectionQueue.length;
  }
  return usage;
}

/** How the database connections are used right now (summed over the hosts' pools); SQLite is one connection, always open. */
function poolUsage(dataSource: DataSource): PoolUsage {
  if (dataSource.options.type === 'better-sqlite3') return { inUse: dataSource.isInitialized ? 1 : 0, idle: 0, waiting: 0 };
  const pool = driverPool(dataSource);
  if (!pool) return usageOf([]);
  return usageOf(pool instanceof FailoverPool ? (pool.pools as unknown as Mysql2Pool[]) : [pool as Mysql2Pool]);
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
