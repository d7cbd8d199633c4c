import type { EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Subscription } from '../entities';
import { LostRace, type UnitOfWork } from './transactions';

/** A row that carries a version: every change bumps it, and a write is conditional on the one it read. */
interface Versioned {
  id: string;
  version: number;
  updatedAt: Date;
}

/** One conditional change: the row as read, the fields to write, and how many changes they make (0: bookkeeping). */
export interface VersionedWrite<T extends Versioned> {
  current: T;
  fields: Partial<T>;
  changes?: number;
}

/**
 * The one conditional versioned UPDATE: every row of `writes` changes only if it still has the version it was
 * read with, its version bumped by its number of changes and `updatedAt` set (not for 0 changes), the affected
 * rows checked. When another change got to any of them first it throws LostRace, and the unit of work runs
 * again on fresh rows. One statement for the whole list (the renewal sweep writes a batch of 200 at once):
 * `SET col = CASE id WHEN … END` for the columns that differ between rows. Returns the rows as written.
 */
export async function updateAllIfVersion<T extends Versioned>(
  uow: UnitOfWork,
  target: EntityTarget<T> & (new () => T),
  writes: readonly VersionedWrite<T>[],
): Promise<T[]> {
  if (writes.length === 0) return [];
  const { connection } = uow.manager;
  const metadata = connection.getMetadata(target);
  const { driver } = connection;
  const q = (name: string) => driver.escape(name);
  const rows = writes.map(({ current, fields, changes = 1 }) => ({
    current,
    values: (changes === 0 ? { ...fields } : { ...fields, version: current.version + changes, updatedAt: uow.now }) as Partial<T>,
  }));

  const columns = new Map<string, ColumnMetadata>();
  for (const { values } of rows) {
    for (const [property, value] of Object.entries(values)) {
      if (value === undefined || columns.has(property)) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      columns.set(property, column);
    }
  }
  if (columns.size === 0) throw new Error('a versioned write needs at least one field');
  const stored = (column: ColumnMetadata, value: unknown) => driver.preparePersistentValue(value, column) as unknown;

  const params: unknown[] = [];
  const id = q('id');
  const version = q('version');
  let sql: string;
  if (rows.length === 1) {
    const [{ current, values }] = rows;
    const sets = [...columns].map(([property, column]) => {
      params.push(stored(column, values[property as keyof T]));
      return `${q(column.databaseName)} = ?`;
    });
    params.push(current.id, current.version);
    sql = `UPDATE ${q(metadata.tableName)} SET ${sets.join(', ')} WHERE ${id} = ? AND ${version} = ?`;
  } else {
    const sets = [...columns].map(([property, column]) => {
      const name = q(column.databaseName);
      const cases: string[] = [];
      for (const { current, values } of rows) {
        const value = values[property as keyof T];
        if (value === undefined) continue;
        cases.push('WHEN ? THEN ?');
        params.push(current.id, stored(column, value));
      }
      return `${name} = CASE ${id} ${cases.join(' ')} ELSE ${name} END`;
    });
    const ids = rows.map(({ current }) => current.id);
    params.push(...ids);
    for (const { current } of rows) params.push(current.id, current.version);
    sql =
      `UPDATE ${q(metadata.tableName)} SET ${sets.join(', ')} WHERE ${id} IN (${ids.map(() => '?').join(', ')}) ` +
      `AND ${version} = CASE ${id} ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  }
  const result = await uow.manager.queryRunner!.query(sql, params, true);
  if (result.affected !== rows.length) throw new LostRace();
  return rows.map(({ current, values }) => Object.assign(new target(), current, values));
}

/** updateAllIfVersion of one subscription. `changes` counts the changes the write makes at once; 0 writes bookkeeping. */
export async function updateIfVersion(
  uow: UnitOfWork,
  current: Subscription,
  fields: Partial<Subscription>,
  changes = 1,
): Promise<Subscription> {
  const [written] = await updateAllIfVersion(uow, Subscription, [{ current, fields, changes }]);
  return written;
}

/** updateAllIfVersion of one row of another versioned table (webhook endpoints). */
export async function updateRowIfVersion<T extends Versioned>(
  uow: UnitOfWork,
  target: EntityTarget<T> & (new () => T),
  current: T,
  changes: Partial<T>,
): Promise<T> {
  const [written] = await updateAllIfVersion(uow, target, [{ current, fields: changes }]);
  return written;
}
