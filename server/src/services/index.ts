import type { DataSource } from 'typeorm';
import type { Clock } from '../domain/clock';
import { TransactionRunner } from '../db/transactions';
import { AuditService } from './audit.service';
import { IdempotencyService } from './idempotency.service';
import { LifecycleService } from './lifecycle.service';
import { OfferService } from './offer.service';
import { PartnerService } from './partner.service';
import { RelationshipService } from './relationship.service';
import { SubscriptionService } from './subscription.service';
import { TenantService } from './tenant.service';

export interface Services {
  audit: AuditService;
  idempotency: IdempotencyService;
  partners: PartnerService;
  offers: OfferService;
  tenants: TenantService;
  subscriptions: SubscriptionService;
  relationships: RelationshipService;
  lifecycle: LifecycleService;
}

export function createServices(dataSource: DataSource, options: { clock: Clock; retentionDays: number }): Services {
  const transactions = new TransactionRunner(dataSource);
  const audit = new AuditService(dataSource);
  const idempotency = new IdempotencyService(dataSource, transactions);
  const partners = new PartnerService(dataSource, transactions, audit);
  const offers = new OfferService(dataSource, transactions, audit, partners);
  const relationships = new RelationshipService(dataSource, transactions, audit);
  return {
    audit,
    idempotency,
    partners,
    offers,
    tenants: new TenantService(dataSource, audit, idempotency, relationships),
    subscriptions: new SubscriptionService(dataSource, transactions, audit, idempotency, offers, partners, options.retentionDays),
    relationships,
    lifecycle: new LifecycleService(dataSource, transactions, audit, idempotency, options.clock),
  };
}
