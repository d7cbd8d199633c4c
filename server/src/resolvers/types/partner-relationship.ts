import { Field, ObjectType } from 'type-graphql';
import { PartnerRelationshipKind } from '../../entities/enums';

@ObjectType({ description: 'A partner related to a tenant (the seed’s Settings > Partner relationships).' })
export class PartnerRelationship {
  @Field(() => [PartnerRelationshipKind], { description: 'RESELLER, ADVISOR, or both.' })
  kinds: PartnerRelationshipKind[];

  tenantId: string;
  partnerId: string;
  subscriptionIds: string[];
}
