import type { EntityTarget } from 'typeorm';
import { Subscription } from '../entities';
import { LostRace, type UnitOfWork } from './transactions';

/**
 * The one writer of subscription changes: `UPDATE … WHERE id = ? AND version = ?`, the version bumped and
 * `updatedAt` set, the affected rows checked. When another change got there first it throws LostRace, and
 * the unit of work runs again on the fresh row. Returns the row as this change wrote it. `changes` counts the
 * changes the write makes at once (a sweep catching up several terms); 0 writes bookkeeping that is no change.
 */
export async function updateIfVersion(uow: UnitOfWork, current: Subscription, fields: Partial<Subscription>, changes = 1): Promise<Subscription> {
  const values = changes === 0 ? { ...fields } : { ...fields, version: current.version + changes, updatedAt: uow.now };
  const result = await uow.manager
    .createQueryBuilder()
    .update(Subscription)
    .set(values)
    .where('id = :id AND version = :version', { id: current.id, version: current.version })
    .execute();
  if (result.affected !== 1) throw new LostRace();
  return Object.assign(new Subscription(), current, values);
}

/** updateIfVersion for other versioned rows (webhook endpoints): the same conditional UPDATE on `version`. */
export async function updateRowIfVersion<T extends { id: string; version: number; updatedAt: Date }>(
  uow: UnitOfWork,
  target: EntityTarget<T> & (new () => T),
  current: T,
  changes: Partial<T>,
): Promise<T> {
  const values = { ...changes, version: current.version + 1, updatedAt: uow.now };
  const result = await uow.manager
    .createQueryBuilder()
    .update(target)
    .set(values as never)
    .where('id = :id AND version = :version', { id: current.id, version: current.version })
    .execute();
  if (result.affected !== 1) throw new LostRace();
  return Object.assign(new target(), current, values);
}
