import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PartnerRelationshipKind, Role, SubscriptionChannel, SubscriptionStatus } from '../../entities/enums';
import { Offer, Partner, Tenant } from '../../entities';
import { ErrorCode } from '../../domain/error-codes';
import { PartnerIdProblem } from '../../services/partner.service';

registerEnumType(PartnerIdProblem, {
  name: 'PartnerIdProblem',
  description: 'Why a Partner ID cannot be partner of record.',
  valuesConfig: {
    INVALID_FORMAT: { description: 'Not 6 to 10 digits.' },
    NOT_FOUND: { description: 'No partner has this ID.' },
    NOT_ADVISOR: { description: 'The partner exists but is not an advisor.' },
  },
});

@ObjectType({ description: 'Who is calling: from the bearer token.' })
export class Viewer {
  @Field(() => String, { description: 'The token subject.' })
  subject: string;

  @Field(() => [Role], { description: 'The roles the token grants.' })
  roles: Role[];

  tenantId: string | null;
  partnerId: string | null;
}

@ObjectType({ description: 'The answer of the seed’s Check ID step.' })
export class PartnerIdVerification {
  @Field(() => String, { description: 'The Partner ID that was checked.' })
  partnerId: string;

  @Field(() => Boolean, { description: 'Whether the ID can be used as partner of record.' })
  valid: boolean;

  @Field(() => String, { nullable: true, description: 'The partner’s name, when a partner has this ID.' })
  partnerName: string | null;

  @Field(() => PartnerIdProblem, { nullable: true, description: 'Why it is not valid; null when valid.' })
  reason: PartnerIdProblem | null;
}

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

@ObjectType({ description: 'A partner related to a tenant (the seed’s Settings > Partner relationships).' })
export class PartnerRelationship {
  @Field(() => [PartnerRelationshipKind], { description: 'RESELLER, ADVISOR, or both.' })
  kinds: PartnerRelationshipKind[];

  tenantId: string;
  partnerId: string;
  subscriptionIds: string[];
}

@ObjectType({
  description:
    'The shape of `extensions` on every GraphQL error this API returns. It is not queried; it documents the contract.',
})
export class ErrorExtensions {
  @Field(() => ErrorCode, { description: 'What went wrong, from a closed set.' })
  code: ErrorCode;

  @Field(() => String, { nullable: true, description: 'For BAD_USER_INPUT and some others: the input field at fault.' })
  field: string | null;

  @Field(() => Int, { nullable: true, description: 'For RATE_LIMITED: seconds to wait before retrying.' })
  retryAfterSeconds: number | null;

  @Field(() => SubscriptionStatus, { nullable: true, description: 'For INVALID_STATUS_TRANSITION: the subscription’s current status.' })
  status: SubscriptionStatus | null;

  @Field(() => Int, { nullable: true, description: 'For QUANTITY_OUT_OF_RANGE: the offer’s smallest allowed quantity.' })
  minQuantity: number | null;

  @Field(() => Int, { nullable: true, description: 'For QUANTITY_OUT_OF_RANGE: the offer’s largest allowed quantity.' })
  maxQuantity: number | null;
}

