'use strict';
/**
 * W5 (issue 21, SPEC §8 "The renewal sweep"): 100,000 terms ending at one instant, renewed by the lifecycle
 * sweep while W2 reads.
 *
 *   1. The cohort: seed:large gives 100,000 ACTIVE auto-renewing P1M subscriptions one purchase instant
 *      (`w5Cohort` regenerates their ids from the seed options). Their ids go into the bench's own table
 *      `bench_w5_cohort`, so that every statement below joins on it instead of sending 100,000 ids.
 *   2. Arm: the cohort's purchase is moved (straight in the database) so that its current term ends at E, a
 *      little after W2-alone will have finished: E = now + lead, anchored (termEndsAt = addMonthsClamped(
 *      createdAt, termMonths)). Their notices count as written (termNoticePending = 0), so the sweep writes
 *      none before E, and none after it either (a term that has ended gets its renewal, not its notice).
 *   3. L4 runs with the test clock (TEST_CLOCK=enabled, not in production mode: the server refuses that pair)
 *      and a sweep every second. W2 alone for --duration s, then the offset moves domain time past E
 *      (`UPDATE test_clock`: every instance re-reads it within 2 s), and W2 runs again until the whole cohort
 *      is renewed (or the bound passes). The database is polled every second: renewed = cohort − those still
 *      ACTIVE with termEndsAt = E (the (status, termEndsAt) index).
 *   4. Checks: every cohort subscription renewed exactly once (one subscription.renewed audit event each, none
 *      twice) into the term ending one month after E, within the bound.
 *   5. Restore: the cohort's renewal events are deleted, its versions go back down by their number, its
 *      terms are the seed's again (bought at W5_PURCHASE, the term containing now), and the offset is 0 (the
 *      bench writes the database directly; the forward-only rule is the API's).
 */
const path = require('node:path');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '..');
const COHORT_TABLE = 'bench_w5_cohort';
/** RENEWAL_NOTICE_DAYS' default, as seed:large assumes. */
const NOTICE_DAYS = 7;
const DAY_MS = 86_400_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, what the datetime(3) columns hold. */
const sqlDate = (d) => d.toISOString().replace('T', ' ').replace('Z', '');

function serverModules() {
  return {
    seed: require(path.join(ROOT, 'server/dist/scripts/seed-large.js')),
    terms: require(path.join(ROOT, 'server/dist/domain/terms.js')),
  };
}

/** The cohort's ids into the bench's table (created when missing; rows of another seed are replaced). */
async function loadCohort(raw, seedOptions, log) {
  const { seed } = serverModules();
  const started = Date.now();
  const { ids, purchasedAt } = seed.w5Cohort(seedOptions);
  if (ids.length === 0) throw new Error('W5: the dataset has no W5 cohort (seed it with seed:large).');
  await raw.run(`CREATE TABLE IF NOT EXISTS \`${COHORT_TABLE}\` (id varchar(36) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY) ENGINE=InnoDB`);
  const [{ n }] = await raw.all(`SELECT COUNT(*) AS n FROM \`${COHORT_TABLE}\``);
  const [first] = await raw.all(`SELECT COUNT(*) AS n FROM \`${COHORT_TABLE}\` WHERE id IN (?, ?)`, [ids[0], ids[ids.length - 1]]);
  if (Number(n) !== ids.length || Number(first.n) !== 2) {
    await raw.run(`DELETE FROM \`${COHORT_TABLE}\``);
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      await raw.run(`INSERT INTO \`${COHORT_TABLE}\` (id) VALUES ${chunk.map(() => '(?)').join(',')}`, chunk);
    }
  }
  const [present] = await raw.all(`SELECT COUNT(*) AS n FROM \`subscriptions\` s INNER JOIN \`${COHORT_TABLE}\` c ON c.id = s.id`);
  if (Number(present.n) !== ids.length)
    throw new Error(`W5: ${ids.length - Number(present.n)} cohort subscriptions are missing from the database`);
  log(`  W5 cohort: ${ids.length} subscriptions (ids regenerated from the seed in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { size: ids.length, seededPurchase: purchasedAt };
}

/**
 * Puts the cohort's term back to: bought at `purchasedAt`, `months` months of P1M terms so far, notice written or
 * pending as given; removes its renewal events (and the partners that may see them) and takes their number off
 * its versions. One statement each, joined on the cohort table.
 */
async function resetCohort(raw, { purchasedAt, months, noticePending }) {
  const { terms } = serverModules();
  const startsAt = terms.addMonthsClamped(purchasedAt, months - 1);
  const endsAt = terms.addMonthsClamped(purchasedAt, months);
  const renewals =
    `SELECT a.id, a.targetId FROM \`audit_events\` a INNER JOIN \`${COHORT_TABLE}\` c ON c.id = a.targetId ` +
    "WHERE a.action = 'subscription.renewed'";
  await raw.run(
    `UPDATE \`subscriptions\` s INNER JOIN (SELECT targetId, COUNT(*) AS n FROM (${renewals}) AS e GROUP BY targetId) r ON r.targetId = s.id ` +
      'SET s.version = GREATEST(1, s.version - r.n)',
  );
  await raw.run(`DELETE p FROM \`audit_event_partners\` p INNER JOIN (${renewals}) AS e ON e.id = p.eventId`);
  await raw.run(
    `DELETE a FROM \`audit_events\` a INNER JOIN \`${COHORT_TABLE}\` c ON c.id = a.targetId WHERE a.action = 'subscription.renewed'`,
  );
  await raw.run(
    `UPDATE \`subscriptions\` s INNER JOIN \`${COHORT_TABLE}\` c ON c.id = s.id SET s.createdAt = ?, s.termMonths = ?, s.termStartsAt = ?, s.termEndsAt = ?, ` +
      "s.termDuration = 'P1M', s.billingCycle = 'MONTHLY', s.autoRenew = 1, s.scheduledChange = NULL, s.termNoticePending = ?, " +
      's.licenceBlocks = CONCAT(\'[{"quantity":\', s.quantity, \',"addedAt":"\', ?, \'"}]\'), ' +
      "s.status = 'ACTIVE', s.liveKey = 'LIVE', s.suspendedAt = NULL, s.dataRetentionEndsAt = NULL, s.cancelledAt = NULL, s.expiredAt = NULL",
    [sqlDate(purchasedAt), months, sqlDate(startsAt), sqlDate(endsAt), noticePending ? 1 : 0, startsAt.toISOString()],
  );
  return { startsAt, endsAt };
}

