import type { TestServer } from './harness';
import { kitFor, type FreshTenant } from './world';

/**
 * `count` subscriptions of one tenant, each of its own offer, bought and suspended through the API; the
 * server's clock is then moved past their data retention, so the next lifecycle sweep deletes them all.
 */
export async function expiredSubscriptions(server: TestServer, count: number): Promise<{ tenant: FreshTenant; ids: string[] }> {
  const kit = kitFor(server);
  const tenant = await kit.createTenant('Expiring Tenant');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const offer = await kit.createOffer();
    const bought = await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
    ids.push((await kit.suspend(tenant.tokens.billing, bought.id)).id);
  }
  server.clock.advanceDays(server.config.dataRetentionDays + 1);
  return { tenant, ids };
}
