import { ArgsType, Field, Int } from 'type-graphql';
import { SubscriptionStatus } from '../../entities';
import type { PageArgs as Page } from '../../db/pagination';

/** The page arguments of every list field, as GraphQL arguments; services take them as db/pagination's PageArgs. */
@ArgsType()
export class PageArgs implements Page {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100; 20 when omitted.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (a previous endCursor).' })
  after?: string | null;
}

@ArgsType()
export class TenantSearchArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only tenants whose name or domain contains this text (at most 200 characters), ignoring case for every Unicode letter.',
  })
  search?: string | null;
}

@ArgsType()
export class SubscriptionPageArgs extends PageArgs {
  @Field(() => SubscriptionStatus, { nullable: true, description: 'Only subscriptions with this status.' })
  status?: SubscriptionStatus | null;
}