/** The seed's state of the cohort at `now`: bought at W5_PURCHASE, in the term that contains now, its notice written. */
function seededState(seededPurchase, now) {
  const { terms } = serverModules();
  return { purchasedAt: seededPurchase, months: terms.monthsToTermContaining(seededPurchase, 1, now), noticePending: false };
}

/**
 * A purchase instant whose term ends at `end` (anchored: end = addMonthsClamped(purchase, months)). One month
 * back works unless end's day of the month is missing there (the 29th–31st); then two or three months back.
 */
function purchaseEndingAt(end) {
  const { terms } = serverModules();
  for (let months = 1; months <= 12; months++) {
    const purchasedAt = terms.addMonthsClamped(end, -months);
    if (terms.addMonthsClamped(purchasedAt, months).getTime() === end.getTime()) return { purchasedAt, months };
  }
  throw new Error(`W5: no purchase instant has a term ending at ${end.toISOString()}`);
}

async function setOffset(raw, seconds) {
  await raw.run('UPDATE `test_clock` SET offsetSeconds = ?, movedAt = ? WHERE id = 1', [seconds, seconds ? new Date() : null]);
}

/**
 * Work the sweep has due (by domain time with offset 0: the wall clock): terms that have ended, and notices of
 * terms ending within the notice days.
 */
async function dueTerms(raw) {
  const now = Date.now();
  const [ended] = await raw.all("SELECT COUNT(*) AS n FROM `subscriptions` WHERE status IN ('ACTIVE', 'SUSPENDED') AND termEndsAt <= ?", [
    new Date(now),
  ]);
  const [notices] = await raw.all(
    "SELECT COUNT(*) AS n FROM `subscriptions` WHERE termNoticePending = 1 AND termEndsAt <= ? AND status IN ('ACTIVE', 'SUSPENDED')",
    [new Date(now + NOTICE_DAYS * DAY_MS)],
  );
  return Number(ended.n) + Number(notices.n);
}

/**
 * Waits until the sweep has caught up with the terms that ended since the dataset was last used (a dataset
 * seeded days ago has ~33,000 of them a day): W2-alone must not share the machine with that catch-up. Gives up
 * when nothing moves for 30 s (a server without the renewal sweep) or after 10 minutes.
 */
async function settle(raw, log) {
  let due = await dueTerms(raw);
  if (due === 0) return;
  log(`  W5: ${due} terms ended or notices due before the run; waiting for the sweep to handle them first …`);
  const deadline = Date.now() + 600_000;
  let last = due;
  let movedAt = Date.now();
  while (due > 0 && Date.now() < deadline) {
    await sleep(1000);
    due = await dueTerms(raw);
    if (due !== last) {
      last = due;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > 30_000) {
      log(`  W5: ${due} ended terms or due notices are not being handled (does this server have the renewal sweep?); going on`);
      return;
    }
  }
}

