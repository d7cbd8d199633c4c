import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { BillingCycle, SubscriptionChannel, SubscriptionStatus, TermDuration } from './enums';
import {
  BooleanColumn,
  IntColumn,
  JsonColumn,
  PartnerIdColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from './columns';
import type { LicenceBlock } from '../domain/terms';

@ObjectType({ description: 'What the next renewal changes; a null field keeps today’s value.', simpleResolvers: true })
export class ScheduledChange {
  @Field(() => Int, { nullable: true, description: 'The licence quantity of the next term.' })
  quantity: number | null;

  @Field(() => TermDuration, { nullable: true, description: 'The term the subscription renews into.' })
  termDuration: TermDuration | null;

  @Field(() => BillingCycle, {
    nullable: true,
    description: 'The billing cycle of the next term (shown whenever a term is scheduled: the cycle the renewal applies).',
  })
  billingCycle: BillingCycle | null;
}

/** `liveKey` is 'LIVE' until the subscription is deleted, then NULL: NULLs never collide in a unique index. */
export const LIVE = 'LIVE';

@ObjectType({ description: 'A tenant’s licences for one offer.', simpleResolvers: true })
@Entity({ name: 'subscriptions' })
@Index('uq_subscriptions_live_offer_channel', ['tenantId', 'offerId', 'channel', 'liveKey'], { unique: true })
@Index('idx_subscriptions_tenant', ['tenantId', 'id'])
@Index('idx_subscriptions_partner_of_record', ['partnerOfRecordId', 'tenantId'])
@Index('idx_subscriptions_reseller', ['resellerId', 'tenantId'])
@Index('idx_subscriptions_retention', ['status', 'dataRetentionEndsAt'])
@Index('idx_subscriptions_term_end', ['status', 'termEndsAt'])
@Index('idx_subscriptions_term_notice', ['termNoticePending', 'termEndsAt'])
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

  @Field(() => TermDuration, { description: 'The commitment term: one month, one year or three years.' })
  @TextColumn(3)
  termDuration: TermDuration;

  @Field(() => BillingCycle, { description: 'How often the term is billed.' })
  @TextColumn(10)
  billingCycle: BillingCycle;

  @Field(() => Boolean, { description: 'Whether a new term starts when this one ends; without it the subscription expires then.' })
  @BooleanColumn()
  autoRenew: boolean;

  @Field(() => DateTimeISOResolver, { description: 'When the current term started: the purchase, or the end of the term before.' })
  @TimestampColumn()
  termStartsAt: Date;

  @Field(() => DateTimeISOResolver, {
    description: 'When the current term ends: whole calendar months after the purchase, on its day of the month or the month’s last day.',
  })
  @TimestampColumn()
  termEndsAt: Date;

  /** Months from the purchase to termEndsAt: the sum of every term's months so far (ends are anchored to the purchase). */
  @IntColumn()
  termMonths: number;

  /** Licences added within the decrease window (purchase, renewal, increases), oldest first; see domain/terms.ts. */
  @JsonColumn()
  licenceBlocks: LicenceBlock[];

  @Field(() => ScheduledChange, { nullable: true, description: 'A change that the next renewal applies, then clears.' })
  @JsonColumn({ nullable: true })
  scheduledChange: ScheduledChange | null;

  /** Whether this term's subscription.termEnding notice is still to be written. */
  @BooleanColumn()
  termNoticePending: boolean;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was cancelled inside its cancellation window.' })
  @TimestampColumn({ nullable: true })
  cancelledAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it expired: cancelled, or its term ended without renewal.' })
  @TimestampColumn({ nullable: true })
  expiredAt: Date | null;

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
