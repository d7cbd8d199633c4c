import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { In, type DataSource } from 'typeorm';
import type { Actor } from '../../domain/actor';
import type { Clock } from '../../domain/clock';
import type { WebhookConfig } from '../../config';
import type { Metrics } from '../../metrics';
import { AuditEvent, WebhookDelivery, WebhookEndpoint } from '../../entities';
import type { TransactionRunner, WorkContext } from '../../db/transactions';
import { signatureHeader, signingSecrets } from '../../domain/webhook-signature';
import { attemptDelivery, keepAliveAgents, type AttemptOutcome, type AttemptRequest } from './webhook-attempt';
import { webhookBody } from './webhook-payload';
import { guardedLookup, resolveDeliverableAddresses } from './webhook-target';
import { WebhookLeases, type DueDelivery } from './webhook-leases';
import { WebhookResults, type AttemptResult } from './webhook-results';
import type { AuditService } from '../audit.service';

/**
 * Attempts in flight at once: per endpoint (a slow receiver does not hold every slot), per owner (one owner's
 * 16 silent receivers leave the other owners most of the slots: SPEC §9), and in all.
 */
const MAX_IN_FLIGHT_PER_ENDPOINT = 4;
export const MAX_IN_FLIGHT_PER_OWNER = 8;
const MAX_IN_FLIGHT = 32;
/** How long an idle dispatcher waits before looking again (work found: it looks again at once). */
const IDLE_POLL_MS = 1_000;
/** A claim outlasts its attempt's timeout by this much and more, so nobody else claims what may be in flight. */
const LEASE_MARGIN_MS = 15_000;
const CANDIDATES_PER_POLL = 100;
/**
 * Commits that queue deliveries wake the dispatcher at most this often. Woken by each, under write load it
 * polled once per mutation, most polls finding the endpoint's slots full; gathered, one poll claims what a
 * few dozen commits queued. A freed slot still wakes it at once.
 */
const COMMIT_WAKE_GAP_MS = 25;

const SYSTEM_ACTOR: Actor = { subject: 'system:webhooks', roles: [], tenantId: null, partnerId: null };

/** The part of a pino logger the dispatcher writes to. */
interface DispatcherLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface DispatcherOptions {
  clock: Clock;
  config: WebhookConfig;
  metrics?: Metrics;
  log: DispatcherLog;
}

/**
 * How every attempt is guarded unless private networks are allowed: the host is resolved and checked before
 * each attempt, and a new connection goes through the lookup that connects only to checked addresses.
 */
function addressGuard(allowPrivateNetworks: boolean): Pick<AttemptRequest, 'lookup' | 'checkAddress'> {
  if (allowPrivateNetworks) return {};
  return {
    lookup: guardedLookup({ allowPrivateNetworks }),
    checkAddress: async (host) => {
      await resolveDeliverableAddresses(host, { allowPrivateNetworks });
    },
  };
}

/** A claimed delivery with what its attempt needs, loaded for a whole claim at once. */
interface ClaimedWork {
  delivery: WebhookDelivery;
  endpoint: WebhookEndpoint | undefined;
  event: AuditEvent | undefined;
}

/**
 * Makes the webhook attempts of this server instance (SPEC §6, §7): polls for due deliveries, claims each
 * with a lease, POSTs it, records the outcome. Runs in every instance; the leases make each attempt one
 * instance's. Mutations only queue deliveries (in their own transaction); everything after that happens
 * here, in the dispatcher's own short transactions, so nothing about delivery can slow or fail them.
 */
export class WebhookDispatcher {
  private readonly owner = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly leases: WebhookLeases;
  private readonly results: WebhookResults;
  private readonly guard: Pick<AttemptRequest, 'lookup' | 'checkAddress'>;
  /** Receivers' connections, kept between attempts (a TLS handshake per attempt cost more than the attempt). */
  private readonly agents = keepAliveAgents(MAX_IN_FLIGHT_PER_ENDPOINT);
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly inFlightPerEndpoint = new Map<string, number>();
  private readonly inFlightPerOwner = new Map<string, number>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private wakeRequested = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  /** Outcomes waiting to be recorded together, and the recording in progress (see record). */
  private unrecorded: { result: AttemptResult; done: (held: boolean) => void; failed: (error: unknown) => void }[] = [];
  private recording: Promise<void> | undefined;
  /** Polling has failed since the last success (the database is unreachable): logged once per streak. */
  private pollFailing = false;

