import { In } from 'typeorm';
import { Subscription } from '../src/entities';
import { LostRace, TransactionRunner, type UnitOfWork } from '../src/db/transactions';
import { updateAllIfVersion } from '../src/db/versioned-writes';
import { CHANGE_LICENSE_QUANTITY } from './graphql/shared-definitions';
import { dumpDatabase, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';

/**
 * db/versioned-writes.ts writes a whole batch of subscriptions (the renewal sweep's 200) in one conditional
 * UPDATE. Each row keeps its own fields and version; when any one of them moved on since it was read, none is
 * written, so the unit of work can run again on fresh rows.
 */
describe('updateAllIfVersion: one conditional statement for a batch of rows', () => {
  let server: TestServer;
  let w: World;
  let ids: string[];
  const system = { subject: 'system:spec', roles: [], tenantId: null, partnerId: null };

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    const kit = kitFor(server);
    ids = [];
    for (const offer of [w.offers.basic, w.offers.premium, w.offers.e5]) {
      ids.push((await kit.purchase(w.tokens.directBilling, { tenantId: w.tenants.direct, offerId: offer.id, quantity: 10 })).id);
    }
  });
  afterAll(() => server.stop());

  const inTransaction = <T>(work: (uow: UnitOfWork) => Promise<T>) =>
    new TransactionRunner(server.dataSource).run({ actor: system, requestId: 'spec', clock: { now: () => new Date() } }, work);
  const read = () => server.dataSource.getRepository(Subscription).findBy({ id: In(ids) });

  it('writes each row its own fields, bumps each version by its own number of changes, and leaves 0-change rows at theirs', async () => {
    const before = new Map((await read()).map((s) => [s.id, s]));
    const [a, b, c] = ids.map((id) => before.get(id)!);
    await inTransaction((uow) =>
      updateAllIfVersion(uow, Subscription, [
        { current: a, fields: { quantity: 11, autoRenew: false }, changes: 1 },
        { current: b, fields: { scheduledChange: { quantity: 5, termDuration: null, billingCycle: null } }, changes: 2 },
        { current: c, fields: { termNoticePending: false }, changes: 0 },
      ]),
    );
    const after = new Map((await read()).map((s) => [s.id, s]));
    expect(after.get(a.id)).toMatchObject({ quantity: 11, autoRenew: false, version: a.version + 1, scheduledChange: null });
    expect(after.get(b.id)).toMatchObject({
      quantity: 10,
      autoRenew: b.autoRenew,
      version: b.version + 2,
      scheduledChange: { quantity: 5 },
    });
    expect(after.get(c.id)).toMatchObject({ quantity: 10, termNoticePending: false, version: c.version, updatedAt: c.updatedAt });
    expect(after.get(a.id)!.updatedAt.getTime()).toBeGreaterThan(a.updatedAt.getTime() - 1);
    // Through the API too: the version a caller passes as expectedVersion is the written one.
    const changed = ok(
      await server.gql(
        CHANGE_LICENSE_QUANTITY,
        { input: { subscriptionId: a.id, quantity: 12, expectedVersion: a.version + 1 } },
        w.tokens.directBilling,
      ),
    );
    expect(changed.changeLicenseQuantity.subscription).toMatchObject({ quantity: 12, version: a.version + 2 });
  });

  it('writes none of the rows when one of them changed since it was read, and says so with LostRace', async () => {
    const rows = await read();
    const moved = rows[1];
    ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: moved.id, quantity: 9 } }, w.tokens.directBilling));
    const before = await dumpDatabase(server.dataSource);
    const attempt = inTransaction((uow) =>
      updateAllIfVersion(
        uow,
        Subscription,
        rows.map((current) => ({ current, fields: { quantity: 20 } })),
      ),
    );
    // The runner retries a LostRace on fresh rows; this unit writes the stale rows again each time, so it ends as CONFLICT.
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await dumpDatabase(server.dataSource)).toEqual(before);
    await expect(
      server.dataSource.transaction((manager) =>
        updateAllIfVersion(
          { manager, actor: system, requestId: 'spec', now: new Date(), afterCommit: () => undefined, witness: () => undefined },
          Subscription,
          [{ current: moved, fields: { quantity: 20 } }],
        ),
      ),
    ).rejects.toBeInstanceOf(LostRace);
    expect(await dumpDatabase(server.dataSource)).toEqual(before);
  });
});
