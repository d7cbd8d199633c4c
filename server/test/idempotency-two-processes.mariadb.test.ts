/**
 * Issue 11, defect 2: idempotent replays across two server processes on one MariaDB database. Twins no longer
 * meet in one process's queue, only in the database; every answer must be the first result (SPEC §3: a replay
 * is recognised before every check but scope), with one record and one audit event per key.
 * MariaDB only: SQLite is one process's embedded file (this file is not part of the sqlite project).
 * The second process runs the built server (server/dist, which `npm test` builds first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ok, startTestServer, type GraphQLResponse, type TestServer, type TypedDocument } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import { CREATE_CUSTOMER, PURCHASE_SUBSCRIPTION } from './graphql/shared-definitions';
import { AuditEvent, IdempotencyKey, Subscription, Tenant } from '../src/entities';
import { ifSetUp } from './support/set-up';

const MAIN = resolve(__dirname, '../dist/main.js');
const TWINS = 40;

/** Starts `node server/dist/main.js` over the test server's database and resolves with its GraphQL URL. */
function startSecondProcess(server: TestServer): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: server.database.url,
      HOST: '127.0.0.1',
      PORT: '0',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the second server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl({ url: match[1], child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the second server exited with ${code}:\n${output}`)));
  });
}

describe('idempotent replays across two server processes (MariaDB)', () => {
  let server: TestServer;
  let w: World;
  let kit: Kit;
  let second: { url: string; child: ChildProcess };

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    kit = kitFor(server);
    second = await startSecondProcess(server);
  });
  afterAll(async () => {
    ifSetUp(second)?.child.kill('SIGTERM');
    await server.stop();
  });

  /** server.gql for either process. */
  const send = <TResult, TVariables>(url: string, document: TypedDocument<TResult, TVariables>, variables: TVariables, token: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: String(document), variables }),
    }).then((r) => r.json() as Promise<GraphQLResponse<TResult>>);
  const count = (entity: typeof Subscription | typeof Tenant | typeof AuditEvent | typeof IdempotencyKey, where: object) =>
    server.dataSource.getRepository(entity as typeof Tenant).countBy(where);

  // The race needs the second process to look the key up before the first commits, and to run its checks
  // after: each batch starts the second process's half a little later, to land in that window.
  it.each([0, 1, 2, 3, 4, 6, 8, 12])(
    `${TWINS} concurrent purchases with one key, the second process's half %i ms later: all answer the first result`,
    async (delayMs) => {
      const tenant = await kit.createTenant(`twins-${delayMs}`);
      const input = { tenantId: tenant.id, offerId: w.offers.basic.id, quantity: 4, idempotencyKey: `twins-${delayMs}` };
      const half = () => Array.from({ length: TWINS / 2 });
      const first = half().map(() => send(server.url, PURCHASE_SUBSCRIPTION, { input }, tenant.tokens.billing));
      await new Promise((r) => setTimeout(r, delayMs));
      const second_ = half().map(() => send(second.url, PURCHASE_SUBSCRIPTION, { input }, tenant.tokens.billing));
      const answers = (await Promise.all([...first, ...second_])).map((r) => ok(r).purchaseSubscription.subscription);
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(await count(Subscription, { tenantId: tenant.id })).toBe(1);
      expect(await count(IdempotencyKey, { key: `twins-${delayMs}` })).toBe(1);
      expect(await count(AuditEvent, { action: 'subscription.purchased', tenantId: tenant.id })).toBe(1);
    },
  );

  it(`${TWINS} concurrent createCustomer calls with one key across both processes create one customer`, async () => {
    const input = { name: 'Two Processes', domain: 'two-processes.example', countryCode: 'VN', idempotencyKey: 'two-processes' };
    const responses = await Promise.all(
      Array.from({ length: TWINS }, (_, i) => send(i % 2 ? second.url : server.url, CREATE_CUSTOMER, { input }, w.tokens.resellerAdmin)),
    );
    const ids = new Set(responses.map((r) => ok(r).createCustomer.customer.id));
    expect(ids.size).toBe(1);
    expect(await count(Tenant, { domain: 'two-processes.example' })).toBe(1);
    expect(await count(IdempotencyKey, { key: 'two-processes' })).toBe(1);
    expect(await count(AuditEvent, { action: 'tenant.created', targetId: [...ids][0] })).toBe(1);
  });
});
