import { createHash } from 'node:crypto';
import type { Database } from '../database';
import type { Report } from '../report';
import type { KeyedPurchase } from '../scenarios/mixed-load';

/** The server stores a key as the SHA-256 of its UTF-8 bytes (entities/idempotency-key.ts). */
const keyHash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * SPEC §3 idempotency across instances: every copy of a keyed purchase that succeeded answered the same
 * subscription, the key has exactly one record pointing at it, and that subscription was bought once (one
 * `subscription.purchased` event). A key whose purchase was refused left no record.
 */
export async function checkKeyedPurchases(report: Report, scenario: string, db: Database, purchases: KeyedPurchase[]): Promise<void> {
  const problems: string[] = [];
  let succeeded = 0;
  for (const entry of purchases) {
    const records = await db.rows<{ resultId: string }>(
      "SELECT resultId FROM idempotency_keys WHERE operation = 'purchaseSubscription' AND keyHash = ?",
      [keyHash(entry.key)],
    );
    if (entry.answeredIds.size > 1) problems.push(`${entry.key}: answered ${entry.answeredIds.size} different subscriptions`);
    if (entry.answeredIds.size === 0) {
      if (records.length !== 0) problems.push(`${entry.key}: refused (${entry.outcome}) but left ${records.length} record(s)`);
      continue;
    }
    succeeded++;
    const [id] = entry.answeredIds;
    if (records.length !== 1 || records[0].resultId !== id) problems.push(`${entry.key}: ${records.length} record(s) for one purchase`);
    const [{ n }] = await db.rows<{ n: number }>(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'subscription.purchased' AND targetId = ?",
      [id],
    );
    const [{ m }] = await db.rows<{ m: number }>(
      "SELECT COUNT(*) AS m FROM subscriptions WHERE tenantId = ? AND offerId = ? AND channel = 'RESELLER'",
      [entry.tenantId, entry.offerId],
    );
    if (Number(n) !== 1 || Number(m) !== 1) problems.push(`${entry.key}: ${n} purchase events, ${m} subscriptions for its slot`);
  }
  report.check(
    scenario,
    `one record and one subscription per idempotency key (${purchases.length} keys, ${succeeded} bought, ${purchases.length - succeeded} refused)`,
    problems.length === 0 && purchases.length > 0,
    problems.length ? problems.slice(0, 5).join('; ') : purchases.length === 0 ? 'no keyed purchase was made' : '',
  );
}
