import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config';
import { dataSourceOptions, detectMariaDb, openDatabase } from '../src/db/data-source';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('bring an empty database exactly to the shape of the entities', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url));
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('are a no-op on a database that is already migrated', async () => {
    const config = parseDatabaseUrl(database.url);
    const mariadb = config.kind === 'mysql' ? await detectMariaDb(config) : undefined;
    const dataSource = new DataSource(dataSourceOptions(config, { mariadb }));
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      expect(await dataSource.runMigrations()).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  const insertTenant = (dataSource: DataSource, id: string, name: string, domain: string) =>
    dataSource.query(
      'INSERT INTO tenants (id, name, nameFolded, domain, countryCode, billingManagedById, createdAt) VALUES (?, ?, ?, ?, ?, NULL, ?)',
      [id, name, name.toLowerCase(), domain, 'US', '2026-01-01 00:00:00.000'],
    );

  it('enforce the unique constraints the contract relies on', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url));
    try {
      await insertTenant(dataSource, '01890000-0000-7000-8000-000000000001', 'T', 'same.example');
      await expect(insertTenant(dataSource, '01890000-0000-7000-8000-000000000002', 'T', 'same.example')).rejects.toThrow();
    } finally {
      await dataSource.destroy();
    }
  });

  // Issue 11, defect 3: the test databases default to utf8mb4_unicode_ci, under which all of these are equal.
  it('compare every text column byte for byte, whatever collation the database defaults to', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url));
    try {
      if (testDatabaseKind() === 'mysql') {
        const loose = await dataSource.query(
          `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLLATION_NAME AS collation FROM information_schema.COLUMNS
           WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' AND COLLATION_NAME IS NOT NULL AND COLLATION_NAME <> 'utf8mb4_bin'`,
        );
        expect(loose).toEqual([]);
      }
      const twins: [string, string][] = [
        ['case.example', 'CASE.example'],
        ['cafe.example', 'café.example'],
        ['🍎.example', '🍌.example'],
      ];
      let n = 10;
      for (const [one, other] of twins) {
        await insertTenant(dataSource, `01890000-0000-7000-8000-0000000000${n++}`, one, one);
        await insertTenant(dataSource, `01890000-0000-7000-8000-0000000000${n++}`, other, other);
        const [{ count }] = await dataSource.query('SELECT COUNT(*) AS count FROM tenants WHERE name = ?', [one]);
        expect(Number(count)).toBe(1);
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
