import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Offer } from '../entities';
import type { Services } from '../services';
import { CreateOfferInput } from './types/catalog-inputs';
import { OfferConnection } from './types/connections';
import { CreateOfferPayload } from './types/payloads';
import { PageArgs } from './types/page-args';

@Resolver(() => Offer)
export class OfferResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.Read)
  @Query(() => OfferConnection, { description: 'The catalog. Partner users see only the offers they are authorised to sell.' })
  async offers(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return OfferConnection.from(await this.services.offers.list(ctx, args));
  }

  @Authorized(Permission.CreateOffer)
  @Mutation(() => CreateOfferPayload, { description: 'Add an offer to the catalog (platform admins).' })
  async createOffer(@Arg('input', () => CreateOfferInput) input: CreateOfferInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new CreateOfferPayload(), { offer: await this.services.offers.create(ctx, input) });
  }
}
