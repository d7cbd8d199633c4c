/**
 * SPEC §7: every instance runs the lifecycle sweep; over one database each expired subscription is deleted
 * once, with one `subscription.deleted` event, however the sweeps overlap. Two app instances (two pools, two
 * lease owners) sweep at the same moment over many expired subscriptions.
 * MariaDB only: SQLite is one process's embedded file.
 */
import pino from 'pino';
import { In } from 'typeorm';
import { startTestServer, type TestServer } from './support/harness';
import { expiredSubscriptions } from './support/expired-subscriptions';
import { createApp, type TenantryApp } from '../src/app';
import { AuditEvent, Subscription, WorkLease } from '../src/entities';
import { ifSetUp } from './support/set-up';

const COUNT = 40;

describe('two instances sweeping one MariaDB database', () => {
  let server: TestServer;
  let second: TenantryApp;
  let ids: string[];

  beforeAll(async () => {
    server = await startTestServer();
    second = await createApp({ config: server.config, clock: server.clock, logger: pino({ level: 'silent' }) });
    ({ ids } = await expiredSubscriptions(server, COUNT));
  }, 120_000);
  afterAll(async () => {
    await ifSetUp(second)?.stop();
    await server.stop();
  });

  it(`deletes each of ${COUNT} expired subscriptions once, with one audit event each`, async () => {
    const [first, other] = await Promise.all([server.app.services.lifecycle.sweep(), second.services.lifecycle.sweep()]);
    expect(first.deleted + other.deleted).toBe(COUNT);

    const statuses = await server.dataSource.getRepository(Subscription).findBy({ id: In(ids) });
    expect(statuses.map((s) => s.status)).toEqual(ids.map(() => 'DELETED'));
    const events = await server.dataSource.getRepository(AuditEvent).findBy({ action: 'subscription.deleted', targetId: In(ids) });
    expect(events.map((e) => e.targetId).sort()).toEqual([...ids].sort());
    expect(await server.dataSource.getRepository(WorkLease).count()).toBe(0);
    // Each instance counted its own deletions.
    const counted = async (app: TenantryApp) => (await app.metrics.sweepDeleted.get()).values[0]?.value ?? 0;
    expect((await counted(server.app)) + (await counted(second))).toBe(COUNT);
  });
});
