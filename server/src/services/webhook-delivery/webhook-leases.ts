import { In, type DataSource } from 'typeorm';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../../entities';
import type { TransactionRunner, WorkContext } from '../../db/transactions';

export interface DueDelivery {
  id: string;
  endpointId: string;
  /** The endpoint's owner (its tenant or partner); null once the endpoint is deleted. */
  ownerKey: string | null;
}

/** What this instance has no free slot for: endpoints, and owners at their share (SPEC §9). */
export interface FullSlots {
  endpoints: string[];
  owners: string[];
}

/**
 * The claims on webhook attempts (SPEC §7): a delivery is attempted by the instance whose conditional
 * update set its lease, and by nobody else until that lease expires. Every write goes through the
 * TransactionRunner (on SQLite it queues them behind the requests' transactions; on MariaDB/Galera it
 * retries a deadlock or certification failure, after which the row is found claimed: a lost claim).
 */
export class WebhookLeases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly context: WorkContext,
    readonly owner: string,
  ) {}

  /**
   * Pending deliveries due at `now` whose lease is free or expired, oldest due first (idx_webhook_deliveries_due),
   * with their endpoint's owner, leaving out the endpoints and owners this instance has no free slot for (so
   * their backlog cannot crowd the others out of the candidates).
   */
  async findDue(now: Date, limit: number, full: FullSlots = { endpoints: [], owners: [] }): Promise<DueDelivery[]> {
    const query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .leftJoin(WebhookEndpoint, 'e', 'e.id = d.endpointId')
      .select(['d.id AS id', 'd.endpointId AS endpointId', 'e.ownerKey AS ownerKey'])
      .where('d.status = :pending AND d.nextAttemptAt <= :now', { pending: WebhookDeliveryStatus.PENDING, now })
      .andWhere('(d.leaseExpiresAt IS NULL OR d.leaseExpiresAt < :now)', { now });
    if (full.endpoints.length > 0) query.andWhere('d.endpointId NOT IN (:...fullEndpoints)', { fullEndpoints: full.endpoints });
    if (full.owners.length > 0) query.andWhere('(e.ownerKey IS NULL OR e.ownerKey NOT IN (:...fullOwners))', { fullOwners: full.owners });
    const rows: DueDelivery[] = await query.orderBy('d.nextAttemptAt', 'ASC').limit(limit).getRawMany();
    return rows.map(({ id, endpointId, ownerKey }) => ({ id, endpointId, ownerKey: ownerKey ?? null }));
  }

  /**
   * Claims the candidates whose lease is still free, in one conditional update that also counts the attempt
   * (so a taken-over delivery is attempted under a new attempt number). Answers the ids this instance now
   * holds: those whose lease carries this claim's owner and expiry.
   */
  async claim(ids: string[], leaseMs: number): Promise<string[]> {
    if (ids.length === 0) return [];
    try {
      return await this.transactions.run(this.context, async (uow) => {
        const expires = new Date(uow.now.getTime() + leaseMs);
        const result = await uow.manager
          .createQueryBuilder()
          .update(WebhookDelivery)
          .set({ leaseOwner: this.owner, leaseExpiresAt: expires, attempts: () => 'attempts + 1' })
          .where('id IN (:...ids) AND status = :pending', { ids, pending: WebhookDeliveryStatus.PENDING })
          .andWhere('(leaseExpiresAt IS NULL OR leaseExpiresAt < :now)', { now: uow.now })
          .execute();
        if (result.affected === 0) return [];
        const held = await uow.manager.find(WebhookDelivery, {
          select: { id: true },
          where: { id: In(ids), leaseOwner: this.owner, leaseExpiresAt: expires },
        });
        return held.map((d) => d.id);
      });
    } catch (error) {
      // Conflicts past the runner's retries (CONFLICT): another instance holds these rows; try them later.
      if ((error as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT') return [];
      throw error;
    }
  }
}
