'use strict';
/**
 * SPEC §9, `/metrics`: a scrape sends no statement to the database, so 64 scrapers at once leave another
 * caller's latency where it was. Measured on a database holding 1,000,000 webhook delivery rows (a 30-day
 * log of a busy deployment), the table the delivery gauge counts:
 *
 *   1. Starts the built server (production, METRICS_TOKEN set) on its own MariaDB database and adds the
 *      rows straight in the database (MariaDB's sequence engine), once: later runs reuse them.
 *   2. Another caller reads offers with autocannon (4 connections) for --duration s: its idle p50.
 *   3. The same, while 64 scrapers each fetch /metrics once a second (--interval-ms; 0 = flat out): its p50
 *      under scraping. The scrapers are anonymous, as in the finding (--with-token: they send METRICS_TOKEN and
 *      get the series).
 *   Target: the second p50 within 2× of the first.
 *
 *   node bench/metrics-scrapers.js [--duration 10] [--rows 1000000] [--scrapers 64] [--interval-ms 1000] [--with-token]
 *     [--server path/to/main.js]
 *   (DATABASE_URL=mysql://root@127.0.0.1:3306/tenantry_bench_metrics by default; PORT 20480)
 */
const path = require('node:path');
const { spawn } = require('node:child_process');
const { parseArgs } = require('node:util');
const autocannon = require('autocannon');
const { signHs256, parseDatabaseUrl, openRaw } = require('./lib');

const ROOT = path.resolve(__dirname, '..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rows: { type: 'string', default: '1000000' },
    scrapers: { type: 'string', default: '64' },
    // By default the scrapers are anonymous, as in the finding; with this flag they send METRICS_TOKEN.
    'with-token': { type: 'boolean', default: false },
    // Each scraper's pace: one scrape per this many ms (0: as fast as it can, an HTTP flood rather than scraping).
    'interval-ms': { type: 'string', default: '1000' },
    // The server to measure (another build, e.g. the one before a change).
    server: { type: 'string', default: path.join(ROOT, 'server/dist/main.js') },
  },
});
const DURATION = Number(args.duration);
const ROWS = Number(args.rows);
const SCRAPERS = Number(args.scrapers);
const DATABASE_URL = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/tenantry_bench_metrics';
const PORT = Number(process.env.PORT ?? 20480);
const SECRET = 'bench-metrics-secret-of-at-least-32-characters';
const METRICS_TOKEN = 'bench-metrics-scrape-token-0123456789';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer() {
  const child = spawn(process.execPath, [args.server], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL,
      AUTH_JWT_SECRET: SECRET,
      METRICS_TOKEN,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    async ready() {
      for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(200)) {
        if (child.exitCode !== null) throw new Error('the server exited at start');
        const res = await fetch(`http://127.0.0.1:${PORT}/readyz`).catch(() => null);
        if (res?.ok) return;
      }
      throw new Error('the server did not become ready');
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The delivery log: ROWS SUCCEEDED rows of the last 30 days, inserted by the database itself. */
async function ensureDeliveryRows(raw) {
  const [{ n }] = await raw.all('SELECT COUNT(*) AS n FROM `webhook_deliveries`');
  if (Number(n) >= ROWS) return Number(n);
  const started = Date.now();
  for (let done = Number(n); done < ROWS; done += 100_000) {
    const count = Math.min(100_000, ROWS - done);
    await raw.run(
      `INSERT INTO \`webhook_deliveries\` (id, endpointId, eventId, status, attempts, nextAttemptAt, createdAt)
       SELECT UUID(), '01890000-0000-7000-8000-00000000b00c', UUID(), 'SUCCEEDED', 1, NULL,
              UTC_TIMESTAMP(3) - INTERVAL (seq MOD 2592000) SECOND
       FROM seq_1_to_${count}`,
    );
  }
  console.log(`inserted ${ROWS - Number(n)} delivery rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ROWS;
}

function readerRun(token) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${PORT}/graphql`,
        connections: 4,
        duration: DURATION,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ offers(first: 5) { totalCount edges { node { id name } } } }' }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function scrapeLoop(stop, counts) {
  const interval = Number(args['interval-ms']);
  // Spread over the interval, as independent scrapers are.
  await sleep(Math.random() * interval);
  while (!stop.done) {
    const started = Date.now();
    const headers = args['with-token'] ? { authorization: `Bearer ${METRICS_TOKEN}` } : {};
    const res = await fetch(`http://127.0.0.1:${PORT}/metrics`, { headers });
    await res.arrayBuffer();
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    await sleep(Math.max(0, started + interval - Date.now()));
  }
}

async function main() {
  const db = parseDatabaseUrl(DATABASE_URL);
  const admin = await openRaw({ ...db, database: undefined }, { poolSize: 1 });
  await admin.run(`CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4`);
  await admin.close();
  const server = startServer();
  try {
    await server.ready(); // the server migrates an empty database at start
    const raw = await openRaw(db, { poolSize: 2 });
    const rows = await ensureDeliveryRows(raw);
    await raw.close();
    const token = signHs256(SECRET, { sub: 'bench-reader', roles: ['PLATFORM_ADMIN'] });
    const scrape = await fetch(`http://127.0.0.1:${PORT}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    if (!scrape.ok) throw new Error(`/metrics answered ${scrape.status} to the METRICS_TOKEN`);

    await readerRun(token); // warm-up
    const idle = await readerRun(token);
    const stop = { done: false };
    const counts = {};
    const scrapers = Array.from({ length: SCRAPERS }, () => scrapeLoop(stop, counts));
    const busy = await readerRun(token);
    stop.done = true;
    await Promise.all(scrapers);

    const ratio = busy.latency.p50 / Math.max(idle.latency.p50, 0.001);
    console.log(`
/metrics under ${SCRAPERS} concurrent ${args['with-token'] ? 'scrapers with METRICS_TOKEN' : 'anonymous scrapers'} (one scrape each per ${args['interval-ms']} ms), ${rows.toLocaleString('en')} webhook delivery rows, ${DURATION} s each
| run | reader req/s | reader p50 ms | reader p99 ms | scrapes/s |
|---|---:|---:|---:|---:|
| idle | ${idle.requests.average.toFixed(0)} | ${idle.latency.p50} | ${idle.latency.p99} | – |
| ${SCRAPERS} scrapers | ${busy.requests.average.toFixed(0)} | ${busy.latency.p50} | ${busy.latency.p99} | ${Object.entries(counts)
      .map(([status, n]) => `${(n / DURATION).toFixed(0)} (HTTP ${status})`)
      .join(', ')} |
Target: reader p50 under scraping within 2× of idle: ${ratio.toFixed(2)}× ${ratio <= 2 ? 'MET' : 'NOT MET'}`);
    if (ratio > 2) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
