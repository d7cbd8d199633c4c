import type { Database } from '../database';
import type { Report } from '../report';

/** SPEC §1: at most one non-deleted subscription per (tenant, offer, channel), counted by status, not by the index that enforces it. */
export async function checkOneLiveSubscription(report: Report, scenario: string, db: Database): Promise<void> {
  const doubles = await db.rows<{ tenantId: string; offerId: string; channel: string; n: number }>(
    "SELECT tenantId, offerId, channel, COUNT(*) AS n FROM subscriptions WHERE status <> 'DELETED' GROUP BY tenantId, offerId, channel HAVING COUNT(*) > 1",
  );
  const [{ total }] = await db.rows<{ total: number }>("SELECT COUNT(*) AS total FROM subscriptions WHERE status <> 'DELETED'");
  report.check(
    scenario,
    `at most one live subscription per (tenant, offer, channel) (${total} live)`,
    doubles.length === 0,
    doubles
      .slice(0, 3)
      .map((d) => `${d.tenantId}/${d.offerId}/${d.channel}: ${d.n}`)
      .join('; '),
  );
}
