/**
 * SPEC §7, the lifecycle sweep's leases: before expiring a subscription an instance claims it in
 * `work_leases` until a deadline. A claim another instance still holds is left alone; one whose deadline has
 * passed (its holder died) is taken over. The leases here are written as another instance would write them.
 */
import { ok, Role, startTestServer, type TestServer } from './support/harness';
import { expiredSubscriptions } from './support/expired-subscriptions';
import { GET_SUBSCRIPTION } from './graphql/shared-definitions';
import { AuditEvent, WorkLease } from '../src/entities';

const KIND = 'subscription.expire';
const MINUTE = 60_000;

describe('lifecycle sweep leases', () => {
  let server: TestServer;
  let ids: string[];
  let platform: string;
  const status = async (id: string) => ok(await server.gql(GET_SUBSCRIPTION, { id }, platform)).subscription.status;
  const leases = () => server.dataSource.getRepository(WorkLease).find({ order: { itemId: 'ASC' } });
  const deletions = (id: string) => server.dataSource.getRepository(AuditEvent).countBy({ action: 'subscription.deleted', targetId: id });
  const leaseOf = (itemId: string, owner: string, expiresInMs: number) =>
    server.dataSource
      .getRepository(WorkLease)
      .insert({ kind: KIND, itemId, owner, expiresAt: new Date(server.clock.now().getTime() + expiresInMs) });

  beforeAll(async () => {
    server = await startTestServer();
    platform = await server.token(Role.PLATFORM_ADMIN);
    ({ ids } = await expiredSubscriptions(server, 3));
  });
  afterAll(() => server.stop());

  it('takes over an expired lease, leaves a live one alone, and claims what nobody holds', async () => {
    const [stale, live, free] = ids;
    await leaseOf(stale, 'dead-instance', -MINUTE);
    await leaseOf(live, 'busy-instance', 10 * MINUTE);

    expect(await server.app.services.lifecycle.sweep()).toMatchObject({ deleted: 2 });
    expect([await status(stale), await status(live), await status(free)]).toEqual(['DELETED', 'SUSPENDED', 'DELETED']);
    expect([await deletions(stale), await deletions(live), await deletions(free)]).toEqual([1, 0, 1]);
    // Work done, its lease is gone; the live one is untouched.
    expect(await leases()).toEqual([expect.objectContaining({ kind: KIND, itemId: live, owner: 'busy-instance' })]);
  });

  it('takes the live lease over once its deadline has passed', async () => {
    const live = ids[1];
    server.clock.advanceDays(1);
    expect(await server.app.services.lifecycle.sweep()).toMatchObject({ deleted: 1 });
    expect(await status(live)).toBe('DELETED');
    expect(await deletions(live)).toBe(1);
    expect(await leases()).toEqual([]);
  });
});
