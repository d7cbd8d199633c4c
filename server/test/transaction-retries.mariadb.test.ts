/**
 * SPEC §7: a transaction that fails for a transient reason (here a real InnoDB deadlock, 1213) is retried from
 * its start and answers as if nothing happened; `/metrics` counts the retry by reason.
 *
 * The deadlock is made on purpose, with the order in which a reseller's quantity change takes its locks: the
 * subscription row (FOR UPDATE), then the reseller relationship (shared). A second connection of this spec
 * holds the relationship and, once the change waits for it, asks for the subscription row. InnoDB rolls back
 * the smaller transaction: the change, which has written nothing yet (the spec's has written rows).
 * MariaDB only: SQLite has no row locks (its transactions are queued).
 */
import mysql from 'mysql2/promise';
import { ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';
import { scrape } from './support/scrape';
import { CHANGE_LICENSE_QUANTITY } from './graphql/shared-definitions';
import { ifSetUp } from './support/set-up';

const RETRIES = 'tenantry_transaction_retries_total';

describe('a deadlocked transaction is retried (MariaDB)', () => {
  let server: TestServer;
  let world: World;
  let other: mysql.Connection;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    other = await mysql.createConnection({ uri: server.database.url });
  });
  afterAll(async () => {
    await ifSetUp(other)?.end();
    await server.stop();
  });

  /** Whether a transaction of this spec's database is waiting for a lock (other specs share the server). */
  async function waitingForLock(): Promise<boolean> {
    const [rows] = await other.query(
      `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
       WHERE p.DB = DATABASE() AND t.trx_state = 'LOCK WAIT' AND p.ID <> CONNECTION_ID()`,
    );
    return Number((rows as { n: number }[])[0].n) > 0;
  }

  it('answers OK after a deadlock, and /metrics counts the retry', async () => {
    const kit = kitFor(server);
    const subscription = await kit.purchase(world.tokens.resellerAdmin, {
      tenantId: world.tenants.customer,
      offerId: world.offers.basic.id,
      quantity: 5,
    });
    const before = (await scrape(server.url)).value(RETRIES, { reason: 'deadlock' }) ?? 0;

    await other.query('CREATE TABLE spec_weight (n INT)');
    await other.query('START TRANSACTION');
    await other.query('INSERT INTO spec_weight VALUES (1), (2), (3), (4), (5), (6), (7), (8)');
    await other.query('SELECT id FROM reseller_relationships WHERE tenantId = ? FOR UPDATE', [world.tenants.customer]);

    const change = server.gql(
      CHANGE_LICENSE_QUANTITY,
      { input: { subscriptionId: subscription.id, quantity: 7 } },
      world.tokens.resellerAdmin,
    );
    // INNODB_TRX is a cache MariaDB refreshes only when it was last read more than 0.1 s ago.
    for (let i = 0; i < 50 && !(await waitingForLock()); i++) await new Promise((r) => setTimeout(r, 150));
    expect(await waitingForLock()).toBe(true);
    // The waiting change runs at READ COMMITTED, the level its pool sets once per connection.
    const [levels] = await other.query(
      `SELECT t.trx_isolation_level AS level FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
       WHERE p.DB = DATABASE() AND t.trx_state = 'LOCK WAIT' AND p.ID <> CONNECTION_ID()`,
    );
    expect((levels as { level: string }[]).map((l) => l.level)).toEqual(['READ COMMITTED']);
    // Closes the cycle: InnoDB detects it at once and rolls the change back; the change's retry then waits for this commit.
    await other.query('SELECT id FROM subscriptions WHERE id = ? FOR UPDATE', [subscription.id]);
    await other.query('COMMIT');

    const changed = ok(await change).changeLicenseQuantity.subscription;
    expect(changed).toMatchObject({ quantity: 7, version: subscription.version + 1 });
    expect((await scrape(server.url)).value(RETRIES, { reason: 'deadlock' })).toBe(before + 1);
    const events = (await kit.auditEvents(world.tenants.customer)).filter(
      (e) => e.action === 'subscription.quantityChanged' && e.targetId === subscription.id,
    );
    expect(events).toHaveLength(1);
  });
});
