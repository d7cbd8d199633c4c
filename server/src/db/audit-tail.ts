import type { DataSource } from 'typeorm';
import { AuditEvent, AuditEventPartner, ResellerRelationship, Subscription } from '../entities';
import { SubscriptionStatus } from '../entities/enums';
import { placeholders, rowReader } from './row-reader';

/** Ids per `IN (…)` list: far below SQLite's and MySQL's limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The statements that tail `audit_events` for live updates (SPEC §6). Ids are UUIDv7 strings, so a time
 * range is a primary-key range: the poll reads ids (cheap), and full rows only for the ids it has not seen.
 */
export class AuditTail {
  constructor(private readonly dataSource: DataSource) {}

  /** Ids in [from, to) (`to` omitted: no upper bound), in id order. */
  async idsBetween(from: string, to?: string): Promise<string[]> {
    const e = rowReader(this.dataSource, AuditEvent);
    const id = e.column('e', 'id');
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT ${id} AS id FROM ${e.table} e WHERE ${id} >= ?${to === undefined ? '' : ` AND ${id} < ?`} ORDER BY ${id}`,
      to === undefined ? [from] : [from, to],
    );
    return rows.map((row) => row.id);
  }

  /** How many ids lie in [from, to): compared with the ids already seen, it tells whether a late commit landed there. */
  async countBetween(from: string, to: string): Promise<number> {
    const e = rowReader(this.dataSource, AuditEvent);
    const id = e.column('e', 'id');
    const [row]: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM ${e.table} e WHERE ${id} >= ? AND ${id} < ?`,
      [from, to],
    );
    return Number(row.n);
  }

  async events(ids: readonly string[]): Promise<AuditEvent[]> {
    const e = rowReader(this.dataSource, AuditEvent);
    const events: AuditEvent[] = [];
    for (const chunk of chunks(ids)) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT ${e.columns('e')} FROM ${e.table} e WHERE ${e.column('e', 'id')} IN (${placeholders(chunk.length)})`,
        chunk,
      );
      events.push(...rows.map((row) => e.hydrate(row)));
    }
    return events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The partners written with each event (`audit_event_partners`), by event id. */
  async partnersOf(eventIds: readonly string[]): Promise<Map<string, string[]>> {
    const p = rowReader(this.dataSource, AuditEventPartner);
    const byEvent = new Map<string, string[]>();
    for (const chunk of chunks(eventIds)) {
      const rows: { eventId: string; partnerId: string }[] = await this.dataSource.query(
        `SELECT ${p.column('p', 'eventId')} AS eventId, ${p.column('p', 'partnerId')} AS partnerId FROM ${p.table} p ` +
          `WHERE ${p.column('p', 'eventId')} IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row.partnerId]);
    }
    return byEvent;
  }

  /**
   * Which of these partners may read which of these tenants now (SPEC §2: a reseller relationship, or partner
   * of record on a subscription that is not deleted), as `partnerId tenantId` keys.
   */
  async partnerReach(partnerIds: readonly string[], tenantIds: readonly string[]): Promise<Set<string>> {
    const reach = new Set<string>();
    if (partnerIds.length === 0 || tenantIds.length === 0) return reach;
    const r = rowReader(this.dataSource, ResellerRelationship);
    const s = rowReader(this.dataSource, Subscription);
    for (const tenants of chunks(tenantIds)) {
      const list = placeholders(partnerIds.length);
      const rows: { partnerId: string; tenantId: string }[] = await this.dataSource.query(
        `SELECT ${r.column('r', 'partnerId')} AS partnerId, ${r.column('r', 'tenantId')} AS tenantId FROM ${r.table} r ` +
          `WHERE ${r.column('r', 'partnerId')} IN (${list}) AND ${r.column('r', 'tenantId')} IN (${placeholders(tenants.length)}) ` +
          `UNION SELECT DISTINCT ${s.column('s', 'partnerOfRecordId')}, ${s.column('s', 'tenantId')} FROM ${s.table} s ` +
          `WHERE ${s.column('s', 'partnerOfRecordId')} IN (${list}) AND ${s.column('s', 'tenantId')} IN (${placeholders(tenants.length)}) ` +
          `AND ${s.column('s', 'status')} <> ?`,
        [...partnerIds, ...tenants, ...partnerIds, ...tenants, SubscriptionStatus.DELETED],
      );
      for (const row of rows) reach.add(reachKey(row.partnerId, row.tenantId));
    }
    return reach;
  }
}

export const reachKey = (partnerId: string, tenantId: string) => `${partnerId} ${tenantId}`;
