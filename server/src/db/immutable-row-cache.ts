import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Offers and partners are never changed or deleted once created (no mutation does it), and every caller
 * may load them by id (scope is checked where they are reached). Rows read once are kept by the process,
 * per data source and entity, for a short while, so the catalog and partner names cost no statement on
 * most requests. The TTL bounds staleness should an edit mutation ever appear, or a row be written by
 * another process; set it to 0 to turn the cache off.
 */
const IMMUTABLE_ROW_TTL_MS = 30_000;
const MAX_ROWS = 20_000;

export class ImmutableRowCache<T extends { id: string }> {
  private readonly rows = new Map<string, { row: T; until: number }>();

  /** The row, when this process read it less than IMMUTABLE_ROW_TTL_MS ago. */
  get(id: string, now = Date.now()): T | undefined {
    const hit = this.rows.get(id);
    return hit && hit.until > now ? hit.row : undefined;
  }

  /** Keeps a row just read from the database. */
  put(row: T, now = Date.now()): void {
    if (this.rows.size >= MAX_ROWS) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.id, { row, until: now + IMMUTABLE_ROW_TTL_MS });
  }

  forget(id?: string): void {
    if (id === undefined) this.rows.clear();
    else this.rows.delete(id);
  }
}

const caches = new WeakMap<DataSource, Map<unknown, ImmutableRowCache<{ id: string }>>>();

/** The process's cache of one entity's rows read from a data source. */
export function immutableRowCache<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  target: EntityTarget<T>,
): ImmutableRowCache<T> {
  let perSource = caches.get(dataSource);
  if (!perSource) caches.set(dataSource, (perSource = new Map()));
  let cache = perSource.get(target);
  if (!cache) perSource.set(target, (cache = new ImmutableRowCache()));
  return cache as ImmutableRowCache<T>;
}

/**
 * Called once a row is inserted: a row of the same id this process still holds (one deleted outside the
 * API, then created again under the same Partner ID) is read afresh.
 */
export function forgetImmutableRow<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  id: string,
): void {
  caches.get(dataSource)?.get(target)?.forget(id);
}

/** Empties the process's cache for a data source (tests that count statements). */
export function forgetImmutableRows(dataSource: DataSource): void {
  for (const cache of caches.get(dataSource)?.values() ?? []) cache.forget();
}
