import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Balancer, readiness } from '../balancer';
import { checkKeyedPurchases } from '../checks/keyed-purchases';
import { checkStepsSucceeded } from '../checks/refused-steps';
import { checkOneLiveSubscription } from '../checks/live-subscriptions';
import { checkLostUpdates, versionsNow } from '../checks/lost-updates';
import { checkNodesAgree } from '../checks/node-checksums';
import { checkResellerRemovals } from '../checks/reseller-removals';
import type { Answer } from '../client';
import { Database } from '../database';
import { retriesBetween, retryCounts } from '../metrics';
import type { GaleraCluster } from '../galera';
import { type Resources, sleep, until } from '../processes';
import type { Report } from '../report';
import type { Instance } from '../tenantry';
import { purchase, purchaseCustomers, type World } from '../world';
import { type KeyedPurchase, mixedLoad } from './mixed-load';

const NAME = 'scenario 2: a Galera node and an instance killed under load';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The mixed load through a balancer that health-checks /readyz, while node 3 is SIGKILLed and later restarted
 * (it rejoins by IST or SST) and instance 2 is SIGKILLed. The survivors keep answering, the instance on the dead
 * node reports 503 on /readyz until its node is Synced again (while it serves what still reaches it through the
 * next node), and only the killed instance's in-flight requests go unanswered; the client's retries of those (same idempotency key, another instance) create nothing twice.
 */
