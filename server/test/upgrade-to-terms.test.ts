/**
 * SPEC §8, "Existing data on upgrade": a database made by the release before terms, with offers, tenants and
 * subscriptions (ACTIVE, SUSPENDED, DELETED) bought at several past dates, is migrated to the latest schema.
 * Every subscription then has its offer's first (and only) term, P1M/MONTHLY, auto-renewing, anchored at its
 * createdAt, with the current term the one that contains now; every offer lists that one term at its price; the
 * test clock starts at offset 0; no event is written; nothing else changes. The built server (`node
 * server/dist/main.js`) then serves the migrated database and answers the term fields.
 */
import { DataSource } from 'typeorm';
import { DEVELOPMENT_JWT_SECRET, parseDatabaseUrl } from '../src/config';
import { signDevelopmentToken } from '../src/auth/tokens';
import { dataSourceOptions, detectMariaDb, openDatabase } from '../src/db/data-source';
import { addMonthsClamped } from '../src/domain/terms';
import { Role } from '../src/entities/enums';
import { mysqlMigrations } from '../src/migrations/mysql';
import { sqliteMigrations } from '../src/migrations/sqlite';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { graphql } from './graphql/generated';
import type { UpgradedSubscriptionQuery } from './graphql/generated/graphql';
import { ifSetUp } from './support/set-up';

const UPGRADED_SUBSCRIPTION = graphql(`
  query UpgradedSubscription($id: ID!) {
    subscription(id: $id) {
      id status quantity createdAt
      termDuration billingCycle autoRenew termStartsAt termEndsAt cancellationAllowedUntil quantityFloor
      scheduledChange { quantity termDuration billingCycle }
      cancelledAt expiredAt
      offer { id terms { termDuration billingCycle unitPriceCents } }
    }
  }
`);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WINDOW_MS = 168 * HOUR_MS;

