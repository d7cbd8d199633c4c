import { Field, Int, ObjectType } from 'type-graphql';
import { SubscriptionStatus } from '../../entities/enums';
import { ErrorCode } from '../../domain/error-codes';

@ObjectType({
  description: 'The shape of `extensions` on every GraphQL error this API returns. It is not queried; it documents the contract.',
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
