import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { PartnerIdColumn, TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

@ObjectType({ description: 'A reseller’s request to become reseller of an existing tenant. Single use; it expires.' })
@Entity({ name: 'reseller_invitations' })
@Index('idx_reseller_invitations_partner', ['partnerId', 'id'])
export class ResellerInvitation {
  @Field(() => ID, { description: 'The invitation id (UUID).' })
  @UuidPrimaryColumn()
  id: string;

  @Field(() => String, { description: 'The code the reseller sends to the tenant’s global admin.' })
  @TextColumn(64)
  @Index('uq_reseller_invitations_code', { unique: true })
  code: string;

  @PartnerIdColumn()
  partnerId: string;

  @Field(() => DateTimeISOResolver, { description: 'After this instant the code can no longer be accepted.' })
  @TimestampColumn()
  expiresAt: Date;

  @UuidColumn({ nullable: true })
  acceptedByTenantId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was accepted; null while open.' })
  @TimestampColumn({ nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was created.' })
  @TimestampColumn()
  createdAt: Date;
}
