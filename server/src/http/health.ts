import type { Router } from 'express';
import express from 'express';
import type { DataSource } from 'typeorm';
import { driverPool, FailoverPool } from '../db/failover-pool';
import { GALERA_STATUS_VARIABLES, galeraReadiness, type StatusRow } from './galera-readiness';

const PROBE_TIMEOUT_MS = 2_000;

/** MySQL/MariaDB: the wsrep status (one cheap statement that also proves the server answers); SQLite: SELECT 1. */
async function probe(dataSource: DataSource): Promise<StatusRow[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.query('SELECT 1');
    return [];
  }
  const names = GALERA_STATUS_VARIABLES.map((name) => `'${name}'`).join(', ');
  const sql = `SHOW GLOBAL STATUS WHERE Variable_name IN (${names})`;
  // With several hosts, readiness is the own node's: requests still served through another node come from a
  // balancer that has not noticed yet, and it should route to instances whose own node is Synced.
  const pool = driverPool(dataSource);
  if (pool instanceof FailoverPool) return (await pool.ownNode.promise().query(sql))[0] as StatusRow[];
  return dataSource.query(sql);
}

/**
 * `/healthz`: the process is up. `/readyz`: the database (with several hosts, the first: the instance's own
 * node) answers and, on a Galera node, the node is Synced in the Primary component, so a load balancer routes around a node that is joining, donating or cut off.
 * Both public, both JSON.
 */
export function healthRoutes(dataSource: DataSource, isDraining: () => boolean): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    let rows: StatusRow[];
    try {
      rows = await Promise.race([
        probe(dataSource),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref()),
      ]);
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
      return;
    }
    const galera = galeraReadiness(rows);
    if (!galera.galera) res.json({ status: 'ready', database: 'ok' });
    else if (galera.ready) res.json({ status: 'ready', database: 'ok', galera: galera.node });
    else res.status(503).json({ status: 'unavailable', database: 'galera node not synced', galera: galera.node });
  });
  return router;
}
