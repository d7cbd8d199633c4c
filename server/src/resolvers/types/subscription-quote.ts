import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, SafeIntResolver } from 'graphql-scalars';
import { BillingCycle, SubscriptionChannel, TermDuration } from '../../entities/enums';
import { Offer, Partner, Tenant } from '../../entities';

@ObjectType({ description: 'What a purchase would buy, and for how much. Nothing was written.' })
export class SubscriptionQuote {
  @Field(() => Tenant, { description: 'The tenant that would hold the subscription.' })
  tenant: Tenant;

  @Field(() => Offer, { description: 'The offer.' })
  offer: Offer;

  @Field(() => Int, { description: 'Number of licences.' })
  quantity: number;

  @Field(() => SubscriptionChannel, { description: 'DIRECT when the tenant buys, RESELLER when a reseller sells.' })
  channel: SubscriptionChannel;

  @Field(() => Partner, { nullable: true, description: 'The reseller selling it, on the RESELLER channel.' })
  reseller: Partner | null;

  @Field(() => Partner, { nullable: true, description: 'The advisor that would be partner of record.' })
  partnerOfRecord: Partner | null;

  @Field(() => Int, { description: 'The chosen term’s price of one licence for one billing period, in minor units.' })
  unitPriceCents: number;

  @Field(() => SafeIntResolver, { description: 'The term’s total divided by its months, rounded half up to a whole minor unit.' })
  monthlyTotalCents: number;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency: string;

  @Field(() => TermDuration, { description: 'The term that would be bought.' })
  termDuration: TermDuration;

  @Field(() => BillingCycle, { description: 'How the term would be billed.' })
  billingCycle: BillingCycle;

  @Field(() => Boolean, { description: 'Whether it would renew when the term ends.' })
  autoRenew: boolean;

  @Field(() => DateTimeISOResolver, { description: 'When the term would start: now, in domain time.' })
  termStartsAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'When the first term would end.' })
  termEndsAt: Date;

  @Field(() => SafeIntResolver, { description: 'The price of all licences for one billing period, in minor units.' })
  pricePerBillingPeriodCents: number;

  @Field(() => SafeIntResolver, { description: 'The price of all licences for the whole term, in minor units.' })
  termTotalCents: number;
}