export async function scenario2(
  report: Report,
  world: World,
  instances: Instance[],
  cluster: GaleraCluster,
  resources: Resources,
  databases: Database[],
  loadSeconds: number,
): Promise<void> {
  const [, killedInstance, onKilledNode] = instances;
  const killedNode = cluster.nodes[2];
  const customers = await purchaseCustomers(instances[0], world, 5, `s2-${Date.now().toString(36)}`);
  const inFlightCustomers = await purchaseCustomers(instances[0], world, 2, `s2-in-flight-${Date.now().toString(36)}`);
  const inFlightSlots = inFlightCustomers.flatMap((tenantId) => world.offers.slice(0, 5).map((offerId) => ({ tenantId, offerId })));
  const inputOf = (entry: { key: string; tenantId: string; offerId: string }) => ({
    tenantId: entry.tenantId,
    offerId: entry.offerId,
    quantity: 4,
    idempotencyKey: entry.key,
  });
  const retriedPurchases: KeyedPurchase[] = [];
  // Keyed purchases sent straight to the instance whose node is dead, as a client whose balancer has not noticed.
  const [strandedCustomer] = await purchaseCustomers(instances[0], world, 1, `s2-stranded-${Date.now().toString(36)}`);
  const stranded: KeyedPurchase[] = world.offers.slice(0, 5).map((offerId, i) => ({
    key: `stranded-${process.pid}-${i}`,
    tenantId: strandedCustomer,
    offerId,
    answeredIds: new Set(),
    outcome: '',
  }));
  const retriesBefore = await retryCounts(onKilledNode);
  let killedInFlight = 0;
  const since = await versionsNow(
    databases[0],
    world.hot.map((h) => h.subscription.id),
  );
  const balancer = new Balancer([...instances]);
  balancer.start();
  // Answers after a failure, by instance and code: did the survivors keep answering?
  const after = new Map<string, number>();
  let phase = '';
  // Unanswered requests (INTERNAL_SERVER_ERROR or no answer) on the instance whose node is killed, and when.
  const failedOnKilledNode: { at: number; answer: Answer<unknown> }[] = [];
  let nodeKilledAt = 0;
  // The longest wait between two committed changes while the node is dead: commits pause until the cluster
  // has evicted it (evs.suspect_timeout, 5 s by default, unless its connections close at once).
  let lastCommit = 0;
  let longestPause = 0;
  const onAnswer = (answer: Answer<unknown>, operation: string) => {
    if (answer.code === 'OK' && operation !== 'subscription') {
      if (phase === 'node killed') longestPause = Math.max(longestPause, Date.now() - lastCommit);
      lastCommit = Date.now();
    }
    if (answer.instance === onKilledNode.name && ['INTERNAL_SERVER_ERROR', 'NETWORK', 'NO_CODE'].includes(answer.code))
      failedOnKilledNode.push({ at: Date.now(), answer });
    if (!phase) return;
    const key = `${phase}|${answer.instance}|${answer.code}`;
    after.set(key, (after.get(key) ?? 0) + 1);
  };
  // The load runs until the killed node has been back for a while (at most 5 minutes).
  const stop = { requested: false };
  const load = mixedLoad(world, () => balancer.routable(), {
    seconds: 300,
    stop,
    quantityWorkers: 6,
    versionedWorkers: 2,
    purchaseWorkers: 3,
    raceWorkers: 2,
    customers,
    onAnswer,
  });
  try {
    await sleep(8_000);
    phase = 'node killed';
    nodeKilledAt = Date.now();
    await cluster.kill(killedNode);
    const unready = await until(`${onKilledNode.name} /readyz 503`, 30_000, async () => {
      const status = await readiness(onKilledNode);
      return status === 503 ? status : undefined;
    }).catch(() => 0);
    report.figure(
      `${NAME}: /readyz of ${onKilledNode.name} answered 503 ${seconds(Date.now() - nodeKilledAt)} after ${killedNode.name} died`,
    );
    await until('the balancer to route around it', 30_000, async () => (balancer.isUp(onKilledNode) ? undefined : true));
    report.figure(
      `${NAME}: the balancer routed around ${onKilledNode.name} ${seconds(Date.now() - nodeKilledAt)} after ${killedNode.name} died`,
    );
    report.check(
      NAME,
      `/readyz of ${onKilledNode.name} (on the killed ${killedNode.name}) answers 503`,
      unready === 503,
      `after ${seconds(Date.now() - nodeKilledAt)}`,
    );
    const strandedAnswers = await Promise.all(stranded.map((entry) => purchase(onKilledNode, world.seller.admin, inputOf(entry))));
    strandedAnswers.forEach((answer, i) => {
      stranded[i].outcome = answer.code;
      if (answer.code === 'OK') stranded[i].answeredIds.add(answer.data!.purchaseSubscription.subscription.id);
    });
    report.check(
      NAME,
      `${stranded.length} keyed purchases sent straight to ${onKilledNode.name} after ${killedNode.name} died were bought (through another node)`,
      stranded.every((p) => p.outcome === 'OK'),
      stranded.map((p) => p.outcome).join(', '),
    );

    // Writes wait until the cluster has evicted the dead node (evs.suspect_timeout, 5 s by default): give the
    // survivors time to answer after that.
    await sleep(12_000);
    report.figure(`${NAME}: after ${killedNode.name} died, the longest pause between two committed changes was ${seconds(longestPause)}`);
    const retried = retriesBetween([retriesBefore], [await retryCounts(onKilledNode)]).byReason.get('node_unavailable') ?? 0;
    const answers = [...after]
      .filter(([key]) => key.startsWith(`node killed|${onKilledNode.name}|`))
      .map(([key, n]) => `${n} ${key.split('|')[2]}`);
    report.figure(
      `${NAME}: ${onKilledNode.name} ran ${retried} units of work again on another node (node_unavailable) and answered ${answers.join(', ') || 'nothing'} while ${killedNode.name} was dead`,
    );
    phase = 'instance killed';
    // Keyed purchases sent to the instance as it dies: whatever happened to them there, the client's retry
    // with the same key through another instance must end with one subscription per key.
    const inFlight = inFlightSlots.map((slot, i) => ({
      key: `in-flight-${process.pid}-${i}`,
      ...slot,
      answeredIds: new Set<string>(),
      outcome: '',
    }));
    const lost = inFlight.map((entry) => purchase(killedInstance, world.seller.admin, { ...inputOf(entry) }));
    await sleep(5);
    balancer.remove(killedInstance);
    await resources.kill(killedInstance.process);
    const firstAnswers = await Promise.all(lost);
    for (const [i, entry] of inFlight.entries()) {
      const first = firstAnswers[i];
      if (first.code === 'OK') entry.answeredIds.add(first.data!.purchaseSubscription.subscription.id);
      else killedInFlight++;
      const retry = await purchase(instances[0], world.seller.admin, inputOf(entry));
      if (retry.code === 'OK') entry.answeredIds.add(retry.data!.purchaseSubscription.subscription.id);
      entry.outcome = retry.code;
      retriedPurchases.push(entry);
    }

    await sleep(6_000);
    phase = 'node restarting';
    const restartAt = Date.now();
    // What the other nodes went through while it rejoined (a donor may leave Synced, and its instance /readyz with it).
    const seen = new Set<string>();
    // Cleared by the restart's finally below, an assignment in a callback that TypeScript's narrowing does not see.
    let watching = true as boolean;
    const watch = (async () => {
      while (watching) {
        for (const node of cluster.nodes.slice(0, 2))
          seen.add(`${node.name} ${(await cluster.status(node).catch(() => ({ state: 'unreachable' }))).state}`);
        await sleep(200);
      }
    })();
    // Its state comes from the node whose instance is dead: a donor leaves Synced for a moment, and the
    // node serving the only live instance must not (README: name a donor that takes no traffic).
    await cluster.restart(killedNode, cluster.nodes[1]).finally(() => (watching = false));
    await watch;
    const rejoinedIn = Date.now() - restartAt;
    report.figure(`${NAME}: states of the other nodes while ${killedNode.name} rejoined: ${[...seen].sort().join(', ')}`);
    const log = readFileSync(join(killedNode.directory, 'error.log'), 'utf8');
    const transfer = /IST received|Receiving IST/.test(log)
      ? 'IST'
      : /SST .*complete|SST succeeded|wsrep_sst_rsync/i.test(log)
        ? 'SST'
        : 'unknown transfer';
    report.figure(`${NAME}: ${killedNode.name} rejoined by ${transfer} and was Synced ${seconds(rejoinedIn)} after its restart`);
    const readyAgain = await until(`${onKilledNode.name} /readyz 200`, 30_000, async () =>
      (await readiness(onKilledNode)) === 200 ? 200 : undefined,
    ).catch(() => 0);
    report.check(
      NAME,
      `${killedNode.name} rejoins (${transfer}) and ${onKilledNode.name}'s /readyz is 200 again`,
      readyAgain === 200,
      `Synced ${seconds(rejoinedIn)} after restart`,
    );
    phase = 'node rejoined';
    await sleep(Math.max(8_000, loadSeconds * 1000 - (Date.now() - nodeKilledAt) - 8_000));
  } finally {
    stop.requested = true;
    const log = await load;
    balancer.stop();
    process.stdout.write(`${log.tally.describe()}\n`);
    report.figure(
      `${NAME}: ${log.tally.total()} requests in ${seconds(log.durationMs)}, ${log.tally.count('QUERY_TOO_COMPLEX')} answered with the request time limit (503)`,
    );
    // Who must keep answering in each phase: the instances alive whose node is up.
    const serving: Record<string, Instance[]> = {
      'node killed': [instances[0], killedInstance],
      'instance killed': [instances[0]],
      'node restarting': [instances[0]],
      'node rejoined': [instances[0], onKilledNode],
    };
    for (const [phaseName, expected] of Object.entries(serving)) {
      const answered = expected.map((i) => `${i.name} ${after.get(`${phaseName}|${i.name}|OK`) ?? 0} OK`);
      const silent = expected.filter((i) => !after.get(`${phaseName}|${i.name}|OK`));
      report.check(
        NAME,
        `while ${phaseName.replace('node', 'a node is')}, ${expected.map((i) => i.name).join(' and ')} kept answering`,
        silent.length === 0,
        answered.join(', '),
      );
    }
    const unexpected = log.failures.filter((f) => f.instance !== killedInstance.name && f.instance !== onKilledNode.name);
    report.check(
      NAME,
      `the instances that were not killed and whose node was up never answered INTERNAL_SERVER_ERROR (${log.failures.length} unanswered in all)`,
      unexpected.length === 0,
      unexpected
        .slice(0, 3)
        .map((f) => `${f.instance}: ${f.code} ${f.message}`)
        .join('; '),
    );
    // The instance whose node dies fails over to the next node: the requests in flight there are run again (before
    // COMMIT) or looked up (a COMMIT whose answer was lost), and the ones that reach it before the balancer routes
    // around it are served through the other node.
    report.check(
      NAME,
      `${onKilledNode.name}, whose ${killedNode.name} died, never answered INTERNAL_SERVER_ERROR (it failed over; ${after.get(`node killed|${onKilledNode.name}|OK`) ?? 0} OK after the kill)`,
      failedOnKilledNode.length === 0,
      failedOnKilledNode
        .slice(0, 3)
        .map(({ at, answer }) => `${seconds(at - nodeKilledAt)} after the kill: ${answer.code} ${answer.message}`)
        .join('; '),
    );
    const retried = log.purchases.filter((p) => p.answeredIds.size > 0);
    const [db] = databases;
    checkStepsSucceeded(report, NAME, log);
    await checkLostUpdates(
      report,
      NAME,
      db,
      world.hot.map((h) => h.subscription.id),
      log,
      since,
    );
    await checkKeyedPurchases(report, NAME, db, log.purchases);
    const unbought = retriedPurchases.filter((p) => p.outcome !== 'OK');
    report.check(
      NAME,
      `${retriedPurchases.length} keyed purchases sent to ${killedInstance.name} as it died (${killedInFlight} unanswered) and retried through ${instances[0].name} were all bought`,
      retriedPurchases.length === inFlightSlots.length && unbought.length === 0 && killedInFlight > 0,
      [unbought.map((p) => `${p.key}: ${p.outcome}`).join('; '), killedInFlight === 0 ? 'none was in flight when the instance died' : '']
        .filter(Boolean)
        .join(' | '),
    );
    await checkKeyedPurchases(report, `${NAME} (retried after the instance died)`, db, retriedPurchases);
    await checkKeyedPurchases(report, `${NAME} (sent to the instance on the dead node)`, db, stranded);
    await checkOneLiveSubscription(report, NAME, db);
    await checkResellerRemovals(report, NAME, db, world.leaver.id, log.races);
    // Fresh connections: the pool of the killed node holds connections that died with it.
    const fresh = cluster.nodes.map((node) => new Database(node.name, node.port, 'tenantry', true));
    await checkNodesAgree(report, NAME, fresh, 'tenantry').finally(() => Promise.all(fresh.map((d) => d.close())));
    report.figure(`${NAME}: ${retried.length} keyed purchases bought, ${log.failures.length} answers lost with ${killedInstance.name}`);
  }
}
