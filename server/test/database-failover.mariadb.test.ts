/**
 * Database failover (MariaDB/Galera deployments). DATABASE_URL names several hosts,
 * `mysql://user@own-node:port,next-node:port/db`: the first is the instance's own node, the others are tried
 * in order when it refuses connections or a connection to it breaks. What a user sees through a broken
 * connection:
 * - a transaction that broke before COMMIT runs again from its start, on the next node: one change, one audit event;
 * - a transaction that broke after COMMIT was sent (outcome unknown) is looked up on another node by its audit
 *   event: committed, the answer stands and nothing is applied twice; not committed, it runs again;
 * - a read that broke is sent again on the next node;
 * - /readyz speaks for the own node only: 503 while it is down (requests still answered through the next
 *   host), 200 again once it answers; and the instance then goes back to it;
 * - every host down: INTERNAL_SERVER_ERROR without detail, and nothing changed.
 *
 * The own node is a MysqlFaultProxy in front of the shared MariaDB server (the server itself is never touched);
 * the failover host is that MariaDB server directly. The proxy reads the client's packets, so a fault hits
 * one chosen statement: a connection reset before it is sent, or after it was sent with the reply lost.
 * The database is read directly (not through the server under test, not through the proxy) to check its state.
 * MariaDB only: there are no hosts to fail over between with an embedded SQLite file.
 */
import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { codeOf, ok, Role, startTestServer, type GraphQLResponse, type TestServer } from './support/harness';
import { createTestDatabase, testMysqlUrl, type TestDatabase } from './support/database';
import { MysqlFaultProxy, type FaultKind, type FiredFault } from './support/mysql-fault-proxy';
import { buildWorld, kitFor, unique, uniqueDomain, type Kit, type World } from './support/world';
import { CHANGE_LICENSE_QUANTITY, CREATE_TENANT, GET_SUBSCRIPTION, GET_TENANTS } from './graphql/shared-definitions';
import { ifSetUp } from './support/set-up';

