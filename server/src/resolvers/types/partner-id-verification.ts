import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PartnerIdProblem } from '../../services/partner.service';
import { PARTNER_ID_RULE } from '../../domain/rules';

registerEnumType(PartnerIdProblem, {
  name: 'PartnerIdProblem',
  description: 'Why a Partner ID cannot be partner of record.',
  valuesConfig: {
    INVALID_FORMAT: { description: `Not a Partner ID: ${PARTNER_ID_RULE}.` },
    NOT_FOUND: { description: 'No partner has this ID.' },
    NOT_ADVISOR: { description: 'The partner exists but is not an advisor.' },
  },
});

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
