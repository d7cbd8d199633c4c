import type { EntityManager } from 'typeorm';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../entities';
import { placeholders, rowReader } from './row-reader';

/**
 * The statements of the webhook fan-out, which runs inside every change's transaction: prebuilt SQL (as the
 * per-request loaders use), so that a change pays one indexed SELECT, and one INSERT when an endpoint
 * receives its event, without building a TypeORM query for each.
 */

/** The enabled endpoints of these owners: their ids, owners and event type filters (idx_webhook_endpoints_owner). */
export async function enabledEndpointsOf(
  manager: EntityManager,
  ownerKeys: readonly string[],
): Promise<{ id: string; ownerKey: string; eventTypes: string[] }[]> {
  if (ownerKeys.length === 0) return [];
  const w = rowReader(manager.connection, WebhookEndpoint);
  const rows: { id: string; ownerKey: string; eventTypes: string }[] = await manager.query(
    `SELECT ${w.column('w', 'id')} AS id, ${w.column('w', 'ownerKey')} AS ownerKey, ${w.column('w', 'eventTypes')} AS eventTypes FROM ${w.table} w ` +
      `WHERE ${w.column('w', 'ownerKey')} IN (${placeholders(ownerKeys.length)}) AND ${w.column('w', 'enabled')} = 1`,
    [...ownerKeys],
  );
  return rows.map((row) => ({ id: row.id, ownerKey: row.ownerKey, eventTypes: JSON.parse(row.eventTypes) as string[] }));
}

const QUEUED_COLUMNS = ['id', 'endpointId', 'eventId', 'status', 'attempts', 'nextAttemptAt', 'createdAt'] as const;

/** Queues PENDING deliveries (no attempt yet, due at `now`, the wall clock's: the dispatcher's) in one statement. */
export async function insertPendingDeliveries(
  manager: EntityManager,
  deliveries: readonly { id: string; endpointId: string; eventId: string }[],
  now: Date,
): Promise<void> {
  if (deliveries.length === 0) return;
  const { connection } = manager;
  const d = rowReader(connection, WebhookDelivery);
  const metadata = connection.getMetadata(WebhookDelivery);
  const columns = QUEUED_COLUMNS.map((property) => metadata.findColumnWithPropertyName(property)!);
  // The driver's own conversion of each value (a Date to SQLite's text form, for one).
  const due = connection.driver.preparePersistentValue(now, columns[5]!);
  const created = connection.driver.preparePersistentValue(now, columns[6]!);
  const row = `(${placeholders(QUEUED_COLUMNS.length)})`;
  await manager.query(
    `INSERT INTO ${d.table} (${columns.map((c) => connection.driver.escape(c.databaseName)).join(', ')}) VALUES ${deliveries.map(() => row).join(', ')}`,
    deliveries.flatMap((delivery) => [delivery.id, delivery.endpointId, delivery.eventId, WebhookDeliveryStatus.PENDING, 0, due, created]),
  );
}
