import { Entity, Index } from 'typeorm';
import { PartnerIdPrimaryColumn, UuidColumn, UuidPrimaryColumn } from './columns';

/**
 * A partner that may see an audit event (SPEC §2): the partner whose user caused it, and the reseller and
 * partners of record of the subscription it changed (before and after). Written with the event; it lets a
 * partner's trail be read through an index instead of filtering every event of a tenant.
 */
@Entity({ name: 'audit_event_partners' })
@Index('idx_audit_event_partners_tenant', ['partnerId', 'tenantId', 'eventId'])
export class AuditEventPartner {
  @PartnerIdPrimaryColumn()
  partnerId: string;

  @UuidPrimaryColumn()
  eventId: string;

  @UuidColumn({ nullable: true })
  tenantId: string | null;
}
