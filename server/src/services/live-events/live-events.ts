import type { DataSource } from 'typeorm';
import type { AccessPolicy } from '../../auth/access-policy';
import type { RequestContext } from '../../auth/request-context';
import { deniedMessage, Permission, rolesAllow } from '../../auth/permissions';
import { AuditTail, reachKey } from '../../db/audit-tail';
import type { AuditEvent } from '../../entities';
import type { Actor } from '../../domain/actor';
import { AppError, badInput, forbidden } from '../../domain/errors';
import { ErrorCode } from '../../domain/error-codes';
import { isEventType } from '../../domain/event-types';
import { LiveEventQueue } from './live-event-queue';

export interface LiveEventFilter {
  tenantId?: string | null;
  types?: readonly string[] | null;
}

export interface LiveEventsOptions {
  /**
   * How long after its id was made an event may still commit: ids (UUIDv7, made at insert) do not follow
   * commit order, so every poll looks this far back. Longer than any transaction can take.
   */
  lookbackMs: number;
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

/** Polls per second is 1000 / this: an event reaches its subscribers within it plus one poll's time. */
const POLL_INTERVAL_MS = 200;
/** Ids made this recently are read on every poll; older ones only when a count says one is new there. */
const TAIL_MS = 2_000;
/**
 * Ids made later than this ahead of our clock are not read: every id the server makes is a UUIDv7 of its
 * time, but rows loaded from elsewhere may carry random UUIDs, half of which sort after any time (the
 * large seed's audit events did: each poll read ~475,000 ids). Another instance's clock may run ahead by less.
 */
const FUTURE_MS = 60_000;
/** Ids remembered at most; beyond it the oldest are forgotten and the look-back starts after them. */
const MAX_SEEN = 200_000;
/** Events one subscriber may have waiting before it is ended as too slow. */
const MAX_WAITING = 1_000;

/** The smallest UUIDv7 made at `ms`: time ranges become primary-key ranges. */
function idBound(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}
/** When a UUIDv7 was made (ms since the epoch). */
const idTime = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

interface Subscriber {
  actor: Actor;
  tenantId: string | null;
  types: ReadonlySet<string> | null;
  queue: LiveEventQueue<AuditEvent>;
  joinedAtMs: number;
  /** The number of the last poll started when it joined. */
  joinedAtPoll: number;
}

/**
 * Whether an event first found by poll `poll` is "later" than the subscriber's start. A poll that started after
 * it joined sees every event committed before it joined: what the next polls find is later. What the poll
 * running at its start, or the first one after, finds is later only if its id was made after the start.
 */
const isLaterFor = (subscriber: Subscriber, poll: number, id: string): boolean =>
  poll >= subscriber.joinedAtPoll && (poll > subscriber.joinedAtPoll + 1 || idTime(id) >= subscriber.joinedAtMs);

/**
 * Live updates (SPEC §6): each subscriber receives every later audit event it may read, whichever instance
 * committed it. One poller per instance tails `audit_events` while there is at least one subscriber, dedupes
 * by id with a bounded seen-set, loads rows only for unseen ids, and checks visibility per event at delivery
 * (AccessPolicy.seesLiveEvent) with facts loaded once per poll.
 */
export class LiveEventsService {
  private readonly tail: AuditTail;
  private readonly subscribers = new Set<Subscriber>();
  private readonly seen = new Set<string>();
  /** Ids below this were forgotten (MAX_SEEN): the look-back starts here at the earliest. */
  private floor = '';
  private polls = 0;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pollAgain = false;
  private readonly pollIntervalMs: number;

  constructor(
    dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly options: LiveEventsOptions,
  ) {
    this.tail = new AuditTail(dataSource);
    this.pollIntervalMs = options.pollIntervalMs ?? POLL_INTERVAL_MS;
  }

