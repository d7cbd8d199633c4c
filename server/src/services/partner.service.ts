import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { Partner, PartnerCapability } from '../entities';
import { AppError, badInput, conflict, notFound } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';
import { forgetImmutableRow } from '../db/immutable-row-cache';
import { isUniqueViolation } from '../db/unique-violation';
import type { TransactionRunner } from '../db/transactions';
import type { AuditService } from './audit.service';
import { isPartnerId, normaliseName, notAPartnerId, partnerIdArgument } from '../domain/rules';

export enum PartnerIdProblem {
  INVALID_FORMAT = 'INVALID_FORMAT',
  NOT_FOUND = 'NOT_FOUND',
  NOT_ADVISOR = 'NOT_ADVISOR',
}

export interface PartnerIdCheck {
  partnerId: string;
  partner: Partner | null;
  problem: PartnerIdProblem | null;
}

export interface CreatePartnerData {
  id?: string | null;
  name: string;
  countryCode: string;
  capabilities: PartnerCapability[];
}

export class PartnerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** `field` names the argument that carried the Partner ID, for a malformed one. */
  async get(ctx: RequestContext, argument: string, field = 'id'): Promise<Partner> {
    const id = partnerIdArgument(argument);
    if (!isPartnerId(id)) throw badInput(field, notAPartnerId(argument));
    const partner = await ctx.loaders.partnerById.load(id);
    if (!partner || !(await this.access.canReadPartner(ctx, id))) throw notFound('Partner', id);
    return partner;
  }

  /** The seed’s Check ID: never throws for a bad ID, it says what is wrong with it. */
  async check(ctx: RequestContext, partnerId: string): Promise<PartnerIdCheck> {
    const trimmed = partnerIdArgument(partnerId);
    if (!isPartnerId(trimmed)) return { partnerId, partner: null, problem: PartnerIdProblem.INVALID_FORMAT };
    const partner = await ctx.loaders.partnerById.load(trimmed);
    if (!partner) return { partnerId: trimmed, partner: null, problem: PartnerIdProblem.NOT_FOUND };
    if (!partner.isAdvisor) return { partnerId: trimmed, partner, problem: PartnerIdProblem.NOT_ADVISOR };
    return { partnerId: trimmed, partner, problem: null };
  }

  /** The partner to set as partner of record, or the refusal SPEC §3 names for each problem. */
  async requireAdvisor(ctx: RequestContext, partnerId: string, field = 'partnerId'): Promise<Partner> {
    const checked = await this.check(ctx, partnerId);
    const refusal = this.advisorRefusal(checked, field);
    if (refusal) throw refusal;
    return checked.partner!;
  }

  /** The refusal for a Partner ID that cannot be partner of record, or null when it can. */
  advisorRefusal({ partnerId, partner, problem }: PartnerIdCheck, field = 'partnerId'): AppError | null {
    switch (problem) {
      case PartnerIdProblem.INVALID_FORMAT:
        return badInput(field, notAPartnerId(partnerId));
      case PartnerIdProblem.NOT_FOUND:
        return new AppError(ErrorCode.PARTNER_NOT_FOUND, `No partner has the Partner ID ${partnerId}; check the ID with your partner.`, {
          field,
        });
      case PartnerIdProblem.NOT_ADVISOR:
        return new AppError(
          ErrorCode.PARTNER_NOT_ADVISOR,
          `${partner!.name} (${partnerId}) is not an advisor partner and cannot be partner of record.`,
          { field },
        );
      case null:
        return null;
    }
  }

  async create(ctx: RequestContext, data: CreatePartnerData): Promise<Partner> {
    if (data.capabilities.length === 0) throw badInput('capabilities', 'Give the partner at least one capability.');
    const id = data.id === undefined || data.id === null ? null : partnerIdArgument(data.id);
    if (id !== null && !isPartnerId(id)) throw badInput('id', notAPartnerId(id));
    for (let attempt = 0; ; attempt++) {
      const partner = Object.assign(new Partner(), {
        id: id ?? String(randomInt(1_000_000, 10_000_000)),
        name: normaliseName(data.name),
        countryCode: data.countryCode.toUpperCase(),
        isReseller: data.capabilities.includes(PartnerCapability.RESELLER),
        isAdvisor: data.capabilities.includes(PartnerCapability.ADVISOR),
        createdAt: ctx.clock.now(),
      });
      try {
        await this.transactions.run(ctx, async (uow) => {
          await uow.manager.insert(Partner, partner);
          await this.audit.record(uow, {
            action: 'partner.created',
            targetType: 'Partner',
            targetId: partner.id,
            tenantId: null,
            before: null,
            after: partner,
          });
        });
        forgetImmutableRow(this.dataSource, Partner, partner.id);
        return partner;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (id) throw conflict(`The Partner ID ${id} is already taken.`, 'id');
        if (attempt >= 5) throw error;
      }
    }
  }
}
