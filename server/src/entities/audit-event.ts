import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { Role } from './enums';
import { JsonColumn, PartnerIdColumn, TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

@ObjectType({ description: 'Who made a change.' })
export class AuditActor {
  @Field(() => String, {
    nullable: true,
    description:
      'The token subject (`sub`); null when the actor belongs to another organisation than you (its tenant or partner id still shows).',
  })
  subject: string | null;

  @Field(() => [Role], { description: 'The roles the actor held.' })
  roles: Role[];

  @Field(() => ID, { nullable: true, description: 'The actor’s tenant, for tenant users.' })
  tenantId: string | null;

  @Field(() => ID, { nullable: true, description: 'The actor’s Partner ID, for partner users.' })
  partnerId: string | null;
}

@ObjectType({ description: 'An append-only record of one change.' })
@Entity({ name: 'audit_events' })
@Index('idx_audit_events_tenant', ['tenantId', 'id'])
export class AuditEvent {
  @Field(() => ID, { description: 'The event id (UUID, time-ordered).' })
  @UuidPrimaryColumn()
  id: string;

  @Field(() => DateTimeISOResolver, { description: 'When the change was committed.' })
  @TimestampColumn()
  at: Date;

  @TextColumn(255)
  actorSubject: string;

  @JsonColumn()
  actorRoles: Role[];

  @UuidColumn({ nullable: true })
  actorTenantId: string | null;

  @PartnerIdColumn({ nullable: true })
  actorPartnerId: string | null;

  @Field(() => String, { description: 'What was done, e.g. subscription.quantityChanged.' })
  @TextColumn(64)
  action: string;

  @Field(() => String, { description: 'The kind of object changed, e.g. Subscription.' })
  @TextColumn(32)
  targetType: string;

  @Field(() => ID, { description: 'The id of the object changed.' })
  @TextColumn(36)
  targetId: string;

  @Field(() => ID, { nullable: true, description: 'The tenant the change concerns, if any.' })
  @UuidColumn({ nullable: true })
  tenantId: string | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The object before the change; null on creation.' })
  @JsonColumn({ nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The object after the change; null on removal.' })
  @JsonColumn({ nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => String, { description: 'The id of the HTTP request that made the change.' })
  @TextColumn(64)
  requestId: string;
}
