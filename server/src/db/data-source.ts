import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Connection, type ConnectionOptions, createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from '../entities';
import { failoverDriver } from './failover-pool';
import { sessionIsolatedDriver } from './session-isolation';
import { isNodeUnavailable } from './node-unavailable';
import { retryBrokenReads } from './read-failover';
import { mysqlMigrations } from '../migrations/mysql';
import { sqliteMigrations } from '../migrations/sqlite';

export interface DataSourceExtras {
  /** MariaDB needs TypeORM's `mariadb` driver flavour to read its schema right; detected when unset. */
  mariadb?: boolean;
  /** Called with every SQL statement; used by tests that count statements. */
  logger?: TypeOrmLogger;
  poolSize?: number;
  /** Told when a MySQL database that did not exist was created. */
  onDatabaseCreated?: (name: string) => void;
}

export function dataSourceOptions(db: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false,
    logging: extras.logger ? (['query'] as 'query'[]) : false,
    logger: extras.logger,
  };
  if (db.kind === 'mysql') {
    return {
      ...common,
      type: extras.mariadb ? 'mariadb' : 'mysql',
      host: db.host,
      port: db.port,
      username: db.user,
      password: db.password,
      database: db.database,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: extras.poolSize ?? 20,
      connectTimeout: 5_000,
      migrations: mysqlMigrations,
      migrationsTransactionMode: 'each',
      // mysql2 captures the caller's stack on every statement (`trace`) to decorate its errors' stacks; no stack
      // leaves the server or reaches a log line, and the capture was 4% of the CPU of a subscription(id) read.
      extra: { enableKeepAlive: true, trace: false },
      driver: db.hosts.length > 1 ? failoverDriver(db.hosts) : sessionIsolatedDriver(),
    };
  }
  if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    migrations: sqliteMigrations,
    migrationsTransactionMode: 'each',
    prepareDatabase: (sqlite: { pragma(statement: string): unknown }) => {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
    },
  };
}

/** Asks a MySQL-protocol server whether it is MariaDB (whose schema metadata differs from MySQL's). */
/** A connection to the first host of the URL that answers (the own node, else the next: see FailoverPool). */
async function connectToFirstHost(db: DatabaseConfig & { kind: 'mysql' }, options: ConnectionOptions = {}): Promise<Connection> {
  let lastError: unknown;
  for (const { host, port } of db.hosts) {
    try {
      return await createConnection({ host, port, user: db.user, password: db.password, connectTimeout: 5_000, ...options });
    } catch (error) {
      if (!isNodeUnavailable(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

export async function detectMariaDb(db: DatabaseConfig & { kind: 'mysql' }): Promise<boolean> {
  const connection = await connectToFirstHost(db, { database: db.database });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as { version: string }[])[0].version));
  } finally {
    await connection.end();
  }
}

/**
 * A MySQL database that does not exist yet is created, with the character set the migrations expect, when
 * the user may create databases (SPEC §5). Returns whether it created one.
 */
async function createMysqlDatabaseIfMissing(db: DatabaseConfig & { kind: 'mysql' }): Promise<boolean> {
  const connection = await connectToFirstHost(db);
  const name = connection.escapeId(db.database);
  try {
    const refusal = (error: unknown, problem: string) =>
      Object.assign(new Error(`${problem}: create it (CHARACTER SET utf8mb4) and grant the user its privileges`), {
        code: (error as { code?: string }).code,
      });
    try {
      await connection.query(`USE ${name}`);
      return false;
    } catch (error) {
      // The server says "does not exist" only to a user with some privilege on that database.
      const code = (error as { code?: string }).code;
      if (code === 'ER_DBACCESS_DENIED_ERROR')
        throw refusal(error, `user "${db.user}" may not use the database "${db.database}", which may not exist yet`);
      if (code !== 'ER_BAD_DB_ERROR') throw error;
    }
    try {
      await connection.query(`CREATE DATABASE IF NOT EXISTS ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } catch (error) {
      if (!(error as { code?: string }).code?.includes('ACCESS_DENIED')) throw error;
      throw refusal(error, `the database "${db.database}" does not exist and user "${db.user}" may not create it`);
    }
    return true;
  } finally {
    await connection.end();
  }
}

/**
 * The entities name MySQL's binary collation on every text column (see TEXT_COLLATION). SQLite compares
 * text byte for byte by default and would refuse that name in the DDL it generates (a schema diff, a
 * migration), so it is dropped from SQLite's copy of the metadata.
 */
function withoutMysqlCollations(dataSource: DataSource): void {
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) column.collation = undefined;
  }
}

/** Connects and brings the schema up to date with the migrations of the dialect, creating a missing MySQL database. Idempotent. */
export async function openDatabase(db: DatabaseConfig, extras: DataSourceExtras = {}): Promise<DataSource> {
  if (db.kind === 'mysql') {
    if (await createMysqlDatabaseIfMissing(db)) extras.onDatabaseCreated?.(db.database);
    if (extras.mariadb === undefined) extras = { ...extras, mariadb: await detectMariaDb(db) };
  }
  const dataSource = new DataSource(dataSourceOptions(db, extras));
  await dataSource.initialize();
  if (db.kind === 'sqlite') withoutMysqlCollations(dataSource);
  else retryBrokenReads(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
