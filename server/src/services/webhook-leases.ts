import { In, type DataSource } from 'typeorm';
import { WebhookDelivery, WebhookDeliveryStatus } from '../entities';
import type { TransactionRunner, WorkContext } from '../db/transactions';

export interface DueDelivery {
  id: string;
  endpointId: string;
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
   * leaving out the endpoints this instance has no free slot for (so they cannot crowd out the others).
   */
  findDue(now: Date, limit: number, fullEndpoints: string[] = []): Promise<DueDelivery[]> {
    const query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .select(['d.id', 'd.endpointId'])
      .where('d.status = :pending AND d.nextAttemptAt <= :now', { pending: WebhookDeliveryStatus.PENDING, now })
      .andWhere('(d.leaseExpiresAt IS NULL OR d.leaseExpiresAt < :now)', { now });
    if (fullEndpoints.length > 0) query.andWhere('d.endpointId NOT IN (:...fullEndpoints)', { fullEndpoints });
    return query.orderBy('d.nextAttemptAt', 'ASC').limit(limit).getMany();
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
