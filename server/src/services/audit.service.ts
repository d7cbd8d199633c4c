import type { DataSource } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { AuditActor, AuditEvent, AuditEventPartner } from '../entities';
import { enabledEndpointsOf, insertPendingDeliveries } from '../db/delivery-queue';
import type { EventType } from '../domain/event-types';
import { type Page, type PageArgs, paginate } from '../db/pagination';
import type { UnitOfWork } from '../db/transactions';
import type { Clock } from '../domain/clock';

export interface AuditEntry {
  action: EventType;
  targetType: string;
  targetId: string;
  tenantId: string | null;
  before: object | null;
  after: object | null;
}

/**
 * Sends an event to chosen endpoints instead of to every endpoint whose owner may read it: one endpoint
 * (sendTestWebhook; regardless of its enabled flag and type filter), or one owner's endpoints.
 */
export interface WebhookRoute {
  endpointId?: string;
  ownerKey?: string;
}

/** What record() wrote: the event id and the deliveries it queued. */
export interface RecordedEvent {
  eventId: string;
  deliveryIds: string[];
}

/** Columns that are bookkeeping, not API fields: events carry the subscription with the field names of the API (SPEC §8). */
const INTERNAL_KEYS: ReadonlySet<string> = new Set(['liveKey', 'termMonths', 'licenceBlocks', 'termNoticePending']);

/** A JSON-safe copy of an entity for the audit trail (dates as ISO strings, internal keys dropped). */
function snapshot(entity: object | null): Record<string, unknown> | null {
  if (entity === null) return null;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (INTERNAL_KEYS.has(key)) continue;
    copy[key] = value instanceof Date ? value.toISOString() : value;
  }
  return copy;
}

export class AuditService {
  /** Told after a commit that queued webhook deliveries (the dispatcher then looks for them at once). */
  onDeliveriesQueued: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    /** Deliveries are due by the wall clock, which the dispatcher compares them with (not domain time, SPEC §8). */
    private readonly wallClock: Clock,
  ) {}

  /**
   * Appends an event in the unit of work: it commits, or vanishes, with the change itself. The partners
   * that may see it are written with it (AccessPolicy decides which), so every channel reads one rule, and
   * so is one PENDING delivery per webhook endpoint that receives it (SPEC §6).
   */
  async record(uow: UnitOfWork, entry: AuditEntry, route?: WebhookRoute): Promise<RecordedEvent> {
    const event = this.eventOf(uow, entry);
    await uow.manager.insert(AuditEvent, event as never);
    uow.witness({ table: 'audit_events', id: event.id! });
    const partners = this.access.partnersWhoSee(uow.actor, entry);
    if (partners.length > 0) {
      await uow.manager.insert(
        AuditEventPartner,
        partners.map((partnerId) => ({ partnerId, eventId: event.id!, tenantId: entry.tenantId })),
      );
    }
    const deliveryIds = await this.queueDeliveries(
      uow,
      event.id!,
      entry,
      route ?? { ownerKeys: this.access.webhookOwnersWhoSee(entry, partners) },
    );
    if (deliveryIds.length > 0 && this.onDeliveriesQueued) uow.afterCommit(this.onDeliveriesQueued);
    return { eventId: event.id!, deliveryIds };
  }

  /**
   * record() for many events of one unit of work (the lifecycle sweep's batches): the same rows, in one INSERT
   * per table and one SELECT of the endpoints of every owner involved, whatever the number of events.
   */
  async recordMany(uow: UnitOfWork, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const events = entries.map((entry) => this.eventOf(uow, entry));
    await uow.manager.insert(AuditEvent, events as never);
    uow.witness({ table: 'audit_events', id: events[0].id! });
    const partnerRows: { partnerId: string; eventId: string; tenantId: string | null }[] = [];
    const ownerKeysOf = entries.map((entry, i) => {
      const partners = this.access.partnersWhoSee(uow.actor, entry);
      for (const partnerId of partners) partnerRows.push({ partnerId, eventId: events[i].id!, tenantId: entry.tenantId });
      return this.access.webhookOwnersWhoSee(entry, partners);
    });
    if (partnerRows.length > 0) await uow.manager.insert(AuditEventPartner, partnerRows);
    const endpoints = await enabledEndpointsOf(uow.manager, [...new Set(ownerKeysOf.flat())]);
    const deliveries = entries.flatMap((entry, i) =>
      endpoints
        .filter((e) => ownerKeysOf[i].includes(e.ownerKey) && (e.eventTypes.length === 0 || e.eventTypes.includes(entry.action)))
        .map((e) => ({ id: newId(), endpointId: e.id, eventId: events[i].id! })),
    );
    await insertPendingDeliveries(uow.manager, deliveries, this.wallClock.now());
    if (deliveries.length > 0 && this.onDeliveriesQueued) uow.afterCommit(this.onDeliveriesQueued);
  }

  private eventOf(uow: UnitOfWork, entry: AuditEntry): Partial<AuditEvent> {
    const { actor } = uow;
    return {
      id: newId(),
      at: uow.now,
      actorSubject: actor.subject,
      actorRoles: actor.roles,
      actorTenantId: actor.tenantId,
      actorPartnerId: actor.partnerId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      tenantId: entry.tenantId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: uow.requestId,
    };
  }

  /** One indexed SELECT per event, and one INSERT when an endpoint receives it. */
  private async queueDeliveries(
    uow: UnitOfWork,
    eventId: string,
    entry: AuditEntry,
    route: WebhookRoute | { ownerKeys: string[] },
  ): Promise<string[]> {
    let endpointIds: string[];
    if ('endpointId' in route && route.endpointId !== undefined) {
      endpointIds = [route.endpointId];
    } else {
      const ownerKeys = 'ownerKeys' in route ? route.ownerKeys : route.ownerKey !== undefined ? [route.ownerKey] : [];
      const candidates = await enabledEndpointsOf(uow.manager, ownerKeys);
      endpointIds = candidates.filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(entry.action)).map((e) => e.id);
    }
    const deliveries = endpointIds.map((endpointId) => ({ id: newId(), endpointId, eventId }));
    await insertPendingDeliveries(uow.manager, deliveries, this.wallClock.now());
    return deliveries.map((d) => d.id);
  }

  /** Newest first, the events of the trail the caller may see (AccessPolicy.auditTrail). */
  async list(ctx: RequestContext, tenantId: string | null | undefined, args: PageArgs): Promise<Page<AuditEvent>> {
    const trail = await this.access.auditTrail(ctx, tenantId);
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (trail.tenantId) query.where('e.tenantId = :tenantId', { tenantId: trail.tenantId });
    if (trail.partnerId) {
      query.innerJoin(AuditEventPartner, 'p', 'p.eventId = e.id AND p.partnerId = :partnerId AND p.tenantId = :tenantId', {
        partnerId: trail.partnerId,
      });
    }
    return paginate(query, { expression: 'e.id', read: (e) => e.id, descending: true }, args);
  }

  /** Who caused an event, as the viewer may see it: another organisation's user shows as that organisation. */
  actorOf(ctx: RequestContext, event: AuditEvent): AuditActor {
    return Object.assign(new AuditActor(), {
      subject: this.access.seesActorSubject(ctx.actor, event) ? event.actorSubject : null,
      roles: event.actorRoles,
      tenantId: event.actorTenantId,
      partnerId: event.actorPartnerId,
    });
  }
}
