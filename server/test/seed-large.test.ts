import { parseDatabaseUrl } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { seedLarge, w5Cohort, W5_PURCHASE, type SeedOptions } from '../src/scripts/seed-large';
import { ok, Role, startTestServer } from './support/harness';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database';
import { graphql } from './graphql/generated';

/**
 * Issue 6: `npm run seed:large` bulk-loads a dataset the server can serve, into SQLite or MySQL, and a
 * second run on the same database finds it complete and changes nothing.
 */
const OPTIONS: SeedOptions = { tenants: 400, subscriptionsPerTenant: 3, resellers: 6, advisors: 3, batch: 150, seed: 7, quiet: true };

/** The biggest reseller's customer page, as the benchmark's W1 reads it. */
const LARGE_RESELLER_PAGE = graphql(`
  query LargeResellerPage {
    customers(first: 50) { totalCount edges { node { id subscriptions(first: 20) { edges { node { offer { name } } } } } } }
  }
`);

describe(`seed:large (${testDatabaseKind()})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // On MySQL the database does not exist yet: the bulk load creates it.
    if (testDatabaseKind() === 'mysql') await database.drop();
  });
  afterAll(() => database.drop());

  async function counts() {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url));
    try {
      const count = async (table: string) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
      return {
        tenants: await count('tenants'),
        subscriptions: await count('subscriptions'),
        partners: await count('partners'),
        resellerRelationships: await count('reseller_relationships'),
        auditEvents: await count('audit_events'),
      };
    } finally {
      await dataSource.destroy();
    }
  }

  it('loads the requested shape, then finds it complete on a second run', async () => {
    const first = await seedLarge(parseDatabaseUrl(database.url), OPTIONS);
    expect(first.alreadyComplete).toBe(false);
    expect(first.rows).toMatchObject({ tenants: 400, subscriptions: 1200, partners: 9 });
    const loaded = await counts();
    expect(loaded).toMatchObject({
      tenants: 400,
      subscriptions: 1200,
      partners: 9,
      resellerRelationships: first.rows.resellerRelationships,
    });

    const second = await seedLarge(parseDatabaseUrl(database.url), OPTIONS);
    expect(second.alreadyComplete).toBe(true);
    expect(second.bigResellerId).toBe(first.bigResellerId);
    expect(await counts()).toEqual(loaded);
  });

  it('fills every term, and gives the W5 cohort one purchase instant, so that its terms end at one instant', async () => {
    await seedLarge(parseDatabaseUrl(database.url), OPTIONS);
    const seededAt = Date.now();
    const cohort = w5Cohort(OPTIONS);
    // A small dataset has fewer eligible subscriptions than the cohort's 100,000: at most two per tenant.
    expect(cohort.ids.length).toBeGreaterThan(100);
    expect(cohort.ids.length).toBeLessThanOrEqual(2 * OPTIONS.tenants);
    const dataSource = await openDatabase(parseDatabaseUrl(database.url));
    try {
      const rows: { id: string; status: string; autoRenew: unknown; termDuration: string; createdAt: unknown; termEndsAt: unknown }[] =
        await dataSource.query(
          `SELECT id, status, autoRenew, termDuration, createdAt, termEndsAt FROM subscriptions WHERE id IN (${cohort.ids.map(() => '?').join(',')})`,
          cohort.ids,
        );
      const instant = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(`${String(v).replace(' ', 'T')}Z`));
      expect(rows).toHaveLength(cohort.ids.length);
      expect(new Set(rows.map((r) => `${r.status} ${Number(r.autoRenew)} ${r.termDuration} ${instant(r.createdAt)}`))).toEqual(
        new Set([`ACTIVE 1 P1M ${W5_PURCHASE}`]),
      );
      expect(new Set(rows.map((r) => instant(r.termEndsAt))).size).toBe(1);
      // Every other live subscription is in the term that contains the seed's now, its end anchored at its own purchase.
      const others: { termStartsAt: unknown; termEndsAt: unknown }[] = await dataSource.query(
        `SELECT termStartsAt, termEndsAt FROM subscriptions WHERE status <> 'DELETED'`,
      );
      expect(others.every((r) => instant(r.termStartsAt) <= seededAt && instant(r.termEndsAt) > seededAt)).toBe(true);
      expect(new Set(others.map((r) => instant(r.termEndsAt))).size).toBeGreaterThan((others.length - cohort.ids.length) / 2);
      const offers: { terms: string }[] = await dataSource.query('SELECT terms FROM offers');
      expect(offers.every((o) => JSON.parse(o.terms)[0].termDuration === 'P1M')).toBe(true);
      expect(offers.some((o) => JSON.parse(o.terms).length > 1)).toBe(true);
    } finally {
      await dataSource.destroy();
    }
  });

  it('gives the largest reseller about 30% of the customers, and the server pages through them', async () => {
    const { bigResellerId } = await seedLarge(parseDatabaseUrl(database.url), OPTIONS);
    const server = await startTestServer({ env: { DATABASE_URL: database.url } });
    try {
      const token = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: bigResellerId });
      const page = ok(await server.gql(LARGE_RESELLER_PAGE, {}, token)).customers;
      expect(page.totalCount).toBeGreaterThan(0.2 * OPTIONS.tenants);
      expect(page.totalCount).toBeLessThan(0.4 * OPTIONS.tenants);
      expect(page.edges).toHaveLength(50);
      const subscriptions = page.edges.flatMap((e) => e.node.subscriptions.edges);
      expect(subscriptions.length).toBeGreaterThan(50);
    } finally {
      await server.stop();
    }
  });
});
