import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, QueryRunner } from 'typeorm';
import { driverPool, dropBrokenConnection } from './failover-pool';
import { isNodeUnavailable } from './node-unavailable';

/** Statements that only read: sent again as they are, they cannot change anything twice. */
const READ = /^\s*\(?\s*(SELECT|SHOW)\b/i;
const ATTEMPTS = 4;

/** TypeORM's MysqlQueryRunner keeps its connection in these two fields; emptied, `connect()` takes a new one. */
interface HeldConnection {
  databaseConnection?: unknown;
  databaseConnectionPromise?: Promise<unknown>;
}

/**
 * A read outside a transaction whose connection broke, or whose node is not ready, is sent again on a new
 * connection, which the pool takes from the next node that answers (as MariaDB's connectors do for reads).
 * Inside a transaction the error is the TransactionRunner's to handle: the whole unit of work starts again.
 * MySQL/MariaDB only; TypeORM makes a query runner per statement outside a transaction, so every read of
 * the loaders, the pages and the services goes through here.
 */
export function retryBrokenReads(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { createQueryRunner(mode: 'master' | 'slave'): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await query(sql, parameters, structured as never);
        } catch (error) {
          if (runner.isTransactionActive || runner.isReleased || !READ.test(sql) || !isNodeUnavailable(error) || attempt >= ATTEMPTS)
            throw error;
          const held = runner as unknown as HeldConnection;
          dropBrokenConnection(driverPool(dataSource), held.databaseConnection);
          held.databaseConnection = undefined;
          held.databaseConnectionPromise = undefined;
          await sleep(50 * 2 ** attempt * (0.5 + Math.random() / 2));
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