/** Production, as deployed: errors carry no detail. */
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  // The sweep runs once at start (waited out below) and not again during the spec.
  LIFECYCLE_SWEEP_SECONDS: '86400',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Statement texts as TypeORM sends them (checked against the proxy's log). */
const AUDIT_INSERT = /^INSERT INTO `audit_events`/i;
const COMMIT = /^COMMIT$/i;
const SUBSCRIPTION_READ = /^SELECT\b[\s\S]*\bFROM `subscriptions`/i;
const TENANTS_READ = /^SELECT\b[\s\S]*\bFROM `tenants`/i;

/** `mysql://user:password@` of the test MariaDB URL, or '' when it names no user. */
function credentialsOf(url: URL): string {
  if (!url.username) return '';
  return `${url.username}${url.password ? `:${url.password}` : ''}@`;
}

/** A DATABASE_URL over several hosts (each `host:port`), for the test database. */
function multiHostUrl(database: TestDatabase, hosts: string[]): string {
  const url = new URL(database.url);
  return `${url.protocol}//${credentialsOf(url)}${hosts.join(',')}${url.pathname}`;
}

describe('database failover (MariaDB)', () => {
  const target = new URL(testMysqlUrl());
  const mariadb = { host: target.hostname, port: Number(target.port || 3306) };
  const verbose = process.env.FAULT_PROXY_LOG === '1';
  let proxy: MysqlFaultProxy;
  let database: TestDatabase;
  /** A direct connection to the test database, to read its state. */
  let db: Connection;
  let server: TestServer;
  let base: string;
  let w: World;
  let kit: Kit;

  beforeAll(async () => {
    proxy = new MysqlFaultProxy(
      mariadb,
      verbose ? (s) => console.log(`#${s.connection} ${s.fault ? `[${s.fault}] ` : ''}${s.sql}`) : undefined,
    );
    await proxy.listen();
    database = await createTestDatabase();
    db = await mysql.createConnection({ uri: database.url });
    // The own node through the proxy, then the MariaDB server directly.
    server = await startTestServer({
      env: { ...PRODUCTION, DATABASE_URL: multiHostUrl(database, [`127.0.0.1:${proxy.port}`, `${mariadb.host}:${mariadb.port}`]) },
    });
    base = server.url.replace(/\/graphql$/, '');
    w = await buildWorld(server);
    kit = kitFor(server);
    await proxy.idle();
  });

  afterAll(async () => {
    ifSetUp(proxy)?.clearFaults();
    await ifSetUp(proxy)?.restore();
    await ifSetUp(server)?.stop();
    await ifSetUp(proxy)?.close();
    await ifSetUp(db)?.end();
    await ifSetUp(database)?.drop();
  });

  afterEach(() => proxy.clearFaults());

  // ---- helpers ----

  async function readyz() {
    const response = await fetch(`${base}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Runs a case; when it fails, its error carries the statements the proxy saw. */
  async function withProxyLog(work: () => Promise<void>) {
    const from = proxy.log.length;
    try {
      await work();
    } catch (error) {
      const seen = proxy.log.slice(from).map((s) => `#${s.connection} ${s.fault ? `[${s.fault}] ` : ''}${s.sql.slice(0, 200)}`);
      (error as Error).message += `\n\nStatements through the proxy (own node) during this case:\n${seen.join('\n') || '(none)'}`;
      throw error;
    }
  }

  /**
   * Waits until the server's work goes through the own node (the proxy) again: after a broken connection the
   * server may stay away from it for a while. A `tenants(search:)` read carries a marker into the SQL text.
   */
  async function ownNodeServes(timeoutMs = 20_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const marker = unique('through-own-node');
      ok(await server.gql(GET_TENANTS, { search: marker }, w.tokens.platform));
      if (proxy.log.some((s) => s.sql.includes(marker))) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`the server did not use its own node again within ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  /** The fault fired (the statement went through the proxy), within a few seconds. */
  async function fired(fault: Promise<FiredFault>, what: string): Promise<FiredFault> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        fault,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`the fault on ${what} never fired: the statement did not go through the own node`)),
            5_000,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const [result] = await db.query<RowDataPacket[]>(sql, params);
    return result as T[];
  }

  const subscriptionRow = async (id: string) =>
    (await rows<{ quantity: number; version: number }>('SELECT quantity, version FROM subscriptions WHERE id = ?', [id]))[0];

  const auditEventsOf = (targetId: string, action: string) =>
    rows<{ id: string; requestId: string }>('SELECT id, requestId FROM audit_events WHERE targetId = ? AND action = ?', [targetId, action]);

  const auditEventCount = async () => Number((await rows<{ n: number }>('SELECT COUNT(*) AS n FROM audit_events'))[0].n);

  /** Every row of every table but the migrations', to prove nothing changed. */
  async function dump(): Promise<Record<string, unknown[]>> {
    const tables = await rows<{ name: string }>(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY TABLE_NAME",
    );
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) out[name] = await rows(`SELECT * FROM \`${name}\` ORDER BY 1`);
    return out;
  }

  async function freshSubscription(quantity = 4) {
    const tenant = await kit.createTenant(unique('failover'));
    const subscription = await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: w.offers.basic.id, quantity });
    return { tenant, subscription };
  }

  /**
   * changeLicenseQuantity with a fault on `sql` (`how`): the answer is OK with the new quantity, the version
   * went up by exactly 1 (in the answer and in the database), and the request wrote exactly one audit event.
   */
  async function changeQuantityThrough(sql: RegExp, how: FaultKind) {
    await ownNodeServes();
    const { tenant, subscription } = await freshSubscription(4);
    const before = await subscriptionRow(subscription.id);
    const eventsBefore = await auditEventCount();

    const fault = proxy.failNext(sql, how);
    const response = await server.gql(
      CHANGE_LICENSE_QUANTITY,
      { input: { subscriptionId: subscription.id, quantity: 9 } },
      tenant.tokens.billing,
    );
    const hit = await fired(fault, String(sql));
    expect(hit.fault).toBe(how);

    const changed = ok(response).changeLicenseQuantity.subscription;
    expect(changed).toMatchObject({ id: subscription.id, quantity: 9, version: before.version + 1 });
    expect(await subscriptionRow(subscription.id)).toEqual({ quantity: 9, version: before.version + 1 });
    const events = await auditEventsOf(subscription.id, 'subscription.quantityChanged');
    expect(events).toHaveLength(1);
    expect(events[0].requestId).toBe(response.headers.get('x-request-id'));
    expect(await auditEventCount()).toBe(eventsBefore + 1);
  }

  // ---- the cases ----

  it('starts over the own node: ready, and the spec’s statements go through the proxy', () =>
    withProxyLog(async () => {
      expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready' } });
      await ownNodeServes(5_000);
      expect(proxy.connectionsOpened).toBeGreaterThan(0);
    }));

  describe('a transaction whose connection breaks before COMMIT runs again on the next host', () => {
    it('(a) reset before the audit event insert of changeLicenseQuantity: OK, version +1, one audit event', () =>
      withProxyLog(() => changeQuantityThrough(AUDIT_INSERT, 'reset-before')));

    it('(c) COMMIT never reaches the node: OK, version +1, one audit event', () =>
      withProxyLog(() => changeQuantityThrough(COMMIT, 'reset-before')));
  });

  describe('a transaction whose connection breaks after COMMIT was sent is looked up, not applied twice', () => {
    it('(b) COMMIT forwarded, its reply lost: OK, version +1 (not +2), one audit event (not two)', () =>
      withProxyLog(() => changeQuantityThrough(COMMIT, 'reset-after')));

    it('(b) createTenant whose COMMIT reply is lost: OK, one tenant, one tenant.created event', () =>
      withProxyLog(async () => {
        await ownNodeServes();
        const input = { name: 'Lost Reply', domain: uniqueDomain('lost-reply'), countryCode: 'VN' };
        const eventsBefore = await auditEventCount();
        const fault = proxy.failNext(COMMIT, 'reset-after');
        const response = await server.gql(CREATE_TENANT, { input }, w.tokens.platform);
        await fired(fault, 'COMMIT');

        const tenant = ok(response).createTenant.tenant;
        expect(tenant).toMatchObject({ name: 'Lost Reply', domain: input.domain });
        expect(await rows('SELECT id, name FROM tenants WHERE domain = ?', [input.domain])).toEqual([
          { id: tenant.id, name: 'Lost Reply' },
        ]);
        expect(await auditEventsOf(tenant.id, 'tenant.created')).toHaveLength(1);
        expect(await auditEventCount()).toBe(eventsBefore + 1);
      }));
  });

  describe('(b) a transaction that wrote nothing and whose COMMIT reply is lost', () => {
    // What a keyed purchase does when its twin on another instance committed first: it finds the key inside its
    // transaction and returns the first result without writing (the cluster harness met it: "read ECONNRESET").
    // Twins on two instances cannot be timed from one process, so this drives the server's TransactionRunner
    // directly, over the same failover pool and proxy.
    it('keeps its result: it wrote nothing, so there is nothing to look up or to apply again', () =>
      withProxyLog(async () => {
        await ownNodeServes();
        const { subscription } = await freshSubscription(3);
        const context = {
          actor: { subject: 'spec:read-only', roles: [], tenantId: null, partnerId: null },
          requestId: unique('read-only'),
          clock: server.clock,
        };
        const fault = proxy.failNext(COMMIT, 'reset-after');
        const quantity = await server.app.services.transactions.run(context, async (uow) => {
          const [row] = await uow.manager.query('SELECT quantity FROM subscriptions WHERE id = ?', [subscription.id]);
          return Number(row.quantity);
        });
        await fired(fault, 'COMMIT');
        expect(quantity).toBe(3);
      }));
  });

  describe('(d) a read whose connection breaks is sent again on the next host', () => {
    it.each<[FaultKind]>([['reset-before'], ['reset-after']])('subscription(id), %s its SELECT: OK with the data', (how) =>
      withProxyLog(async () => {
        const { tenant, subscription } = await freshSubscription(6);
        await ownNodeServes();
        const fault = proxy.failNext(SUBSCRIPTION_READ, how);
        const response = await server.gql(GET_SUBSCRIPTION, { id: subscription.id }, tenant.tokens.billing);
        await fired(fault, 'the SELECT from subscriptions');
        expect(ok(response).subscription).toEqual(subscription);
      }),
    );

    it.each<[FaultKind]>([['reset-before'], ['reset-after']])('tenants, %s its SELECT: OK with the data', (how) =>
      withProxyLog(async () => {
        const tenant = await kit.createTenant('Readable Failover');
        await ownNodeServes();
        const fault = proxy.failNext(TENANTS_READ, how);
        const response = await server.gql(GET_TENANTS, { search: tenant.domain }, w.tokens.platform);
        await fired(fault, 'the SELECT from tenants');
        expect(ok(response).tenants).toEqual({ totalCount: 1, edges: [{ node: { id: tenant.id, name: 'Readable Failover' } }] });
      }),
    );
  });

  describe('(e) with the own node down', () => {
    afterAll(() => proxy.restore());

    it('/readyz answers 503 while requests are still served (through the next host), and 200 once it is back', () =>
      withProxyLog(async () => {
        const { tenant, subscription } = await freshSubscription(3);
        await ownNodeServes();
        proxy.cut();

        expect(await readyz()).toMatchObject({ status: 503, body: { status: 'unavailable' } });
        expect((await fetch(`${base}/healthz`)).status).toBe(200);

        // Reads and writes still answer, and are in the database.
        const read = ok(await server.gql(GET_SUBSCRIPTION, { id: subscription.id }, tenant.tokens.billing)).subscription;
        expect(read).toEqual(subscription);
        const input = { name: 'While Down', domain: uniqueDomain('while-down'), countryCode: 'VN' };
        const created = ok(await server.gql(CREATE_TENANT, { input }, w.tokens.platform)).createTenant.tenant;
        expect(await rows('SELECT id FROM tenants WHERE domain = ?', [input.domain])).toEqual([{ id: created.id }]);
        expect(await auditEventsOf(created.id, 'tenant.created')).toHaveLength(1);
        const changed = ok(
          await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: subscription.id, quantity: 5 } }, tenant.tokens.billing),
        ).changeLicenseQuantity.subscription;
        expect(changed).toMatchObject({ quantity: 5, version: subscription.version + 1 });
        expect(await subscriptionRow(subscription.id)).toEqual({ quantity: 5, version: subscription.version + 1 });
        const listed = ok(await server.gql(GET_TENANTS, { search: input.domain }, w.tokens.platform)).tenants;
        expect(listed.edges.map((e) => e.node.id)).toEqual([created.id]);

        // Still down a moment later, even though requests succeed.
        expect(await readyz()).toMatchObject({ status: 503, body: { status: 'unavailable' } });

        const opened = proxy.connectionsOpened;
        await proxy.restore();
        const deadline = Date.now() + 10_000;
        for (;;) {
          const { status } = await readyz();
          if (status === 200) break;
          if (Date.now() > deadline) throw new Error('/readyz did not answer 200 within 10 s of the own node coming back');
          await sleep(200);
        }
        expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready' } });

        // New work goes through the own node again: a write's statements reach the proxy.
        await ownNodeServes(20_000);
        expect(proxy.connectionsOpened).toBeGreaterThan(opened);
        const again = { name: 'Back Home', domain: uniqueDomain('back-home'), countryCode: 'VN' };
        const fault = proxy.failNext(
          new RegExp(`^INSERT INTO \`tenants\`[\\s\\S]*${again.domain.replace(/[.-]/g, '\\$&')}`, 'i'),
          'reset-before',
        );
        const back = ok(await server.gql(CREATE_TENANT, { input: again }, w.tokens.platform)).createTenant.tenant;
        await fired(fault, 'the INSERT INTO tenants');
        expect(await rows('SELECT id FROM tenants WHERE domain = ?', [again.domain])).toEqual([{ id: back.id }]);
      }));
  });

  describe('(f) with every host unreachable', () => {
    let own: MysqlFaultProxy;
    let next: MysqlFaultProxy;
    let lone: TestServer;

    beforeAll(async () => {
      own = new MysqlFaultProxy(mariadb);
      next = new MysqlFaultProxy(mariadb);
      await Promise.all([own.listen(), next.listen()]);
      lone = await startTestServer({
        env: { ...PRODUCTION, DATABASE_URL: multiHostUrl(database, [`127.0.0.1:${own.port}`, `127.0.0.1:${next.port}`]) },
      });
      await Promise.all([own.idle(), next.idle()]);
    });

    afterAll(async () => {
      await ifSetUp(lone)?.stop();
      await Promise.all([ifSetUp(own)?.close(), ifSetUp(next)?.close()]);
    });

    function expectInternalWithoutDetail(response: GraphQLResponse) {
      expect([200, 500, 503]).toContain(response.status);
      expect(response.errors).toHaveLength(1);
      const [error] = response.errors!;
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(Object.keys(error.extensions)).toEqual(['code']);
      expect(error.message).not.toMatch(
        /SELECT|INSERT|UPDATE|COMMIT|ROLLBACK|ECONN|PROTOCOL_|127\.0\.0\.1|:\d{2,5}\b|\bat .*\(|\.ts:|\.js:|Error:/i,
      );
    }

    it('a mutation answers INTERNAL_SERVER_ERROR without detail, and nothing changed; it succeeds once a host is back', async () => {
      const { tenant, subscription } = await freshSubscription(2);
      const platform = await lone.token(Role.PLATFORM_ADMIN);
      // The second instance answers while its hosts are up.
      expect(ok(await lone.gql(GET_SUBSCRIPTION, { id: subscription.id }, tenant.tokens.billing)).subscription).toEqual(subscription);

      own.cut();
      next.cut();
      const before = await dump();
      const change = await lone.gql(
        CHANGE_LICENSE_QUANTITY,
        { input: { subscriptionId: subscription.id, quantity: 8 } },
        tenant.tokens.billing,
      );
      expectInternalWithoutDetail(change);
      expect(change.data?.changeLicenseQuantity ?? null).toBeNull();
      const input = { name: 'Nowhere', domain: uniqueDomain('nowhere'), countryCode: 'VN' };
      const create = await lone.gql(CREATE_TENANT, { input }, platform);
      expectInternalWithoutDetail(create);
      expect(await dump()).toEqual(before);
      expect((await fetch(`${lone.url.replace(/\/graphql$/, '')}/readyz`)).status).toBe(503);

      // The failover host back (the own node still down): served again.
      await next.restore();
      const deadline = Date.now() + 20_000;
      let again = await lone.gql(
        CHANGE_LICENSE_QUANTITY,
        { input: { subscriptionId: subscription.id, quantity: 8 } },
        tenant.tokens.billing,
      );
      while (codeOf(again) !== undefined && Date.now() < deadline) {
        await sleep(500);
        again = await lone.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: subscription.id, quantity: 8 } }, tenant.tokens.billing);
      }
      expect(ok(again).changeLicenseQuantity.subscription).toMatchObject({ quantity: 8, version: subscription.version + 1 });
      expect(await subscriptionRow(subscription.id)).toEqual({ quantity: 8, version: subscription.version + 1 });
      expect(await auditEventsOf(subscription.id, 'subscription.quantityChanged')).toHaveLength(1);
    });
  });
});
