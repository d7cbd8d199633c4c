import type { DataSource } from 'typeorm';
import type { Clock } from '../domain/clock';
import type { DomainClock } from '../db/domain-clock';
import type { Metrics } from '../metrics';
import { AccessPolicy } from '../auth/access-policy';
import { TransactionRunner } from '../db/transactions';
import { AuditService } from './audit.service';
import { IdempotencyService } from './idempotency.service';
import { LifecycleService } from './lifecycle.service';
import { OfferService } from './offer.service';
import { PartnerService } from './partner.service';
import { RelationshipService } from './relationship.service';
import { SubscriptionService } from './subscription.service';
import { TenantService } from './tenant.service';
import { TestClockService } from './test-clock.service';
import { LiveEventsService, type LiveEventsOptions } from './live-events/live-events';
import { WebhookService, type WebhookServiceOptions } from './webhook.service';

export interface Services {
  /** Scope and visibility: the one AccessPolicy every service and the GraphQL layer ask. */
  access: AccessPolicy;
  transactions: TransactionRunner;
  audit: AuditService;
  idempotency: IdempotencyService;
  partners: PartnerService;
  offers: OfferService;
  tenants: TenantService;
  subscriptions: SubscriptionService;
  relationships: RelationshipService;
  lifecycle: LifecycleService;
  /** Live updates (SPEC §6): the audit events each WebSocket subscriber may read, from any instance. */
  liveEvents: LiveEventsService;
  webhooks: WebhookService;
  /** The test clock (SPEC §8): reads and moves domain time. */
  testClock: TestClockService;
}

export interface ServicesOptions {
  /** Domain time (SPEC §8): what every rule and every timestamp a change writes reads. */
  clock: DomainClock;
  /** Wall-clock time: webhook retry times and signing, leases, the delivery log's pruning. */
  wallClock: Clock;
  /** TEST_CLOCK=enabled: a platform admin may move domain time. */
  testClockEnabled: boolean;
  /** The sweep after a test clock move failed (the move stands; the periodic sweep catches up). */
  onTestClockSweepError?: (error: unknown) => void;
  retentionDays: number;
  /** RENEWAL_NOTICE_DAYS: how long before a term ends its subscription.termEnding notice is written. */
  renewalNoticeDays: number;
  metrics?: Metrics;
  liveEvents?: LiveEventsOptions;
  webhooks?: WebhookServiceOptions;
}

/** The look-back of live updates when none is given: a transaction of the default request timeout, and a margin. */
const LIVE_EVENTS_LOOKBACK_MS = 15_000;

export function createServices(dataSource: DataSource, options: ServicesOptions): Services {
  const access = new AccessPolicy();
  const transactions = new TransactionRunner(dataSource, options.metrics);
  const audit = new AuditService(dataSource, access, options.wallClock);
  const idempotency = new IdempotencyService(dataSource, transactions);
  const partners = new PartnerService(dataSource, access, transactions, audit);
  const offers = new OfferService(dataSource, access, transactions, audit, partners);
  const relationships = new RelationshipService(dataSource, access, transactions, audit);
  const webhooks = new WebhookService(
    dataSource,
    access,
    transactions,
    audit,
    options.webhooks ?? { production: false, allowPrivateNetworks: true },
    options.wallClock,
  );
  const lifecycle = new LifecycleService(
    dataSource,
    transactions,
    audit,
    idempotency,
    webhooks,
    options.clock,
    { retentionDays: options.retentionDays, renewalNoticeDays: options.renewalNoticeDays, wallClock: options.wallClock },
    options.metrics,
  );
  return {
    access,
    transactions,
    audit,
    idempotency,
    partners,
    offers,
    tenants: new TenantService(dataSource, access, transactions, audit, idempotency, relationships),
    subscriptions: new SubscriptionService(
      dataSource,
      access,
      transactions,
      audit,
      idempotency,
      offers,
      partners,
      relationships,
      options.retentionDays,
    ),
    relationships,
    lifecycle,
    liveEvents: new LiveEventsService(dataSource, access, options.liveEvents ?? { lookbackMs: LIVE_EVENTS_LOOKBACK_MS }),
    webhooks,
    testClock: new TestClockService(transactions, audit, options.clock, {
      enabled: options.testClockEnabled,
      sweep: () => lifecycle.sweepUntilSettled(),
      onSweepError: options.onTestClockSweepError,
    }),
  };
}
