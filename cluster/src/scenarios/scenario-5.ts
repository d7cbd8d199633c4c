import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readiness } from '../balancer';
import { checkNodesAgree } from '../checks/node-checksums';
import { checkTermEnds, LIFECYCLE_ACTIONS, type TermGroup, type TermSubscription } from '../checks/term-ends';
import { type Answer, gql, ok, signToken, Tally } from '../client';
import { Database } from '../database';
import type { GaleraCluster } from '../galera';
import { retriesBetween, retryCounts } from '../metrics';
import { CREATE_OFFER, CREATE_TENANT } from '../operations';
import { type Resources, sleep, until } from '../processes';
import type { Report } from '../report';
import { type Instance, startInstance } from '../tenantry';
import { anchoredTermEnd, nextJanuary30, timeOf } from '../terms';
import { createCustomer, createReseller, tenantToken } from '../world';

const NAME = 'scenario 5: terms end while a node is killed and rejoins';

/** Its own database on the cluster: moving its test clock leaves the other scenarios' domain time alone. */
const DATABASE = 'tenantry_terms';
const OFFERS = 10;
/** Term ends each subscription crosses in the one jump of domain time. */
const CROSSED = 3;
const QUANTITY = 5;
/** How many subscriptions are bought (a multiple of OFFERS is used). */
const SUBSCRIPTIONS = Number(process.env.CLUSTER_TERM_SUBSCRIPTIONS ?? 3000);
/** How domain time jumps: `api` (advanceTestClock as PLATFORM_ADMIN on instance 1) or `sql` (UPDATE test_clock on node 1). */
const CLOCK_MOVE = process.env.CLUSTER_TERM_CLOCK === 'sql' ? 'sql' : 'api';
/** Node 3 and instance 2 are killed when their instance holds sweep leases, or at the latest once this share of the term ends is done. */
const KILL_NODE_AT = 0.3;
const KILL_INSTANCE_AT = 0.5;

const TERM_FIELDS =
  'id quantity status version autoRenew createdAt termDuration billingCycle termStartsAt termEndsAt scheduledChange { quantity termDuration billingCycle }';
const PURCHASE = `mutation($input: PurchaseSubscriptionInput!) { purchaseSubscription(input: $input) { subscription { ${TERM_FIELDS} } } }`;
const SCHEDULE = `mutation($input: ScheduleRenewalChangeInput!) { scheduleRenewalChange(input: $input) { subscription { ${TERM_FIELDS} } } }`;
const SET_AUTO_RENEW = `mutation($input: SetAutoRenewInput!) { setAutoRenew(input: $input) { subscription { ${TERM_FIELDS} } } }`;
const CHANGE_QUANTITY = `mutation($input: ChangeLicenseQuantityInput!) { changeLicenseQuantity(input: $input) { subscription { ${TERM_FIELDS} } } }`;
const READ = `query($id: ID!) { subscription(id: $id) { ${TERM_FIELDS} } testClock { now offsetSeconds } }`;
const CLOCK = '{ testClock { enabled now offsetSeconds } }';
const ADVANCE = 'mutation($input: AdvanceTestClockInput!) { advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } } }';

interface TermView {
  id: string;
  quantity: number;
  status: string;
  version: number;
  autoRenew: boolean;
  createdAt: string;
  termStartsAt: string;
  termEndsAt: string;
  scheduledChange: { quantity: number | null } | null;
}
interface ClockView {
  enabled: boolean;
  now: string;
  offsetSeconds: number;
}

