import { Field, ID, InputType, Int } from 'type-graphql';
import { BillingCycle, TermDuration } from '../../entities/enums';
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

  @Field(() => TermDuration, {
    nullable: true,
    description: 'The term, one the offer lists; absent, the offer’s first listed term (the first with `billingCycle`, if given).',
  })
  termDuration?: TermDuration | null;

  @Field(() => BillingCycle, {
    nullable: true,
    description: 'The billing cycle, one the offer lists for the term; absent, the term’s first listed cycle.',
  })
  billingCycle?: BillingCycle | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a new term starts when this one ends (default true).' })
  autoRenew?: boolean | null;
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

/** The input of a change that names only the subscription and the version read. */
function versionedInput(name: string, description: string) {
  @InputType(name, { description })
  class Input {
    @Field(() => ID, { description: 'The subscription to change.' })
    subscriptionId: string;

    @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
    @IsOptional()
    @IsVersion()
    expectedVersion?: number | null;
  }
  return Input;
}

export const CancelSubscriptionInput = versionedInput(
  'CancelSubscriptionInput',
  'Cancel an active or suspended subscription inside its cancellation window (7 days after its term started).',
);
export type CancelSubscriptionInput = InstanceType<typeof CancelSubscriptionInput>;

export const ClearRenewalChangeInput = versionedInput('ClearRenewalChangeInput', 'Remove the change scheduled for the next renewal.');
export type ClearRenewalChangeInput = InstanceType<typeof ClearRenewalChangeInput>;

@InputType({ description: 'Turn auto-renewal on or off: without it, the subscription expires when its term ends.' })
export class SetAutoRenewInput {
  @Field(() => ID, { description: 'The subscription to change.' })
  subscriptionId: string;

  @Field(() => Boolean, { description: 'Whether a new term starts when this one ends.' })
  autoRenew: boolean;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsVersion()
  expectedVersion?: number | null;
}

@InputType({
  description:
    'What the next renewal changes: at least one of quantity, termDuration and billingCycle; it replaces an earlier scheduled change.',
})
export class ScheduleRenewalChangeInput {
  @Field(() => ID, { description: 'The subscription to change.' })
  subscriptionId: string;

  @Field(() => Int, { nullable: true, description: 'The licence quantity of the next term, within the offer’s range.' })
  @IsOptional()
  @IsQuantity()
  quantity?: number | null;

  @Field(() => TermDuration, {
    nullable: true,
    description: 'The term to renew into; alone, it keeps today’s billing cycle if the term lists it, else takes the term’s first.',
  })
  termDuration?: TermDuration | null;

  @Field(() => BillingCycle, { nullable: true, description: 'The billing cycle of the next term.' })
  billingCycle?: BillingCycle | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsVersion()
  expectedVersion?: number | null;
}
