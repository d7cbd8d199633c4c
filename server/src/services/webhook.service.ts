import { randomBytes } from 'node:crypto';
import { type DataSource, In, LessThan } from 'typeorm';
import type { AccessPolicy } from '../auth/access-policy';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { type AuditEvent, tenantOfWebhookOwner, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../entities';
import { badInput, conflict, failedPrecondition, forbidden, notFound } from '../domain/errors';
import { type EventType, EVENT_TYPES, isEventType } from '../domain/event-types';
import { DAY_MS, nameProblem, normaliseName } from '../domain/rules';
import { type Page, type PageArgs, paginate } from '../db/pagination';
import { rowLock, type TransactionRunner, type UnitOfWork } from '../db/transactions';
import { updateRowIfVersion } from '../db/versioned-writes';
import type { Clock } from '../domain/clock';
import type { AuditService } from './audit.service';
import { assertWebhookUrl, resolveDeliverableAddresses, WebhookTargetRefused } from './webhook-delivery/webhook-target';

const MAX_ENDPOINTS_PER_OWNER = 16;
const DESCRIPTION_MAX = 255;
/** After a rotation the old secret still signs this long (SPEC §6), so receivers can switch without losing events. */
const PREVIOUS_SECRET_MS = DAY_MS;
/** The delivery log is kept this long (SPEC §6). */
const DELIVERY_LOG_DAYS = 30;

export interface WebhookServiceOptions {
  production: boolean;
  allowPrivateNetworks: boolean;
}

export interface CreateWebhookEndpointData {
  url: string;
  eventTypes?: string[] | null;
  description?: string | null;
}

export interface UpdateWebhookEndpointData {
  id: string;
  url?: string | null;
  eventTypes?: string[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

export interface DeliveryListArgs extends PageArgs {
  status?: WebhookDeliveryStatus | null;
}

/** An endpoint with the secret it signs with, as only create and rotate answer it. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** The endpoint as the audit trail (and so every event) shows it: never a secret. */
const auditView = (endpoint: WebhookEndpoint) => {
  const { secret: _secret, previousSecret: _previous, ...shown } = endpoint;
  return shown;
};

/**
 * Webhook endpoints and their delivery log (SPEC §6). Deliveries are queued by AuditService.record with the
 * event they carry; the dispatcher attempts them.
 */
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly options: WebhookServiceOptions,
    /** Retry times, attempt leases and signing-secret expiry are wall-clock time, as the dispatcher reads them (SPEC §8). */
    private readonly wallClock: Clock,
  ) {}

  /** The caller's own endpoints, oldest first. */
  list(ctx: RequestContext, args: PageArgs): Promise<Page<WebhookEndpoint>> {
    const query = this.dataSource
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('w')
      .where('w.ownerKey = :ownerKey', { ownerKey: this.ownerKeyOf(ctx) });
    return paginate(query, { expression: 'w.id', read: (w) => w.id }, args);
  }

  get(ctx: RequestContext, id: string): Promise<WebhookEndpoint> {
    return this.access.ownedWebhookEndpoint(ctx, id);
  }

  async create(ctx: RequestContext, data: CreateWebhookEndpointData): Promise<EndpointWithSecret> {
    const ownerKey = this.ownerKeyOf(ctx);
    const url = await this.checkedUrl(data.url);
    const eventTypes = checkedEventTypes(data.eventTypes ?? []);
    const description = checkedDescription(data.description ?? '');
    const secret = newSecret();
    const endpoint = await this.transactions.run(ctx, async (uow) => {
      // Counted in the transaction; two creates racing for the 16th place may both pass (a soft limit).
      const owned = await uow.manager.countBy(WebhookEndpoint, { ownerKey });
      if (owned >= MAX_ENDPOINTS_PER_OWNER) {
        throw failedPrecondition(`You already have ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints, the most allowed; delete one first.`);
      }
      const created = Object.assign(new WebhookEndpoint(), {
        id: newId(),
        ownerKey,
        url,
        eventTypes,
        description,
        enabled: true,
        disabledReason: null,
        secret,
        previousSecret: null,
        previousSecretExpiresAt: null,
        failingSince: null,
        createdAt: uow.now,
        updatedAt: uow.now,
        version: 1,
      });
      await uow.manager.insert(WebhookEndpoint, created);
      await this.recordChange(uow, 'webhookEndpoint.created', null, created);
      return created;
    });
    ctx.loaders.webhookEndpointById.clear(endpoint.id);
    return { endpoint: Object.assign(new WebhookEndpoint(), auditView(endpoint)), secret };
  }

  /** Changes what is given. Enabling a disabled endpoint clears why it was disabled and its run of failures. */
  async update(ctx: RequestContext, data: UpdateWebhookEndpointData): Promise<WebhookEndpoint> {
    await this.access.ownedWebhookEndpoint(ctx, data.id);
    const changes: Partial<WebhookEndpoint> = {};
    if (data.url !== undefined && data.url !== null) changes.url = await this.checkedUrl(data.url);
    if (data.eventTypes !== undefined && data.eventTypes !== null) changes.eventTypes = checkedEventTypes(data.eventTypes);
    if (data.description !== undefined && data.description !== null) changes.description = checkedDescription(data.description);
    const updated = await this.transactions.run(ctx, async (uow) => {
      const current = await this.readForChange(uow, data.id);
      const values = { ...changes };
      if (data.enabled === true && !current.enabled) Object.assign(values, { enabled: true, disabledReason: null, failingSince: null });
      if (data.enabled === false) values.enabled = false;
      const written = await updateRowIfVersion(uow, WebhookEndpoint, current, values);
      await this.recordChange(uow, 'webhookEndpoint.updated', current, written);
      return written;
    });
    ctx.loaders.webhookEndpointById.clear(updated.id);
    return updated;
  }

  /** Deletes an endpoint and its delivery log: its pending deliveries are never attempted. */
  async delete(ctx: RequestContext, id: string): Promise<string> {
    await this.access.ownedWebhookEndpoint(ctx, id);
    await this.transactions.run(ctx, async (uow) => {
      const current = await this.readForChange(uow, id);
      await uow.manager.delete(WebhookDelivery, { endpointId: id });
      await uow.manager.delete(WebhookEndpoint, { id });
      await this.recordChange(uow, 'webhookEndpoint.deleted', current, null);
    });
    ctx.loaders.webhookEndpointById.clear(id);
    return id;
  }

  /** A new signing secret; the current one keeps signing (as a second `v1=`) for 24 hours. */
  async rotateSecret(ctx: RequestContext, id: string): Promise<EndpointWithSecret> {
    await this.access.ownedWebhookEndpoint(ctx, id);
    const secret = newSecret();
    const endpoint = await this.transactions.run(ctx, async (uow) => {
      const current = await this.readForChange(uow, id);
      const { secret: oldSecret } = (await uow.manager
        .createQueryBuilder(WebhookEndpoint, 'w')
        .select('w.id')
        .addSelect('w.secret')
        .where('w.id = :id', { id })
        .getOne())!;
      const written = await updateRowIfVersion(uow, WebhookEndpoint, current, {
        secret,
        previousSecret: oldSecret,
        // Compared with the wall clock when the dispatcher signs (webhook signatures keep wall-clock time).
        previousSecretExpiresAt: new Date(this.wallClock.now().getTime() + PREVIOUS_SECRET_MS),
      });
      await this.recordChange(uow, 'webhookEndpoint.secretRotated', current, written);
      return written;
    });
    ctx.loaders.webhookEndpointById.clear(id);
    return { endpoint: Object.assign(new WebhookEndpoint(), auditView(endpoint)), secret };
  }

  /** A `webhook.test` event on the endpoint, sent to that endpoint only (whatever its type filter). */
  async sendTest(ctx: RequestContext, id: string): Promise<WebhookDelivery> {
    await this.access.ownedWebhookEndpoint(ctx, id);
    const deliveryId = await this.transactions.run(ctx, async (uow) => {
      const current = await this.readForChange(uow, id);
      const recorded = await this.audit.record(
        uow,
        {
          action: 'webhook.test',
          targetType: 'WebhookEndpoint',
          targetId: id,
          tenantId: tenantOfWebhookOwner(current.ownerKey),
          before: null,
          after: auditView(current),
        },
        { endpointId: id },
      );
      return recorded.deliveryIds[0]!;
    });
    return (await this.dataSource.getRepository(WebhookDelivery).findOneBy({ id: deliveryId }))!;
  }

  /**
   * A new attempt now: the delivery goes back to PENDING, due now, unclaimed. While an attempt holds the
   * delivery's lease it is refused with CONFLICT (that attempt decides the outcome; ask again after it).
   */
  async redeliver(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
    await this.access.ownedWebhookDelivery(ctx, deliveryId);
    const delivery = await this.transactions.run(ctx, async (uow) => {
      const current = await uow.manager.findOne(WebhookDelivery, {
        where: { id: deliveryId },
        ...rowLock(uow.manager, 'pessimistic_write'),
      });
      if (!current) throw notFound('Webhook delivery', deliveryId);
      // Due now by the wall clock, which the dispatcher compares it with; so is the lease an attempt holds.
      const wallNow = this.wallClock.now();
      const values = { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: wallNow, leaseOwner: null, leaseExpiresAt: null };
      // Conditional on the lease, so an attempt claiming the delivery at this moment is never overtaken.
      const result = await uow.manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set(values)
        .where('id = :id AND (leaseOwner IS NULL OR leaseExpiresAt <= :now)', { id: deliveryId, now: wallNow })
        .execute();
      if (result.affected !== 1) {
        throw conflict('An attempt of this delivery is in progress; ask again for a redelivery once it has finished.', 'deliveryId');
      }
      const redelivered = Object.assign(new WebhookDelivery(), current, values);
      const endpoint = await this.readForChange(uow, current.endpointId);
      await this.audit.record(uow, {
        action: 'webhookDelivery.redelivered',
        targetType: 'WebhookDelivery',
        targetId: deliveryId,
        tenantId: tenantOfWebhookOwner(endpoint.ownerKey),
        before: current,
        after: redelivered,
      });
      return redelivered;
    });
    ctx.loaders.webhookDeliveryById.clear(deliveryId);
    return delivery;
  }

  /** The delivery log of an endpoint the caller owns, newest first. */
  async deliveries(ctx: RequestContext, endpointId: string, args: DeliveryListArgs): Promise<Page<WebhookDelivery>> {
    await this.access.ownedWebhookEndpoint(ctx, endpointId);
    const query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.endpointId = :endpointId', { endpointId });
    if (args.status) query.andWhere('d.status = :status', { status: args.status });
    return paginate(query, { expression: 'd.id', read: (d) => d.id, descending: true }, args);
  }

  /** The event a delivery carries (batched per request). */
  async eventOf(ctx: RequestContext, delivery: WebhookDelivery): Promise<AuditEvent> {
    return (await ctx.loaders.auditEventById.load(delivery.eventId))!;
  }

  /** Deletes finished deliveries older than the log keeps (SPEC §6: 30 days); returns how many. */
  async pruneDeliveries(now: Date): Promise<number> {
    const result = await this.dataSource.getRepository(WebhookDelivery).delete({
      status: In([WebhookDeliveryStatus.SUCCEEDED, WebhookDeliveryStatus.FAILED]),
      createdAt: LessThan(new Date(now.getTime() - DELIVERY_LOG_DAYS * DAY_MS)),
    });
    return result.affected ?? 0;
  }

  private ownerKeyOf(ctx: RequestContext): string {
    const ownerKey = this.access.webhookOwnerKeyOf(ctx.actor);
    if (ownerKey === null) {
      throw forbidden('Only a tenant’s global admin, a partner’s admin agent or a platform admin can manage webhook endpoints.');
    }
    return ownerKey;
  }

  /** The URL rules, then where its host resolves (SPEC §6); answers the normalised form, the one stored (§9). */
  private async checkedUrl(raw: string): Promise<string> {
    const url = assertWebhookUrl(raw, { production: this.options.production });
    try {
      await resolveDeliverableAddresses(url.hostname, { allowPrivateNetworks: this.options.allowPrivateNetworks });
    } catch (error) {
      if (error instanceof WebhookTargetRefused) throw badInput('url', `Events cannot be sent to this URL: ${error.reason}`);
      throw error;
    }
    return url.href;
  }

  /** Reads the endpoint a change starts from, locked on MySQL/MariaDB; gone since the scope check: NOT_FOUND. */
  private async readForChange(uow: UnitOfWork, id: string): Promise<WebhookEndpoint> {
    const current = await uow.manager.findOne(WebhookEndpoint, { where: { id }, ...rowLock(uow.manager, 'pessimistic_write') });
    if (!current) throw notFound('Webhook endpoint', id);
    return current;
  }

  private async recordChange(
    uow: UnitOfWork,
    action: EventType,
    before: WebhookEndpoint | null,
    after: WebhookEndpoint | null,
  ): Promise<void> {
    const endpoint = (after ?? before)!;
    await this.audit.record(uow, {
      action,
      targetType: 'WebhookEndpoint',
      targetId: endpoint.id,
      tenantId: tenantOfWebhookOwner(endpoint.ownerKey),
      before: before && auditView(before),
      after: after && auditView(after),
    });
  }
}

function checkedEventTypes(types: string[]): string[] {
  const unknown = types.find((type) => !isEventType(type));
  if (unknown !== undefined) {
    throw badInput('eventTypes', `"${unknown}" is not an event type; use one of ${EVENT_TYPES.join(', ')} (or none for every type).`);
  }
  return [...new Set(types)];
}

function checkedDescription(description: string): string {
  const normalised = normaliseName(description);
  if (normalised === '') return '';
  const problem = nameProblem(normalised, DESCRIPTION_MAX);
  if (problem) throw badInput('description', `The description ${problem}.`);
  return normalised;
}
