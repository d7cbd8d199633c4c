/**
 * SPEC §7 and §8 ("The renewal sweep"): every instance runs the lifecycle sweep, and each term end is processed
 * exactly once, also with several instances, and a sweep stopped half-way loses nothing. 10,000 subscriptions whose
 * term has ended go into one MariaDB database in bulk (SQL); `node server/dist/main.js` processes sweep them every
 * second (LIFECYCLE_SWEEP_SECONDS=1). Each subscription then has exactly one `subscription.renewed` or
 * `subscription.expired` event for that term, its version one up, its new term anchored to its purchase and its
 * scheduled change applied once.
 * MariaDB only: SQLite is one process's embedded file. Needs `npm run build` (server/dist).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { addMonthsClamped } from '../src/domain/terms';
import { DAY_MS } from '../src/domain/rules';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { ifSetUp } from './support/set-up';

const COUNT = 10_000;
const OFFERS = 10;
const SCHEDULED = { quantity: 7, termDuration: null, billingCycle: null };
const TERM_EVENTS = ['subscription.renewed', 'subscription.expired'];
/** LEASE_MS of lifecycle.service.ts: a killed sweep's claims are taken over after this. */
const LEASE_MS = 60_000;

type Kind = 'renews' | 'renewsWithChange' | 'doesNotRenew' | 'suspended';
interface Due {
  id: string;
  kind: Kind;
  quantity: number;
  createdAt: Date;
  termEndsAt: Date;
}

const sqlDate = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
const kindOf = (i: number): Kind => (['suspended', 'doesNotRenew', 'renewsWithChange'] as const)[i % 10] ?? 'renews';

/**
 * COUNT subscriptions in their first P1M term, which ended 1 to 22 days ago (the next term, anchored to the purchase,
 * ends more than the 7 notice days ahead, so the sweep writes no notice for it): a tenth SUSPENDED, a tenth ACTIVE
 * without auto-renewal, a tenth ACTIVE with a scheduled quantity of 7, the rest ACTIVE renewing as they are.
 */