interface Bought extends TermSubscription {
  token: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const UNANSWERED = new Set(['NETWORK', 'INTERNAL_SERVER_ERROR', 'NO_CODE']);

/** Runs `work` over `items` with `workers` of them at a time. */
async function parallel<T>(items: T[], workers: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Three more instances, one per node, over a database of their own, each sweeping every second with the test
 * clock enabled (NODE_ENV=test, as every harness instance). A few thousand monthly auto-renewing subscriptions
 * are bought through the API on a 30 and a 31 January of domain time (so term ends clamp to the end of
 * February and April); a fifth get a renewal quantity scheduled, a fifth auto-renew turned off. Then
 * advanceTestClock on instance 1 moves domain time across three term ends at once: instance 1 sweeps inside
 * the request, instances 2 and 3 from their next sweep (they see the new offset within 2 s). While they sweep,
 * node 3 (instance 3's) is SIGKILLed and restarted (it rejoins by IST), instance 2 is SIGKILLed (its leases
 * must be taken over), a fifth of the subscriptions get a quantity increase that races the renewals, and
 * readers keep reading. Once every due term is processed, each node's copy is checked (checks/term-ends.ts).
 */
export async function scenario5(report: Report, cluster: GaleraCluster, resources: Resources, secret: string): Promise<void> {
  const env = {
    AUTH_JWT_SECRET: secret,
    RATE_LIMIT_PER_MINUTE: '0',
    LIFECYCLE_SWEEP_SECONDS: '1',
    TEST_CLOCK: 'enabled',
    // Nothing expired here may be deleted while the scenario looks at it (expiry + retention is far ahead).
    DATA_RETENTION_DAYS: '3650',
  };
  const instances: Instance[] = [];
  const tally = new Tally();
  // Answers that were INTERNAL_SERVER_ERROR or no answer, with when they came.
  const failures: { at: number; answer: Answer<unknown>; operation: string }[] = [];
  const record = <T>(operation: string, answer: Answer<T>): Answer<T> => {
    tally.add(operation, answer);
    if (UNANSWERED.has(answer.code)) failures.push({ at: Date.now(), answer, operation });
    return answer;
  };
  const databases: Database[] = [];
  const stop = { readers: false };
  let readers: Promise<void> | null = null;
  try {
    let step = Date.now();
    // The first instance creates the database and migrates it; each names its own node first.
    for (const node of cluster.nodes)
      instances.push(await startInstance(resources, `terms${instances.length + 1}`, cluster.failoverUrl(node, DATABASE), env));
    report.figure(
      `${NAME}: 3 instances (LIFECYCLE_SWEEP_SECONDS=1, TEST_CLOCK=enabled) on database ${DATABASE} ready in ${seconds(Date.now() - step)}`,
    );
    const [first, doomed, onKilledNode] = instances;
    const killedNode = cluster.nodes[2];
    const node1 = new Database(cluster.nodes[0].name, cluster.nodes[0].port, DATABASE, true);
    databases.push(node1);
    const platform = await signToken(secret, { sub: 'cluster-terms-platform', roles: ['PLATFORM_ADMIN'] });
    const clock = async (instance: Instance) =>
      ok(record('testClock', await gql<{ testClock: ClockView }>(instance, platform, CLOCK)), `testClock on ${instance.name}`).testClock;
    const advance = async (instance: Instance, to: Date, timeoutMs = 60_000) =>
      record(
        'advanceTestClock',
        await gql<{ advanceTestClock: { testClock: ClockView } }>(
          instance,
          platform,
          ADVANCE,
          { input: { to: to.toISOString() } },
          timeoutMs,
        ),
      );
    /**
     * Moves domain time to `to`: advanceTestClock on instance 1 (which sweeps before it answers; the others
     * see the offset within 2 s), or with CLUSTER_TERM_CLOCK=sql the UPDATE of test_clock an operator could
     * make on node 1, after which every instance sees it within 2 s and sweeps from its next run.
     */
    const moveClock = async (to: Date, timeoutMs?: number): Promise<Answer<{ advanceTestClock: { testClock: ClockView } }>> => {
      if (CLOCK_MOVE === 'api') return advance(first, to, timeoutMs);
      const offsetSeconds = Math.ceil((to.getTime() - Date.now()) / 1000);
      await node1.rows('UPDATE test_clock SET offsetSeconds = ?, movedAt = UTC_TIMESTAMP(3) WHERE id = 1', [offsetSeconds]);
      await sleep(2_500);
      const now = new Date(Date.now() + offsetSeconds * 1000).toISOString();
      return {
        code: 'OK',
        message: '',
        instance: node1.name,
        data: { advanceTestClock: { testClock: { enabled: true, now, offsetSeconds } } },
      };
    };
    const startClock = await clock(first);
    report.check(
      NAME,
      'the test clock is enabled on a new database (offset 0)',
      startClock.enabled && startClock.offsetSeconds === 0,
      JSON.stringify(startClock),
    );

    // The catalog and the buyers: half direct tenants (their billing admin buys), half a reseller's customers.
    step = Date.now();
    const run = Date.now().toString(36);
    const offers: string[] = [];
    for (let i = 0; i < OFFERS; i++) {
      const input = {
        sku: `TERMS-${run}-${i}`,
        name: `Terms offer ${i}`,
        minQuantity: 1,
        maxQuantity: 100_000,
        unitPriceCents: 200 + i,
        currency: 'USD',
      };
      offers.push(
        ok(
          record('createOffer', await gql<{ createOffer: { offer: { id: string } } }>(first, platform, CREATE_OFFER, { input })),
          'createOffer',
        ).createOffer.offer.id,
      );
    }
    const reseller = await createReseller(first, { secret, platform, offers }, 'Terms Reseller');
    const tenantCount = Math.ceil(SUBSCRIPTIONS / OFFERS);
    const tenants: { id: string; token: string }[] = new Array(tenantCount);
    await parallel([...Array(tenantCount).keys()], 6, async (t) => {
      const instance = instances[t % instances.length];
      if (t % 2 === 0) {
        const input = { name: `Terms direct ${t}`, domain: `terms-${t}-${run}.cluster.example`, countryCode: 'VN' };
        const id = ok(
          record('createTenant', await gql<{ createTenant: { tenant: { id: string } } }>(instance, platform, CREATE_TENANT, { input })),
          'createTenant',
        ).createTenant.tenant.id;
        tenants[t] = { id, token: await tenantToken(secret, id) };
      } else {
        const id = ok(record('createCustomer', await createCustomer(instance, reseller, `terms-${t}-${run}`)), 'createCustomer')
          .createCustomer.customer.id;
        tenants[t] = { id, token: reseller.admin };
      }
    });

    // Purchases on two days of domain time: 30 January (offers 0–4) and 31 January (offers 5–9).
    const day1 = nextJanuary30(new Date());
    const slots = tenants.flatMap((tenant, t) => offers.map((offerId, o) => ({ tenant, t, offerId, o })));
    const groupOf = (t: number, o: number): TermGroup =>
      (['renewing', 'scheduled', 'expiring', 'racing', 'renewing'] as const)[(t + o) % 5];
    const bought: Bought[] = [];
    for (const [day, to] of [day1, new Date(day1.getTime() + 86_400_000)].entries()) {
      const moved = ok(await moveClock(to), `advanceTestClock to ${to.toISOString()}`).advanceTestClock.testClock.offsetSeconds;
      // The other instances see the new offset within 2 s: a purchase through one that has not yet would be
      // bought at the old domain time (the first run saw three such, renewed at once).
      await until('every instance to see the new offset', 10_000, async () =>
        (await Promise.all(instances.map(clock))).every((c) => c.offsetSeconds >= moved) ? true : undefined,
      );
      await parallel(
        slots.filter((s) => Math.floor(s.o / (OFFERS / 2)) === day),
        12,
        async ({ tenant, t, offerId, o }, i) => {
          const input = {
            tenantId: tenant.id,
            offerId,
            quantity: QUANTITY,
            termDuration: 'P1M',
            billingCycle: 'MONTHLY',
            autoRenew: true,
            idempotencyKey: `terms-${run}-${t}-${o}`,
          };
          for (let attempt = 0; ; attempt++) {
            const answer = record(
              'purchaseSubscription',
              await gql<{ purchaseSubscription: { subscription: TermView } }>(instances[(i + attempt) % 3], tenant.token, PURCHASE, {
                input,
              }),
            );
            // The request time limit answers before anything commits: sent again with the same key.
            if (answer.code === 'QUERY_TOO_COMPLEX' && attempt < 5) continue;
            const subscription = ok(answer, 'purchaseSubscription').purchaseSubscription.subscription;
            const group = groupOf(t, o);
            bought.push({
              id: subscription.id,
              group,
              quantity: QUANTITY,
              scheduledQuantity: group === 'scheduled' ? (t % 2 === 0 ? 12 : 2) : null,
              apiChanges: 0,
              raced: null,
              token: tenant.token,
            });
            return;
          }
        },
      );
    }
    report.figure(
      `${NAME}: ${tenantCount} tenants (half direct, half a reseller's customers) bought ${bought.length} monthly auto-renewing subscriptions of ${OFFERS} offers on ${day1.toISOString().slice(0, 10)} and the day after (domain time) in ${seconds(Date.now() - step)}`,
    );

    // Changes before the jump: a renewal quantity on one fifth (half up to 12, half down to 2), auto-renew off on another.
    step = Date.now();
    const changeProblems: string[] = [];
    await parallel(
      bought.filter((b) => b.group === 'scheduled' || b.group === 'expiring'),
      9,
      async (b, i) => {
        const scheduling = b.group === 'scheduled';
        const answer = scheduling
          ? record(
              'scheduleRenewalChange',
              await gql<{ scheduleRenewalChange: { subscription: TermView } }>(instances[i % 3], b.token, SCHEDULE, {
                input: { subscriptionId: b.id, quantity: b.scheduledQuantity, expectedVersion: 1 },
              }),
            )
          : record(
              'setAutoRenew',
              await gql<{ setAutoRenew: { subscription: TermView } }>(instances[i % 3], b.token, SET_AUTO_RENEW, {
                input: { subscriptionId: b.id, autoRenew: false, expectedVersion: 1 },
              }),
            );
        if (answer.code !== 'OK') {
          changeProblems.push(`${b.id}: ${answer.code} ${answer.message}`);
          return;
        }
        b.apiChanges = 1;
        const s = scheduling
          ? (answer.data as { scheduleRenewalChange: { subscription: TermView } }).scheduleRenewalChange.subscription
          : (answer.data as { setAutoRenew: { subscription: TermView } }).setAutoRenew.subscription;
        const right = s.version === 2 && (scheduling ? s.scheduledChange?.quantity === b.scheduledQuantity && s.autoRenew : !s.autoRenew);
        if (!right) changeProblems.push(`${b.id}: answered ${JSON.stringify(s)}`);
      },
    );
    const changed = bought.filter((b) => b.apiChanges > 0).length;
    report.check(
      NAME,
      `scheduleRenewalChange and setAutoRenew(false) before the jump (${changed} changes) answered OK with version 2`,
      changeProblems.length === 0,
      changeProblems.slice(0, 3).join('; '),
    );
    report.figure(`${NAME}: ${changed} renewal changes and auto-renew switches in ${seconds(Date.now() - step)}`);

    // Where to jump: past every subscription's third term end, before any fourth.
    const created = new Map<string, number>();
    for (let i = 0; i < bought.length; i += 500) {
      const rows = await node1.rows<{ id: string; createdAt: string }>('SELECT id, createdAt FROM subscriptions WHERE id IN (?)', [
        bought.slice(i, i + 500).map((b) => b.id),
      ]);
      for (const r of rows) created.set(r.id, timeOf(r.createdAt));
    }
    const endOf = (id: string, k: number) => anchoredTermEnd(new Date(created.get(id)!), k).getTime();
    const lastCrossed = Math.max(...bought.map((b) => endOf(b.id, CROSSED)));
    const firstUncrossed = Math.min(...bought.map((b) => endOf(b.id, CROSSED + 1)));
    const target = new Date(lastCrossed + 3_600_000);
    if (target.getTime() >= firstUncrossed)
      throw new Error(
        `no instant crosses exactly ${CROSSED} term ends of every subscription (${target.toISOString()} ≥ ${new Date(firstUncrossed).toISOString()})`,
      );
    const expectedEnds = bought.reduce((n, b) => n + (b.group === 'expiring' ? 1 : CROSSED), 0);
    await sleep(3_000); // notices of the first term (if RENEWAL_NOTICE_DAYS reaches it) are written before the jump
    const processed = async (db: Database = node1) =>
      Number(
        (
          await db.rows<{ n: number }>(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action IN ('subscription.renewed', 'subscription.expired')",
          )
        )[0].n,
      );
    const before = await processed();
    if (before !== 0) throw new Error(`${before} term ends were processed before the jump`);
    const retriesBefore = await Promise.all(instances.map(retryCounts));

    // The jump, and what runs during it.
    let routable = [...instances];
    const pick = () => routable[Math.floor(Math.random() * routable.length)];
    const jumpedAt = Date.now();
    let advancedAt = 0;
    let advancedProgress = 0;
    const advanced = moveClock(target, 600_000).then((answer) => {
      advancedAt = Date.now();
      void processed().then(
        (n) => (advancedProgress = n),
        () => undefined,
      );
      return answer;
    });
    readers = (async () => {
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          while (!stop.readers) {
            const b = bought[Math.floor(Math.random() * bought.length)];
            record('subscription', await gql(pick(), platform, READ, { id: b.id }));
          }
        }),
      );
    })();
    // The increases that race the renewals, sent to the instances that stay alive (instance 3 fails over).
    const racing = bought.filter((b) => b.group === 'racing').sort(() => Math.random() - 0.5);
    let racedDuringSweep = 0;
    let settledAt = 0;
    const racers = parallel(racing, 4, async (b, i) => {
      let answer: Answer<unknown>;
      // The request time limit (a cluster pausing its commits while it evicts the node) commits nothing: sent again.
      for (let attempt = 0; ; attempt++) {
        answer = record(
          'changeLicenseQuantity',
          await gql(i % 2 === 0 ? first : onKilledNode, b.token, CHANGE_QUANTITY, {
            input: { subscriptionId: b.id, quantity: QUANTITY + 1 },
          }),
        );
        if (answer.code !== 'QUERY_TOO_COMPLEX' || attempt >= 5) break;
      }
      b.raced = answer.code;
      if (!settledAt) racedDuringSweep++;
    });

