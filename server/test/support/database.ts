import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import mysql from 'mysql2/promise';

export type TestDatabaseKind = 'sqlite' | 'mysql';

export const testDatabaseKind = (): TestDatabaseKind => (process.env.TENANTRY_TEST_DB === 'mysql' ? 'mysql' : 'sqlite');

/** The MariaDB/MySQL server tests use; CI points it at the machine's MariaDB. */
export const testMysqlUrl = () => process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a temporary SQLite file, or a new MariaDB database.
 * MariaDB being unreachable is an error, never a skip.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (testDatabaseKind() === 'sqlite') {
    const file = join(tmpdir(), `tenantry-test-${suffix}.sqlite`);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  }
  const server = testMysqlUrl().replace(/\/+$/, '');
  const name = `tenantry_test_${suffix}`;
  let admin: mysql.Connection;
  try {
    admin = await mysql.createConnection({ uri: server, connectTimeout: 5_000 });
  } catch (error) {
    throw new Error(`MariaDB/MySQL is not reachable at ${server} (${(error as Error).message}). Start it, or set TEST_MYSQL_URL.`, {
      cause: error,
    });
  }
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${server}/${name}`,
    drop: async () => {
      const c = await mysql.createConnection({ uri: server });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
