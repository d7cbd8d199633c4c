import { ArrayMinSize, ArrayUnique, IsISO4217CurrencyCode, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BillingCycle, PartnerCapability, TermDuration } from '../../entities/enums';
import { MAX_LICENCES, UNIT_PRICE_MAX_CENTS } from '../../domain/terms';
import { IsBoundedInt, IsCountryCode, IsName, IsPartnerId } from './validation';

@InputType({ description: 'Register a partner company.' })
export class CreatePartnerInput {
  @Field(() => ID, { nullable: true, description: 'The Partner ID (6–10 digits); generated when omitted.' })
  @IsOptional()
  @IsPartnerId()
  id?: string | null;

  @Field(() => String, {
    description:
      'Company name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters.',
  })
  @IsName()
  name: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @IsCountryCode()
  countryCode: string;

  @Field(() => [PartnerCapability], { description: 'RESELLER, ADVISOR, or both.' })
  @ArrayMinSize(1, { message: 'must list at least one capability' })
  @ArrayUnique({ message: 'must not repeat a capability' })
  capabilities: PartnerCapability[];
}

@InputType({ description: 'One way an offer is sold: a term, its billing cycle and its price.' })
export class OfferTermInput {
  @Field(() => TermDuration, { description: 'The commitment term.' })
  termDuration: TermDuration;

  @Field(() => BillingCycle, {
    description: 'The billing cycle: P1M is billed MONTHLY; P1Y MONTHLY or ANNUAL; P3Y MONTHLY, ANNUAL or TRIENNIAL.',
  })
  billingCycle: BillingCycle;

  @Field(() => Int, { description: `Price of one licence for one billing period in minor units, 0–${UNIT_PRICE_MAX_CENTS}.` })
  unitPriceCents: number;
}

@InputType({ description: 'Add an offer to the catalog.' })
export class CreateOfferInput {
  @Field(() => String, { description: 'Unique SKU: letters, digits, dot, dash, underscore; up to 64.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'must be 1–64 letters, digits, dots, dashes or underscores' })
  sku: string;

  @Field(() => String, {
    description:
      'Product name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters.',
  })
  @IsName()
  name: string;

  @Field(() => Int, { description: `Smallest licence quantity, 1–${MAX_LICENCES}.` })
  @IsBoundedInt(1, MAX_LICENCES)
  minQuantity: number;

  @Field(() => Int, { description: `Largest licence quantity, at least minQuantity, at most ${MAX_LICENCES}.` })
  @IsBoundedInt(1, MAX_LICENCES)
  maxQuantity: number;

  @Field(() => Int, {
    description: `Monthly list price of one licence in minor units (cents), 0–${UNIT_PRICE_MAX_CENTS}; without \`terms\`, the price of the offer’s one P1M/MONTHLY term.`,
  })
  @IsBoundedInt(0, UNIT_PRICE_MAX_CENTS)
  unitPriceCents: number;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. USD.' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as USD or EUR' })
  currency: string;

  @Field(() => [OfferTermInput], {
    nullable: true,
    description: 'How the offer can be bought, in catalog order, each pair once; absent, the one term P1M/MONTHLY at unitPriceCents.',
  })
  terms?: OfferTermInput[] | null;
}

@InputType({ description: 'Authorise a reseller to sell an offer.' })
export class AuthorizeOfferInput {
  @Field(() => ID, { description: 'The reseller’s Partner ID.' })
  partnerId: string;

  @Field(() => ID, { description: 'The offer.' })
  offerId: string;
}

@InputType({ description: 'Withdraw a reseller’s authorisation to sell an offer.' })
export class RevokeOfferAuthorizationInput {
  @Field(() => ID, { description: 'The reseller’s Partner ID.' })
  partnerId: string;

  @Field(() => ID, { description: 'The offer.' })
  offerId: string;
}
