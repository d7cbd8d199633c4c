import { parseDatabaseUrl } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { seedLarge, type SeedOptions } from '../src/scripts/seed-large';
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
    expect(loaded).toMatchObject({ tenants: 400, subscriptions: 1200, partners: 9, resellerRelationships: first.rows.resellerRelationships });

    const second = await seedLarge(parseDatabaseUrl(database.url), OPTIONS);
    expect(second.alreadyComplete).toBe(true);
    expect(second.bigResellerId).toBe(first.bigResellerId);
    expect(await counts()).toEqual(loaded);
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
