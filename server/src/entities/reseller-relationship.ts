import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { PartnerIdColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

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
}
