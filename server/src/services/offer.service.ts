import type { DataSource } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { Offer, OfferAuthorization, type Partner } from '../entities';
import { badInput, conflict, failedPrecondition, notFound } from '../domain/errors';
import { type Page, type PageArgs, paginate } from '../db/pagination';
import { forgetImmutableRow } from '../db/immutable-row-cache';
import { isUniqueViolation } from '../db/unique-violation';
import type { TransactionRunner } from '../db/transactions';
import type { AuditService } from './audit.service';
import type { PartnerService } from './partner.service';
import { normaliseName } from '../domain/rules';
import { type OfferTermData, termsProblem, UNIT_PRICE_MAX_CENTS } from '../domain/terms';
import { BillingCycle, TermDuration } from '../entities/enums';

export interface CreateOfferData {
  sku: string;
  name: string;
  minQuantity: number;
  maxQuantity: number;
  unitPriceCents: number;
  currency: string;
  terms?: OfferTermData[] | null;
}

/** The offer's terms: as listed, or the one P1M/MONTHLY term at the list price (SPEC §8); BAD_USER_INPUT on `terms` otherwise. */
function termsOf(data: CreateOfferData): OfferTermData[] {
  if (data.terms === undefined || data.terms === null) {
    return [{ termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY, unitPriceCents: data.unitPriceCents }];
  }
  const terms = data.terms.map((t) => ({ termDuration: t.termDuration, billingCycle: t.billingCycle, unitPriceCents: t.unitPriceCents }));
  const problem =
    termsProblem(terms) ??
    terms
      .filter((t) => !Number.isInteger(t.unitPriceCents) || t.unitPriceCents < 0 || t.unitPriceCents > UNIT_PRICE_MAX_CENTS)
      .map(
        (t) =>
          `prices ${t.termDuration}/${t.billingCycle} at ${t.unitPriceCents}: a price must be a whole number from 0 to ${UNIT_PRICE_MAX_CENTS}`,
      )[0];
  if (problem) throw badInput('terms', `The terms list ${problem}.`);
  return terms;
}

export class OfferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly partners: PartnerService,
  ) {}

  /** The catalog; partner users see only the offers they are authorised to sell. */
  list(ctx: RequestContext, args: PageArgs): Promise<Page<Offer>> {
    const query = this.dataSource.getRepository(Offer).createQueryBuilder('o');
    const authorizedFor = this.access.catalogOf(ctx);
    if (authorizedFor) {
      query.innerJoin(OfferAuthorization, 'a', 'a.offerId = o.id AND a.partnerId = :partnerId', { partnerId: authorizedFor });
    }
    return paginate(query, { expression: 'o.id', read: (o) => o.id }, args);
  }

  async get(ctx: RequestContext, offerId: string): Promise<Offer> {
    const offer = await ctx.loaders.offerById.load(offerId);
    if (!offer) throw notFound('Offer', offerId);
    return offer;
  }

  async isAuthorized(partnerId: string, offerId: string): Promise<boolean> {
    return this.dataSource.getRepository(OfferAuthorization).existsBy({ partnerId, offerId });
  }

  async create(ctx: RequestContext, data: CreateOfferData): Promise<Offer> {
    if (data.minQuantity > data.maxQuantity) {
      throw badInput('maxQuantity', `maxQuantity (${data.maxQuantity}) must not be below minQuantity (${data.minQuantity}).`);
    }
    const offer = Object.assign(new Offer(), {
      id: newId(),
      sku: data.sku.trim().toUpperCase(),
      name: normaliseName(data.name),
      minQuantity: data.minQuantity,
      maxQuantity: data.maxQuantity,
      unitPriceCents: data.unitPriceCents,
      terms: termsOf(data),
      currency: data.currency.toUpperCase(),
      createdAt: ctx.clock.now(),
    });
    try {
      await this.transactions.run(ctx, async (uow) => {
        await uow.manager.insert(Offer, offer);
        await this.audit.record(uow, {
          action: 'offer.created',
          targetType: 'Offer',
          targetId: offer.id,
          tenantId: null,
          before: null,
          after: offer,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`An offer with SKU ${offer.sku} already exists.`, 'sku');
      throw error;
    }
    forgetImmutableRow(this.dataSource, Offer, offer.id);
    return offer;
  }

  /** Authorises a reseller to sell an offer. Authorising twice changes nothing. */
  async authorize(ctx: RequestContext, partnerIdArgument: string, offerId: string): Promise<Partner> {
    const partner = await this.partners.get(ctx, partnerIdArgument, 'partnerId');
    const partnerId = partner.id;
    await this.get(ctx, offerId);
    if (!partner.isReseller) {
      throw failedPrecondition(`${partner.name} (${partner.id}) is not a reseller; only resellers are authorised to sell offers.`);
    }
    if (await this.isAuthorized(partnerId, offerId)) return partner;
    try {
      await this.transactions.run(ctx, async (uow) => {
        const authorization = { id: newId(), partnerId, offerId, createdAt: ctx.clock.now() };
        await uow.manager.insert(OfferAuthorization, authorization);
        await this.audit.record(uow, {
          action: 'offer.authorized',
          targetType: 'Partner',
          targetId: partnerId,
          tenantId: null,
          before: null,
          after: authorization,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    ctx.loaders.authorizedOffersByPartner.clear(partnerId);
    return partner;
  }

  /** Withdraws an authorisation. Existing subscriptions stay; new sales of the offer are refused. */
  async revoke(ctx: RequestContext, partnerIdArgument: string, offerId: string): Promise<Partner> {
    const partner = await this.partners.get(ctx, partnerIdArgument, 'partnerId');
    const partnerId = partner.id;
    await this.get(ctx, offerId);
    await this.transactions.run(ctx, async (uow) => {
      const existing = await uow.manager.findOneBy(OfferAuthorization, { partnerId, offerId });
      if (!existing) return;
      await uow.manager.delete(OfferAuthorization, { id: existing.id });
      await this.audit.record(uow, {
        action: 'offer.authorizationRevoked',
        targetType: 'Partner',
        targetId: partnerId,
        tenantId: null,
        before: existing,
        after: null,
      });
    });
    ctx.loaders.authorizedOffersByPartner.clear(partnerId);
    return partner;
  }
}
