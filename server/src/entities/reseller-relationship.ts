import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { IntColumn, PartnerIdColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

@ObjectType({ description: 'A reseller may sell to and manage a tenant.' })
@Entity({ name: 'reseller_relationships' })
@Index('uq_reseller_relationships_partner_tenant', ['partnerId', 'tenantId'], { unique: true })
@Index('idx_reseller_relationships_tenant', ['tenantId'])
export class ResellerRelationship {
  @Field(() => ID, { description: 'The relationship id (UUID).' })
  @UuidPrimaryColumn()
  id: string;

  @PartnerIdColumn()
  partnerId: string;

  @UuidColumn()
  tenantId: string;

  @Field(() => DateTimeISOResolver, { description: 'When the relationship began.' })
  @TimestampColumn()
  createdAt: Date;

  /**
   * Bumped by every change that makes one of the reseller's sales to the tenant active (a purchase, a
   * reactivation). That write, not a row lock, is what makes such a change and the relationship's removal
   * conflict when they run on two Galera nodes (docs/architecture.md, "Correctness without cross-node locks").
   */
  @IntColumn({ default: 1 })
  version: number;
}
