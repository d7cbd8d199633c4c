/**
 * SPEC §7 and §9, `/metrics`: Prometheus text (without a token outside production), with GraphQL requests
 * counted by the root fields they select and their outcome code, and timed; the database pool's use and the
 * lifecycle sweep's runs. Labels are the schema's root fields, so nothing from a request body becomes one,
 * and a scrape sends no statement to the database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { codeOf, ok, startTestServer, type TestServer } from './support/harness';
import { StatementRecorder } from './support/statement-recorder';
import { testDatabaseKind } from './support/database';
import { scrape } from './support/scrape';
import { kitFor } from './support/world';

const REQUESTS = 'tenantry_graphql_requests_total';
const DURATION_COUNT = 'tenantry_graphql_request_duration_seconds_count';
const LEAK = 'leak-marker-7f3a';
const SDL = buildSchema(readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const ROOT_FIELDS = [SDL.getQueryType()!, SDL.getMutationType()!].flatMap((type) => Object.keys(type.getFields()));

describe('/metrics', () => {
  let server: TestServer;
  let readerToken: string;
  const recorder = new StatementRecorder();

  beforeAll(async () => {
    server = await startTestServer({ database: { logger: recorder } });
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

  it('counts requests by the root fields they select and their outcome, and times them', async () => {
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
    expect(metrics.value(REQUESTS, { operation: 'viewer', outcome: 'OK' })).toBe(3);
    expect(metrics.value(REQUESTS, { operation: 'createTenant', outcome: 'FORBIDDEN' })).toBe(1);
    // Refused before the document is read: no root field is known yet.
    expect(metrics.value(REQUESTS, { operation: 'unknown', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(metrics.value(DURATION_COUNT, { operation: 'viewer' })).toBe(3);
    expect(metrics.value(DURATION_COUNT, { operation: 'createTenant' })).toBe(2); // and the one that made the tenant
    expect(metrics.value('tenantry_graphql_request_duration_seconds_bucket', { operation: 'viewer', le: '+Inf' })).toBe(3);
  });

  it('puts nothing from a request body into a label: names, aliases, fragments and operationName count under the root field', async () => {
    // A variable's value, an operationName the document does not define, and an over-long name.
    await server.gql(`query MetricsEcho($id: ID!) { tenant(id: $id) { id } }`, { id: LEAK }, readerToken);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${readerToken}` },
      body: JSON.stringify({
        query: 'query MetricsKnown { viewer { subject } }',
        operationName: `Op${LEAK.replace(/-/g, '_')}`,
        variables: { x: LEAK },
      }),
    });
    expect(response.status).toBe(400);
    const before = (await scrape(server.url)).value(REQUESTS, { operation: 'viewer', outcome: 'OK' })!;
    ok(await server.gql(`query Metrics${'X'.repeat(70)} { viewer { subject } }`, {}, readerToken));
    ok(await server.gql(`query MetricsAliased { ${LEAK.replace(/-/g, '_')}: viewer { subject } }`, {}, readerToken));
    ok(await server.gql(`query MetricsFragment { ...Root } fragment Root on Query { viewer { subject } }`, {}, readerToken));

    const metrics = await scrape(server.url);
    expect(metrics.text).not.toMatch(/leak|Metrics(Echo|Known|X|Aliased|Fragment)/);
    expect(metrics.value(REQUESTS, { operation: 'viewer', outcome: 'OK' })).toBe(before + 3);
    expect(metrics.value(REQUESTS, { operation: 'tenant', outcome: 'NOT_FOUND' })).toBe(1);
    expect(metrics.value(REQUESTS, { operation: 'unknown', outcome: 'BAD_USER_INPUT' })).toBe(1);
  });

  it('cannot be filled with labels of a caller’s own: 210 operation names are one label, and every label is a root field', async () => {
    for (let i = 0; i < 210; i++) ok(await server.gql(`query MetricsMany${i} { viewer { subject } }`, {}, readerToken));
    ok(await server.gql('query MetricsTwo { viewer { subject } offers(first: 1) { totalCount } }', {}, readerToken));
    const labels = new Set((await scrape(server.url)).labelsOf(REQUESTS).map((l) => l.operation));
    const rootFields = new Set(['unknown', ...ROOT_FIELDS]);
    expect([...labels].filter((label) => !rootFields.has(label))).toEqual([]);
    expect(labels.has('offers')).toBe(true);
  });

  it('sends no statement to the database when scraped, however many scrape at once', async () => {
    await scrape(server.url);
    recorder.statements = [];
    await Promise.all(Array.from({ length: 16 }, () => scrape(server.url)));
    expect(recorder.statements).toEqual([]);
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
