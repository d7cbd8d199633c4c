import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { SubscriptionChannel, SubscriptionStatus } from './enums';
import { IntColumn, PartnerIdColumn, TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

/** `liveKey` is 'LIVE' until the subscription is deleted, then NULL: NULLs never collide in a unique index. */
export const LIVE = 'LIVE';

@ObjectType({ description: 'A tenant’s licences for one offer.', simpleResolvers: true })
@Entity({ name: 'subscriptions' })
@Index('uq_subscriptions_live_offer_channel', ['tenantId', 'offerId', 'channel', 'liveKey'], { unique: true })
@Index('idx_subscriptions_tenant', ['tenantId', 'id'])
@Index('idx_subscriptions_partner_of_record', ['partnerOfRecordId', 'tenantId'])
@Index('idx_subscriptions_reseller', ['resellerId', 'tenantId'])
@Index('idx_subscriptions_retention', ['status', 'dataRetentionEndsAt'])
export class Subscription {
  @Field(() => ID, { description: 'The subscription id (UUID).' })
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  tenantId: string;

  @UuidColumn()
  offerId: string;

  @Field(() => Int, { description: 'Number of licences.' })
  @IntColumn()
  quantity: number;

  @Field(() => SubscriptionStatus, { description: 'Lifecycle status.' })
  @TextColumn(16)
  status: SubscriptionStatus;

  @Field(() => SubscriptionChannel, { description: 'Whether the tenant bought it directly or through a reseller.' })
  @TextColumn(16)
  channel: SubscriptionChannel;

  @PartnerIdColumn({ nullable: true })
  resellerId: string | null;

  @PartnerIdColumn({ nullable: true })
  partnerOfRecordId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was last suspended; null while active.' })
  @TimestampColumn({ nullable: true })
  suspendedAt: Date | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: 'When a suspended subscription’s data is deleted for good; it can be reactivated until then.',
  })
  @TimestampColumn({ nullable: true })
  dataRetentionEndsAt: Date | null;

  @TextColumn(4, { nullable: true })
  liveKey: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion to guard against lost updates.' })
  @IntColumn()
  version: number;

  @Field(() => DateTimeISOResolver, { description: 'When it was bought.' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'When it last changed.' })
  @TimestampColumn()
  updatedAt: Date;
}
