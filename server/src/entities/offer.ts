import { Extensions, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { IntColumn, JsonColumn, TextColumn, TimestampColumn, UuidPrimaryColumn } from './columns';
import { BillingCycle, TermDuration } from './enums';
import { LIST_SIZE } from '../domain/list-size';
import { MAX_OFFER_TERMS } from '../domain/terms';

@ObjectType({ description: 'One way an offer is sold: a term, its billing cycle and its price.', simpleResolvers: true })
export class OfferTerm {
  @Field(() => TermDuration, { description: 'The commitment term.' })
  termDuration: TermDuration;

  @Field(() => BillingCycle, { description: 'How often the term is billed.' })
  billingCycle: BillingCycle;

  @Field(() => Int, { description: 'Price of one licence for one billing period, in the currency’s minor unit.' })
  unitPriceCents: number;
}

@ObjectType({ description: 'A sellable product in the catalog.', simpleResolvers: true })
@Entity({ name: 'offers' })
export class Offer {
  @Field(() => ID, { description: 'The offer id (UUID).' })
  @UuidPrimaryColumn()
  id: string;

  @Field(() => String, { description: 'The unique stock-keeping unit, e.g. M365-BUSINESS-BASIC.' })
  @TextColumn(64)
  @Index('uq_offers_sku', { unique: true })
  sku: string;

  @Field(() => String, { description: 'The product name shown to people.' })
  @TextColumn(200)
  name: string;

  @Field(() => Int, { description: 'The smallest licence quantity a subscription may have.' })
  @IntColumn()
  minQuantity: number;

  @Field(() => Int, { description: 'The largest licence quantity a subscription may have.' })
  @IntColumn()
  maxQuantity: number;

  @Field(() => Int, {
    description: 'Monthly list price of one licence, in the currency’s minor unit (each term has its own price in `terms`).',
  })
  @IntColumn()
  unitPriceCents: number;

  @Extensions({ [LIST_SIZE]: MAX_OFFER_TERMS })
  @Field(() => [OfferTerm], { description: 'How the offer can be bought, in catalog order; a purchase without a term takes the first.' })
  @JsonColumn()
  terms: OfferTerm[];

  @Field(() => String, { description: 'ISO 4217 currency code of the price.' })
  @TextColumn(3)
  currency: string;

  @Field(() => DateTimeISOResolver, { description: 'When the offer was added to the catalog.' })
  @TimestampColumn()
  createdAt: Date;
}
