import type { EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { entities } from '../src/entities';
import { rowReader } from '../src/db/row-reader';
import { startTestServer, type TestServer } from './support/harness';

/**
 * db/row-reader.ts turns raw rows into entities through TypeORM internals (ColumnMetadata.setEntityValue,
 * driver.prepareHydratedValue), which is why server/package.json pins TypeORM's exact version. This is
 * the check to run when raising it: every entity read through rowReader is exactly what TypeORM's own
 * `find` returns, for a row with every nullable column null and one with every column set.
 */
describe('rowReader hydrates rows as TypeORM does', () => {
  let server: TestServer;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  /** A value for each column, distinct in every row (unique indexes); `empty` leaves nullable columns null. */
  function sampleRow(metadata: EntityMetadata, empty: boolean): ObjectLiteral {
    const row: ObjectLiteral = {};
    for (const column of metadata.columns) {
      const n = ++sequence;
      if (empty && column.isNullable) {
        row[column.propertyName] = null;
        continue;
      }
      // The column types the entities use; any other of the many TypeORM knows (or a constructor such as
      // String) falls to the default, which asks for a sample.
      switch (String(column.type)) {
        case 'varchar':
          row[column.propertyName] = String(n).padStart(Math.min(Number(column.length), 7), '0');
          break;
        case 'int':
          row[column.propertyName] = 1000 + n;
          break;
        case 'boolean':
          row[column.propertyName] = empty;
          break;
        case 'datetime':
          row[column.propertyName] = new Date(Date.UTC(2031, 4, 6, 7, 8, 9, n));
          break;
        case 'simple-json':
          row[column.propertyName] = { n, text: 'café 🍎', list: [1, null, true], nested: { at: '2031-05-06T07:08:09.001Z' } };
          break;
        default:
          throw new Error(`${metadata.name}.${column.propertyName}: no sample for column type ${String(column.type)}; add one`);
      }
    }
    return row;
  }

  it.each(entities.map((target) => [target.name, target as EntityTarget<ObjectLiteral>] as const))('%s', async (_name, target) => {
    const { dataSource } = server;
    const metadata = dataSource.getMetadata(target);
    const samples = [sampleRow(metadata, true), sampleRow(metadata, false)];
    // Only the samples: the migrations insert rows of their own (the test clock's one row).
    await dataSource.manager.clear(target);
    await dataSource.manager.insert(
      target,
      samples.map((row) => dataSource.manager.create(target, row)),
    );
    const key = (entity: ObjectLiteral) => metadata.primaryColumns.map((c) => entity[c.propertyName]).join('|');
    const byKey = (a: ObjectLiteral, b: ObjectLiteral) => key(a).localeCompare(key(b));

    const reader = rowReader(dataSource, target);
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT ${reader.columns('e')} FROM ${reader.table} e`);
    const hydrated = rows.map((row) => reader.hydrate(row)).sort(byKey);
    const found = (await dataSource.manager.find(target)).sort(byKey);

    expect(found).toHaveLength(2);
    expect(hydrated).toStrictEqual(found);
  });
});
