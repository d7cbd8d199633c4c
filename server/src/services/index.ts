import type { DataSource } from 'typeorm';
import type { Clock } from '../domain/clock';
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
import { LiveEventsService, type LiveEventsOptions } from './live-events';
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
}

/** The look-back of live updates when none is given: a transaction of the default request timeout, and a margin. */
const LIVE_EVENTS_LOOKBACK_MS = 15_000;

export function createServices(dataSource: DataSource, options: { clock: Clock; wallClock?: Clock; retentionDays: number; renewalNoticeDays?: number; metrics?: Metrics; liveEvents?: LiveEventsOptions; webhooks?: WebhookServiceOptions }): Services {
  const access = new AccessPolicy();
  const transactions = new TransactionRunner(dataSource, options.metrics);
  const audit = new AuditService(dataSource, access);
  const idempotency = new IdempotencyService(dataSource, transactions);
  const partners = new PartnerService(dataSource, access, transactions, audit);
  const offers = new OfferService(dataSource, access, transactions, audit, partners);
  const relationships = new RelationshipService(dataSource, access, transactions, audit);
  const webhooks = new WebhookService(dataSource, access, transactions, audit, options.webhooks ?? { production: false, allowPrivateNetworks: true });
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
    lifecycle: new LifecycleService(
      dataSource,
      transactions,
      audit,
      idempotency,
      webhooks,
      options.clock,
      { retentionDays: options.retentionDays, renewalNoticeDays: options.renewalNoticeDays ?? 7, wallClock: options.wallClock ?? options.clock },
      options.metrics,
    ),
    liveEvents: new LiveEventsService(dataSource, access, options.liveEvents ?? { lookbackMs: LIVE_EVENTS_LOOKBACK_MS }),
    webhooks,
  };
}
