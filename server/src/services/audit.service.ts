import type { DataSource, EntityManager } from 'typeorm';
import { isPartnerUser, isPlatformAdmin, isTenantUser } from '../domain/actor';
import { accessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { AuditActor, AuditEvent, AuditEventPartner } from '../entities';
import { badInput } from '../domain/errors';
import { type Page, type PageArgs, paginate } from '../db/pagination';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  tenantId: string | null;
  before: object | null;
  after: object | null;
}

/** A JSON-safe copy of an entity for the audit trail (dates as ISO strings, internal keys dropped). */
export function snapshot(entity: object | null): Record<string, unknown> | null {
  if (entity === null) return null;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key === 'liveKey') continue;
    copy[key] = value instanceof Date ? value.toISOString() : value;
  }
  return copy;
}

export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an event in the caller’s transaction: it commits, or vanishes, with the change itself. */
  async record(manager: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const event: Partial<AuditEvent> = {
      id: newId(),
      at: ctx.clock.now(),
      actorSubject: ctx.actor.subject,
      actorRoles: ctx.actor.roles,
      actorTenantId: ctx.actor.tenantId,
      actorPartnerId: ctx.actor.partnerId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      tenantId: entry.tenantId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: ctx.requestId,
    };
    await manager.insert(AuditEvent, event as never);
    const partners = accessPolicy.partnersWhoSee(ctx.actor, entry);
    if (partners.length > 0) {
      await manager.insert(
        AuditEventPartner,
        partners.map((partnerId) => ({ partnerId, eventId: event.id!, tenantId: entry.tenantId })),
      );
    }
  }

  /**
   * Newest first, as SPEC §2 lets the caller see them: a tenant's users their tenant's events; a partner's
   * users, for a tenant they can read, the events their own users caused and those on subscriptions they
   * sold or are partner of record on; platform admins any tenant's, or everything without tenantId.
   */
  async list(ctx: RequestContext, tenantId: string | null | undefined, args: PageArgs): Promise<Page<AuditEvent>> {
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    const { actor } = ctx;
    if (tenantId) {
      await accessPolicy.readableTenant(ctx, tenantId);
      query.where('e.tenantId = :tenantId', { tenantId });
      if (isPartnerUser(actor)) {
        query.innerJoin(AuditEventPartner, 'p', 'p.eventId = e.id AND p.partnerId = :partnerId AND p.tenantId = :tenantId', {
          partnerId: actor.partnerId,
        });
      }
    } else if (isTenantUser(actor)) {
      query.where('e.tenantId = :tenantId', { tenantId: actor.tenantId });
    } else if (!isPlatformAdmin(actor)) {
      throw badInput('tenantId', 'Pass the tenantId of one of your customers to read its audit trail.');
    }
    return paginate(query, { expression: 'e.id', read: (e) => e.id, descending: true }, args);
  }

  /** Who caused an event, as the viewer may see it: another organisation's user shows as that organisation. */
  actorOf(ctx: RequestContext, event: AuditEvent): AuditActor {
    return Object.assign(new AuditActor(), {
      subject: accessPolicy.seesActorSubject(ctx.actor, event) ? event.actorSubject : null,
      roles: event.actorRoles,
      tenantId: event.actorTenantId,
      partnerId: event.actorPartnerId,
    });
  }
}
