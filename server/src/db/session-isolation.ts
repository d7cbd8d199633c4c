import mysql2, { type Pool, type PoolOptions } from 'mysql2';

/** Every unit of work on MySQL/MariaDB runs at this level: its versioned UPDATEs re-read the rows they change. */
const ISOLATION_LEVEL = 'READ COMMITTED';

/**
 * Sets the isolation level once per connection, as the pool opens it (mysql2 queues this statement before
 * any other on the connection), so a unit of work starts with START TRANSACTION alone instead of a SET
 * TRANSACTION round trip before each one. A connection that cannot take it is closed, never handed out.
 */
export function isolateSessions(pool: Pool): Pool {
  pool.on('connection', (connection) => {
    connection.query(`SET SESSION TRANSACTION ISOLATION LEVEL ${ISOLATION_LEVEL}`, (error) => {
      if (error) connection.destroy();
    });
  });
  return pool;
}

/** What TypeORM's `driver` option takes: mysql2, with `createPool` making the pools its way. */
export function mysql2WithPools(createPool: (options: PoolOptions) => unknown): typeof mysql2 {
  return { ...mysql2, createPool } as unknown as typeof mysql2;
}

/** The driver for a single host: mysql2, with each pool's sessions isolated. */
export const sessionIsolatedDriver = (): typeof mysql2 => mysql2WithPools((options) => isolateSessions(mysql2.createPool(options)));
