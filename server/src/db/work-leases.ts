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
 * Claims a batch of items for `owner` until now + ttl in one unit of work (SPEC §7; the lifecycle sweep's batches): takes over the expired
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

/** Ends `owner`'s leases on a batch of items in one DELETE; run it in the unit of work that did the work, so both commit together. */
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
