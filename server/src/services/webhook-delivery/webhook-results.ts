import { tenantOfWebhookOwner, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../../entities';
import type { TransactionRunner, UnitOfWork, WorkContext } from '../../db/transactions';
import { updateRowIfVersion } from '../../db/versioned-writes';
import { retryDelaySeconds } from '../../domain/webhook-backoff';
import type { AttemptOutcome } from './webhook-attempt';
import type { AuditService } from '../audit.service';

/** An endpoint whose deliveries have only failed for this long is disabled (SPEC §6). */
const DISABLE_AFTER_FAILING_MS = 72 * 3_600_000;

export interface WebhookResultsSettings {
  retryBaseSeconds: number;
  maxAttempts: number;
}

export interface AttemptResult {
  deliveryId: string;
  endpointId: string;
  /** Whether the endpoint had a failure streak when the attempt was claimed. */
  endpointWasFailing: boolean;
  /** The number of this attempt (the claim counted it). */
  attempt: number;
  startedAt: Date;
  outcome: AttemptOutcome;
}

/**
 * Writes what an attempt came to, in one unit of work: the delivery (SUCCEEDED; PENDING again after a
 * backoff; FAILED after the last attempt), its lease released, and the endpoint's failure streak, which
 * after 72 hours of nothing but failures disables the endpoint with a `webhookEndpoint.disabled` event.
 * Every write is conditional on this instance still holding the lease: one that lost it records nothing.
 */
export class WebhookResults {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly context: WorkContext,
    private readonly owner: string,
    private readonly settings: WebhookResultsSettings,
  ) {}

  /**
   * Records several attempts' outcomes in one unit of work (attempts end together under load: one commit for
   * all of them). Answers, for each, false when its lease had been lost (expired and taken over): then
   * nothing was written for it.
   */
  recordAll(results: readonly AttemptResult[]): Promise<boolean[]> {
    return this.transactions.run(this.context, async (uow) => {
      const held: boolean[] = [];
      const streaksToEnd = new Set<string>();
      for (const result of results) {
        const written = await this.writeOutcome(uow, result);
        held.push(written);
        if (!written) continue;
        // The common case, a success on an endpoint that was not failing, only checks for a new streak.
        if (result.outcome.succeeded && !result.endpointWasFailing) streaksToEnd.add(result.endpointId);
        else await this.trackFailureStreak(uow, result.endpointId, result.outcome);
      }
      for (const endpointId of streaksToEnd) await this.endStreakIfAny(uow, endpointId);
      return held;
    });
  }

  private async writeOutcome(uow: UnitOfWork, result: AttemptResult): Promise<boolean> {
    const { outcome, attempt } = result;
    const finalFailure = !outcome.succeeded && attempt >= this.settings.maxAttempts;
    const status = outcome.succeeded
      ? WebhookDeliveryStatus.SUCCEEDED
      : finalFailure
        ? WebhookDeliveryStatus.FAILED
        : WebhookDeliveryStatus.PENDING;
    const nextAttemptAt =
      status === WebhookDeliveryStatus.PENDING
        ? new Date(uow.now.getTime() + retryDelaySeconds(attempt, this.settings.retryBaseSeconds) * 1000)
        : null;
    return this.releaseLease(uow, result.deliveryId, {
      status,
      nextAttemptAt,
      lastAttemptAt: result.startedAt,
      lastResponseStatus: outcome.status,
      lastError: outcome.error,
      lastResponseBody: outcome.body,
    });
  }

  /**
   * A claimed delivery whose endpoint is disabled or deleted: it is not attempted (nor counted as an
   * attempt) and ends FAILED with the reason, so it leaves the queue; redeliverWebhook sends it again.
   */
  notAttempted(deliveryId: string, reason: string): Promise<boolean> {
    return this.transactions.run(this.context, (uow) =>
      this.releaseLease(uow, deliveryId, {
        status: WebhookDeliveryStatus.FAILED,
        nextAttemptAt: null,
        lastError: reason,
        attempts: () => 'attempts - 1',
      }),
    );
  }

  private async releaseLease(uow: UnitOfWork, id: string, values: Record<string, unknown>): Promise<boolean> {
    const written = await uow.manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ ...values, leaseOwner: null, leaseExpiresAt: null })
      .where('id = :id AND leaseOwner = :owner', { id, owner: this.owner })
      .execute();
    return written.affected === 1;
  }

  /**
   * A success ends a failure streak another instance may have started since the claim: one statement that
   * usually changes no row. failingSince is the dispatcher's own bookkeeping, so it is not versioned: a
   * concurrent change of the endpoint by its owner neither conflicts with it nor is undone by it.
   */
  private async endStreakIfAny(uow: UnitOfWork, endpointId: string): Promise<void> {
    await uow.manager
      .createQueryBuilder()
      .update(WebhookEndpoint)
      .set({ failingSince: null })
      .where('id = :id AND failingSince IS NOT NULL', { id: endpointId })
      .execute();
  }

  private async trackFailureStreak(uow: UnitOfWork, endpointId: string, outcome: AttemptOutcome): Promise<void> {
    // Read without a lock: most attempts change nothing here, and a change is a versioned write (a
    // concurrent one makes the unit of work run again on the fresh row).
    const endpoint = await uow.manager.findOneBy(WebhookEndpoint, { id: endpointId });
    if (!endpoint) return;
    if (outcome.succeeded) {
      if (endpoint.failingSince) await updateRowIfVersion(uow, WebhookEndpoint, endpoint, { failingSince: null });
      return;
    }
    if (!endpoint.failingSince) {
      await updateRowIfVersion(uow, WebhookEndpoint, endpoint, { failingSince: uow.now });
      return;
    }
    if (!endpoint.enabled || uow.now.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_FAILING_MS) return;
    const disabledReason = `Disabled automatically: every delivery attempt failed for 72 hours (last: ${outcome.error}).`.slice(0, 255);
    const after = await updateRowIfVersion(uow, WebhookEndpoint, endpoint, { enabled: false, disabledReason });
    await this.audit.record(
      uow,
      {
        action: 'webhookEndpoint.disabled',
        targetType: 'WebhookEndpoint',
        targetId: endpoint.id,
        tenantId: tenantOfWebhookOwner(endpoint.ownerKey),
        before: endpoint,
        after,
      },
      { ownerKey: endpoint.ownerKey },
    );
  }
}
