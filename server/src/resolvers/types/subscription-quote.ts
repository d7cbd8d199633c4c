import { Field, Int, ObjectType } from 'type-graphql';
import { SubscriptionChannel } from '../../entities/enums';
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

  @Field(() => Int, { description: 'Monthly price of one licence, in minor units.' })
  unitPriceCents: number;

  @Field(() => Int, { description: 'Monthly price of all licences, in minor units.' })
  monthlyTotalCents: number;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency: string;
}
