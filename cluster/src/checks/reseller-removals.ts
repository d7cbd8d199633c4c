import type { Database } from '../database';
import type { Report } from '../report';
import type { RemovalRace } from '../scenarios/mixed-load';

/**
 * SPEC §1: removeResellerRelationship is refused while any subscription the reseller sold to the customer is
 * ACTIVE, and afterwards the reseller manages nothing of that tenant. So once a relationship is removed
 * (and not created again), no subscription it sold to that tenant is ACTIVE: neither one that was active when
 * it was removed nor one bought or reactivated after it. Checked on the final rows, and on the answers: a
 * removal and a sale that raced cannot both have succeeded.
 */
export async function checkResellerRemovals(
  report: Report,
  scenario: string,
  db: Database,
  resellerId: string,
  races: RemovalRace[],
): Promise<void> {
  const broken = await db.rows<{ tenantId: string; n: number }>(
    `SELECT s.tenantId, COUNT(*) AS n FROM subscriptions s
       WHERE s.channel = 'RESELLER' AND s.resellerId = ? AND s.status = 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM reseller_relationships r WHERE r.partnerId = s.resellerId AND r.tenantId = s.tenantId)
       GROUP BY s.tenantId`,
    [resellerId],
  );
  const [{ removed }] = await db.rows<{ removed: number }>(
    "SELECT COUNT(*) AS removed FROM audit_events WHERE action = 'resellerRelationship.removed' AND actorPartnerId = ?",
    [resellerId],
  );
  const bothAnswered = races.filter((r) => r.remove === 'OK' && (r.reactivate === 'OK' || r.purchase === 'OK'));
  const outcomes = new Map<string, number>();
  for (const r of races) {
    const key = `remove ${r.remove}, reactivate ${r.reactivate}, purchase ${r.purchase}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  report.check(
    scenario,
    `no relationship removed while one of its sales was active (${races.length} races, ${removed} removals)`,
    broken.length === 0 && bothAnswered.length === 0 && races.length > 0,
    [
      broken.length ? `${broken.length} removed relationship(s) with active sales, e.g. tenant ${broken[0].tenantId} (${broken[0].n})` : '',
      bothAnswered.length ? `${bothAnswered.length} race(s) where the removal and a sale both succeeded` : '',
      races.length === 0 ? 'no race ran' : '',
      [...outcomes].map(([k, n]) => `${n}× ${k}`).join('; '),
    ]
      .filter(Boolean)
      .join(' | '),
  );
}
