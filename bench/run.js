'use strict';
/**
 * Tenantry benchmark (issue 6). One invocation, one database, the same seeded data for every target:
 *
 *   L1  raw baseline: node:http + the raw driver, minimal SQL producing the same JSON   (bench/l1-raw.js)
 *   L2  Apollo Server 5 hello world                                                       (bench/l2-hello.js)
 *   L4  Tenantry itself: node server/dist/main.js, production mode
 *
 *   W1  a reseller's customer-list page (50 customers, their subscriptions, offer, partner of record)
 *   W2  subscription(id)
 *   W3  changeLicenseQuantity on random subscriptions (checked for lost updates)
 *   W4  W3 with a webhook endpoint per reseller (bench/w4-events.js; L4 only): deliveries/s,
 *       commit-to-delivery p50/p99, and W4's req/s as a share of W3's; then W4+live, the same changes paced
 *       at --live-rate per second with 100 live subscribers as well: commit-to-live-update p50/p99
 *   W5  100,000 terms ending at one instant (bench/w5-renewals.js; L4 with the test clock, MariaDB only, once
 *       after the rounds): seconds until the sweep has renewed them all, renewals/s, and W2's req/s while it
 *       runs as a share of W2 alone; fails unless each is renewed exactly once within --w5-bound s
 *
 * Every target runs in its own process; this process is the load generator (autocannon). Each run has a
 * warm-up and a fixed duration. A run fails when any response is an error or has an unexpected size
 * (W1/W2: byte-identical lengths to the answers taken before the run, which are also checked to be
 * identical between L1 and L4). Prints req/s, p50, p99, the ratio L4/L1, L4's RSS, the targets, and
 * writes the table to bench/RESULTS.md.
 *
 *   npm run bench -- [--database-url URL] [--tenants N] [--subscriptions-per-tenant M] [--resellers K]
 *                    [--connections 32] [--duration 15] [--warmup 5] [--workloads W1,W2,W3,W4,W5]
 *                    [--targets L1,L2,L4] [--rounds 3] [--profile] [--log-level warn] [--no-write] [--server main.js]
 *                    [--live-subscribers 100] [--live-rate 100] [--w5-bound 600] [--w5-sweep-seconds 1]
 *
 * With --rounds N every target runs every workload N times, the targets taking turns, and the table shows
 * the round with the median req/s; the ratios are the medians of each round's ratio. Rounds keep a drift in
 * the machine's speed (other tenants of a shared host) from landing on one target only.
 */
const { execFileSync, spawn } = require('node:child_process');
const { readFileSync, writeFileSync, mkdirSync, existsSync } = require('node:fs');

/** The heading of the section of RESULTS.md that cluster/ measures (kept when this run rewrites the file). */
const GALERA_SECTION = '## Galera cluster';
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const { tlsForRun, withEvents } = require('./w4-events');
const { runW5 } = require('./w5-renewals');
const { W1_QUERY, W2_QUERY, W3_QUERY, HELLO_QUERY, encodeCursor, signHs256, parseDatabaseUrl, openRaw, placeholders } = require('./lib');

