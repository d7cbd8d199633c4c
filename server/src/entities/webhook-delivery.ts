import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Column, Entity, Index } from 'typeorm';
import { IntColumn, TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: attempts go on. SUCCEEDED: a 2xx answer arrived. FAILED: every attempt failed (redeliverWebhook tries again).',
});

/**
 * One event for one endpoint, written in the transaction of the change that made the event (so none is
 * lost or invented), then attempted by whichever instance claims it: a claim sets leaseOwner and
 * leaseExpiresAt by a conditional update, and an expired lease may be claimed again by another instance.
 */
@ObjectType({ description: 'One event sent to one endpoint, with the outcome of its attempts.' })
@Entity({ name: 'webhook_deliveries' })
@Index('idx_webhook_deliveries_endpoint', ['endpointId', 'id'])
@Index('idx_webhook_deliveries_endpoint_status', ['endpointId', 'status', 'id'])
@Index('idx_webhook_deliveries_due', ['status', 'nextAttemptAt'])
@Index('idx_webhook_deliveries_created', ['createdAt'])
export class WebhookDelivery {
  @Field(() => ID, { description: 'The delivery id (UUID), sent as Tenantry-Delivery-Id.' })
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  endpointId: string;

  @UuidColumn()
  eventId: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Whether attempts go on, succeeded or gave up.' })
  @TextColumn(16)
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @IntColumn()
  attempts: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the next attempt is due; null once SUCCEEDED or FAILED.' })
  @TimestampColumn({ nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the last attempt was made; null before the first.' })
  @TimestampColumn({ nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status of the last answer; null when none came (timeout, refused, blocked address).',
  })
  @Column({ type: 'int', nullable: true })
  lastResponseStatus: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, for people.' })
  @TextColumn(1024, { nullable: true })
  lastError: string | null;

  @Field(() => String, { nullable: true, description: 'The first 1 KB of the last answer’s body.' })
  @TextColumn(1024, { nullable: true })
  lastResponseBody: string | null;

  /** The instance holding the claim on the attempt in progress, and until when (null: nobody). */
  @TextColumn(64, { nullable: true })
  leaseOwner: string | null;

  @TimestampColumn({ nullable: true })
  leaseExpiresAt: Date | null;

  @TimestampColumn()
  createdAt: Date;
}
