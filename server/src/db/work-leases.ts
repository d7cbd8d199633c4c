import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from 'typeorm';
import { WorkLease } from '../entities';
import { isUniqueViolation } from './unique-violation';

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