  /**
   * Starts a subscription. Refusals in SPEC §3's order: a tenant out of scope is NOT_FOUND, a role that may not
   * read the audit trail FORBIDDEN, an unknown type BAD_USER_INPUT (field `types`).
   */
  async subscribe(ctx: RequestContext, filter: LiveEventFilter): Promise<AsyncIterableIterator<AuditEvent>> {
    const tenantId = filter.tenantId ?? null;
    if (tenantId !== null) await this.access.readableTenant(ctx, tenantId);
    if (!rolesAllow(ctx.actor.roles, Permission.ReadAuditEvents)) {
      throw forbidden(deniedMessage(Permission.ReadAuditEvents, ctx.actor.roles));
    }
    const unknown = filter.types?.find((type) => !isEventType(type));
    if (unknown !== undefined) {
      throw badInput(
        'types',
        `"${unknown}" is not an event type. Use the types listed in docs/live-updates.md, such as subscription.purchased.`,
      );
    }
    const subscriber: Subscriber = {
      actor: ctx.actor,
      tenantId,
      types: filter.types?.length ? new Set(filter.types) : null,
      queue: new LiveEventQueue<AuditEvent>(
        MAX_WAITING,
        () =>
          new AppError(
            ErrorCode.FAILED_PRECONDITION,
            `More than ${MAX_WAITING} events were waiting for this subscription: it was ended. Read events as they come, or narrow it with tenantId or types, and subscribe again.`,
          ),
        () => this.leave(subscriber),
      ),
      joinedAtMs: Date.now(),
      joinedAtPoll: this.polls,
    };
    this.subscribers.add(subscriber);
    this.wake();
    return subscriber.queue;
  }

  /** Subscribers on this instance. */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Ends every subscription and waits for a poll in flight (before the database closes). */
  async stop(): Promise<void> {
    for (const subscriber of [...this.subscribers]) void subscriber.queue.return();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private leave(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.reset();
    }
  }

  /** Polls now: a new subscriber's first poll need not wait for the interval. */
  private wake(): void {
    if (this.running) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.tick();
  }

  private tick(): void {
    this.timer = null;
    if (this.subscribers.size === 0) return this.reset();
    this.pollAgain = false;
    this.running = this.poll()
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        this.running = null;
        if (this.subscribers.size === 0) return this.reset();
        this.timer = setTimeout(() => this.tick(), this.pollAgain ? 0 : this.pollIntervalMs);
        this.timer.unref();
      });
  }

  /** No subscriber: nothing is remembered, and the next one starts afresh. */
  private reset(): void {
    this.seen.clear();
    this.floor = '';
  }

  private async poll(): Promise<void> {
    const poll = ++this.polls;
    const now = Date.now();
    let from = idBound(now - this.options.lookbackMs);
    if (this.floor > from) from = this.floor;
    let tailFrom = idBound(now - TAIL_MS);
    if (tailFrom < from) tailFrom = from;
    let seenOlder = 0;
    for (const id of this.seen) {
      if (id < from) this.seen.delete(id);
      else if (id < tailFrom) seenOlder += 1;
    }
    const recent = await this.tail.idsBetween(tailFrom, idBound(now + FUTURE_MS));
    const older =
      from < tailFrom && (await this.tail.countBetween(from, tailFrom)) > seenOlder ? await this.tail.idsBetween(from, tailFrom) : [];
    const fresh = [...older, ...recent].filter((id) => !this.seen.has(id));
    for (const id of fresh) this.seen.add(id);
    this.forgetBeyondLimit();
    await this.deliver(poll, fresh);
  }

  private forgetBeyondLimit(): void {
    if (this.seen.size <= MAX_SEEN) return;
    const ids = [...this.seen].sort();
    for (const id of ids.slice(0, ids.length - MAX_SEEN)) this.seen.delete(id);
    this.floor = ids[ids.length - MAX_SEEN];
  }

  private async deliver(poll: number, fresh: string[]): Promise<void> {
    const audience = [...this.subscribers];
    const wanted = fresh.filter((id) => audience.some((s) => isLaterFor(s, poll, id)));
    if (wanted.length === 0) return;
    const events = await this.tail.events(wanted);
    const viewingPartners = [...new Set(audience.map((s) => this.access.liveEventPartnerOf(s.actor)).filter((p) => p !== null))];
    const partners = viewingPartners.length > 0 ? await this.tail.partnersOf(wanted) : new Map<string, string[]>();
    const tenants = [...new Set(events.filter((e) => e.tenantId !== null && partners.has(e.id)).map((e) => e.tenantId!))];
    const reach = await this.tail.partnerReach(viewingPartners, tenants);
    const partnerReadsTenant = (partnerId: string, tenantId: string) => reach.has(reachKey(partnerId, tenantId));
    for (const event of events) {
      const facts = { partners: partners.get(event.id) ?? [], partnerReadsTenant };
      for (const subscriber of audience) {
        if (!isLaterFor(subscriber, poll, event.id)) continue;
        if (subscriber.types && !subscriber.types.has(event.action)) continue;
        if (subscriber.tenantId !== null && event.tenantId !== subscriber.tenantId) continue;
        if (this.access.seesLiveEvent(subscriber.actor, event, facts)) subscriber.queue.push(event);
      }
    }
  }
}
