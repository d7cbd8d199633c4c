import type { TestServer } from './harness';
import { kitFor, THREE_YEARS, type FreshTenant } from './world';

/**
 * `count` subscriptions of one tenant, each of its own offer, bought and suspended through the API; the
 * server's clock is then moved past their data retention, so the next lifecycle sweep deletes them all. Their
 * offers sell three-year terms, so that no term ends on the way (a suspended one would expire first).
 */
export async function expiredSubscriptions(server: TestServer, count: number): Promise<{ tenant: FreshTenant; ids: string[] }> {
  const kit = kitFor(server);
  const tenant = await kit.createTenant('Expiring Tenant');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const offer = await kit.createOffer(undefined, THREE_YEARS);
    const bought = await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
    ids.push((await kit.suspend(tenant.tokens.billing, bought.id)).id);
  }
  server.clock.advanceDays(server.config.dataRetentionDays + 1);
  return { tenant, ids };
}
