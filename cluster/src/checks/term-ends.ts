import { createHash } from 'node:crypto';
import type { Database } from '../database';
import type { Report } from '../report';
import { anchoredTermEnd, timeOf } from '../terms';

/** What scenario 5 did to a subscription before (and while) domain time jumped across its term ends. */
export type TermGroup = 'renewing' | 'scheduled' | 'expiring' | 'racing';

export interface TermSubscription {
  id: string;
  group: TermGroup;
  /** The quantity it was bought with. */
  quantity: number;
  /** scheduleRenewalChange's quantity (group scheduled). */
  scheduledQuantity: number | null;
  /** Changes made through the API after the purchase and before the jump (scheduleRenewalChange, setAutoRenew). */
  apiChanges: number;
  /**
   * Group racing: the answer to the quantity increase (+1) sent while the sweep ran, or null when none was sent.
   * OK: it committed; NETWORK/INTERNAL_SERVER_ERROR/NO_CODE: unknown; anything else: refused, nothing written.
   */
  raced: string | null;
}

export const LIFECYCLE_ACTIONS = ['subscription.renewed', 'subscription.expired', 'subscription.termEnding', 'subscription.deleted'];
const UNANSWERED = new Set(['NETWORK', 'INTERNAL_SERVER_ERROR', 'NO_CODE']);

interface Row {
  id: string;
  status: string;
  quantity: number;
  version: number;
  autoRenew: number;
  createdAt: string;
  termStartsAt: string;
  termEndsAt: string;
  termMonths: number;
  scheduledChange: string | null;
  expiredAt: string | null;
}

interface EventRow {
  id: string;
  at: string;
  targetId: string;
  action: string;
  actorSubject: string;
  before: string | null;
  after: string | null;
}

type Snapshot = Record<string, unknown> & {
  version?: number;
  quantity?: number;
  termStartsAt?: string;
  termEndsAt?: string;
  scheduledChange?: { quantity?: number | null } | null;
};

