import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../entities/enums';

@ObjectType({ description: 'Who is calling: from the bearer token.' })
export class Viewer {
  @Field(() => String, { description: 'The token subject.' })
  subject: string;

  @Field(() => [Role], { description: 'The roles the token grants.' })
  roles: Role[];

  tenantId: string | null;
  partnerId: string | null;
}
