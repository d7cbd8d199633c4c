/**
 * SPEC §3: an error answer means nothing was committed. The request time limit (REQUEST_TIMEOUT_MS) used to
 * answer 503 while the mutation kept running and committed afterwards. Now a unit of work that has not sent
 * its COMMIT when the limit passes never sends it, and a request whose change has committed gets its real
 * answer, however long the rest of it takes.
 */
import { dumpDatabase, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type SubscriptionView, type World } from './support/world';
import { testDatabaseKind } from './support/database';
import { CHANGE_LICENSE_QUANTITY } from './graphql/shared-definitions';

const LIMIT_MS = 1_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`the request time limit never answers for a change that commits (${testDatabaseKind()})`, () => {
  let server: TestServer;
  let world: World;
  let subscription: SubscriptionView;

  beforeAll(async () => {
    server = await startTestServer({ env: { REQUEST_TIMEOUT_MS: String(LIMIT_MS) } });
    world = await buildWorld(server);
    subscription = await kitFor(server).purchase(world.tokens.resellerAdmin, {
      tenantId: world.tenants.customer,
      offerId: world.offers.basic.id,
      quantity: 5,
    });
  });
  afterAll(() => server.stop());

  it('answers QUERY_TOO_COMPLEX (503) for a change still running at the limit, and it never commits afterwards', async () => {
    const audit = server.app.services.audit;
    const record = audit.record.bind(audit);
    // Set by the slowed audit.record once it resumes; the loop below waits for it.
    const unit = { resumed: false };
    // Inside the transaction, after the subscription's write: the change would commit 1.5 s after the limit.
    audit.record = async (...args: Parameters<typeof record>) => {
      await pause(LIMIT_MS + 1_500);
      unit.resumed = true;
      return record(...args);
    };
    const before = await dumpDatabase(server.dataSource);
    try {
      const started = Date.now();
      const response = await server.gql(
        CHANGE_LICENSE_QUANTITY,
        { input: { subscriptionId: subscription.id, quantity: 9 } },
        world.tokens.resellerAdmin,
      );
      expect(response.status).toBe(503);
      expect(response.errors?.map((e) => e.extensions)).toEqual([{ code: 'QUERY_TOO_COMPLEX' }]);
      expect(response.errors?.[0].message).toMatch(/time limit of 1000 ms, and nothing was changed/);
      expect(Date.now() - started).toBeLessThan(LIMIT_MS + 1_000);
      // The unit of work resumes after the answer, and must end without committing.
      while (!unit.resumed) await pause(50);
      await pause(500);
    } finally {
      audit.record = record;
    }
    expect(await dumpDatabase(server.dataSource)).toEqual(before);
    // And the same change goes through once the server is quick again.
    const changed = ok(
      await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: subscription.id, quantity: 9 } }, world.tokens.resellerAdmin),
    );
    expect(changed.changeLicenseQuantity.subscription).toMatchObject({ quantity: 9, version: subscription.version + 1 });
    subscription = changed.changeLicenseQuantity.subscription;
  });

  it('gives a change that committed before the limit its real answer, however long the rest takes', async () => {
    const subscriptions = server.app.services.subscriptions;
    const changeQuantity = subscriptions.changeQuantity.bind(subscriptions);
    // After the commit: the answer is only ready 1.5 s after the limit.
    subscriptions.changeQuantity = async (...args: Parameters<typeof changeQuantity>) => {
      const changed = await changeQuantity(...args);
      await pause(LIMIT_MS + 500);
      return changed;
    };
    try {
      const response = await server.gql(
        CHANGE_LICENSE_QUANTITY,
        { input: { subscriptionId: subscription.id, quantity: 11 } },
        world.tokens.resellerAdmin,
      );
      expect(response.status).toBe(200);
      expect(ok(response).changeLicenseQuantity.subscription).toMatchObject({ quantity: 11, version: subscription.version + 1 });
    } finally {
      subscriptions.changeQuantity = changeQuantity;
    }
    const events = (await kitFor(server).auditEvents(world.tenants.customer)).filter(
      (e) => e.action === 'subscription.quantityChanged' && e.targetId === subscription.id,
    );
    expect(events.map((e) => e.after)).toEqual(expect.arrayContaining([expect.objectContaining({ quantity: 11 })]));
  });
});
