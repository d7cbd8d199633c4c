/**
 * SPEC §7, `/metrics`: Prometheus text without a token, with GraphQL operations counted by name and outcome
 * code and timed, the database pool's use and the lifecycle sweep's runs. Operation names are the parsed
 * document's, bounded in length and number; nothing else from a request body becomes a label.
 */
import { codeOf, ok, startTestServer, type TestServer } from './support/harness';
import { testDatabaseKind } from './support/database';
import { scrape } from './support/scrape';
import { kitFor } from './support/world';

const REQUESTS = 'tenantry_graphql_requests_total';
const DURATION_COUNT = 'tenantry_graphql_request_duration_seconds_count';
const LEAK = 'leak-marker-7f3a';

describe('/metrics', () => {
  let server: TestServer;
  let readerToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    const tenant = await kitFor(server).createTenant('Metrics Tenant');
    readerToken = tenant.tokens.reader;
  });
  afterAll(() => server.stop());

  it('answers Prometheus text without a token', async () => {
    const metrics = await scrape(server.url);
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toContain('# TYPE tenantry_graphql_requests_total counter');
  });

  it('counts operations by their name and outcome, and times them', async () => {
    ok(await server.gql('query MetricsViewer { viewer { subject } }', {}, readerToken));
    ok(await server.gql('query MetricsViewer { viewer { subject } }', {}, readerToken));
    const refused = await server.gql(
      'mutation MetricsRefused($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
      { input: { name: 'Not Allowed', domain: 'not-allowed.example', countryCode: 'VN' } },
      readerToken,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    ok(await server.gql('{ viewer { roles } }', {}, readerToken));
    expect(codeOf(await server.gql('{ viewer { roles } }'))).toBe('UNAUTHENTICATED');

    const metrics = await scrape(server.url);
    expect(metrics.value(REQUESTS, { operation: 'MetricsViewer', outcome: 'OK' })).toBe(2);
    expect(metrics.value(REQUESTS, { operation: 'MetricsRefused', outcome: 'FORBIDDEN' })).toBe(1);
    expect(metrics.value(REQUESTS, { operation: 'anonymous', outcome: 'OK' })).toBe(1);
    // Refused before the document is read: no operation name is known yet.
    expect(metrics.value(REQUESTS, { operation: 'unknown', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(metrics.value(DURATION_COUNT, { operation: 'MetricsViewer' })).toBe(2);
    expect(metrics.value(DURATION_COUNT, { operation: 'MetricsRefused' })).toBe(1);
    expect(metrics.value('tenantry_graphql_request_duration_seconds_bucket', { operation: 'MetricsViewer', le: '+Inf' })).toBe(2);
  });

  it('puts nothing from a request body but the parsed operation name into a label', async () => {
    // A variable's value, an operationName the document does not define, and an over-long name.
    await server.gql(`query MetricsEcho($id: ID!) { tenant(id: $id) { id } }`, { id: LEAK }, readerToken);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${readerToken}` },
      body: JSON.stringify({ query: 'query MetricsKnown { viewer { subject } }', operationName: `Op${LEAK.replace(/-/g, '_')}`, variables: { x: LEAK } }),
    });
    expect(response.status).toBe(400);
    const longName = `Metrics${'X'.repeat(70)}`;
    ok(await server.gql(`query ${longName} { viewer { subject } }`, {}, readerToken));

    const metrics = await scrape(server.url);
    expect(metrics.text).not.toContain('leak');
    expect(metrics.text).not.toContain(longName);
    expect(metrics.value(REQUESTS, { operation: 'other', outcome: 'OK' })).toBe(1);
    expect(metrics.value(REQUESTS, { operation: 'anonymous', outcome: 'BAD_USER_INPUT' })).toBe(1);
  });

  it('keeps at most 200 distinct operation names; later ones count as other', async () => {
    for (let i = 0; i < 210; i++) ok(await server.gql(`query MetricsMany${i} { viewer { subject } }`, {}, readerToken));
    const names = new Set((await scrape(server.url)).labelsOf(REQUESTS).map((l) => l.operation));
    for (const bucket of ['anonymous', 'unknown', 'other']) names.delete(bucket);
    expect(names.size).toBe(200);
    expect(names.has('MetricsMany0')).toBe(true);
    expect(names.has('MetricsMany209')).toBe(false);
  });

  it('shows the database pool in use, idle and waiting', async () => {
    const metrics = await scrape(server.url);
    const pool = (state: string) => metrics.value('tenantry_db_pool_connections', { state });
    if (testDatabaseKind() === 'sqlite') {
      expect([pool('in_use'), pool('idle'), pool('waiting')]).toEqual([1, 0, 0]);
    } else {
      // mysql2 keeps the connections it opened for the requests above; none is busy between requests.
      expect(pool('idle')).toBeGreaterThanOrEqual(1);
      expect(pool('in_use')).toBe(0);
      expect(pool('waiting')).toBe(0);
    }
  });

  it('counts lifecycle sweep runs (one ran when the server started) and the subscriptions they deleted', async () => {
    let runs: number | undefined;
    for (let i = 0; i < 50 && !runs; i++) {
      runs = (await scrape(server.url)).value('tenantry_lifecycle_sweep_runs_total', { outcome: 'ok' });
      if (!runs) await new Promise((r) => setTimeout(r, 100));
    }
    expect(runs).toBeGreaterThanOrEqual(1);
    await server.app.services.lifecycle.sweep();
    const metrics = await scrape(server.url);
    expect(metrics.value('tenantry_lifecycle_sweep_runs_total', { outcome: 'ok' })).toBe(runs! + 1);
    expect(metrics.value('tenantry_lifecycle_sweep_deleted_total')).toBe(0);
  });
});
