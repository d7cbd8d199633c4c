import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { INVITATION_DAYS } from '../../domain/rules';
import { IsBoundedInt, IsCountryCode, IsDomainText, IsIdempotencyKey, IsInvitationCode, IsName } from './validation';

@InputType({ description: 'A new tenant (platform admins; stands for self sign-up).' })
export class CreateTenantInput {
  @Field(() => String, {
    description:
      'Organisation name: 1–200 characters (Unicode code points) once trimmed, with a letter or digit and no control or format characters.',
  })
  @IsName()
  name: string;

  @Field(() => String, { description: 'Unique primary domain, e.g. contoso.example; case and one trailing dot are ignored.' })
  @IsDomainText()
  domain: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @IsCountryCode()
  countryCode: string;
}

@InputType({ description: 'A new customer created by a reseller, who will manage its billing.' })
export class CreateCustomerInput extends CreateTenantInput {
  @Field(() => String, { nullable: true, description: 'Retry-safe key (1–255 characters, compared exactly, scoped to you).' })
  @IsOptional()
  @IsIdempotencyKey()
  idempotencyKey?: string | null;
}

@InputType({ description: 'An invitation for an existing tenant to take you as its reseller.' })
export class CreateResellerInvitationInput {
  @Field(() => Int, { nullable: true, description: 'Days until the code expires, 1–30; 7 when omitted.' })
  @IsOptional()
  @IsBoundedInt(INVITATION_DAYS.min, INVITATION_DAYS.max)
  expiresInDays?: number | null;
}

@InputType({ description: 'Accept a reseller’s invitation (the tenant’s global admin).' })
export class AcceptResellerInvitationInput {
  @Field(() => String, { description: 'The code the reseller sent, exactly (codes are case-sensitive).' })
  @IsInvitationCode()
  code: string;
}

@InputType({ description: 'A reseller ends its relationship with a customer.' })
export class RemoveResellerRelationshipInput {
  @Field(() => ID, { description: 'The customer tenant.' })
  tenantId: string;

  @Field(() => ID, { description: 'The reseller’s Partner ID (your own).' })
  partnerId: string;
}

@InputType({ description: 'A customer removes an advisor from all its subscriptions.' })
export class RemoveAdvisorRelationshipInput {
  @Field(() => ID, { description: 'The tenant.' })
  tenantId: string;

  @Field(() => ID, { description: 'The advisor’s Partner ID.' })
  partnerId: string;
}