/** A DATETIME(3) literal as both dialects take it (UTC). */
const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
/** mysql2 answers a Date, better-sqlite3 the stored text. */
const readTime = (value: Date | string): Date => (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`));

/** Every migration of this dialect before the first `Terms…` one: the previous release's schema. */
function previousReleaseMigrations(): typeof mysqlMigrations {
  const all = testDatabaseKind() === 'mysql' ? mysqlMigrations : sqliteMigrations;
  const cut = all.findIndex((migration) => migration.name.startsWith('Terms'));
  expect(cut).toBeGreaterThan(0);
  return all.slice(0, cut);
}

const id = (n: number) => `01890000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const RESELLER = '1000001';
const OFFERS = [
  { id: id(101), sku: 'LEGACY-BASIC', minQuantity: 1, maxQuantity: 300, unitPriceCents: 600 },
  { id: id(102), sku: 'LEGACY-PREMIUM', minQuantity: 5, maxQuantity: 300, unitPriceCents: 2200 },
];
const TENANTS = [id(201), id(202), id(203)];

interface LegacySubscription {
  id: string;
  tenantId: string;
  offerId: string;
  quantity: number;
  status: 'ACTIVE' | 'SUSPENDED' | 'DELETED';
  channel: 'DIRECT' | 'RESELLER';
  createdAt: Date;
  what: string;
}

/** Bought at several past dates: 31sts of months, a leap day, more than a year ago, this month, today. */
function legacySubscriptions(now: Date): LegacySubscription[] {
  const at = (iso: string) => new Date(iso);
  const rows: Omit<LegacySubscription, 'id'>[] = [
    {
      what: 'a 31st, almost two years ago',
      tenantId: TENANTS[0],
      offerId: OFFERS[0].id,
      quantity: 10,
      status: 'ACTIVE',
      channel: 'DIRECT',
      createdAt: at('2025-01-31T10:00:00.000Z'),
    },
    {
      what: 'a 31st, late in the evening',
      tenantId: TENANTS[1],
      offerId: OFFERS[0].id,
      quantity: 3,
      status: 'ACTIVE',
      channel: 'RESELLER',
      createdAt: at('2025-10-31T23:30:15.250Z'),
    },
    {
      what: 'a leap day, almost three years ago, suspended',
      tenantId: TENANTS[0],
      offerId: OFFERS[1].id,
      quantity: 7,
      status: 'SUSPENDED',
      channel: 'DIRECT',
      createdAt: at('2024-02-29T00:00:00.000Z'),
    },
    {
      what: 'a 30th, deleted',
      tenantId: TENANTS[2],
      offerId: OFFERS[0].id,
      quantity: 2,
      status: 'DELETED',
      channel: 'DIRECT',
      createdAt: at('2025-04-30T12:00:00.000Z'),
    },
    {
      what: 'a 31st, deleted',
      tenantId: TENANTS[2],
      offerId: OFFERS[1].id,
      quantity: 9,
      status: 'DELETED',
      channel: 'RESELLER',
      createdAt: at('2024-12-31T08:00:00.000Z'),
    },
    {
      what: 'forty days ago, suspended',
      tenantId: TENANTS[1],
      offerId: OFFERS[1].id,
      quantity: 6,
      status: 'SUSPENDED',
      channel: 'RESELLER',
      createdAt: new Date(now.getTime() - 40 * DAY_MS),
    },
    {
      what: 'two hours ago (still in its first term and window)',
      tenantId: TENANTS[2],
      offerId: OFFERS[0].id,
      quantity: 4,
      status: 'ACTIVE',
      channel: 'RESELLER',
      createdAt: new Date(now.getTime() - 2 * HOUR_MS),
    },
    {
      what: 'thirteen months ago, to the day',
      tenantId: TENANTS[1],
      offerId: OFFERS[0].id,
      quantity: 1,
      status: 'ACTIVE',
      channel: 'DIRECT',
      createdAt: addMonthsClamped(new Date(now.getTime() - 5 * DAY_MS), -13),
    },
  ];
  return rows.map((row, n) => ({ ...row, id: id(301 + n) }));
}

/** The previous release's rows, written as it wrote them (SQL; the old schema has no term columns). */
async function fillPreviousRelease(dataSource: DataSource, subscriptions: LegacySubscription[], now: Date) {
  const long = new Date('2023-06-01T09:00:00.000Z');
  await dataSource.query('INSERT INTO partners (id, name, countryCode, isReseller, isAdvisor, createdAt) VALUES (?, ?, ?, ?, ?, ?)', [
    RESELLER,
    'Fabrikam Reseller',
    'VN',
    1,
    0,
    sqlTime(long),
  ]);
  for (const offer of OFFERS) {
    await dataSource.query(
      'INSERT INTO offers (id, sku, name, minQuantity, maxQuantity, unitPriceCents, currency, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [offer.id, offer.sku, offer.sku.replace('-', ' '), offer.minQuantity, offer.maxQuantity, offer.unitPriceCents, 'USD', sqlTime(long)],
    );
    await dataSource.query('INSERT INTO offer_authorizations (id, partnerId, offerId, createdAt) VALUES (?, ?, ?, ?)', [
      id(offer.id === OFFERS[0].id ? 151 : 152),
      RESELLER,
      offer.id,
      sqlTime(long),
    ]);
  }
  for (const [n, tenantId] of TENANTS.entries()) {
    const name = ['Contoso', 'Adatum', 'Wingtip'][n];
    await dataSource.query(
      'INSERT INTO tenants (id, name, nameFolded, domain, countryCode, billingManagedById, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [tenantId, name, name.toLowerCase(), `${name.toLowerCase()}.example`, 'VN', n === 0 ? null : RESELLER, sqlTime(long)],
    );
    if (n > 0) {
      await dataSource.query('INSERT INTO reseller_relationships (id, partnerId, tenantId, createdAt) VALUES (?, ?, ?, ?)', [
        id(251 + n),
        RESELLER,
        tenantId,
        sqlTime(long),
      ]);
    }
  }
  for (const s of subscriptions) {
    const suspendedAt = s.status === 'SUSPENDED' ? new Date(now.getTime() - 10 * DAY_MS) : null;
    // Suspended: retention ends well after the upgrade, so the started server's sweep deletes none of them.
    const retentionEndsAt =
      s.status === 'SUSPENDED' ? new Date(now.getTime() + 80 * DAY_MS) : s.status === 'DELETED' ? new Date(now.getTime() - DAY_MS) : null;
    const updatedAt = suspendedAt ?? (s.status === 'DELETED' ? new Date(now.getTime() - DAY_MS) : s.createdAt);
    await dataSource.query(
      'INSERT INTO subscriptions (id, tenantId, offerId, quantity, status, channel, resellerId, partnerOfRecordId, suspendedAt, dataRetentionEndsAt, liveKey, version, createdAt, updatedAt) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        s.id,
        s.tenantId,
        s.offerId,
        s.quantity,
        s.status,
        s.channel,
        s.channel === 'RESELLER' ? RESELLER : null,
        null,
        suspendedAt && sqlTime(suspendedAt),
        retentionEndsAt && sqlTime(retentionEndsAt),
        s.status === 'DELETED' ? null : 'LIVE',
        s.status === 'ACTIVE' ? 1 : 2,
        sqlTime(s.createdAt),
        sqlTime(updatedAt),
      ],
    );
    const q = (name: string) => dataSource.driver.escape(name);
    await dataSource.query(
      `INSERT INTO audit_events (id, ${q('at')}, actorSubject, actorRoles, actorTenantId, actorPartnerId, ${q('action')}, targetType, targetId, tenantId, ${q('before')}, ${q('after')}, requestId) ` +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        `${s.id.slice(0, -4)}9${s.id.slice(-3)}`,
        sqlTime(s.createdAt),
        'legacy@contoso.example',
        JSON.stringify(['TENANT_BILLING_ADMIN']),
        s.tenantId,
        null,
        'subscription.purchased',
        'Subscription',
        s.id,
        s.tenantId,
        null,
        JSON.stringify({ id: s.id, quantity: s.quantity }),
        'legacy-request',
      ],
    );
  }
}

