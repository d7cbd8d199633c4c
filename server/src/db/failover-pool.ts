import mysql2, { type Pool, type PoolConnection, type PoolOptions, type RowDataPacket } from 'mysql2';
import type { DataSource } from 'typeorm';
import type { DatabaseHost } from '../config';
import { isNodeUnavailable, NodeNotReady } from './node-unavailable';
import { isolateSessions, mysql2WithPools } from './session-isolation';

/** A node that failed is left alone for this long, doubling with each failure in a row up to the cap. */
const FIRST_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 15_000;
/** Connections to a failover node close after this long idle, so an instance goes back to its own node's. */
const FAILOVER_IDLE_MS = 30_000;

interface Node {
  name: string;
  pool: Pool;
  /** Not tried before this instant (ms), unless every node is paused. */
  pausedUntil: number;
  failuresInARow: number;
}

/**
 * A mysql2 pool per host of DATABASE_URL, handed to TypeORM as one pool (its `driver` option's `createPool`).
 * Connections come from the first host, the instance's own node, unless it refused a connection or a
 * connection to it broke lately; then from the next one that answers (the "sequential" failover of MariaDB's
 * connectors). A paused node is tried again after its pause, so the instance returns to its own node when it
 * is back. A new connection is first asked whether its Galera node is ready (wsrep_ready), because a joining
 * node accepts connections before it accepts statements.
 *
 * mysql2's PoolCluster (ORDER selector) does the first part, but takes a node offline only for connection
 * errors, not for one whose statements fail, and cannot say which node a connection belongs to.
 */
export class FailoverPool {
  private readonly nodes: Node[];
  private readonly nodeOf = new WeakMap<PoolConnection, Node>();

  constructor(hosts: readonly DatabaseHost[], options: PoolOptions) {
    this.nodes = hosts.map((host, i) => ({
      name: `${host.host}:${host.port}`,
      pool: isolateSessions(
        mysql2.createPool({
          ...options,
          host: host.host,
          port: host.port,
          ...(i === 0 ? {} : { maxIdle: 0, idleTimeout: FAILOVER_IDLE_MS }),
        }),
      ),
      pausedUntil: 0,
      failuresInARow: 0,
    }));
  }

  /** The pool of the instance's own node, which /readyz asks about. */
  get ownNode(): Pool {
    return this.nodes[0].pool;
  }

  /** TypeORM's way in (`pool.getConnection(callback)`). */
  getConnection(callback: (error: Error | null, connection?: PoolConnection) => void): void {
    this.acquire().then(
      (connection) => callback(null, connection),
      (error: Error) => callback(error),
    );
  }

  private async acquire(): Promise<PoolConnection> {
    const now = Date.now();
    const available = this.nodes.filter((node) => node.pausedUntil <= now);
    let lastError: unknown;
    for (const node of available.length > 0 ? available : this.nodes) {
      try {
        const connection = await this.connectionOf(node);
        node.failuresInARow = 0;
        return connection;
      } catch (error) {
        if (!isNodeUnavailable(error)) throw error;
        this.pause(node);
        lastError = error;
      }
    }
    throw lastError;
  }

  private async connectionOf(node: Node): Promise<PoolConnection> {
    const connection = await new Promise<PoolConnection>((resolve, reject) =>
      node.pool.getConnection((error, c) => (error ? reject(error) : resolve(c))),
    );
    if (this.nodeOf.has(connection)) return connection;
    try {
      const [rows] = await connection
        .promise()
        .query<RowDataPacket[]>("SHOW STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_provider_name')");
      const status = new Map(rows.map((row) => [String(row.Variable_name).toLowerCase(), String(row.Value)]));
      // Not a Galera node: MySQL has neither variable, a MariaDB without a provider says OFF with no cluster to wait for.
      if (status.get('wsrep_provider_name') && status.get('wsrep_ready')?.toUpperCase() !== 'ON') throw new NodeNotReady(node.name);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    this.nodeOf.set(connection, node);
    return connection;
  }

  /** A connection from this pool broke, or its node refused a statement as not ready: pause that node. */
  reportUnavailable(connection: unknown): void {
    const node = this.nodeOf.get(connection as PoolConnection);
    if (node) this.pause(node);
  }

  private pause(node: Node): void {
    node.failuresInARow++;
    node.pausedUntil = Date.now() + Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (node.failuresInARow - 1));
  }

  /** One mysql2 pool per host, own node first (for the pool-use metric). */
  get pools(): Pool[] {
    return this.nodes.map((node) => node.pool);
  }

  end(callback: (error?: Error | null) => void): void {
    Promise.all(this.nodes.map(({ pool }) => pool.promise().end())).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

/**
 * The mysql2 pool TypeORM 1.x's MysqlDriver holds in `driver.pool` (a FailoverPool with several hosts; unset
 * before connecting, after closing, and on SQLite).
 */
export const driverPool = (dataSource: DataSource): unknown => (dataSource.driver as unknown as { pool?: unknown }).pool;

/** What TypeORM's `driver` option takes: mysql2, with `createPool` making a FailoverPool over `hosts`. */
export function failoverDriver(hosts: readonly DatabaseHost[]): typeof mysql2 {
  return mysql2WithPools((options) => new FailoverPool(hosts, options));
}

/**
 * Drops a connection that broke or whose node is not ready (so the pool cannot hand it out again) and, with
 * several hosts, pauses its node. `connection` is the mysql2 connection a TypeORM query runner holds.
 */
export function dropBrokenConnection(pool: unknown, connection: unknown): void {
  if (pool instanceof FailoverPool) pool.reportUnavailable(connection);
  (connection as { destroy?: () => void } | undefined)?.destroy?.();
}
