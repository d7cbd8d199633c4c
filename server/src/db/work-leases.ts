import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from 'typeorm';
import { WorkLease } from '../entities';
import { isUniqueViolation } from './unique-violation';
import { LostRace } from './transactions';

/** This process's name in the leases it holds: host, process and a random part (two apps in one process differ). */
export function newLeaseOwner(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface LeaseClaim {
  kind: string;
  itemId: string;
  owner: string;
  now: Date;
  ttlMs: number;
}

/**
 * Claims one item for `owner` until now + ttl (SPEC §7): takes over a lease that has expired (or that
 * `owner` itself left behind) by a conditional update, else inserts a new one; a live lease of another
 * instance, or a concurrent claim that wins, makes it false. Run it in its own unit of work and commit before
 * doing the work, so other instances see the claim; Galera certification failures are retried there.
 */
export async function claimLease(manager: EntityManager, claim: LeaseClaim): Promise<boolean> {
  const expiresAt = new Date(claim.now.getTime() + claim.ttlMs);
  const takenOver = await manager
    .createQueryBuilder()
    .update(WorkLease)
    .set({ owner: claim.owner, expiresAt })
    .where('kind = :kind AND itemId = :itemId AND (expiresAt <= :now OR owner = :owner)', claim)
    .execute();
  if (takenOver.affected === 1) return true;
  try {
    await manager.insert(WorkLease, { kind: claim.kind, itemId: claim.itemId, owner: claim.owner, expiresAt });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Ends `owner`'s lease on an item; run it in the unit of work that does the work, so both commit together. */
export async function releaseLease(manager: EntityManager, lease: Pick<LeaseClaim, 'kind' | 'itemId' | 'owner'>): Promise<void> {
  await manager.delete(WorkLease, { kind: lease.kind, itemId: lease.itemId, owner: lease.owner });
}

/** Deletes leases of `kind` that expired before `before`: claims on items nobody will ask for again (a reactivated subscription). One statement. */
export async function pruneLeases(manager: EntityManager, kind: string, before: Date): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .delete()
    .from(WorkLease)
    .where('kind = :kind AND expiresAt < :before', { kind, before })
    .execute();
  return result.affected ?? 0;
}

/**
 * claimLease for a batch of items in one unit of work (the lifecycle sweep's batches): takes over the expired
 * or own leases in one UPDATE, inserts the missing ones in one INSERT, and answers the items now held by
 * `owner`. A concurrent claim of one of the missing items makes the INSERT fail: the unit of work then runs
 * again (LostRace) and finds that lease taken.
 */
export async function claimLeases(
  manager: EntityManager,
  claim: Omit<LeaseClaim, 'itemId'> & { itemIds: readonly string[] },
): Promise<string[]> {
  if (claim.itemIds.length === 0) return [];
  const expiresAt = new Date(claim.now.getTime() + claim.ttlMs);
  const inBatch = { kind: claim.kind, itemIds: [...claim.itemIds] };
  await manager
    .createQueryBuilder()
    .update(WorkLease)
    .set({ owner: claim.owner, expiresAt })
    .where('kind = :kind AND itemId IN (:...itemIds) AND (expiresAt <= :now OR owner = :owner)', {
      ...inBatch,
      now: claim.now,
      owner: claim.owner,
    })
    .execute();
  const held = await manager
    .createQueryBuilder(WorkLease, 'l')
    .select(['l.itemId', 'l.owner'])
    .where('l.kind = :kind AND l.itemId IN (:...itemIds)', inBatch)
    .getMany();
  const leased = new Map(held.map((lease) => [lease.itemId, lease.owner]));
  const missing = claim.itemIds.filter((itemId) => !leased.has(itemId));
  if (missing.length > 0) {
    try {
      await manager.insert(
        WorkLease,
        missing.map((itemId) => ({ kind: claim.kind, itemId, owner: claim.owner, expiresAt })),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new LostRace();
      throw error;
    }
  }
  return claim.itemIds.filter((itemId) => !leased.has(itemId) || leased.get(itemId) === claim.owner);
}

/** releaseLease for a batch: one DELETE, in the unit of work that did the work. */
export async function releaseLeases(
  manager: EntityManager,
  lease: { kind: string; owner: string; itemIds: readonly string[] },
): Promise<void> {
  if (lease.itemIds.length === 0) return;
  await manager
    .createQueryBuilder()
    .delete()
    .from(WorkLease)
    .where('kind = :kind AND owner = :owner AND itemId IN (:...itemIds)', {
      kind: lease.kind,
      owner: lease.owner,
      itemIds: [...lease.itemIds],
    })
    .execute();
}
