/**
 * Issue 22: the statements each of the bench's workloads sends, per request, pinned: W1 (a reseller's customer
 * page), W2 (`subscription(id)`) and W3 (`changeLicenseQuantity`), with the bench's own documents. A change
 * that adds a statement to one of them fails here; one that removes a statement updates the figure.
 * Counted warm (the token's organisation and the catalog already cached), as the bench's steady state runs.
 */
import { ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';
import { StatementRecorder } from './support/statement-recorder';
import { testDatabaseKind } from './support/database';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bench's documents are plain CommonJS, shared with it
const { W1_QUERY, W2_QUERY, W3_QUERY } = require('../../bench/lib') as Record<'W1_QUERY' | 'W2_QUERY' | 'W3_QUERY', string>;

describe('statements per request of the bench workloads', () => {
  const recorder = new StatementRecorder();
  let server: TestServer;
  let w: World;
  let subscriptionId: string;
  let quantity = 1;

  beforeAll(async () => {
    server = await startTestServer({ database: { logger: recorder } });
    w = await buildWorld(server);
    const kit = kitFor(server);
    // The customer page lists two subscriptions, one with an advisor as partner of record.
    await kit.purchase(w.tokens.resellerAdmin, {
      tenantId: w.tenants.customer,
      offerId: w.offers.premium.id,
      quantity: 5,
      partnerId: w.partners.advisor,
    });
    subscriptionId = (await kit.purchase(w.tokens.resellerAdmin, { tenantId: w.tenants.customer, offerId: w.offers.basic.id, quantity: 1 }))
      .id;
  });
  afterAll(() => server.stop());

  async function statementsOf(query: string, variables: () => Record<string, unknown>): Promise<string[]> {
    ok(await server.gql(query, variables(), w.tokens.resellerAdmin)); // warm
    recorder.statements = [];
    ok(await server.gql(query, variables(), w.tokens.resellerAdmin));
    return [...recorder.statements];
  }

  /** A statement by what it does: its verb and the table it acts on, e.g. `SELECT subscriptions`. */
  const kind = (sql: string) => {
    const verb = /^\s*(\w+(?: TRANSACTION)?)/i.exec(sql)![1].toUpperCase();
    // The last FROM: a SELECT may carry a subquery in its column list (an EXISTS), before its own FROM.
    const table = [...sql.matchAll(/\b(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)/gi)].at(-1)?.[1];
    return table && !/TRANSACTION|COMMIT/.test(verb) ? `${verb} ${table}` : verb;
  };

  it('W1, a reseller’s customer page: 2 statements (customers, then their subscriptions)', async () => {
    expect((await statementsOf(W1_QUERY, () => ({}))).map(kind)).toEqual(['SELECT tenants', 'SELECT subscriptions']);
  });

  it('W2, subscription(id): 1 statement', async () => {
    expect((await statementsOf(W2_QUERY, () => ({ id: subscriptionId }))).map(kind)).toEqual(['SELECT subscriptions']);
  });

  it('W3, changeLicenseQuantity: the scope read, one transaction with the locked row, the versioned update, the audit event and its fan-out', async () => {
    // On MariaDB the isolation level is the session's, set once per connection: no SET TRANSACTION per unit of work.
    const opening = testDatabaseKind() === 'mysql' ? ['START TRANSACTION'] : ['BEGIN TRANSACTION'];
    expect((await statementsOf(W3_QUERY, () => ({ input: { subscriptionId, quantity: ++quantity } }))).map(kind)).toEqual([
      'SELECT subscriptions',
      'SELECT tenants',
      ...opening,
      'SELECT subscriptions',
      'SELECT reseller_relationships',
      'UPDATE subscriptions',
      'INSERT audit_events',
      'INSERT audit_event_partners',
      'SELECT webhook_endpoints',
      'COMMIT',
    ]);
  });
});
