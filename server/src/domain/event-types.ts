/**
 * Every event type (SPEC §6): an event is an audit event and its type is the audit `action`, so this list
 * is also every `action` the services write. Webhook endpoints filter on these; live updates too.
 */
export const EVENT_TYPES = [
  'subscription.purchased',
  'subscription.quantityChanged',
  'subscription.suspended',
  'subscription.reactivated',
  'subscription.deleted',
  'subscription.partnerOfRecordSet',
  'subscription.partnerOfRecordRemoved',
  'subscription.cancelled',
  'subscription.expired',
  'subscription.renewed',
  'subscription.termEnding',
  'subscription.autoRenewChanged',
  'subscription.renewalChangeScheduled',
  'subscription.renewalChangeCleared',
  'tenant.created',
  'resellerRelationship.created',
  'resellerRelationship.removed',
  'tenant.billingManagerCleared',
  'resellerInvitation.created',
  'partner.created',
  'offer.created',
  'offer.authorized',
  'offer.authorizationRevoked',
  'webhookEndpoint.created',
  'webhookEndpoint.updated',
  'webhookEndpoint.deleted',
  'webhookEndpoint.secretRotated',
  'webhookEndpoint.disabled',
  'webhookDelivery.redelivered',
  'webhook.test',
  'testClock.advanced',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES);

export const isEventType = (value: string): value is EventType => KNOWN.has(value);
