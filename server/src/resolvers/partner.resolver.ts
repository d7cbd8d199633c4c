import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Offer, Partner } from '../entities';
import type { Services } from '../services';
import { AuthorizeOfferInput, CreatePartnerInput, RevokeOfferAuthorizationInput } from './types/catalog-inputs';
import { PartnerIdVerification } from './types/partner-id-verification';
import { AuthorizeOfferPayload, CreatePartnerPayload, RevokeOfferAuthorizationPayload } from './types/payloads';

@Resolver(() => Partner)
export class PartnerResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.Read)
  @Query(() => Partner, { description: 'A partner: yourself, or one related to your tenant; NOT_FOUND otherwise.' })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.services.partners.get(ctx, id);
  }

  @Authorized(Permission.Read)
  @Query(() => PartnerIdVerification, {
    description: 'The seed’s Check ID: whether a Partner ID can be partner of record, with the partner’s name. Changes nothing.',
  })
  async verifyPartnerId(@Arg('partnerId', () => String) partnerId: string, @Ctx() ctx: RequestContext) {
    const { partner, problem, partnerId: checked } = await this.services.partners.check(ctx, partnerId);
    return Object.assign(new PartnerIdVerification(), {
      partnerId: checked,
      valid: problem === null,
      partnerName: partner?.name ?? null,
      reason: problem,
    });
  }

  @Authorized(Permission.CreatePartner)
  @Mutation(() => CreatePartnerPayload, { description: 'Register a partner company (platform admins).' })
  async createPartner(@Arg('input', () => CreatePartnerInput) input: CreatePartnerInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new CreatePartnerPayload(), { partner: await this.services.partners.create(ctx, input) });
  }

  @Authorized(Permission.AuthorizeOffers)
  @Mutation(() => AuthorizeOfferPayload, { description: 'Authorise a reseller to sell an offer (platform admins).' })
  async authorizeOffer(@Arg('input', () => AuthorizeOfferInput) input: AuthorizeOfferInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new AuthorizeOfferPayload(), {
      partner: await this.services.offers.authorize(ctx, input.partnerId, input.offerId),
    });
  }

  @Authorized(Permission.AuthorizeOffers)
  @Mutation(() => RevokeOfferAuthorizationPayload, { description: 'Withdraw a reseller’s authorisation (platform admins).' })
  async revokeOfferAuthorization(
    @Arg('input', () => RevokeOfferAuthorizationInput) input: RevokeOfferAuthorizationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return Object.assign(new RevokeOfferAuthorizationPayload(), {
      partner: await this.services.offers.revoke(ctx, input.partnerId, input.offerId),
    });
  }

  @FieldResolver(() => [Offer], {
    nullable: true,
    description: 'Offers the partner may sell. Visible to the partner itself and platform admins; null for others.',
  })
  authorizedOffers(@Root() partner: Partner, @Ctx() ctx: RequestContext) {
    if (!this.services.access.canSeePartnerInternals(ctx, partner.id)) return null;
    return ctx.loaders.authorizedOffersByPartner.load(partner.id);
  }
}
