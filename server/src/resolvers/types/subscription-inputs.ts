import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { IsIdempotencyKey, IsQuantity, IsVersion } from './validation';

@InputType({ description: 'What to price: the same fields as a purchase, nothing is written.' })
export class QuoteSubscriptionInput {
  @Field(() => ID, { description: 'The tenant that would hold the subscription.' })
  tenantId: string;

  @Field(() => ID, { description: 'The offer to buy.' })
  offerId: string;

  @Field(() => Int, { description: 'Number of licences, within the offer’s range.' })
  @IsQuantity()
  quantity: number;

  @Field(() => String, { nullable: true, description: 'Partner ID of an advisor to set as partner of record.' })
  partnerId?: string | null;
}

@InputType({ description: 'Buy licences of an offer for a tenant.' })
export class PurchaseSubscriptionInput extends QuoteSubscriptionInput {
  @Field(() => String, {
    nullable: true,
    description: 'Retry-safe key (1–255 characters, scoped to you): a replay returns the first result.',
  })
  @IsOptional()
  @IsIdempotencyKey()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Add, change or remove (partnerId: null) a subscription’s partner of record.' })
export class SetPartnerOfRecordInput {
  @Field(() => ID, { description: 'The subscription to change.' })
  subscriptionId: string;

  @Field(() => String, { nullable: true, description: 'Partner ID of an advisor; null removes the partner of record.' })
  partnerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Set the number of licences of an active subscription.' })
export class ChangeLicenseQuantityInput {
  @Field(() => ID, { description: 'The subscription to change.' })
  subscriptionId: string;

  @Field(() => Int, { description: 'The new number of licences, within the offer’s range.' })
  @IsQuantity()
  quantity: number;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Suspend an active subscription, starting its cancellation.' })
export class SuspendSubscriptionInput {
  @Field(() => ID, { description: 'The subscription to suspend.' })
  subscriptionId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsVersion()
  expectedVersion?: number | null;
}

@InputType({ description: 'Reactivate a suspended subscription before its data retention ends.' })
export class ReactivateSubscriptionInput {
  @Field(() => ID, { description: 'The subscription to reactivate.' })
  subscriptionId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsVersion()
  expectedVersion?: number | null;
}