async function insertDueSubscriptions(dataSource: DataSource): Promise<Due[]> {
  const now = Date.now();
  const offerIds = Array.from({ length: OFFERS }, () => randomUUID());
  const terms = JSON.stringify([{ termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: 1200 }]);
  await dataSource.query(
    `INSERT INTO offers (id, sku, name, minQuantity, maxQuantity, unitPriceCents, currency, createdAt, terms) VALUES ${offerIds.map(() => '(?, ?, ?, 1, 500, 1200, ?, ?, ?)').join(', ')}`,
    offerIds.flatMap((id, k) => [id, `SWEEP-${k}`, `Sweep offer ${k}`, 'USD', sqlDate(new Date(now - 400 * DAY_MS)), terms]),
  );
  const tenantIds = Array.from({ length: COUNT / OFFERS }, () => randomUUID());
  for (let start = 0; start < tenantIds.length; start += 500) {
    const chunk = tenantIds.slice(start, start + 500);
    await dataSource.query(
      `INSERT INTO tenants (id, name, nameFolded, domain, countryCode, billingManagedById, createdAt) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, NULL, ?)').join(', ')}`,
      chunk.flatMap((id, k) => [
        id,
        `Sweep ${start + k}`,
        `sweep ${start + k}`,
        `sweep-${start + k}.example`,
        'US',
        sqlDate(new Date(now - 400 * DAY_MS)),
      ]),
    );
  }
  const due: Due[] = [];
  const columns = [
    'id',
    'tenantId',
    'offerId',
    'quantity',
    'status',
    'channel',
    'resellerId',
    'partnerOfRecordId',
    'suspendedAt',
    'dataRetentionEndsAt',
    'liveKey',
    'version',
    'createdAt',
    'updatedAt',
    'termDuration',
    'billingCycle',
    'autoRenew',
    'termStartsAt',
    'termEndsAt',
    'termMonths',
    'licenceBlocks',
    'scheduledChange',
    'termNoticePending',
    'cancelledAt',
    'expiredAt',
  ];
  for (let start = 0; start < COUNT; start += 1_000) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(COUNT, start + 1_000); i++) {
      const kind = kindOf(i);
      // 32 to 50 days ago, at varied times of day: the first term (one month, clamped) has ended, the second has not.
      const createdAt = new Date(now - (32 + (i % 19)) * DAY_MS - (i % 997) * 61_000);
      const termEndsAt = addMonthsClamped(createdAt, 1);
      const quantity = 1 + (i % 40);
      const suspendedAt = kind === 'suspended' ? new Date(now - 2 * DAY_MS) : null;
      due.push({ id: randomUUID(), kind, quantity, createdAt, termEndsAt });
      rows.push([
        due[i].id,
        tenantIds[Math.floor(i / OFFERS)],
        offerIds[i % OFFERS],
        quantity,
        kind === 'suspended' ? 'SUSPENDED' : 'ACTIVE',
        'DIRECT',
        null,
        null,
        suspendedAt && sqlDate(suspendedAt),
        suspendedAt && sqlDate(new Date(suspendedAt.getTime() + 90 * DAY_MS)),
        'LIVE',
        1,
        sqlDate(createdAt),
        sqlDate(suspendedAt ?? createdAt),
        'P1M',
        'MONTHLY',
        kind === 'doesNotRenew' ? 0 : 1,
        sqlDate(createdAt),
        sqlDate(termEndsAt),
        1,
        JSON.stringify([{ quantity, addedAt: createdAt.toISOString() }]),
        kind === 'renewsWithChange' ? JSON.stringify(SCHEDULED) : null,
        0,
        null,
        null,
      ]);
    }
    await dataSource.query(
      `INSERT INTO subscriptions (${columns.join(', ')}) VALUES ${rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
      rows.flat(),
    );
  }
  return due;
}

const termEventCount = async (dataSource: DataSource): Promise<number> =>
  Number((await dataSource.query(`SELECT COUNT(*) AS n FROM audit_events WHERE action IN (?, ?)`, TERM_EVENTS))[0].n);

/** Resolves once no ACTIVE or SUSPENDED subscription has a term that ended (as of the wall clock: the test clock is at 0). */
async function untilNothingDue(dataSource: DataSource, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await dataSource.query(
      `SELECT COUNT(*) AS n FROM subscriptions WHERE status IN ('ACTIVE', 'SUSPENDED') AND termEndsAt <= ?`,
      [sqlDate(new Date())],
    );
    if (Number(n) === 0) return;
    if (Date.now() > giveUpAt) throw new Error(`${n} subscriptions still have an ended term after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What `lifecycle sweep` log lines of one process add up to (each run logs its counts). */
function loggedCounts(process_: ServerProcess): { renewed: number; expired: number } {
  const total = { renewed: 0, expired: 0 };
  for (const line of process_.output().split('\n')) {
    if (!line.includes('"msg":"lifecycle sweep"')) continue;
    const entry = JSON.parse(line) as { renewed: number; expired: number };
    total.renewed += entry.renewed;
    total.expired += entry.expired;
  }
  return total;
}

/** Every due subscription ended its term exactly once: one event, version 2, the anchored next term, the change applied once. */
async function expectEachTermEndedOnce(dataSource: DataSource, due: Due[]): Promise<void> {
  const events: { targetId: string; action: string; actorSubject: string; before: string; after: string; n?: number }[] =
    await dataSource.query(
      `SELECT targetId, action, actorSubject, \`before\`, \`after\` FROM audit_events WHERE action IN (?, ?) ORDER BY targetId`,
      TERM_EVENTS,
    );
  const byId = new Map<string, typeof events>();
  for (const event of events) byId.set(event.targetId, [...(byId.get(event.targetId) ?? []), event]);
  const twice = [...byId].filter(([, list]) => list.length > 1).map(([id]) => id);
  expect(twice).toEqual([]);
  expect(events).toHaveLength(COUNT);
  // The next terms end more than RENEWAL_NOTICE_DAYS ahead, and an ended term gets no notice (SPEC §8).
  expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM audit_events WHERE action = 'subscription.termEnding'`))[0].n)).toBe(0);

  const rows: {
    id: string;
    status: string;
    version: number;
    quantity: number;
    termStartsAt: Date;
    termEndsAt: Date;
    termMonths: number;
    scheduledChange: string | null;
    licenceBlocks: string;
    expiredAt: Date | null;
    autoRenew: number;
  }[] = await dataSource.query(
    `SELECT id, status, version, quantity, termStartsAt, termEndsAt, termMonths, scheduledChange, licenceBlocks, expiredAt, autoRenew FROM subscriptions`,
  );
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const problems: string[] = [];
  for (const subscription of due) {
    const row = rowById.get(subscription.id)!;
    const event = byId.get(subscription.id)?.[0];
    const renews = subscription.kind === 'renews' || subscription.kind === 'renewsWithChange';
    const quantity = subscription.kind === 'renewsWithChange' ? SCHEDULED.quantity : subscription.quantity;
    const nextEnd = addMonthsClamped(subscription.createdAt, 2);
    const expected = renews
      ? {
          event: 'subscription.renewed',
          status: 'ACTIVE',
          version: 2,
          quantity,
          termStartsAt: subscription.termEndsAt.toISOString(),
          termEndsAt: nextEnd.toISOString(),
          termMonths: 2,
          scheduledChange: null,
          expiredAt: null,
          licenceBlocks: [{ quantity, addedAt: subscription.termEndsAt.toISOString() }],
        }
      : {
          event: 'subscription.expired',
          status: 'EXPIRED',
          version: 2,
          quantity,
          termStartsAt: subscription.createdAt.toISOString(),
          termEndsAt: subscription.termEndsAt.toISOString(),
          termMonths: 1,
          scheduledChange: null,
          expiredAt: subscription.termEndsAt.toISOString(),
          licenceBlocks: [{ quantity, addedAt: subscription.createdAt.toISOString() }],
        };
    const actual = {
      event: event?.action,
      status: row.status,
      version: row.version,
      quantity: row.quantity,
      termStartsAt: row.termStartsAt.toISOString(),
      termEndsAt: row.termEndsAt.toISOString(),
      termMonths: row.termMonths,
      scheduledChange: row.scheduledChange && JSON.parse(row.scheduledChange),
      expiredAt: row.expiredAt && row.expiredAt.toISOString(),
      licenceBlocks: JSON.parse(row.licenceBlocks),
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      problems.push(`${subscription.kind} ${subscription.id}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    if (event) {
      const before = JSON.parse(event.before);
      const after = JSON.parse(event.after);
      const sides = {
        actor: event.actorSubject,
        beforeEnd: before.termEndsAt,
        afterEnd: after.termEndsAt,
        afterStart: after.termStartsAt,
        beforeChange: before.scheduledChange,
        afterChange: after.scheduledChange,
        afterVersion: after.version,
      };
      const expectedSides = {
        actor: 'system:lifecycle-sweep',
        beforeEnd: subscription.termEndsAt.toISOString(),
        afterEnd: expected.termEndsAt,
        afterStart: expected.termStartsAt,
        beforeChange: subscription.kind === 'renewsWithChange' ? SCHEDULED : null,
        afterChange: null,
        afterVersion: 2,
      };
      if (JSON.stringify(sides) !== JSON.stringify(expectedSides))
        problems.push(`event of ${subscription.id}: ${JSON.stringify(sides)} ≠ ${JSON.stringify(expectedSides)}`);
    }
  }
  expect(problems.slice(0, 10)).toEqual([]);
  expect(await dataSource.query(`SELECT kind, COUNT(*) AS n FROM work_leases WHERE kind = 'subscription.term' GROUP BY kind`)).toEqual([]);
}

