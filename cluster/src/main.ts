/**
 * npm run test:cluster — Tenantry on a three-node MariaDB Galera cluster, three instances, one per node, and
 * the scenarios of issue 15 (and scenario 5, term ends across a node failure). Everything it starts is stopped and every directory it makes is removed at the
 * end, also on failure or interruption. Exits non-zero when any check fails.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Database } from './database';
import { GaleraCluster } from './galera';
import { cleanUpOnExit, Resources } from './processes';
import { Report } from './report';
import { scenario1 } from './scenarios/scenario-1';
import { scenario2 } from './scenarios/scenario-2';
import { scenario3 } from './scenarios/scenario-3';
import { scenario4 } from './scenarios/scenario-4';
import { scenario5 } from './scenarios/scenario-5';
import { singleMariaDb } from './scenarios/throughput';
import { type Instance, startInstance } from './tenantry';
import { buildWorld } from './world';

const DATABASE = 'tenantry';
const LOAD_SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 60);
const BENCH_SECONDS = Number(process.env.CLUSTER_BENCH_SECONDS ?? 30);
/** The single MariaDB the figures compare with (a scratch database on it is created and dropped). */
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
/** The Redis scenario 4 shares its rate limit through (its keys get a prefix of the run, deleted afterwards). */
const REDIS_URL = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SCENARIOS = ['1', '3', '2', '4', '5', 'bench'];
/** Scenarios to run, e.g. CLUSTER_SCENARIOS=1,2 (all by default); the summary names those left out. */
const ONLY = new Set((process.env.CLUSTER_SCENARIOS ?? SCENARIOS.join(',')).split(',').map((s) => s.trim()));

async function main(): Promise<number> {
  const started = Date.now();
  const resources = new Resources();
  cleanUpOnExit(resources);
  const report = new Report();
  const unknown = [...ONLY].filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0)
    throw new Error(`CLUSTER_SCENARIOS names no scenario ${unknown.join(', ')}; choose among ${SCENARIOS.join(', ')}`);
  const left = SCENARIOS.filter((name) => !ONLY.has(name));
  if (left.length > 0) report.figure(`NOT RUN (CLUSTER_SCENARIOS): ${left.join(', ')}`);
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  report.figure(`machine: ${cpus().length} cores; load average at the start ${load()}`);
  try {
    const secret = randomBytes(32).toString('base64url');
    const instanceEnv = {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0',
      LIFECYCLE_SWEEP_SECONDS: '5',
      // Scenario 3: retries come a second after a refused attempt, and a slow receiver fails fast.
      WEBHOOK_RETRY_BASE_SECONDS: '1',
      WEBHOOK_TIMEOUT_MS: '2000',
    };

    let step = Date.now();
    const cluster = await GaleraCluster.start(resources, 3);
    report.figure(
      `Galera: 3 nodes Synced in ${((Date.now() - step) / 1000).toFixed(1)} s (ports ${cluster.nodes.map((n) => n.port).join(', ')})`,
    );

    // Scenarios 1–3 share three instances and the world built through them; 4 and 5 start their own.
    if (['1', '2', '3'].some((name) => ONLY.has(name))) {
      step = Date.now();
      // The first instance creates the database and migrates it; the others find it migrated.
      // Each instance names its own node first and fails over to the others (README "Beyond one machine").
      const instances: Instance[] = [
        await startInstance(resources, 'instance1', cluster.failoverUrl(cluster.nodes[0], DATABASE), instanceEnv),
      ];
      for (const node of cluster.nodes.slice(1)) {
        instances.push(await startInstance(resources, `instance${instances.length + 1}`, cluster.failoverUrl(node, DATABASE), instanceEnv));
      }
      report.figure(
        `Tenantry: 3 instances ready in ${((Date.now() - step) / 1000).toFixed(1)} s (${instances.map((i) => i.origin).join(', ')})`,
      );
      const databases = cluster.nodes.map((node) => new Database(node.name, node.port, DATABASE, true));
      const world = await buildWorld(instances, secret);

      if (ONLY.has('1'))
        await report.scenario('scenario 1', () => scenario1(report, world, instances, databases, LOAD_SECONDS).then(() => undefined));
      if (ONLY.has('3'))
        await report.scenario('scenario 3', () => scenario3(report, world, instances, databases[0], Math.min(LOAD_SECONDS, 20)));
      if (ONLY.has('2'))
        await report.scenario('scenario 2', () => scenario2(report, world, instances, cluster, resources, databases, LOAD_SECONDS));
      await Promise.all(databases.map((db) => db.close()));
    }
    if (ONLY.has('4')) await report.scenario('scenario 4', () => scenario4(report, cluster, resources, secret, REDIS_URL));
    if (ONLY.has('5')) await report.scenario('scenario 5', () => scenario5(report, cluster, resources, secret));
    if (ONLY.has('bench'))
      await report.scenario('figures', () => singleMariaDb(report, resources, secret, BENCH_SECONDS, MYSQL_URL).then(() => undefined));
  } catch (error) {
    report.check('harness', 'the cluster and its instances started', false, (error as Error).stack ?? String(error));
  } finally {
    const stopping = Date.now();
    resources.cleanUp();
    report.figure(`load average at the end ${load()}`);
    report.figure(
      `stopped and removed everything in ${((Date.now() - stopping) / 1000).toFixed(1)} s; whole run ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  process.stdout.write(report.summary());
  return report.failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