interface Event {
  id: string;
  at: number;
  action: string;
  actorSubject: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

const parse = (json: string | null): Snapshot | null => (json === null ? null : (JSON.parse(json) as Snapshot));
const iso = (ms: number) => (Number.isNaN(ms) ? String(ms) : new Date(ms).toISOString());

/** What one node holds for the scenario's subscriptions: their rows and every event on them. */
interface NodeView {
  name: string;
  rows: Map<string, Row>;
  events: Map<string, Event[]>;
  digest: string;
}

async function readNode(db: Database, ids: string[]): Promise<NodeView> {
  const rows = new Map<string, Row>();
  const events = new Map<string, Event[]>();
  const hash = createHash('sha256');
  // Pages of 500 ids: one IN list per page keeps each statement small.
  for (let i = 0; i < ids.length; i += 500) {
    const page = ids.slice(i, i + 500);
    const found = await db.rows<Row>(
      'SELECT id, status, quantity, version, autoRenew, createdAt, termStartsAt, termEndsAt, termMonths, scheduledChange, expiredAt FROM subscriptions WHERE id IN (?) ORDER BY id',
      [page],
    );
    for (const row of found) {
      rows.set(row.id, row);
      hash.update(JSON.stringify(row));
    }
    const found2 = await db.rows<EventRow>(
      "SELECT id, at, targetId, action, actorSubject, `before`, `after` FROM audit_events WHERE targetType = 'Subscription' AND targetId IN (?) ORDER BY id",
      [page],
    );
    for (const e of found2) {
      hash.update(JSON.stringify(e));
      const list = events.get(e.targetId) ?? [];
      list.push({
        id: e.id,
        at: timeOf(e.at),
        action: e.action,
        actorSubject: e.actorSubject,
        before: parse(e.before),
        after: parse(e.after),
      });
      events.set(e.targetId, list);
    }
  }
  return { name: db.name, rows, events, digest: hash.digest('hex').slice(0, 16) };
}

/** Problems by the property they break, each a short line naming the subscription. */
class Problems {
  readonly byKind = new Map<string, string[]>();
  add(kind: string, line: string): void {
    const list = this.byKind.get(kind) ?? [];
    list.push(line);
    this.byKind.set(kind, list);
  }
  of(kind: string): string[] {
    return this.byKind.get(kind) ?? [];
  }
}

export interface TermEndCounts {
  renewed: number;
  expired: number;
  notices: number;
  deleted: number;
  /** Term ends the subscriptions crossed, summed: each owes exactly one renewed or expired event. */
  termEndsCrossed: number;
}

/** Checks one node's copy; the counts are that node's. */
function evaluate(view: NodeView, subscriptions: TermSubscription[], crossed: number, problems: Problems): TermEndCounts {
  const counts: TermEndCounts = { renewed: 0, expired: 0, notices: 0, deleted: 0, termEndsCrossed: 0 };
  const at = (label: string) => `${view.name} ${label}`;
  for (const s of subscriptions) {
    const row = view.rows.get(s.id);
    if (!row) {
      problems.add('terms', at(`${s.id}: no row`));
      continue;
    }
    const events = view.events.get(s.id) ?? [];
    const createdAt = new Date(timeOf(row.createdAt));
    const ends = Array.from({ length: crossed + 2 }, (_, k) => anchoredTermEnd(createdAt, k).getTime()); // ends[0] = createdAt, ends[k] = k-th term end
    const renewals = events.filter((e) => e.action === 'subscription.renewed');
    const expiries = events.filter((e) => e.action === 'subscription.expired');
    const notices = events.filter((e) => e.action === 'subscription.termEnding');
    counts.renewed += renewals.length;
    counts.expired += expiries.length;
    counts.notices += notices.length;
    counts.deleted += events.filter((e) => e.action === 'subscription.deleted').length;
    const expiring = s.group === 'expiring';
    counts.termEndsCrossed += expiring ? 1 : crossed;

    // One renewal per term end crossed (auto-renew on), or one expiry at the first (auto-renew off); by the
    // term each event ended (its before.termEndsAt).
    const endedBy = (list: Event[]) => list.map((e) => timeOf(e.before?.termEndsAt)).sort((a, b) => a - b);
    const wantRenewed = expiring ? [] : ends.slice(1, crossed + 1);
    const wantExpired = expiring ? [ends[1]] : [];
    const gotRenewed = endedBy(renewals);
    const gotExpired = endedBy(expiries);
    if (gotRenewed.join() !== wantRenewed.join() || gotExpired.join() !== wantExpired.join()) {
      problems.add(
        'events',
        at(
          `${s.id} (${s.group}): renewed for term ends [${gotRenewed.map(iso).join(', ')}], expired at [${gotExpired.map(iso).join(', ')}]; want renewed [${wantRenewed.map(iso).join(', ')}], expired [${wantExpired.map(iso).join(', ')}]`,
        ),
      );
    }
    for (const e of [...renewals, ...expiries]) {
      if (e.actorSubject !== 'system:lifecycle-sweep')
        problems.add('events', at(`${s.id}: ${e.action} ${e.id} by ${e.actorSubject}, not the sweep`));
    }

    // Anchored terms, in every renewal event and in the row.
    for (const e of renewals) {
      const k = ends.indexOf(timeOf(e.before?.termEndsAt));
      if (k < 1) continue; // reported above
      if (timeOf(e.after?.termStartsAt) !== ends[k] || timeOf(e.after?.termEndsAt) !== ends[k + 1]) {
        problems.add(
          'terms',
          at(
            `${s.id}: the renewal at ${iso(ends[k])} started a term ${e.after?.termStartsAt} – ${e.after?.termEndsAt}, want ${iso(ends[k])} – ${iso(ends[k + 1])}`,
          ),
        );
      }
    }
    const want = expiring
      ? { status: 'EXPIRED', termStartsAt: ends[0], termEndsAt: ends[1], termMonths: 1, autoRenew: 0, expiredAt: ends[1] }
      : {
          status: 'ACTIVE',
          termStartsAt: ends[crossed],
          termEndsAt: ends[crossed + 1],
          termMonths: crossed + 1,
          autoRenew: 1,
          expiredAt: Number.NaN,
        };
    const has = {
      status: row.status,
      termStartsAt: timeOf(row.termStartsAt),
      termEndsAt: timeOf(row.termEndsAt),
      termMonths: row.termMonths,
      autoRenew: Number(row.autoRenew),
      expiredAt: row.expiredAt === null ? Number.NaN : timeOf(row.expiredAt),
    };
    if (JSON.stringify(has) !== JSON.stringify(want)) {
      const show = (v: typeof want) =>
        `${v.status} ${iso(v.termStartsAt)} – ${iso(v.termEndsAt)} (${v.termMonths} months, autoRenew ${v.autoRenew}, expiredAt ${iso(v.expiredAt)})`;
      problems.add('terms', at(`${s.id} (${s.group}, bought ${iso(ends[0])}): the row is ${show(has)}, want ${show(want)}`));
    }

    // The scheduled quantity: applied by the first renewal and cleared there, never again.
    const scheduled = row.scheduledChange === null ? null : (JSON.parse(row.scheduledChange) as { quantity?: number | null } | null);
    const raisedBy = s.raced === 'OK' ? 1 : 0;
    const quantities =
      s.group === 'scheduled'
        ? [s.scheduledQuantity!]
        : s.raced !== null && UNANSWERED.has(s.raced)
          ? [s.quantity, s.quantity + 1]
          : [s.quantity + raisedBy];
    if (scheduled !== null || !quantities.includes(row.quantity)) {
      problems.add(
        'scheduled',
        at(`${s.id} (${s.group}): quantity ${row.quantity} (want ${quantities.join(' or ')}), scheduledChange ${row.scheduledChange}`),
      );
    }
    const byEnd = [...renewals].sort((a, b) => timeOf(a.before?.termEndsAt) - timeOf(b.before?.termEndsAt));
    if (s.group === 'scheduled') {
      const first = byEnd.at(0);
      const later = byEnd.slice(1);
      if (
        first &&
        (first.before?.scheduledChange?.quantity !== s.scheduledQuantity ||
          first.after?.quantity !== s.scheduledQuantity ||
          first.after.scheduledChange != null)
      ) {
        problems.add(
          'scheduled',
          at(
            `${s.id}: the first renewal went from quantity ${first.before?.quantity} (scheduled ${JSON.stringify(first.before?.scheduledChange)}) to ${first.after?.quantity} (scheduled ${JSON.stringify(first.after?.scheduledChange)}), want ${s.scheduledQuantity} and null`,
          ),
        );
      }
      for (const e of later) {
        if (e.before?.scheduledChange != null || e.after?.quantity !== s.scheduledQuantity) {
          problems.add(
            'scheduled',
            at(
              `${s.id}: the renewal at ${e.before?.termEndsAt} found scheduledChange ${JSON.stringify(e.before?.scheduledChange)} and left quantity ${e.after?.quantity}`,
            ),
          );
        }
      }
    } else {
      for (const e of byEnd) {
        if (e.before?.scheduledChange != null || e.after?.scheduledChange != null || e.after?.quantity !== e.before?.quantity) {
          problems.add(
            'scheduled',
            at(
              `${s.id} (${s.group}, nothing scheduled): the renewal at ${e.before?.termEndsAt} changed quantity ${e.before?.quantity} → ${e.after?.quantity}, scheduledChange ${JSON.stringify(e.after?.scheduledChange)}`,
            ),
          );
        }
      }
    }

    // Versions: every change is one link of an unbroken chain from the purchase (version 1) to the row; the
    // changes are the API's before the jump, one per term end crossed, and the raced increase if it committed.
    const links = events
      .filter((e) => typeof e.after?.version === 'number' && e.after.version !== e.before?.version)
      .sort((a, b) => a.after!.version! - b.after!.version!);
    let previous = 0;
    for (const link of links) {
      const from = link.before?.version ?? 0;
      if (from !== previous || link.after!.version !== previous + 1) {
        problems.add(
          'version',
          at(`${s.id}: ${link.action} ${link.id} went from version ${from} to ${link.after!.version}, after version ${previous}`),
        );
        break;
      }
      previous = link.after!.version!;
    }
    const termChanges = expiring ? 1 : crossed;
    const bumpingNotices = notices.filter((e) => e.after?.version !== e.before?.version).length;
    // The raced increase: committed (OK) adds one; unanswered may have.
    const raceChanges = s.raced !== null && UNANSWERED.has(s.raced) ? [0, 1] : [raisedBy];
    const made = row.version - (1 + s.apiChanges + termChanges + bumpingNotices);
    if (row.version !== previous || !raceChanges.includes(made)) {
      problems.add(
        'version',
        at(
          `${s.id} (${s.group}): version ${row.version}, chain ends at ${previous}; want 1 + ${s.apiChanges} API change(s) + ${termChanges} term end(s)${bumpingNotices ? ` + ${bumpingNotices} notice(s)` : ''}${s.raced ? ` + the raced increase (${s.raced})` : ''}`,
        ),
      );
    }

    // Notices: at most one per term, and never for a term that had already ended when it was written.
    const noticed = new Map<number, number>();
    for (const e of notices) {
      const end = timeOf(e.after?.termEndsAt ?? e.before?.termEndsAt);
      noticed.set(end, (noticed.get(end) ?? 0) + 1);
      if (e.at >= end)
        problems.add('notices', at(`${s.id}: subscription.termEnding ${e.id} at ${iso(e.at)} for the term that ended ${iso(end)}`));
    }
    for (const [end, n] of noticed)
      if (n > 1) problems.add('notices', at(`${s.id}: ${n} subscription.termEnding for the term ending ${iso(end)}`));
  }
  return counts;
}

/**
 * SPEC §8 "each term end is processed exactly once, also with several instances", on every node's copy:
 * one `subscription.renewed` per subscription and term end crossed (auto-renew on) or one
 * `subscription.expired` at the first (off); term starts and ends anchored to the purchase; a scheduled
 * quantity applied once, by the first renewal, then cleared; versions counting exactly the changes made.
 */
export async function checkTermEnds(
  report: Report,
  scenario: string,
  nodes: Database[],
  subscriptions: TermSubscription[],
  crossed: number,
): Promise<TermEndCounts> {
  const ids = subscriptions.map((s) => s.id);
  const views = [];
  for (const db of nodes) views.push(await readNode(db, ids));
  const problems = new Problems();
  const counts = views.map((view) => evaluate(view, subscriptions, crossed, problems));
  const [first] = counts;
  const groups = new Map<TermGroup, number>();
  for (const s of subscriptions) groups.set(s.group, (groups.get(s.group) ?? 0) + 1);
  const describeGroups = [...groups].map(([g, n]) => `${n} ${g}`).join(', ');
  const sample = (kind: string) =>
    problems.of(kind).slice(0, 4).join('; ') + (problems.of(kind).length > 4 ? ` (+${problems.of(kind).length - 4} more)` : '');

  const digests = views.map((v) => `${v.name} ${v.digest}`);
  report.check(
    scenario,
    `every node holds the same rows and events for the ${subscriptions.length} subscriptions (${views.map((v) => [...v.events.values()].reduce((n, l) => n + l.length, 0)).join(' / ')} events)`,
    new Set(views.map((v) => v.digest)).size === 1,
    digests.join(', '),
  );
  report.check(
    scenario,
    `every term end crossed processed exactly once on every node: ${first.renewed} subscription.renewed + ${first.expired} subscription.expired for ${first.termEndsCrossed} term ends (${describeGroups}; ${crossed} term ends each, 1 for those with auto-renew off)`,
    problems.of('events').length === 0 && counts.every((c) => c.renewed + c.expired === c.termEndsCrossed),
    sample('events'),
  );
  report.check(
    scenario,
    'termStartsAt/termEndsAt/termMonths anchored to the purchase (end-of-month clamped) in every renewal and row',
    problems.of('terms').length === 0,
    sample('terms'),
  );
  report.check(
    scenario,
    `the scheduled quantity applied once, at the first renewal, then scheduledChange null (${groups.get('scheduled') ?? 0} scheduled); no other renewal changed a quantity`,
    problems.of('scheduled').length === 0,
    sample('scheduled'),
  );
  report.check(
    scenario,
    'version = 1 + the changes made, each event one link of an unbroken version chain',
    problems.of('version').length === 0,
    sample('version'),
  );
  report.check(
    scenario,
    `at most one subscription.termEnding per term, none written after its term ended (${first.notices} notices), no subscription deleted (${first.deleted})`,
    problems.of('notices').length === 0 && counts.every((c) => c.deleted === 0),
    sample('notices'),
  );
  return first;
}