describe(`the renewal sweep over ${COUNT} ended terms on one MariaDB database`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const processes: ServerProcess[] = [];
  const start = async () => {
    const started = await startServerProcess(database.url, { LIFECYCLE_SWEEP_SECONDS: '1', TEST_CLOCK: 'enabled' });
    processes.push(started);
    return started;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(parseDatabaseUrl(database.url), { poolSize: 4 });
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGTERM')));
    await ifSetUp(dataSource)?.destroy();
    await ifSetUp(database)?.drop();
  });

  it('two server processes sweeping at once end each term exactly once', async () => {
    const due = await insertDueSubscriptions(dataSource);
    const [one, two] = await Promise.all([start(), start()]);
    await untilNothingDue(dataSource, 240_000);
    // A few more sweeps of both: nothing is done twice.
    await new Promise((r) => setTimeout(r, 2_500));
    await expectEachTermEndedOnce(dataSource, due);

    const [first, second] = [loggedCounts(one), loggedCounts(two)];
    expect(first.renewed + second.renewed).toBe(due.filter((d) => d.kind.startsWith('renews')).length);
    expect(first.expired + second.expired).toBe(due.filter((d) => !d.kind.startsWith('renews')).length);
    // Both swept: the claims divided the work between them.
    expect(first.renewed + first.expired).toBeGreaterThan(0);
    expect(second.renewed + second.expired).toBeGreaterThan(0);
  }, 330_000);

  it('a sweep killed half-way (SIGKILL) loses nothing and does nothing twice once another instance takes over', async () => {
    const due = await insertDueSubscriptions(dataSource);
    const victim = await start();
    const giveUpAt = Date.now() + 120_000;
    let done = await termEventCount(dataSource);
    while (done < COUNT / 5 && Date.now() < giveUpAt) {
      await new Promise((r) => setTimeout(r, 100));
      done = await termEventCount(dataSource);
    }
    await victim.kill('SIGKILL');
    const atKill = await termEventCount(dataSource);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(COUNT);
    // The killed process's claims stay behind, each until its lease expires.
    const heldByVictim = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM work_leases WHERE kind = 'subscription.term'`))[0].n);

    const heir = await start();
    await untilNothingDue(dataSource, LEASE_MS + 240_000);
    await new Promise((r) => setTimeout(r, 2_500));
    await expectEachTermEndedOnce(dataSource, due);
    const taken = loggedCounts(heir);
    expect(taken.renewed + taken.expired).toBe(COUNT - atKill);
    expect(heldByVictim).toBeLessThanOrEqual(200);
  }, 420_000);
});