    // Each failure strikes while its victim holds sweep leases (a batch claimed, not yet written): node 3 while
    // instance 3, whose node it is, holds some; instance 2 while it does, so its claims must expire and be taken
    // over. Should the victim never hold one, the failure comes once a share of the term ends is done anyway.
    const leasesOf = async (instance: Instance) =>
      Number(
        (await node1.rows<{ n: number }>('SELECT COUNT(*) AS n FROM work_leases WHERE owner LIKE ?', [`%:${instance.process.pid}:%`]))[0].n,
      );
    const holding = async (instance: Instance, share: number, timeoutMs: number): Promise<{ leases: number; done: number }> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [leases, done] = await Promise.all([leasesOf(instance).catch(() => 0), processed().catch(() => 0)]);
        if (leases > 0 || done >= share * expectedEnds || Date.now() > deadline) return { leases, done };
        await sleep(50);
      }
    };
    const atNodeKill = await holding(onKilledNode, KILL_NODE_AT, 60_000);
    const nodeKilledAt = Date.now();
    await cluster.kill(killedNode);
    report.figure(
      `${NAME}: ${killedNode.name} SIGKILLed ${seconds(nodeKilledAt - jumpedAt)} after the jump, ${onKilledNode.name} holding ${atNodeKill.leases} sweep leases, ${atNodeKill.done} of ${expectedEnds} term ends processed`,
    );
    const atInstanceKill = await holding(doomed, KILL_INSTANCE_AT, 60_000);
    routable = routable.filter((i) => i !== doomed);
    const instanceKilledAt = Date.now();
    await resources.kill(doomed.process);
    const orphaned = atInstanceKill.leases > 0 ? await leasesOf(doomed) : 0;
    report.figure(
      `${NAME}: ${doomed.name} SIGKILLed ${seconds(instanceKilledAt - jumpedAt)} after the jump, holding ${orphaned} sweep leases, ${atInstanceKill.done} of ${expectedEnds} term ends processed`,
    );
    report.check(
      NAME,
      `${killedNode.name} and ${doomed.name} were killed while the instances swept (${atNodeKill.done} and ${atInstanceKill.done} of ${expectedEnds} term ends done; ${onKilledNode.name} held ${atNodeKill.leases} leases, ${doomed.name} ${atInstanceKill.leases})`,
      atNodeKill.done < expectedEnds && atInstanceKill.done < expectedEnds && !(advancedAt && advancedAt < nodeKilledAt),
      advancedAt && advancedAt < nodeKilledAt ? 'advanceTestClock had answered before the node was killed' : '',
    );

    // The node rejoins; its donor is node 2, whose instance is dead (it takes no traffic).
    await sleep(Math.max(0, 5_000 - (Date.now() - nodeKilledAt)));
    const restartAt = Date.now();
    await cluster.restart(killedNode, cluster.nodes[1]);
    const rejoinedIn = Date.now() - restartAt;
    const log = readFileSync(join(killedNode.directory, 'error.log'), 'utf8');
    const transfer = /IST received|Receiving IST/.test(log)
      ? 'IST'
      : /SST .*complete|SST succeeded|wsrep_sst_rsync/i.test(log)
        ? 'SST'
        : 'unknown transfer';
    const readyAgain = await until(`${onKilledNode.name} /readyz 200`, 30_000, async () =>
      (await readiness(onKilledNode)) === 200 ? 200 : undefined,
    ).catch(() => 0);
    report.check(
      NAME,
      `${killedNode.name} rejoins (${transfer}) and ${onKilledNode.name}'s /readyz is 200 again`,
      transfer === 'IST' && readyAgain === 200,
      `Synced ${seconds(rejoinedIn)} after its restart`,
    );

    // Settled: advanceTestClock answered, nothing due is left, and the count stands still for 3 s.
    const due = async () =>
      Number(
        (
          await node1.rows<{ n: number }>(
            "SELECT COUNT(*) AS n FROM subscriptions WHERE status IN ('ACTIVE', 'SUSPENDED') AND termEndsAt <= ?",
            [target.toISOString().replace('T', ' ').replace('Z', '')],
          )
        )[0].n,
      );
    let last = -1;
    let stableSince = Date.now();
    const settled = await until('every due term end processed', 300_000, async () => {
      const [n, left] = [await processed(), await due()];
      if (n !== last) [last, stableSince] = [n, Date.now()];
      return advancedAt && left === 0 && Date.now() - stableSince >= 3_000 ? n : undefined;
    }).catch((error: Error) => error);
    settledAt = Date.now();
    await racers;
    stop.readers = true;
    await readers;
    readers = null;
    const answer = await advanced;
    report.figure(
      `${NAME}: ${CLOCK_MOVE === 'api' ? `advanceTestClock on ${first.name}` : 'UPDATE test_clock on node1'} to ${target.toISOString()} answered ${answer.code} after ${seconds(advancedAt - jumpedAt)} (${advancedProgress} of ${expectedEnds} term ends processed then); all processed ${seconds(stableSince - jumpedAt)} after the jump`,
    );
    report.check(
      NAME,
      `${CLOCK_MOVE === 'api' ? `advanceTestClock on ${first.name}` : 'the UPDATE of test_clock'} to ${target.toISOString()} answered OK`,
      answer.code === 'OK' && timeOf(answer.data?.advanceTestClock.testClock.now) >= target.getTime(),
      answer.code === 'OK' ? '' : `${answer.code} ${answer.message}`,
    );
    report.check(
      NAME,
      'the sweep settled: no subscription left ACTIVE or SUSPENDED past a term end it crossed',
      typeof settled === 'number',
      settled instanceof Error ? settled.message : '',
    );
    const clocks = await Promise.all([first, onKilledNode].map(clock));
    report.check(
      NAME,
      `${first.name} and ${onKilledNode.name} read the same domain clock`,
      clocks.every((c) => c.offsetSeconds === clocks[0].offsetSeconds && timeOf(c.now) >= target.getTime()),
      clocks.map((c) => `${c.offsetSeconds} s`).join(', '),
    );

    const retries = retriesBetween([retriesBefore[0], retriesBefore[2]], await Promise.all([first, onKilledNode].map(retryCounts)));
    report.figure(
      `${NAME}: ${first.name} and ${onKilledNode.name} retried ${retries.total} units of work from the jump on (${[...retries.byReason].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}), gave up ${retries.givenUp}`,
    );
    const raced = racing.filter((b) => b.raced !== null);
    const racedOk = raced.filter((b) => b.raced === 'OK').length;
    report.figure(
      `${NAME}: ${raced.length} quantity increases raced the sweep (${racedDuringSweep} answered before it settled), ${racedOk} OK`,
    );
    report.check(
      NAME,
      `every quantity increase that raced the renewals was accepted (${racedOk} of ${racing.length})`,
      racedOk === racing.length,
      raced
        .filter((b) => b.raced !== 'OK')
        .slice(0, 3)
        .map((b) => `${b.id}: ${b.raced}`)
        .join('; '),
    );
    process.stdout.write(`${tally.describe()}\n`);
    const excused = (f: (typeof failures)[number]) => f.answer.instance === doomed.name && f.at >= instanceKilledAt - 1_000;
    const unexpected = failures.filter((f) => !excused(f));
    report.check(
      NAME,
      `no INTERNAL_SERVER_ERROR or missing answer from an instance that did not die (${tally.total()} requests, ${failures.length - unexpected.length} lost with ${doomed.name})`,
      unexpected.length === 0,
      unexpected
        .slice(0, 3)
        .map((f) => `${f.answer.instance} ${f.operation}: ${f.answer.code} ${f.answer.message}`)
        .join('; '),
    );

    // Every node's copy, through fresh connections (node 3's pool died with it).
    const fresh = cluster.nodes.map((node) => new Database(node.name, node.port, DATABASE, true));
    databases.push(...fresh);
    const counts = await checkTermEnds(report, NAME, fresh, bought, CROSSED);
    await checkNodesAgree(report, NAME, fresh, DATABASE);
    const [{ events }] = await node1.rows<{ events: number }>('SELECT COUNT(*) AS events FROM audit_events WHERE action IN (?)', [
      LIFECYCLE_ACTIONS,
    ]);
    report.figure(
      `${NAME}: ${bought.length} subscriptions, ${counts.termEndsCrossed} term ends crossed: ${counts.renewed} subscription.renewed, ${counts.expired} subscription.expired, ${counts.notices} subscription.termEnding (${events} sweep events in all); ${killedNode.name} rejoined by ${transfer} in ${seconds(rejoinedIn)}`,
    );
  } finally {
    stop.readers = true;
    await readers?.catch(() => undefined);
    for (const instance of instances) await resources.kill(instance.process);
    await Promise.all(databases.map((db) => db.close().catch(() => undefined)));
  }
}
