import { AuditEvent } from './audit-event';
import { AuditEventPartner } from './audit-event-partner';
import { IdempotencyKey } from './idempotency-key';
import { Offer } from './offer';
import { OfferAuthorization } from './offer-authorization';
import { Partner } from './partner';
import { ResellerInvitation } from './reseller-invitation';
import { ResellerRelationship } from './reseller-relationship';
import { Subscription } from './subscription';
import { Tenant } from './tenant';
import { WebhookDelivery } from './webhook-delivery';
import { WebhookEndpoint } from './webhook-endpoint';
import { WorkLease } from './work-lease';
import { TestClockRow } from './test-clock';

export { AuditEvent, AuditActor } from './audit-event';
export { AuditEventPartner } from './audit-event-partner';
export { IdempotencyKey } from './idempotency-key';
export { Offer } from './offer';
export { OfferAuthorization } from './offer-authorization';
export { Partner } from './partner';
export { ResellerInvitation } from './reseller-invitation';
export { ResellerRelationship } from './reseller-relationship';
export { Subscription, ScheduledChange, LIVE } from './subscription';
export { Tenant } from './tenant';
export { WebhookEndpoint, tenantOfWebhookOwner } from './webhook-endpoint';
export { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery';
export { WorkLease } from './work-lease';
export { TestClockRow } from './test-clock';
export * from './enums';

export const entities = [
  Tenant,
  Partner,
  Offer,
  Subscription,
  ResellerRelationship,
  ResellerInvitation,
  OfferAuthorization,
  AuditEvent,
  AuditEventPartner,
  IdempotencyKey,
  WebhookEndpoint,
  WebhookDelivery,
  WorkLease,
  TestClockRow,
];
