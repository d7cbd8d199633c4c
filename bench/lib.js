'use strict';
/**
 * Shared by the benchmark processes: the GraphQL documents of the workloads, database access through
 * the raw drivers, HS256 tokens and small helpers. Plain CommonJS so it runs without a build step.
 */
const { createHmac } = require('node:crypto');

/** W1: a reseller's customer-list page: 50 customers with their subscriptions, offer and partner of record. */
const W1_QUERY =
  'query CustomerPage($after: String) { customers(first: 50, after: $after) { pageInfo { hasNextPage endCursor } ' +
  'edges { cursor node { id name domain subscriptions(first: 20) { edges { node { id quantity status channel ' +
  'offer { name } partnerOfRecord { name } } } } } } } }';

/** W2: one subscription by id. */
const W2_QUERY =
  'query Subscription($id: ID!) { subscription(id: $id) { id quantity status channel version offer { name } partnerOfRecord { name } } }';

/** W3: changeLicenseQuantity on a random subscription the reseller sold. */
const W3_QUERY =
  'mutation ChangeQuantity($input: ChangeLicenseQuantityInput!) { changeLicenseQuantity(input: $input) { subscription { id quantity version } } }';

/** L2: Apollo Server's hello world. */
const HELLO_QUERY = 'query Hello { hello }';

/** The cursor Tenantry issues for a keyset value (server/src/db/pagination.ts). */
const encodeCursor = (key) => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

function signHs256(secret, claims, ttlSeconds = 3600) {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + ttlSeconds })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Parses DATABASE_URL like the server does (mysql://user:pass@host:port/db or sqlite:PATH). */
function parseDatabaseUrl(raw) {
  if (raw.startsWith('sqlite:')) return { kind: 'sqlite', path: raw.slice('sqlite:'.length) };
  const url = new URL(raw);
  return {
    kind: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}

/**
 * A tiny uniform interface over the raw drivers: `all(sql, params)` and `run(sql, params)`, with `?`
 * placeholders and backquoted identifiers (rewritten to double quotes for SQLite).
 */
async function openRaw(db, { poolSize = 4 } = {}) {
  if (db.kind === 'mysql') {
    const mysql = require('mysql2/promise');
    const pool = mysql.createPool({
      host: db.host,
      port: db.port,
      user: db.user,
      password: db.password,
      database: db.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectionLimit: poolSize,
      enableKeepAlive: true,
    });
    return {
      kind: 'mysql',
      pool,
      all: async (sql, params = []) => (await pool.query(sql, params))[0],
      run: async (sql, params = []) => (await pool.query(sql, params))[0],
      close: () => pool.end(),
    };
  }
  const Database = require('better-sqlite3');
  const sqlite = new Database(db.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const cache = new Map();
  const prepare = (sql) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = sqlite.prepare(sql.replace(/`/g, '"'))));
    return s;
  };
  return {
    kind: 'sqlite',
    sqlite,
    prepare,
    all: async (sql, params = []) => prepare(sql).all(...params),
    run: async (sql, params = []) => prepare(sql).run(...params),
    close: async () => sqlite.close(),
  };
}

const placeholders = (n) => Array(n).fill('?').join(',');

module.exports = { W1_QUERY, W2_QUERY, W3_QUERY, HELLO_QUERY, encodeCursor, signHs256, parseDatabaseUrl, openRaw, placeholders };
