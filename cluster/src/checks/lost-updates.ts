import type { Database } from '../database';
import type { Report } from '../report';
import type { LoadLog } from '../scenarios/mixed-load';

interface Version {
  version: number;
  quantity: number;
}

/**
 * SPEC §3 "concurrent changes never lose an update", per hot subscription, from its row and its audit events:
 * the events' before/after chain runs unbroken from version 1 to the row's version (each change started from
 * the one before it, and the last one is what the row holds), and every change acknowledged to a client is one
 * of those links with the quantity it answered. With no unanswered request, the links are exactly the acknowledged changes.
 */
/** Each hot subscription's current version, to pass as `since` to a later check. */
export async function versionsNow(db: Database, hotIds: string[]): Promise<Map<string, number>> {
  const rows = await db.rows<{ id: string; version: number }>('SELECT id, version FROM subscriptions WHERE id IN (?)', [hotIds]);
  return new Map(rows.map((r) => [r.id, r.version]));
}

export async function checkLostUpdates(
  report: Report,
  scenario: string,
  db: Database,
  hotIds: string[],
  log: LoadLog,
  /** Each subscription's version when this load began (an earlier scenario's changes are not in its log). */
  since = new Map<string, number>(),
): Promise<void> {
  const problems: string[] = [];
  let acknowledged = 0;
  for (const id of hotIds) {
    const [row] = await db.rows<{ version: number; quantity: number }>('SELECT version, quantity FROM subscriptions WHERE id = ?', [id]);
    const events = await db.rows<{ before: string; after: string }>(
      "SELECT `before`, `after` FROM audit_events WHERE targetId = ? AND action = 'subscription.quantityChanged'",
      [id],
    );
    const links = events
      .map((e) => ({ before: JSON.parse(e.before) as Version, after: JSON.parse(e.after) as Version }))
      .sort((x, y) => x.after.version - y.after.version);
    let previous: Version = { version: 1, quantity: 1 };
    for (const link of links) {
      if (
        link.before.version !== previous.version ||
        link.after.version !== previous.version + 1 ||
        link.before.quantity !== previous.quantity
      ) {
        problems.push(
          `${id}: the change to version ${link.after.version} started from ${JSON.stringify(link.before)}, not from ${JSON.stringify(previous)}`,
        );
        break;
      }
      previous = link.after;
    }
    if (row.version !== previous.version || row.quantity !== previous.quantity) {
      problems.push(
        `${id}: the row is at version ${row.version} (quantity ${row.quantity}), its audit chain ends at ${JSON.stringify(previous)}`,
      );
    }
    const acks = log.acknowledged.get(id) ?? [];
    acknowledged += acks.length;
    const byVersion = new Map(links.map((l) => [l.after.version, l.after.quantity]));
    const versions = new Set<number>();
    for (const ack of acks) {
      if (versions.has(ack.version)) problems.push(`${id}: version ${ack.version} was acknowledged twice`);
      versions.add(ack.version);
      if (byVersion.get(ack.version) !== ack.quantity) {
        problems.push(`${id}: the acknowledged change to version ${ack.version} (quantity ${ack.quantity}) is not in the audit chain`);
      }
    }
    const unanswered = log.uncertain.get(id) ?? 0;
    const committed = links.filter((l) => l.after.version > (since.get(id) ?? 1)).length;
    if (committed < acks.length || committed > acks.length + unanswered) {
      problems.push(`${id}: ${committed} changes committed, ${acks.length} acknowledged and ${unanswered} unanswered`);
    }
  }
  report.check(
    scenario,
    `no lost update on ${hotIds.length} hot subscriptions (${acknowledged} acknowledged changes, each in the final chain with its audit event)`,
    problems.length === 0,
    problems.slice(0, 5).join('; '),
  );
}