  constructor(
    private readonly dataSource: DataSource,
    transactions: TransactionRunner,
    audit: AuditService,
    private readonly options: DispatcherOptions,
  ) {
    // The request id of what it writes (a webhookEndpoint.disabled event): this instance, within the column's 64.
    const context: WorkContext = { actor: SYSTEM_ACTOR, requestId: `webhooks-${this.owner}`.slice(0, 64), clock: options.clock };
    this.guard = addressGuard(options.config.allowPrivateNetworks);
    this.leases = new WebhookLeases(dataSource, transactions, context, this.owner);
    this.results = new WebhookResults(transactions, audit, context, this.owner, options.config);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming; attempts in flight finish (each within its timeout) and are recorded. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.wakeTimer);
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight.values());
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Looks for due deliveries now rather than at the next poll (e.g. this instance just committed some). */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Wakes the dispatcher within COMMIT_WAKE_GAP_MS: for commits that queued deliveries. */
  wakeSoon(): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wake();
    }, COMMIT_WAKE_GAP_MS);
    this.wakeTimer.unref();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.claimDue();
        if (this.pollFailing) this.options.log.info({}, 'webhook dispatcher: looking for due deliveries works again');
        this.pollFailing = false;
      } catch (error) {
        if (!this.pollFailing) {
          this.options.log.warn(
            { err: describe(error) },
            'webhook dispatcher: looking for due deliveries failed; trying again every second',
          );
        }
        this.pollFailing = true;
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() clears `running` while the awaits above are pending; TS cannot see that
      if (!this.running) break;
      if (claimed === 0 || this.inFlight.size >= MAX_IN_FLIGHT) await this.idle(IDLE_POLL_MS);
    }
  }

  /** Waits `ms`, or less when woken (a slot freed, new work committed, stop). */
  private idle(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = () => {
        this.wakeRequested = false;
        finish();
      };
    });
  }

  /** Claims as many due deliveries as there are free slots, and starts their attempts. */
  private async claimDue(): Promise<number> {
    const free = MAX_IN_FLIGHT - this.inFlight.size;
    if (free <= 0) return 0;
    const now = this.options.clock.now();
    const atCap = (counts: Map<string, number>, cap: number) => [...counts].filter(([, busy]) => busy >= cap).map(([key]) => key);
    const full = {
      endpoints: atCap(this.inFlightPerEndpoint, MAX_IN_FLIGHT_PER_ENDPOINT),
      owners: atCap(this.inFlightPerOwner, MAX_IN_FLIGHT_PER_OWNER),
    };
    const due = await this.leases.findDue(now, CANDIDATES_PER_POLL, full);
    const perEndpoint = new Map(this.inFlightPerEndpoint);
    const perOwner = new Map(this.inFlightPerOwner);
    // The owners with the fewest attempts in flight go first; within an owner, the oldest due.
    const byShare = due
      .map((delivery, order) => ({ delivery, order, share: perOwner.get(ownerOf(delivery)) ?? 0 }))
      .sort((a, b) => a.share - b.share || a.order - b.order)
      .map(({ delivery }) => delivery);
    const chosen = byShare.filter((delivery) => {
      const busy = perEndpoint.get(delivery.endpointId) ?? 0;
      const owned = perOwner.get(ownerOf(delivery)) ?? 0;
      if (this.inFlight.has(delivery.id) || busy >= MAX_IN_FLIGHT_PER_ENDPOINT || owned >= MAX_IN_FLIGHT_PER_OWNER) return false;
      perEndpoint.set(delivery.endpointId, busy + 1);
      perOwner.set(ownerOf(delivery), owned + 1);
      return true;
    });
    const claimed = await this.leases.claim(
      chosen.slice(0, free).map((d) => d.id),
      this.leaseMs(),
    );
    for (const work of await this.load(claimed)) this.track(work);
    return claimed.length;
  }

  /** The claimed deliveries still held by this instance, their endpoints (with secrets) and events: three reads for a claim. */
  private async load(ids: string[]): Promise<ClaimedWork[]> {
    if (ids.length === 0) return [];
    const deliveries = await this.dataSource.getRepository(WebhookDelivery).findBy({ id: In(ids), leaseOwner: this.owner });
    if (deliveries.length === 0) return [];
    const endpoints = await this.dataSource
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('e')
      .addSelect(['e.secret', 'e.previousSecret'])
      .where('e.id IN (:...ids)', { ids: [...new Set(deliveries.map((d) => d.endpointId))] })
      .getMany();
    const events = await this.dataSource.getRepository(AuditEvent).findBy({ id: In([...new Set(deliveries.map((d) => d.eventId))]) });
    const endpointById = new Map(endpoints.map((e) => [e.id, e]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    return deliveries.map((delivery) => ({
      delivery,
      endpoint: endpointById.get(delivery.endpointId),
      event: eventById.get(delivery.eventId),
    }));
  }

  private leaseMs(): number {
    return 2 * this.options.config.timeoutMs + LEASE_MARGIN_MS;
  }

  private track(claimed: ClaimedWork): void {
    const { id, endpointId } = claimed.delivery;
    const owner = claimed.endpoint?.ownerKey ?? NO_OWNER;
    increment(this.inFlightPerEndpoint, endpointId, 1);
    increment(this.inFlightPerOwner, owner, 1);
    const work = this.deliver(claimed)
      .catch((error) => this.options.log.warn({ deliveryId: id, err: describe(error) }, 'webhook attempt could not be recorded'))
      .finally(() => {
        this.inFlight.delete(id);
        increment(this.inFlightPerEndpoint, endpointId, -1);
        increment(this.inFlightPerOwner, owner, -1);
        this.wake();
      });
    this.inFlight.set(id, work);
  }

  /** One claimed delivery: attempted unless its endpoint is gone or disabled, then recorded. */
  private async deliver({ delivery, endpoint, event }: ClaimedWork): Promise<void> {
    const { id } = delivery;
    // A disabled endpoint receives only the test events its owner asks for (sendTestWebhook).
    if (!endpoint || !event || (!endpoint.enabled && event.action !== 'webhook.test')) {
      const reason = !endpoint ? 'the endpoint was deleted' : !event ? 'the event no longer exists' : 'the endpoint is disabled';
      await this.results.notAttempted(id, `not attempted: ${reason}`);
      return;
    }
    const startedAt = this.options.clock.now();
    this.options.metrics?.webhookLag.observe(Math.max(0, (startedAt.getTime() - event.at.getTime()) / 1000));
    const body = webhookBody(event);
    const outcome = await attemptDelivery({
      url: endpoint.url,
      body,
      timeoutMs: this.options.config.timeoutMs,
      agents: this.agents,
      ...this.guard,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tenantry-Webhooks',
        'tenantry-event-id': event.id,
        'tenantry-event-type': event.action,
        'tenantry-delivery-id': delivery.id,
        'tenantry-delivery-attempt': String(delivery.attempts),
        'tenantry-signature': signatureHeader(body, signingSecrets(endpoint, startedAt), startedAt),
      },
    });
    const held = await this.record({
      deliveryId: id,
      endpointId: endpoint.id,
      endpointWasFailing: endpoint.failingSince !== null,
      attempt: delivery.attempts,
      startedAt,
      outcome,
    });
    this.count(outcome, delivery.attempts, held);
    if (!outcome.succeeded) {
      this.options.log.warn(
        {
          deliveryId: id,
          endpointId: endpoint.id,
          eventId: event.id,
          attempt: delivery.attempts,
          status: outcome.status,
          reason: outcome.error,
        },
        'webhook attempt failed',
      );
    }
    if (!held) {
      this.options.log.warn(
        { deliveryId: id },
        'webhook attempt not recorded: its lease had expired (another instance took it over) or the delivery was deleted',
      );
    }
  }

  /**
   * Records an outcome with those that end while an earlier recording commits: one unit of work for them
   * all. Answers whether this instance still held the lease (else nothing was written for it).
   */
  private record(result: AttemptResult): Promise<boolean> {
    const recorded = new Promise<boolean>((done, failed) => this.unrecorded.push({ result, done, failed }));
    this.recording ??= this.recordWaiting();
    return recorded;
  }

  private async recordWaiting(): Promise<void> {
    while (this.unrecorded.length > 0) {
      const batch = this.unrecorded;
      this.unrecorded = [];
      try {
        const held = await this.results.recordAll(batch.map((b) => b.result));
        batch.forEach((b, i) => b.done(held[i]!));
      } catch (error) {
        for (const b of batch) b.failed(error);
      }
    }
    this.recording = undefined;
  }

  private count(outcome: AttemptOutcome, attempt: number, recorded: boolean): void {
    if (!recorded) return;
    const result = outcome.succeeded ? 'succeeded' : attempt >= this.options.config.maxAttempts ? 'failed' : 'retrying';
    this.options.metrics?.webhookDeliveries.inc({ result });
  }
}

/** Deliveries of a deleted endpoint: they are only marked, never attempted, so they share one key. */
const NO_OWNER = '';
const ownerOf = (delivery: DueDelivery): string => delivery.ownerKey ?? NO_OWNER;

/** Adds `by` to a count, forgetting it at 0. */
function increment(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/** An error for the log: its code and message only (a driver error's message may quote SQL, never here). */
function describe(error: unknown): { code?: string; message?: string } {
  const e = error as { code?: string; errno?: number; message?: string } | null | undefined;
  return { code: e?.code ?? (e?.errno ? String(e.errno) : undefined), message: e?.code ? undefined : e?.message?.slice(0, 200) };
}
