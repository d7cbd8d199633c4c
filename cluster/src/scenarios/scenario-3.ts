import { gql, ok } from '../client';
import type { Database } from '../database';
import { until } from '../processes';
import type { Report } from '../report';
import type { Instance } from '../tenantry';
import { WebhookReceiver } from '../webhook-receiver';
import { purchaseCustomers, type World } from '../world';
import { mixedLoad } from './mixed-load';

const NAME = 'scenario 3: webhooks during the load';

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id createdAt } secret } }`;
const DELETE_ENDPOINT = `mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedId } }`;

/**
 * A platform endpoint (it may read every event) on a local receiver that refuses one request in ten, while the
 * mixed load runs through the instances, every one of which dispatches. Every event committed while the
 * endpoint exists reaches the receiver at least once, correctly signed, and no (delivery id, attempt) pair
 * arrives twice: each attempt was made by one instance.
 */
export async function scenario3(report: Report, world: World, instances: Instance[], db: Database, seconds: number): Promise<void> {
  const receiver = new WebhookReceiver(0.1);
  await receiver.start();
  let endpointId = '';
  try {
    const created = ok(
      await gql<{ createWebhookEndpoint: { webhookEndpoint: { id: string; createdAt: string }; secret: string } }>(
        instances[0],
        world.platform,
        CREATE_ENDPOINT,
        {
          input: { url: receiver.url, description: 'cluster scenario 3' },
        },
      ),
      'createWebhookEndpoint',
    ).createWebhookEndpoint;
    endpointId = created.webhookEndpoint.id;
    receiver.secret = created.secret;
    const customers = await purchaseCustomers(instances[0], world, 5, `s3-${Date.now().toString(36)}`);
    const log = await mixedLoad(world, () => instances, {
      seconds,
      quantityWorkers: 4,
      versionedWorkers: 1,
      purchaseWorkers: 2,
      raceWorkers: 2,
      customers,
    });
    report.figure(`${NAME}: ${log.tally.total()} requests in ${(log.durationMs / 1000).toFixed(1)} s`);
    // Events that committed while the endpoint existed all have a delivery (the fan-out is in their transaction).
    const missing = await db.rows<{ id: string }>(
      'SELECT e.id FROM audit_events e WHERE e.at > ? AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.eventId = e.id AND d.endpointId = ?)',
      [new Date(Date.parse(created.webhookEndpoint.createdAt) + 1_000), endpointId],
    );
    const pendingNow = async () =>
      (
        await db.rows<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE endpointId = ? AND status <> 'SUCCEEDED'", [
          endpointId,
        ])
      )[0].n;
    const drainedIn = Date.now();
    await until('every delivery SUCCEEDED', 180_000, async () => (Number(await pendingNow()) === 0 ? true : undefined)).catch(
      () => undefined,
    );
    const deliveries = await db.rows<{ id: string; eventId: string; status: string; attempts: number }>(
      'SELECT id, eventId, status, attempts FROM webhook_deliveries WHERE endpointId = ?',
      [endpointId],
    );
    const got = new Set(receiver.received.filter((r) => r.answered < 300).map((r) => r.eventId));
    const undelivered = deliveries.filter((d) => !got.has(d.eventId));
    const pairs = new Map<string, number>();
    for (const r of receiver.received) pairs.set(`${r.deliveryId}#${r.attempt}`, (pairs.get(`${r.deliveryId}#${r.attempt}`) ?? 0) + 1);
    const twice = [...pairs].filter(([, n]) => n > 1);
    const unsigned = receiver.received.filter((r) => !r.signed);
    const retried = deliveries.filter((d) => d.attempts > 1).length;
    report.figure(
      `${NAME}: ${deliveries.length} deliveries, ${receiver.received.length} requests received (${retried} deliveries retried), all SUCCEEDED ${((Date.now() - drainedIn) / 1000).toFixed(1)} s after the load`,
    );
    report.check(
      NAME,
      `every event committed while the endpoint existed has a delivery (${deliveries.length})`,
      missing.length === 0 && deliveries.length > 0,
      missing.length ? `${missing.length} without, e.g. ${missing[0].id}` : '',
    );
    report.check(
      NAME,
      'the receiver got every event at least once (answered 2xx)',
      undelivered.length === 0,
      undelivered.length
        ? `${undelivered.length} not received, e.g. ${undelivered[0].id} (${undelivered[0].status}, ${undelivered[0].attempts} attempts)`
        : '',
    );
    report.check(
      NAME,
      'no (Tenantry-Delivery-Id, Tenantry-Delivery-Attempt) pair arrived twice',
      twice.length === 0 && pairs.size > 0,
      twice
        .slice(0, 3)
        .map(([k, n]) => `${k} ×${n}`)
        .join('; '),
    );
    report.check(
      NAME,
      'every request carried a valid Tenantry-Signature',
      unsigned.length === 0,
      unsigned.length ? `${unsigned.length} did not` : '',
    );
  } finally {
    // Later scenarios kill instances: the endpoint must not keep them delivering to a closed receiver.
    if (endpointId) await gql(instances[0], world.platform, DELETE_ENDPOINT, { input: { id: endpointId } });
    await receiver.stop();
  }
}
