import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * The hot read paths (per-request loaders) send prebuilt SQL through `dataSource.query` and turn the rows
 * into entities here, the way TypeORM's own transformer does (metadata.create + driver.prepareHydratedValue
 * per column, in column order), without building a query and a result transformer for every statement.
 * Statements still go through the data source, so its logger sees every one of them. Those are TypeORM
 * internals: server/package.json pins its exact version, and server/test/row-reader.test.ts checks every
 * entity against TypeORM's own `find` before it is raised.
 */
export interface RowReader<T> {
  /** The escaped table name. */
  readonly table: string;
  /** `alias.col AS col, …` for every column of the entity. */
  columns(alias: string): string;
  /** An escaped column reference, `alias.col`. */
  column(alias: string, property: keyof T & string): string;
  hydrate(row: Record<string, unknown>): T;
}

const readers = new WeakMap<DataSource, Map<unknown, RowReader<ObjectLiteral>>>();

export function rowReader<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>): RowReader<T> {
  let perSource = readers.get(dataSource);
  if (!perSource) readers.set(dataSource, (perSource = new Map()));
  const cached = perSource.get(target);
  if (cached) return cached as RowReader<T>;

  const metadata = dataSource.getMetadata(target);
  const { driver } = dataSource;
  const q = (name: string) => driver.escape(name);
  const columns: ColumnMetadata[] = metadata.columns.filter((c) => !c.isVirtual && c.isSelect);
  const byProperty = new Map(columns.map((c) => [c.propertyName, c.databaseName]));
  const selections = new Map<string, string>();
  const reader: RowReader<T> = {
    table: q(metadata.tableName),
    columns(alias) {
      let list = selections.get(alias);
      if (!list) selections.set(alias, (list = columns.map((c) => `${q(alias)}.${q(c.databaseName)} AS ${q(c.databaseName)}`).join(', ')));
      return list;
    },
    column: (alias, property) => `${q(alias)}.${q(byProperty.get(property) ?? property)}`,
    hydrate(row) {
      const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
      for (const column of columns) {
        const value = row[column.databaseName];
        if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
      }
      return entity;
    },
  };
  perSource.set(target, reader as RowReader<ObjectLiteral>);
  return reader;
}

/** `?, ?, ?` for an IN list: both mysql2 and better-sqlite3 take positional parameters. */
export const placeholders = (count: number): string => (count === 1 ? '?' : `?${', ?'.repeat(count - 1)}`);