/**
 * W2 on `target` for `seconds` s, or until `stopWhen()` says so (checked every second): req/s and the checks of
 * W2 (every response 200, no GraphQL error, the length of the answer to the same request before the run).
 */
async function measureW2(target, headers, bodies, expected, { seconds, connections, stopWhen, onSecond }) {
  const stats = { bad: 0, firstBad: null };
  let next = 0;
  let instance;
  const done = new Promise((resolve, reject) => {
    instance = autocannon(
      {
        url: target.url,
        connections,
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
            onResponse: (status, body, context) => {
              if (status === 200 && !body.includes('"errors"') && body.length === expected[context.i]) return;
              stats.bad++;
              if (!stats.firstBad) stats.firstBad = `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  let stopped = false;
  const ticker = (async () => {
    while (!stopped) {
      await sleep(1000);
      if (stopped) break;
      if (onSecond) await onSecond();
      if (stopWhen && stopWhen()) {
        instance.stop();
        break;
      }
    }
  })();
  const startedAt = Date.now();
  const result = await done;
  const endedAt = Date.now();
  stopped = true;
  await ticker;
  const problems = [];
  if (result.errors || result.timeouts || result.non2xx) {
    problems.push(`${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  if (stats.bad) problems.push(`${stats.bad} bad responses, e.g. ${stats.firstBad}`);
  // autocannon's average is over whole seconds sampled; a run stopped early is measured by its own length.
  const rps = result.requests.total / Math.max(0.001, (endedAt - startedAt) / 1000);
  const bytesPerResponse = result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0;
  return {
    rps,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bytesPerResponse,
    problems,
    startedAt,
    endedAt,
  };
}

/**
 * The whole of W5. `h` carries run.js's pieces: startTarget, waitReady, port, headers, bodies (W2's), post,
 * warmup, duration, connections, bound (s), seedOptions, log.
 */
async function runW5(raw, h) {
  const { log } = h;
  if (raw.kind !== 'mysql') throw new Error('W5 runs on MariaDB/MySQL only');
  const problems = [];
  const cohort = await loadCohort(raw, h.seedOptions, log);
  // An interrupted run may have left the clock moved or the cohort renewed: start from the seed's state.
  await setOffset(raw, 0);
  await resetCohort(raw, seededState(cohort.seededPurchase, new Date()));

  const target = h.startTarget('L4', h.port, {
    NODE_ENV: 'development', // TEST_CLOCK=enabled with NODE_ENV=production stops the server at start
    TEST_CLOCK: 'enabled',
    LIFECYCLE_SWEEP_SECONDS: String(h.sweepSeconds),
    GRAPHQL_INTROSPECTION: 'false',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false',
  });
  try {
    await h.waitReady(target);
    await settle(raw, log);

    // Pre-flight: W2's answers, whose lengths every later answer must have.
    const expected = [];
    for (const body of h.bodies) {
      const { status, text } = await h.post(target.url, h.headers, body);
      if (status !== 200 || text.includes('"errors"')) throw new Error(`W5 W2 pre-flight failed (${status}): ${text.slice(0, 500)}`);
      expected.push(text.length);
    }

    // Arm: the cohort's terms end at E, once W2-alone is over (warm-up, run, and a margin for arming itself, which
    // takes 5–30 s on a busy machine: E must not pass by the wall clock before the offset moves).
    const leadMs = (h.warmup + h.duration + 90) * 1000;
    const end = new Date(Math.ceil((Date.now() + leadMs) / 1000) * 1000 + 777);
    const armed = purchaseEndingAt(end);
    const armStarted = Date.now();
    await resetCohort(raw, { ...armed, noticePending: false });
    log(
      `  W5: cohort armed in ${((Date.now() - armStarted) / 1000).toFixed(1)} s: terms end at ${end.toISOString()} (bought ${armed.purchasedAt.toISOString()})`,
    );
    const remainingSql = "SELECT COUNT(*) AS n FROM `subscriptions` WHERE status = 'ACTIVE' AND termEndsAt = ?";
    const remaining = async () => Number((await raw.all(remainingSql, [sqlDate(end)]))[0].n);
    const before = await remaining();
    if (before !== cohort.size) problems.push(`${cohort.size - before} cohort subscriptions did not take the armed term end`);

    log(`  W5: W2 alone (${h.warmup} s warm-up, ${h.duration} s) …`);
    if (h.warmup > 0) await measureW2(target, h.headers, h.bodies, expected, { seconds: h.warmup, connections: h.connections });
    const alone = await measureW2(target, h.headers, h.bodies, expected, { seconds: h.duration, connections: h.connections });
    problems.push(...alone.problems.map((p) => `W2 alone: ${p}`));
    if (Date.now() >= end.getTime()) problems.push('the cohort ended by the wall clock before W2 alone finished (raise the lead)');
    const early = cohort.size - (await remaining());
    if (early) problems.push(`${early} cohort subscriptions renewed before the clock moved`);

    // Move domain time just past E, straight in the database; W2 again while the sweep renews.
    const offset = Math.ceil((end.getTime() - Date.now()) / 1000) + 1;
    await setOffset(raw, offset);
    const movedAt = Date.now();
    log(`  W5: offset ${offset} s written; W2 while the sweep renews (bound ${h.bound} s) …`);
    let renewed = 0;
    let firstAt = null;
    let doneAt = null;
    let lastLog = movedAt;
    const during = await measureW2(target, h.headers, h.bodies, expected, {
      seconds: h.bound,
      connections: h.connections,
      onSecond: async () => {
        renewed = cohort.size - (await remaining());
        if (renewed > 0 && firstAt === null) firstAt = Date.now();
        if (renewed >= cohort.size && doneAt === null) doneAt = Date.now();
        if (Date.now() - lastLog >= 10_000) {
          lastLog = Date.now();
          log(`    ${((Date.now() - movedAt) / 1000).toFixed(0)} s: ${renewed} of ${cohort.size} renewed`);
        }
      },
      stopWhen: () => doneAt !== null,
    });
    problems.push(...during.problems.map((p) => `W2 during the sweep: ${p}`));
    if (doneAt === null) {
      renewed = cohort.size - (await remaining());
      problems.push(`${cohort.size - renewed} of ${cohort.size} cohort subscriptions not renewed within ${h.bound} s`);
    }

    // Exactly once: give the sweep a few more runs to (wrongly) renew something again, then count.
    await sleep(Math.max(3, 3 * h.sweepSeconds) * 1000);
    const { terms } = serverModules();
    const nextEnd = terms.addMonthsClamped(armed.purchasedAt, armed.months + 1);
    const [events] = await raw.all(
      `SELECT COUNT(*) AS total, COUNT(DISTINCT a.targetId) AS subscriptions FROM \`audit_events\` a INNER JOIN \`${COHORT_TABLE}\` c ON c.id = a.targetId ` +
        "WHERE a.action = 'subscription.renewed'",
    );
    const [rows] = await raw.all(
      `SELECT COUNT(*) AS n FROM \`subscriptions\` s INNER JOIN \`${COHORT_TABLE}\` c ON c.id = s.id ` +
        "WHERE s.status = 'ACTIVE' AND s.termMonths = ? AND s.termStartsAt = ? AND s.termEndsAt = ?",
      [armed.months + 1, sqlDate(end), sqlDate(nextEnd)],
    );
    const total = Number(events.total);
    const distinct = Number(events.subscriptions);
    if (distinct !== cohort.size) problems.push(`${cohort.size - distinct} cohort subscriptions have no subscription.renewed event`);
    if (total !== distinct) problems.push(`${total - distinct} extra subscription.renewed events (renewed more than once)`);
    if (Number(rows.n) !== cohort.size)
      problems.push(`${cohort.size - Number(rows.n)} cohort subscriptions are not in the term ${sqlDate(end)} → ${sqlDate(nextEnd)}`);

    const seconds = doneAt === null ? null : (doneAt - movedAt) / 1000;
    const figures = {
      cohort: cohort.size,
      renewed,
      seconds,
      firstRenewalSeconds: firstAt === null ? null : (firstAt - movedAt) / 1000,
      // Not all within the bound: the rate of those that were renewed.
      renewalsPerSecond: seconds ? cohort.size / seconds : renewed / ((during.endedAt - movedAt) / 1000),
      events: total,
      aloneRps: alone.rps,
      aloneP99: alone.p99,
      duringRps: during.rps,
      duringP50: during.p50,
      duringP99: during.p99,
      duringSeconds: (during.endedAt - during.startedAt) / 1000,
      share: (100 * during.rps) / alone.rps,
      sweepSeconds: h.sweepSeconds,
    };
    return {
      target: 'L4',
      workload: 'W5',
      rps: during.rps,
      p50: during.p50,
      p99: during.p99,
      requests: during.requests,
      bytesPerResponse: during.bytesPerResponse,
      rssMax: null,
      cpuMsPerRequest: null,
      dbCpuMsPerRequest: null,
      lostUpdates: null,
      unacknowledged: null,
      problems,
      startedAt: during.startedAt,
      endedAt: during.endedAt,
      w5: figures,
    };
  } finally {
    await target.stop();
    // Restore: the seed's cohort again, and domain time = wall clock.
    try {
      await resetCohort(raw, seededState(cohort.seededPurchase, new Date()));
      await setOffset(raw, 0);
    } catch (error) {
      log(`  W5: restoring the dataset failed: ${error.message}`);
    }
  }
}

module.exports = { runW5, COHORT_TABLE };