const ROOT = path.resolve(__dirname, '..');

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    tenants: { type: 'string', default: '100000' },
    'subscriptions-per-tenant': { type: 'string', default: '10' },
    resellers: { type: 'string', default: '200' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    workloads: { type: 'string', default: 'W1,W2,W3,W4,W5' },
    'w5-bound': { type: 'string', default: '600' },
    'w5-sweep-seconds': { type: 'string', default: '1' },
    'live-subscribers': { type: 'string', default: '100' },
    'live-rate': { type: 'string', default: '100' },
    targets: { type: 'string', default: 'L1,L2,L4' },
    'base-port': { type: 'string', default: '4710' },
    'log-level': { type: 'string', default: 'warn' },
    'max-cost': { type: 'string' },
    'l4-node-flags': { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
    'skip-seed': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    // The L4 build to measure (another checkout's server/dist/main.js, e.g. the code before a change).
    server: { type: 'string', default: path.join(ROOT, 'server/dist/main.js') },
    out: { type: 'string', default: path.join(__dirname, 'RESULTS.md') },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write(readFileSync(__filename, 'utf8').split('*/')[0]);
  process.exit(0);
}

const DATABASE_URL =
  args['database-url'] || process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/tenantry_bench';
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const ROUNDS = Math.max(1, Number(args.rounds));
const WORKLOADS = args.workloads.split(',').map((w) => w.trim().toUpperCase());
const TARGETS = args.targets.split(',').map((t) => t.trim().toUpperCase());
const BASE_PORT = Number(args['base-port']);
const SECRET = randomBytes(32).toString('hex');
const W1_PAGES = 20;
const W2_IDS = 500;
const W3_IDS = 200;
const W3_BODIES = 4000;

const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Database, seed and fixtures
// ---------------------------------------------------------------------------------------------

async function ensureDatabase(db) {
  if (db.kind !== 'mysql') return;
  if (/^tenantry_test_/.test(db.database)) throw new Error(`Refusing to benchmark on ${db.database}: it belongs to the test suite.`);
  const mysql = require('mysql2/promise');
  const c = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await c.query(`CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
}

/** The dataset's options (W5 regenerates its cohort's ids from them, also with --skip-seed). */
const seedOptions = () => ({
  tenants: Number(args.tenants),
  subscriptionsPerTenant: Number(args['subscriptions-per-tenant']),
  resellers: Number(args.resellers),
  advisors: Math.max(2, Math.floor(Number(args.resellers) / 2)),
  batch: 1000,
  seed: 1,
  quiet: false,
});

async function seed() {
  const { seedLarge } = require(path.join(ROOT, 'server/dist/scripts/seed-large.js'));
  const { parseDatabaseUrl: serverParse } = require(path.join(ROOT, 'server/dist/config.js'));
  const options = seedOptions();
  log(`Seeding (idempotent): ${options.tenants} tenants × ${options.subscriptionsPerTenant} subscriptions, ${options.resellers} resellers`);
  const result = await seedLarge(serverParse(DATABASE_URL), options, log);
  log(`Seed: ${result.alreadyComplete ? 'already complete' : 'loaded'} in ${result.seconds.toFixed(1)} s`);
  return { ...result, options };
}

function shuffle(items, seed = 42) {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return { items: copy, rnd };
}

/** The reseller with the most customers, pages through its list, and subscriptions to read and to change. */
async function loadFixtures(raw) {
  const [big] = await raw.all(
    'SELECT partnerId, COUNT(*) AS n FROM `reseller_relationships` GROUP BY partnerId ORDER BY n DESC, partnerId LIMIT 1',
  );
  if (!big) throw new Error('The database holds no reseller relationships: seed it first.');
  const partnerId = big.partnerId;
  const customers = (await raw.all('SELECT tenantId FROM `reseller_relationships` WHERE partnerId = ? ORDER BY tenantId', [partnerId])).map(
    (r) => r.tenantId,
  );
  // Pages spread from the first to the last: page 0 starts the list, the last ones are deep in it.
  const pages = [];
  for (let p = 0; p < W1_PAGES; p++) {
    const start = Math.floor((p * Math.max(0, customers.length - 50)) / Math.max(1, W1_PAGES - 1));
    pages.push(start === 0 ? null : encodeCursor(customers[start - 1]));
  }
  const { items: sampled } = shuffle(customers);
  const readTenants = sampled.slice(0, 400);
  const changeTenants = sampled.slice(400, 1400);
  const readable = await raw.all(
    `SELECT id FROM \`subscriptions\` WHERE tenantId IN (${placeholders(readTenants.length)}) ORDER BY id`,
    readTenants,
  );
  const changeable = await raw.all(
    'SELECT s.id, o.minQuantity, o.maxQuantity FROM `subscriptions` s INNER JOIN `offers` o ON o.id = s.offerId ' +
      `WHERE s.tenantId IN (${placeholders(changeTenants.length)}) AND s.status = 'ACTIVE' AND s.channel = 'RESELLER' AND s.resellerId = ? ORDER BY s.id`,
    [...changeTenants, partnerId],
  );
  return {
    partnerId,
    customerCount: customers.length,
    pages,
    readIds: shuffle(
      readable.map((r) => r.id),
      7,
    ).items.slice(0, W2_IDS),
    changeable: shuffle(changeable, 9).items.slice(0, W3_IDS),
  };
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

function startTarget(name, port, extraEnv = {}) {
  const env = { ...process.env, PORT: String(port), DATABASE_URL };
  let argv;
  if (name === 'L1') argv = [path.join(__dirname, 'l1-raw.js')];
  else if (name === 'L2') argv = [path.join(__dirname, 'l2-hello.js')];
  else {
    argv = [...(args['l4-node-flags'] ? args['l4-node-flags'].split(/\s+/).filter(Boolean) : []), path.resolve(args.server)];
    if (args.profile) {
      const dir = path.join(__dirname, 'profiles');
      mkdirSync(dir, { recursive: true });
      argv.unshift('--cpu-prof', `--cpu-prof-dir=${dir}`);
    }
    Object.assign(env, {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      DEMO_DATA: 'false',
      LOG_LEVEL: args['log-level'],
      // one caller sends thousands of requests a second: the per-caller and per-organisation limits are off
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0',
      // The server's default query limits apply (W1 costs ~159,000 of the default 1,000,000); --max-cost overrides.
      ...(args['max-cost'] ? { GRAPHQL_MAX_COST: args['max-cost'] } : {}),
      HOST: '127.0.0.1',
      ...extraEnv,
    });
  }
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    name,
    port,
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = sleep(15_000).then(() => child.kill('SIGKILL'));
      await Promise.race([exited, timeout]);
    },
  };
}

