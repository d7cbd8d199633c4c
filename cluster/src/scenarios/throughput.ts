import { retriesBetween, retryCounts } from '../metrics';
import type { Resources } from '../processes';
import type { Report } from '../report';
import { type Instance, startInstance } from '../tenantry';
import { buildWorld, purchaseCustomers, type World } from '../world';
import { type LoadLog, type LoadOptions, mixedLoad } from './mixed-load';

const NAME = 'figures: mutation throughput';

/** The load of both measurements, so they compare. */
const BENCH_LOAD: Omit<LoadOptions, 'customers' | 'seconds'> = {
  quantityWorkers: 8,
  versionedWorkers: 2,
  purchaseWorkers: 3,
  raceWorkers: 3,
};

export interface Measurement {
  label: string;
  mutations: number;
  seconds: number;
  retries: number;
  byReason: Map<string, number>;
  /** Units of work that gave up (CONFLICT after the bounded retries), by /metrics. */
  givenUp: number;
  /** changeLicenseQuantity without expectedVersion answered CONFLICT: only a give-up can cause it. */
  clientConflicts: number;
}

/** Runs the load through `instances` and reads their retry counters before and after. */
export async function measure(
  label: string,
  world: World,
  instances: Instance[],
  seconds: number,
  customers: string[],
): Promise<{ log: LoadLog; measurement: Measurement }> {
  const before = await Promise.all(instances.map(retryCounts));
  const log = await mixedLoad(world, () => instances, { ...BENCH_LOAD, seconds, customers });
  const counted = retriesBetween(before, await Promise.all(instances.map(retryCounts)));
  return {
    log,
    measurement: {
      label,
      mutations: mutationCount(log),
      seconds: log.durationMs / 1000,
      retries: counted.total,
      byReason: counted.byReason,
      givenUp: counted.givenUp,
      clientConflicts: log.tally.count('CONFLICT', 'changeLicenseQuantity'),
    },
  };
}

export function describe(m: Measurement): string {
  const perThousand = (n: number) => ((n / Math.max(1, m.mutations)) * 1000).toFixed(1);
  const reasons = [...m.byReason].map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none';
  return `${m.label}: ${(m.mutations / m.seconds).toFixed(0)} mutations/s (${m.mutations} in ${m.seconds.toFixed(0)} s), ${perThousand(m.retries)} transaction retries per 1,000 mutations (${reasons}), ${m.givenUp} given up, ${m.clientConflicts} client-visible CONFLICTs on changes without expectedVersion`;
}

/**
 * The same load on one instance over the machine's single MariaDB (a scratch database, dropped afterwards).
 * On a 2-core machine this shows Galera's overhead, not scaling.
 */
export async function singleMariaDb(
  report: Report,
  resources: Resources,
  secret: string,
  seconds: number,
  mysqlUrl: string,
): Promise<Measurement> {
  const database = `tenantry_cluster_bench_${process.pid}`;
  const { createConnection } = await import('mysql2/promise');
  const admin = await createConnection(mysqlUrl);
  try {
    const instance = await startInstance(resources, 'single', `${mysqlUrl.replace(/\/$/, '')}/${database}`, {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    try {
      const world = await buildWorld([instance], secret);
      const customers = await purchaseCustomers(instance, world, 5, `bench-${Date.now().toString(36)}`);
      const { measurement } = await measure('1 instance on a single MariaDB', world, [instance], seconds, customers);
      report.figure(`${NAME}: ${describe(measurement)}`);
      return measurement;
    } finally {
      await resources.kill(instance.process);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  }
}

/** Every request of the load but the reads of the expectedVersion workers. */
function mutationCount(log: LoadLog): number {
  let reads = 0;
  for (const count of log.tally.counts.get('subscription')?.values() ?? []) reads += count;
  return log.tally.total() - reads;
}
