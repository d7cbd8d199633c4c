import { AuditEvent, Offer, Subscription, Tenant } from '../../entities';
import { connectionType } from './connection-type';

export const TenantConnection = connectionType(Tenant, 'Tenant', 'tenants');
export type TenantConnection = InstanceType<typeof TenantConnection>;
export const SubscriptionConnection = connectionType(Subscription, 'Subscription', 'subscriptions');
export type SubscriptionConnection = InstanceType<typeof SubscriptionConnection>;
export const OfferConnection = connectionType(Offer, 'Offer', 'offers');
export type OfferConnection = InstanceType<typeof OfferConnection>;
export const AuditEventConnection = connectionType(AuditEvent, 'AuditEvent', 'audit events, newest first');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;
