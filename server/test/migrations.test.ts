import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config';
import { dataSourceOptions, detectMariaDb, openDatabase } from '../src/db/data-source';
import { createTestDatabase, type TestDatabase } from './support/database';

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

  it('enforce the unique constraints the contract relies on', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url));
    try {
      const insertTenant = (id: string) =>
        dataSource.query(
          'INSERT INTO tenants (id, name, domain, countryCode, billingManagedById, createdAt) VALUES (?, ?, ?, ?, NULL, ?)',
          [id, 'T', 'same.example', 'US', '2026-01-01 00:00:00.000'],
        );
      await insertTenant('01890000-0000-7000-8000-000000000001');
      await expect(insertTenant('01890000-0000-7000-8000-000000000002')).rejects.toThrow();
    } finally {
      await dataSource.destroy();
    }
  });
});