async function waitReady(target) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (target.child.exitCode !== null) throw new Error(`${target.name} exited at start:\n${target.output()}`);
    try {
      const res =
        target.name === 'L2'
          ? await fetch(target.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: HELLO_QUERY }),
            })
          : await fetch(`http://127.0.0.1:${target.port}/healthz`);
      if (res.ok) return;
    } catch {
      /* not yet listening */
    }
    await sleep(200);
  }
  throw new Error(`${target.name} did not become ready:\n${target.output()}`);
}

function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const perRequest = (before, after, requests) =>
  typeof before === 'number' && typeof after === 'number' && requests ? (after - before) / requests : null;

/** CPU time (user + system) a process has used so far, in ms; null when /proc cannot tell. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux this runs on

/** The local MariaDB/MySQL server process, when the database runs on this machine (its CPU counts too). */
function databasePid() {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim();
      if (pid) return Number(pid);
    } catch {
      // not running under this name
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------------------------

function headersFor(target, token, partnerId) {
  const headers = { 'content-type': 'application/json' };
  if (target.name === 'L4') headers.authorization = `Bearer ${token}`;
  if (target.name === 'L1') headers['x-partner-id'] = partnerId;
  return headers;
}

function workloadBodies(workload, fixtures) {
  if (workload === 'HELLO') return [JSON.stringify({ query: HELLO_QUERY, operationName: 'Hello' })];
  if (workload === 'W1') {
    return fixtures.pages.map((after) => JSON.stringify({ query: W1_QUERY, operationName: 'CustomerPage', variables: { after } }));
  }
  if (workload === 'W2') {
    return fixtures.readIds.map((id) => JSON.stringify({ query: W2_QUERY, operationName: 'Subscription', variables: { id } }));
  }
  // W3 and W4 send the same changes.
  const { rnd } = shuffle([], 11);
  return Array.from({ length: W3_BODIES }, () => {
    const s = fixtures.changeable[Math.floor(rnd() * fixtures.changeable.length)];
    const cap = Math.min(s.maxQuantity, 300);
    const quantity = s.minQuantity + Math.floor(rnd() * (cap - s.minQuantity + 1));
    return JSON.stringify({
      query: W3_QUERY,
      operationName: 'ChangeQuantity',
      variables: { input: { subscriptionId: s.id, quantity } },
    });
  });
}

async function post(url, headers, body) {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/** One autocannon run; `check` sees every response. */
function cannon(url, headers, bodies, seconds, check, rate) {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        ...(rate ? { overallRate: rate } : {}),
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            headers,
            setupRequest: (req, context) => {
              const i = next++ % bodies.length;
              context.i = i;
              req.body = bodies[i];
              return req;
            },
            onResponse: (status, body, context) => check(status, body, context.i),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function versionsOf(raw, ids) {
  const rows = await raw.all(`SELECT id, version FROM \`subscriptions\` WHERE id IN (${placeholders(ids.length)})`, ids);
  return new Map(rows.map((r) => [r.id, Number(r.version)]));
}

async function auditCount(raw, ids) {
  const [row] = await raw.all(
    `SELECT COUNT(*) AS n FROM \`audit_events\` WHERE action = 'subscription.quantityChanged' AND targetId IN (${placeholders(ids.length)})`,
    ids,
  );
  return Number(row.n);
}

async function runWorkload(target, workload, fixtures, raw, token, reference) {
  const headers = headersFor(target, token, fixtures.partnerId);
  const bodies = workloadBodies(workload, fixtures);
  const problems = [];
  const expected = [];
  const writes = workload === 'W3' || workload.startsWith('W4');
  if (!writes) {
    // Pre-flight: every variant once; its length is what the run must answer. L4 must answer what L1 does.
    for (let i = 0; i < bodies.length; i++) {
      const { status, text } = await post(target.url, headers, bodies[i]);
      if (status !== 200 || text.includes('"errors"'))
        throw new Error(`${target.name} ${workload} pre-flight failed (${status}): ${text.slice(0, 500)}`);
      expected.push(text.length);
      if (reference && reference[i] !== undefined && reference[i] !== text) {
        throw new Error(
          `${target.name} ${workload} answers differently from L1 for variant ${i}:\nL1: ${reference[i].slice(0, 400)}\n${target.name}: ${text.slice(0, 400)}`,
        );
      }
      if (reference && reference[i] === undefined) reference[i] = text;
    }
  }
  const ids = writes ? fixtures.changeable.map((s) => s.id) : [];
  const successes = new Map(ids.map((id) => [id, 0]));
  const stats = { responses: 0, bad: 0, firstBad: null };
  const check = (status, body, i) => {
    stats.responses++;
    let ok = status === 200 && !body.includes('"errors"');
    if (ok && writes) {
      try {
        const s = JSON.parse(body).data.changeLicenseQuantity.subscription;
        const sent = JSON.parse(bodies[i]).variables.input;
        ok = s.id === sent.subscriptionId && s.quantity >= 1 && Number.isInteger(s.version) && body.length < 200;
        if (ok) successes.set(s.id, successes.get(s.id) + 1);
      } catch {
        ok = false;
      }
    } else if (ok) {
      ok = body.length === expected[i];
    }
    if (!ok) {
      stats.bad++;
      if (!stats.firstBad) stats.firstBad = `${status} ${body.slice(0, 300)}`;
    }
  };

  if (writes && raw.kind === 'mysql') {
    // Licences may be removed only within 7 days of being added (SPEC §8): W3's random quantities go down as often as
    // up, so each run starts with the whole quantity as one block added now (floor = the offer's minimum). L1 keeps
    // no blocks; L4 writes them on every change, as the mutation path does.
    await raw.run(
      `UPDATE \`subscriptions\` SET licenceBlocks = CONCAT('[{"quantity":', quantity, ',"addedAt":"', ?, '"}]') WHERE id IN (${placeholders(ids.length)})`,
      [new Date().toISOString(), ...ids],
    );
  }
  const before = writes ? await versionsOf(raw, ids) : null;
  const auditBefore = writes ? await auditCount(raw, ids) : 0;
  // W4+live paces its writes: each event is sent to every subscriber, and at W3's full rate 100 subscribers
  // would ask for more messages per second than the two cores can serialise.
  const rate = workload === 'W4+live' ? Number(args['live-rate']) : undefined;
  if (WARMUP > 0) await cannon(target.url, headers, bodies, WARMUP, check, rate);
  const rss = [];
  const sampler = target.name === 'L4' ? setInterval(() => rss.push(rssOf(target.child.pid)), 250) : null;
  const dbPid = databasePid();
  const cpuBefore = cpuMsOf(target.child.pid);
  const dbCpuBefore = dbPid && cpuMsOf(dbPid);
  const startedAt = Date.now();
  const result = await cannon(target.url, headers, bodies, DURATION, check, rate);
  const endedAt = Date.now();
  const cpuAfter = cpuMsOf(target.child.pid);
  const dbCpuAfter = dbPid && cpuMsOf(dbPid);
  if (sampler) clearInterval(sampler);

  let lostUpdates = null;
  let unacknowledged = null;
  if (writes) {
    await sleep(1000); // let requests abandoned at the end of the run finish on the server
    const after = await versionsOf(raw, ids);
    lostUpdates = 0;
    unacknowledged = 0;
    for (const id of ids) {
      const delta = after.get(id) - before.get(id);
      const acknowledged = successes.get(id);
      if (delta < acknowledged) lostUpdates += acknowledged - delta;
      else unacknowledged += delta - acknowledged;
    }
    const audits = (await auditCount(raw, ids)) - auditBefore;
    const bumps = [...ids].reduce((n, id) => n + after.get(id) - before.get(id), 0);
    if (lostUpdates > 0) problems.push(`${lostUpdates} lost updates`);
    if (unacknowledged > CONNECTIONS * 2) problems.push(`${unacknowledged} updates nobody was told about`);
    if (audits !== bumps) problems.push(`${bumps} version bumps but ${audits} audit events`);
  }
  if (result.errors || result.timeouts || result.non2xx) {
    problems.push(`${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  if (stats.bad) problems.push(`${stats.bad} bad responses, e.g. ${stats.firstBad}`);
  const rssValues = rss.filter((v) => v !== null);
  return {
    target: target.name,
    workload,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    rssMax: rssValues.length ? Math.max(...rssValues) : null,
    // CPU per answered request: what a request costs each process, apart from how requests queue.
    cpuMsPerRequest: perRequest(cpuBefore, cpuAfter, result.requests.total),
    dbCpuMsPerRequest: perRequest(dbCpuBefore, dbCpuAfter, result.requests.total),
    lostUpdates,
    unacknowledged,
    problems,
    startedAt,
    endedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

async function machineDescription(raw) {
  const cpus = os.cpus();
  let database = raw.kind;
  try {
    const [row] = await raw.all(raw.kind === 'mysql' ? 'SELECT VERSION() AS v' : 'SELECT sqlite_version() AS v');
    database = `${raw.kind === 'mysql' ? 'MariaDB/MySQL' : 'SQLite'} ${row.v}`;
  } catch {
    /* keep the kind */
  }
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    database,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const mb = (bytes) => (bytes ? `${Math.round(bytes / 2 ** 20)} MB` : '–');
const cpuMs = (ms) => fmt(ms, ms !== null && ms < 10 ? 2 : 1);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/**
 * One row per workload and target: the round with the median req/s, with every round's problems, the
 * largest RSS and the lost updates of all rounds. `rpsByRound` keeps each round's req/s for the ratios.
 */
function combineRounds(results) {
  const groups = new Map();
  for (const r of results) {
    const key = `${r.workload} ${r.target}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  return [...groups.values()].map((runs) => {
    const middle = runs.find((r) => r.rps === median(runs.map((x) => x.rps)));
    const rss = runs.map((r) => r.rssMax).filter((v) => v !== null);
    return {
      ...middle,
      rssMax: rss.length ? Math.max(...rss) : null,
      lostUpdates: middle.lostUpdates === null ? null : runs.reduce((n, r) => n + r.lostUpdates, 0),
      problems: runs.flatMap((r) => r.problems.map((p) => (runs.length > 1 ? `round ${r.round}: ${p}` : p))),
      rpsByRound: new Map(runs.map((r) => [r.round, r.rps])),
    };
  });
}

/** A target's throughput as a percentage of another's: the median of the rounds' ratios. */
function ratio(r, base) {
  const ratios = [...r.rpsByRound]
    .filter(([round]) => base.rpsByRound.has(round))
    .map(([round, rps]) => (100 * rps) / base.rpsByRound.get(round));
  return ratios.length ? median(ratios) : NaN;
}

function table(results) {
  const rows = [
    '| workload | target | req/s | p50 ms | p99 ms | bytes/resp | CPU ms/req | DB CPU ms/req | L4/L1 | L4 RSS max | check |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const l1 = results.find((x) => x.workload === r.workload && x.target === 'L1');
    const isL4 = r.target === 'L4';
    const check = r.problems.length
      ? `FAIL: ${r.problems.join('; ')}`
      : r.workload === 'W3' || r.workload.startsWith('W4')
        ? `ok, ${r.lostUpdates} lost updates`
        : 'ok';
    rows.push(
      `| ${r.workload} | ${r.target} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.bytesPerResponse} | ${cpuMs(r.cpuMsPerRequest)} | ${cpuMs(r.dbCpuMsPerRequest)} | ` +
        `${isL4 && l1 ? `${fmt(ratio(r, l1))}%` : ''} | ` +
        `${isL4 ? mb(r.rssMax) : ''} | ${check.replace(/\|/g, '/')} |`,
    );
  }
  return rows.join('\n');
}

/**
 * The goals of issue 22 (and W5's of the terms issue): throughput as a share of the raw baseline L1 (medians of
 * the rounds' ratios), events that keep up under W4, memory; plus the guarantees a faster run must keep.
 */
function targetsVerdict(results) {
  const get = (w, t) => results.find((r) => r.workload === w && r.target === t);
  const lines = [];
  const mark = (ok) => (ok ? 'holds' : 'MISSED');
  for (const [workload, goal] of [
    ['W1', 60],
    ['W2', 60],
    ['W3', 50],
  ]) {
    const l4 = get(workload, 'L4');
    const l1 = get(workload, 'L1');
    if (l4 && l1) lines.push(`- ${workload} ≥ ${goal}% of L1: ${fmt(ratio(l4, l1))}% → ${mark(ratio(l4, l1) >= goal)}`);
  }
  const w3 = get('W3', 'L4');
  if (w3) lines.push(`- W3 zero lost updates: ${w3.lostUpdates} lost → ${mark(w3.lostUpdates === 0 && !w3.problems.length)}`);
  const w4 = get('W4', 'L4');
  if (w4 && w3)
    lines.push(`- W4 (W3 with a webhook endpoint per reseller) ≥ 90% of W3: ${fmt(ratio(w4, w3))}% → ${mark(ratio(w4, w3) >= 90)}`);
  if (w4?.events)
    lines.push(
      `- Webhook delivery p99 ≤ 2 s from commit under W4: ${fmt(w4.events.hookP99)} ms → ${mark(w4.events.hookP99 !== null && w4.events.hookP99 <= 2000)}`,
    );
  const live = get('W4+live', 'L4');
  if (live?.events) {
    const { subscribers, liveP99 } = live.events;
    const held = liveP99 !== null && liveP99 <= 1000;
    lines.push(
      `- Live updates p99 ≤ 1 s at 1,000 subscribers (W4+live): ${fmt(liveP99)} ms at ${subscribers} subscribers → ` +
        (subscribers >= 1000 ? mark(held) : `not measured at 1,000 (--live-subscribers 1000)${held ? '' : ', MISSED already'}`),
    );
  }
  const w1 = get('W1', 'L4');
  if (w1) lines.push(`- L4 RSS ≤ 250 MB under W1: ${mb(w1.rssMax)} → ${mark(w1.rssMax !== null && w1.rssMax <= 250 * 2 ** 20)}`);
  const w5 = get('W5', 'L4');
  if (w5?.w5) {
    const f = w5.w5;
    lines.push(
      `- W5 all ${f.cohort} terms renewed ≤ 300 s: ${f.seconds === null ? `not all within the bound (${f.renewed} renewed)` : `${fmt(f.seconds, 1)} s`} → ${mark(f.seconds !== null && f.seconds <= 300 && !w5.problems.length)}`,
    );
    lines.push(`- W2 during W5 ≥ 80% of W2 alone: ${fmt(f.share)}% → ${mark(f.share >= 80)}`);
  }
  return lines.join('\n');
}

/** W4's own figures: what the events cost and how fast they arrive. */
function eventsTable(results) {
  const runs = results.filter((r) => r.events);
  if (runs.length === 0) return '';
  const rows = [
    '| run | round | req/s | endpoints | live subscribers | events | deliveries/s | delivery p50 ms | delivery p99 ms | live p50 ms | live p99 ms | drained after load |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    const e = r.events;
    rows.push(
      `| ${r.workload} | ${r.round} | ${fmt(r.rps)} | ${e.endpoints} | ${e.subscribers} | ${e.events} | ${fmt(e.deliveriesPerSecond)} | ${fmt(e.hookP50)} | ${fmt(e.hookP99)} | ` +
        `${fmt(e.liveP50)} | ${fmt(e.liveP99)} | ${fmt(e.drainSeconds, 1)} s |`,
    );
  }
  return rows.join('\n');
}

/** W5's own figures: the renewal of the cohort, and what W2 kept meanwhile. */
function w5Table(results) {
  const r = results.find((x) => x.w5);
  if (!r) return '';
  const f = r.w5;
  return [
    '| cohort | renewed | seconds to renew all | renewals/s | first renewal after | W2 alone req/s (p99 ms) | W2 during req/s (p50/p99 ms) | W2 during / alone | check |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${f.cohort} | ${f.renewed} | ${f.seconds === null ? '–' : fmt(f.seconds, 1)} | ${fmt(f.renewalsPerSecond)} | ${fmt(f.firstRenewalSeconds, 1)} s | ` +
      `${fmt(f.aloneRps)} (${fmt(f.aloneP99)}) | ${fmt(f.duringRps)} (${fmt(f.duringP50)}/${fmt(f.duringP99)}) | ${fmt(f.share)}% | ` +
      `${r.problems.length ? `FAIL: ${r.problems.join('; ').replace(/\|/g, '/')}` : `ok, ${f.events} renewal events, each renewed once`} |`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const db = parseDatabaseUrl(DATABASE_URL);
  if (!existsSync(path.resolve(args.server))) throw new Error(`Build first: npm run build (no ${args.server})`);
  await ensureDatabase(db);
  const seeded = args['skip-seed'] ? null : await seed();
  const raw = await openRaw(db);
  const machine = await machineDescription(raw);
  log(`Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}, Node ${machine.node}, ${machine.database}, load ${machine.loadAverage}`);
  const fixtures = await loadFixtures(raw);
  log(
    `Fixtures: reseller ${fixtures.partnerId} with ${fixtures.customerCount} customers; ${fixtures.pages.length} W1 pages, ` +
      `${fixtures.readIds.length} W2 ids, ${fixtures.changeable.length} W3 subscriptions`,
  );
  const token = signHs256(SECRET, { sub: 'bench-reseller-admin', roles: ['PARTNER_ADMIN_AGENT'], partnerId: fixtures.partnerId }, 6 * 3600);

  const targets = [];
  const results = [];
  let failed = false;
  const tls = WORKLOADS.includes('W4') ? tlsForRun() : null;
  const resellerIds = WORKLOADS.includes('W4')
    ? (await raw.all('SELECT id FROM `partners` WHERE isReseller = 1 ORDER BY id')).map((r) => r.id)
    : [];
  if (tls) {
    // Endpoints an interrupted run left behind point at receivers that are gone: their retries would load W4.
    const stale = "SELECT id FROM `webhook_endpoints` WHERE description = 'npm run bench (W4)'";
    await raw.run(`DELETE FROM \`webhook_deliveries\` WHERE endpointId IN (SELECT id FROM (${stale}) AS s)`);
    await raw.run(`DELETE FROM \`webhook_endpoints\` WHERE id IN (SELECT id FROM (${stale}) AS s)`);
  }
  const eventsBetween = async (from, to) =>
    (
      await raw.all(
        `SELECT id FROM \`audit_events\` WHERE action = 'subscription.quantityChanged' AND at >= ? AND at <= ? AND targetId IN (${placeholders(fixtures.changeable.length)})`,
        [
          ...[from, to].map((t) => (raw.kind === 'mysql' ? new Date(t) : new Date(t).toISOString().replace('T', ' ').replace('Z', ''))),
          ...fixtures.changeable.map((s) => s.id),
        ],
      )
    ).map((r) => r.id);
  try {
    TARGETS.forEach((name, i) => targets.push(startTarget(name, BASE_PORT + i, name === 'L4' && tls ? tls.env : {})));
    await Promise.all(targets.map(waitReady));
    log(
      `Targets ready: ${targets.map((t) => `${t.name} :${t.port}`).join(', ')}. ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s runs.`,
    );
    const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
    const order = [];
    if (byName.L2) order.push(['HELLO', byName.L2]);
    for (const workload of WORKLOADS) {
      if (workload === 'W4') {
        if (byName.L4) order.push(['W4', byName.L4], ['W4+live', byName.L4]);
        continue;
      }
      if (workload === 'W5') continue; // once, after the rounds, on an L4 of its own
      for (const name of ['L1', 'L4']) if (byName[name]) order.push([workload, byName[name]]);
    }
    let references = {};
    for (let round = 1; round <= ROUNDS; round++)
      for (const [i, [workload, target]] of order.entries()) {
        // W3 changes quantities: each round compares L4 with L1's answers of the same round.
        if (i === 0) references = {};
        log(`→ ${workload} on ${target.name}${ROUNDS > 1 ? `, round ${round} of ${ROUNDS}` : ''} …`);
        references[workload] ??= byName.L1 ? [] : null;
        const reference = target.name === 'L2' || workload === 'W3' || workload.startsWith('W4') ? null : references[workload];
        const result = workload.startsWith('W4')
          ? await withEvents(
              {
                target,
                secret: SECRET,
                resellerIds,
                partnerId: fixtures.partnerId,
                tls,
                liveSubscribers: workload === 'W4+live' ? Number(args['live-subscribers']) : 0,
                eventsBetween,
              },
              async () => {
                const r = await runWorkload(target, workload, fixtures, raw, token, null);
                return { result: r, startedAt: r.startedAt, endedAt: r.endedAt };
              },
            )
          : await runWorkload(target, workload, fixtures, raw, token, reference);
        results.push({ ...result, round });
        log(
          `  ${fmt(result.rps)} req/s, p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms` +
            (result.cpuMsPerRequest !== null ? `, CPU ms/req ${cpuMs(result.cpuMsPerRequest)}` : '') +
            (result.dbCpuMsPerRequest !== null ? ` (database ${cpuMs(result.dbCpuMsPerRequest)})` : '') +
            (result.rssMax ? `, RSS max ${mb(result.rssMax)}` : '') +
            (result.lostUpdates !== null ? `, lost updates ${result.lostUpdates}` : '') +
            (result.events
              ? `, ${fmt(result.events.deliveriesPerSecond)} deliveries/s (p50 ${fmt(result.events.hookP50)} ms, p99 ${fmt(result.events.hookP99)} ms),` +
                ` live p50 ${fmt(result.events.liveP50)} ms p99 ${fmt(result.events.liveP99)} ms`
              : '') +
            (result.problems.length ? `  FAIL: ${result.problems.join('; ')}` : ''),
        );
        if (result.problems.length) failed = true;
      }
    if (WORKLOADS.includes('W5') && TARGETS.includes('L4')) {
      // Its own L4 (test clock on, sweep every second): the others stop, so that no other sweep takes part.
      await Promise.all(targets.map((t) => t.stop()));
      log(`→ W5 on L4 (test clock, sweep every ${args['w5-sweep-seconds']} s) …`);
      const result = await runW5(raw, {
        startTarget,
        waitReady,
        post,
        port: BASE_PORT + TARGETS.length,
        headers: headersFor({ name: 'L4' }, token, fixtures.partnerId),
        bodies: workloadBodies('W2', fixtures),
        warmup: WARMUP,
        duration: DURATION,
        connections: CONNECTIONS,
        bound: Number(args['w5-bound']),
        sweepSeconds: Number(args['w5-sweep-seconds']),
        seedOptions: seedOptions(),
        log,
      });
      results.push({ ...result, round: 1 });
      const f = result.w5;
      log(
        `  ${f.renewed} of ${f.cohort} renewed in ${fmt(f.seconds, 1)} s (${fmt(f.renewalsPerSecond)} renewals/s, first after ${fmt(f.firstRenewalSeconds, 1)} s); ` +
          `W2 ${fmt(f.duringRps)} req/s during the sweep, ${fmt(f.aloneRps)} alone: ${fmt(f.share)}%` +
          (result.problems.length ? `  FAIL: ${result.problems.join('; ')}` : ''),
      );
      if (result.problems.length) failed = true;
    }
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
    await raw.close();
    tls?.remove();
  }

  const combined = combineRounds(results);
  const report = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString()}.`,
    '',
    `- Machine: ${machine.cpu}; ${machine.memory}; ${machine.os}; Node ${machine.node}; ${machine.database}`,
    `- Load average when the run started: ${machine.loadAverage}; when it ended: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} ` + '(the load generator shares the machine with the targets and the database; anything else running skews the numbers)',
    `- Dataset: ${seeded ? `${seeded.options.tenants} tenants × ${seeded.options.subscriptionsPerTenant} subscriptions, ${seeded.options.resellers} resellers` : 'as found (--skip-seed)'}; ` +
      `W1 pages through reseller ${fixtures.partnerId} (${fixtures.customerCount} customers) at ${fixtures.pages.length} depths from the first page to the last`,
    `- Load: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s per run, ${ROUNDS} round${ROUNDS > 1 ? 's (median shown)' : ''}; L4 runs ${args['l4-node-flags'] ? `node ${args['l4-node-flags']}, ` : ''}NODE_ENV=production, LOG_LEVEL=${args['log-level']}, RATE_LIMIT_PER_MINUTE=0, RATE_LIMIT_PER_ORGANISATION_PER_MINUTE=0${args['max-cost'] ? `, GRAPHQL_MAX_COST=${args['max-cost']}` : ''}`,
    `- Database: ${DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}`,
    '',
    table(combined),
    '',
    'L1: node:http + raw driver, minimal SQL, same JSON. L2: Apollo Server 5 hello world (`{ hello }`), a reference row for what any Apollo server costs. L4: Tenantry.',
    '',
    ...(results.some((r) => r.events)
      ? [
          '## W4: events under write load',
          '',
          `W3's changes with one webhook endpoint per reseller (an https receiver on this machine answering 200 at once); in W4+live, paced at ${args['live-rate']} changes per second, with ${args['live-subscribers']} live subscribers of the changing reseller as well (each event goes to every one of them). Latency runs from the event's time (written in the transaction, just before COMMIT) to its arrival. Under W4's unpaced load the deliveries queue behind the mutations (they share the database pool) and are all made within the "drained" time after it.`,
          '',
          eventsTable(results),
          '',
        ]
      : []),
    ...(results.some((r) => r.w5)
      ? [
          '## W5: 100,000 terms ending at once',
          '',
          `The W5 cohort of seed:large (ACTIVE, auto-renewing P1M, bought at one instant) is armed to end ${WARMUP + DURATION + 90} s ahead; L4 runs with TEST_CLOCK=enabled (so not NODE_ENV=production) and LIFECYCLE_SWEEP_SECONDS=${args['w5-sweep-seconds']}. W2 alone for ${DURATION} s, then the test clock's offset is written past the cohort's end and W2 runs again until the sweep has renewed every one (the database polled each second). Then the cohort, its renewal events and the offset are put back.`,
          '',
          w5Table(results),
          '',
        ]
      : []),
    '## Targets',
    '',
    targetsVerdict(combined),
    '',
  ].join('\n');
  log('');
  log(table(combined));
  log('');
  if (results.some((r) => r.events)) log(`\n${eventsTable(results)}`);
  if (results.some((r) => r.w5)) log(`\n${w5Table(results)}\n`);
  log(targetsVerdict(combined));
  if (!args['no-write']) {
    // The Galera section is measured by `npm run test:cluster`, not here: keep it.
    const previous = existsSync(args.out) ? readFileSync(args.out, 'utf8') : '';
    const galera = previous.indexOf(GALERA_SECTION);
    writeFileSync(args.out, galera >= 0 ? `${report}\n${previous.slice(galera)}` : report);
    log(`\nWrote ${path.relative(process.cwd(), args.out)}`);
  }
  if (failed) {
    log('\nFAILED: some responses were errors or had an unexpected size (see above).');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
