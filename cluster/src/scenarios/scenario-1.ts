import { checkKeyedPurchases } from '../checks/keyed-purchases';
import { checkStepsSucceeded } from '../checks/refused-steps';
import { checkOneLiveSubscription } from '../checks/live-subscriptions';
import { checkLostUpdates } from '../checks/lost-updates';
import { checkNodesAgree } from '../checks/node-checksums';
import { checkResellerRemovals } from '../checks/reseller-removals';
import type { Database } from '../database';
import type { Report } from '../report';
import type { Instance } from '../tenantry';
import { purchaseCustomers, type World } from '../world';
import type { LoadLog } from './mixed-load';
import { describe, measure } from './throughput';

const NAME = 'scenario 1: mixed load across three instances';

export async function scenario1(
  report: Report,
  world: World,
  instances: Instance[],
  databases: Database[],
  seconds: number,
): Promise<LoadLog> {
  const customers = await purchaseCustomers(instances[0], world, 5, `s1-${Date.now().toString(36)}`);
  const { log, measurement } = await measure('3 instances on 3 Galera nodes', world, instances, seconds, customers);
  report.figure(
    `${NAME}: ${log.tally.total()} requests in ${(log.durationMs / 1000).toFixed(1)} s, ${log.tally.count('QUERY_TOO_COMPLEX')} answered with the request time limit (503)`,
  );
  report.figure(`figures: mutation throughput: ${describe(measurement)}`);
  process.stdout.write(`${log.tally.describe()}\n`);
  report.check(
    NAME,
    'no answer was INTERNAL_SERVER_ERROR or missing',
    log.failures.length === 0,
    log.failures
      .slice(0, 3)
      .map((f) => `${f.instance}: ${f.code} ${f.message}`)
      .join('; '),
  );
  const [db] = databases;
  checkStepsSucceeded(report, NAME, log);
  await checkLostUpdates(
    report,
    NAME,
    db,
    world.hot.map((h) => h.subscription.id),
    log,
  );
  await checkKeyedPurchases(report, NAME, db, log.purchases);
  await checkOneLiveSubscription(report, NAME, db);
  await checkResellerRemovals(report, NAME, db, world.leaver.id, log.races);
  await checkNodesAgree(report, NAME, databases, 'tenantry');
  return log;
}