const TABLES = [
  'partners',
  'offers',
  'offer_authorizations',
  'tenants',
  'reseller_relationships',
  'subscriptions',
  'audit_events',
  'audit_event_partners',
];

async function dumpTables(dataSource: DataSource): Promise<Record<string, Record<string, unknown>[]>> {
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) {
    const key = table === 'audit_event_partners' ? 'eventId' : 'id';
    dump[table] = await dataSource.query(`SELECT * FROM ${dataSource.driver.escape(table)} ORDER BY ${dataSource.driver.escape(key)}`);
  }
  return dump;
}

/** `row` restricted to the columns the old row had. */
const oldColumnsOf = (row: Record<string, unknown>, old: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(old).map((column) => [column, row[column]]));

describe(`the upgrade to terms (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let subscriptions: LegacySubscription[];
  let before: Record<string, Record<string, unknown>[]>;
  let after: Record<string, Record<string, unknown>[]>;
  let testClockRows: Record<string, unknown>[];
  /** The wall clock around the migration: domain time on a database that had no test clock. */
  let migratedFrom: number;
  let migratedUntil: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = parseDatabaseUrl(database.url);
    const mariadb = config.kind === 'mysql' ? await detectMariaDb(config) : undefined;
    const previous = new DataSource({ ...dataSourceOptions(config, { mariadb }), migrations: previousReleaseMigrations() });
    await previous.initialize();
    try {
      await previous.runMigrations({ transaction: 'each' });
      // The previous release: no term columns, no test clock.
      const runner = previous.createQueryRunner();
      try {
        expect(await runner.hasTable('test_clock')).toBe(false);
        expect(await runner.hasColumn('subscriptions', 'termEndsAt')).toBe(false);
      } finally {
        await runner.release();
      }
      subscriptions = legacySubscriptions(new Date());
      await fillPreviousRelease(previous, subscriptions, new Date());
      before = await dumpTables(previous);
    } finally {
      await previous.destroy();
    }

    migratedFrom = Date.now();
    const latest = await openDatabase(config, { mariadb });
    migratedUntil = Date.now();
    try {
      expect(await latest.showMigrations()).toBe(false);
      after = await dumpTables(latest);
      testClockRows = await latest.query('SELECT * FROM test_clock');
    } finally {
      await latest.destroy();
    }
  });
  afterAll(() => ifSetUp(database)?.drop());

  it('keeps every row, and every column the previous release had, as it was', () => {
    for (const table of TABLES) {
      expect({ table, rows: after[table].length }).toEqual({ table, rows: before[table].length });
      after[table].forEach((row, n) =>
        expect({ table, row: oldColumnsOf(row, before[table][n]) }).toEqual({ table, row: before[table][n] }),
      );
    }
    expect(before.subscriptions).toHaveLength(subscriptions.length);
  });

  it('writes no event: the audit_events table gained no row', () => {
    expect(after.audit_events.map((e) => e.id)).toEqual(before.audit_events.map((e) => e.id));
    expect(after.audit_events).toHaveLength(subscriptions.length);
  });

  it("gives every offer its one term, P1M billed MONTHLY at the offer's price", () => {
    for (const offer of after.offers) {
      expect(JSON.parse(String(offer.terms))).toEqual([
        { termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: Number(offer.unitPriceCents) },
      ]);
    }
    expect(after.offers.map((o) => Number(o.unitPriceCents))).toEqual(OFFERS.map((o) => o.unitPriceCents));
  });

  it('starts the test clock at offset 0, in one row', () => {
    expect(testClockRows).toHaveLength(1);
    expect(Number(testClockRows[0].id)).toBe(1);
    expect(Number(testClockRows[0].offsetSeconds)).toBe(0);
  });

  it("gives every subscription (ACTIVE, SUSPENDED and DELETED) the offer's first term anchored at its createdAt, the current term containing now", () => {
    const seen = new Set<string>();
    for (const row of after.subscriptions) {
      const legacy = subscriptions.find((s) => s.id === row.id)!;
      const createdAt = readTime(row.createdAt as Date | string);
      expect(createdAt.toISOString()).toBe(legacy.createdAt.toISOString());
      const startsAt = readTime(row.termStartsAt as Date | string);
      const endsAt = readTime(row.termEndsAt as Date | string);
      const months = Number(row.termMonths);
      const context = {
        subscription: legacy.what,
        createdAt: createdAt.toISOString(),
        termStartsAt: startsAt.toISOString(),
        termEndsAt: endsAt.toISOString(),
      };

      expect({ ...context, termDuration: row.termDuration, billingCycle: row.billingCycle, autoRenew: Number(row.autoRenew) }).toEqual({
        ...context,
        termDuration: 'P1M',
        billingCycle: 'MONTHLY',
        autoRenew: 1,
      });
      // Anchored: whole calendar months after the purchase, on its day or the month's last day.
      expect({ ...context, endsAt: endsAt.toISOString() }).toEqual({
        ...context,
        endsAt: addMonthsClamped(createdAt, months).toISOString(),
      });
      expect({ ...context, startsAt: startsAt.toISOString() }).toEqual({
        ...context,
        startsAt: addMonthsClamped(createdAt, months - 1).toISOString(),
      });
      // The current term: the one that contains the upgrade's now.
      expect({ ...context, startedBeforeNow: startsAt.getTime() <= migratedUntil }).toEqual({ ...context, startedBeforeNow: true });
      expect({ ...context, endsAfterNow: endsAt.getTime() > migratedFrom }).toEqual({ ...context, endsAfterNow: true });
      expect(startsAt.getTime()).toBeGreaterThanOrEqual(createdAt.getTime());
      // The whole quantity is the term's one licence block.
      expect(JSON.parse(String(row.licenceBlocks))).toEqual([{ quantity: legacy.quantity, addedAt: startsAt.toISOString() }]);
      expect({ ...context, scheduledChange: row.scheduledChange, cancelledAt: row.cancelledAt, expiredAt: row.expiredAt }).toEqual({
        ...context,
        scheduledChange: null,
        cancelledAt: null,
        expiredAt: null,
      });
      seen.add(legacy.what);
    }
    expect(seen.size).toBe(subscriptions.length);

    const monthsOf = (what: string) =>
      Number(after.subscriptions.find((r) => r.id === subscriptions.find((s) => s.what === what)!.id)!.termMonths);
    expect(monthsOf('two hours ago (still in its first term and window)')).toBe(1);
    expect(monthsOf('a 31st, almost two years ago')).toBeGreaterThan(12);
    expect(monthsOf('a leap day, almost three years ago, suspended')).toBeGreaterThan(24);
    // Thirteen months and five days ago: the fourteenth term is the current one.
    expect(monthsOf('thirteen months ago, to the day')).toBe(14);
  });

  describe('served by the built server', () => {
    let server: ServerProcess;
    beforeAll(async () => {
      server = await startServerProcess(database.url);
    });
    afterAll(() => ifSetUp(server)?.kill('SIGTERM'));

    const read = async (subscriptionId: string) => {
      const token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { roles: [Role.PLATFORM_ADMIN] });
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: String(UPGRADED_SUBSCRIPTION), variables: { id: subscriptionId } }),
      });
      const body = (await response.json()) as { data?: UpgradedSubscriptionQuery; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data!.subscription;
    };

    it('answers the term fields of the upgraded subscriptions to a platform token', async () => {
      for (const legacy of subscriptions.filter((s) => s.status !== 'DELETED')) {
        const row = after.subscriptions.find((r) => r.id === legacy.id)!;
        const startsAt = readTime(row.termStartsAt as Date | string);
        const endsAt = readTime(row.termEndsAt as Date | string);
        const offer = OFFERS.find((o) => o.id === legacy.offerId)!;
        const inWindow = Date.now() < startsAt.getTime() + WINDOW_MS;
        const subscription = await read(legacy.id);
        expect({ what: legacy.what, ...subscription }).toEqual({
          what: legacy.what,
          id: legacy.id,
          status: legacy.status,
          quantity: legacy.quantity,
          createdAt: legacy.createdAt.toISOString(),
          termDuration: 'P1M',
          billingCycle: 'MONTHLY',
          autoRenew: true,
          termStartsAt: startsAt.toISOString(),
          termEndsAt: endsAt.toISOString(),
          cancellationAllowedUntil: new Date(startsAt.getTime() + WINDOW_MS).toISOString(),
          // The whole quantity was added when the term started: removable only within its first 168 hours.
          quantityFloor: inWindow ? offer.minQuantity : legacy.quantity,
          scheduledChange: null,
          cancelledAt: null,
          expiredAt: null,
          offer: { id: offer.id, terms: [{ termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: offer.unitPriceCents }] },
        });
      }
    });
  });
});
