import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, validate, visit, type DocumentNode } from 'graphql';
import { expectNothingChanged, Role, startTestServer, type TestServer } from './support/harness';
import { loadConfig } from '../src/config';
import { queryLimits } from '../src/graphql/query-limits';
import { buildTenantrySchema } from '../src/graphql/schema';

/**
 * Issue 7, query limits: depth, cost, aliases, directives and tokens (graphql-armor + the graphql-js
 * parser), HTTP batching off, a body size limit and a per-request timeout. Every refusal is a JSON GraphQL
 * error with QUERY_TOO_COMPLEX and a message naming the limit; nothing runs.
 */

interface RawResponse {
  status: number;
  contentType: string | null;
  body: { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
}

async function post(server: TestServer, token: string, body: string): Promise<RawResponse> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  let parsed: RawResponse['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Expected a JSON body, got HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
}

const operation = (server: TestServer, token: string, query: string, variables?: Record<string, unknown>) =>
  post(server, token, JSON.stringify({ query, variables }));

/** Asserts a clean refusal: HTTP status, JSON, no data, every error QUERY_TOO_COMPLEX, one naming the limit. */
function expectTooComplex(response: RawResponse, limit: RegExp, status = 400) {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/(graphql-response\+)?json/);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors?.length).toBeGreaterThan(0);
  for (const error of response.body.errors!) expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  expect(response.body.errors!.map((e) => e.message).join('\n')).toMatch(limit);
}

const codesOf = (response: RawResponse) => (response.body.errors ?? []).map((e) => e.extensions.code);

/** A valid query `levels` fields deep: tenant → subscriptions → edges → node → tenant → … */
function nestedQuery(levels: number): string {
  const cycle = ['tenant(id: $id)', 'subscriptions', 'edges', 'node'];
  const leafAfter: Record<string, string> = { 'tenant(id: $id)': 'id', subscriptions: 'totalCount', edges: 'cursor', node: 'id' };
  const path = Array.from({ length: levels - 1 }, (_, i) => (i > 0 && i % 4 === 0 ? 'tenant' : cycle[i % 4]));
  const leaf = leafAfter[cycle[(levels - 2) % 4]];
  return `query($id: ID!) { ${path.map((f) => `${f} {`).join(' ')} ${leaf} ${'}'.repeat(path.length)} }`;
}

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { subject }`).join(' ')} }`;
const UNKNOWN_TENANT = '01890000-0000-7000-8000-000000000000';

describe('query limits with the default configuration', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.token(Role.PLATFORM_ADMIN);
  });
  afterAll(() => server.stop());

  it('has the documented defaults', () => {
    expect(server.config.limits).toMatchObject({
      maxDepth: 10,
      maxAliases: 30,
      maxCost: 1_000_000,
      maxTokens: 2_000,
      maxDirectives: 20,
      bodyLimitBytes: 102_400,
      requestTimeoutMs: 10_000,
      rateLimitPerMinute: 600,
    });
  });

  it('refuses a 20-level nested query, naming the depth limit', async () => {
    const query = nestedQuery(20);
    expect(query.match(/\{/g)).toHaveLength(20); // 19 nested selections below the operation + its own
    const response = await operation(server, token, query, { id: UNKNOWN_TENANT });
    expectTooComplex(response, /depth limit of 10 nested fields \(it is 20 deep\)/);
  });

  it('accepts a query exactly at the depth limit and refuses one level more', async () => {
    const atLimit = await operation(server, token, nestedQuery(10), { id: UNKNOWN_TENANT });
    expect(codesOf(atLimit)).toEqual(['NOT_FOUND']); // it ran: the tenant does not exist
    expectTooComplex(await operation(server, token, nestedQuery(11), { id: UNKNOWN_TENANT }), /depth limit of 10/);
  });

  it('counts fragments as the fields they stand for, so they cannot hide depth', async () => {
    const query = `query($id: ID!) { ...A }
      fragment A on Query { tenant(id: $id) { ...B } }
      fragment B on Tenant { subscriptions { edges { node { tenant { ...B2 } } } } }
      fragment B2 on Tenant { subscriptions { edges { node { tenant { ...B3 } } } } }
      fragment B3 on Tenant { subscriptions { edges { node { id } } } }`;
    expectTooComplex(await operation(server, token, query, { id: UNKNOWN_TENANT }), /depth limit of 10 nested fields \(it is 13 deep\)/);
  });

  it('refuses 500 aliases cleanly (its 3,000 tokens reach the token limit first)', async () => {
    expectTooComplex(await operation(server, token, aliases(500)), /token limit of 2000 tokens/);
  });

  it('accepts 30 aliases and refuses 31, naming the alias limit', async () => {
    const thirty = await operation(server, token, aliases(30));
    expect(thirty.status).toBe(200);
    expect(Object.keys(thirty.body.data as object)).toHaveLength(30);
    expectTooComplex(await operation(server, token, aliases(31)), /alias limit of 30 \(it uses 31\)/);
  });

  it('refuses an expensive query, naming the cost limit, whether page sizes are literals or variables', async () => {
    const literal = `{ tenants(first: 100) { edges { node { subscriptions(first: 100) { edges { node { id offer { name } reseller { name } } } } } } } }`;
    expectTooComplex(await operation(server, token, literal), /cost limit of 1000000 \(its estimated cost is \d+\)/);
    const variables = `query($n: Int) { tenants(first: $n) { edges { node { subscriptions(first: $n) { edges { node { id offer { name } reseller { name } } } } } } } }`;
    expectTooComplex(await operation(server, token, variables, { n: 100 }), /cost limit of 1000000/);
    const withDefault = variables.replace('$n: Int', '$n: Int = 100');
    expectTooComplex(await operation(server, token, withDefault), /cost limit of 1000000/);
    // The same shape with smaller pages is fine: 50 tenants with 20 subscriptions each (issue 6's customer page).
    const small = await operation(server, token, variables, { n: 20 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    const customerPage = `{ tenants(first: 50) { edges { node { subscriptions(first: 20) { edges { node { offer { name } partnerOfRecord { name } reseller { name } } } } partnerRelationships { kinds } } } } }`;
    const page = await operation(server, token, customerPage);
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
  });

  it('counts a list without first at its default page of 20, and a list without pages at its bound or 100 (SPEC §9)', async () => {
    // 20 tenants × 100 relationships × 100 subscriptions: armor's syntactic count saw one of each.
    const unpaged = `{ tenants { edges { node { partnerRelationships { subscriptions { id } } } } } }`;
    expectTooComplex(await operation(server, token, unpaged), /cost limit of 1000000 \(its estimated cost is 3557440\)/);
    const onePage = await operation(server, token, unpaged.replace('tenants', 'tenants(first: 1)'));
    expect(onePage.status).toBe(200);
    expect(onePage.body.errors).toBeUndefined();
    // An offer sells each term and cycle pair at most once, so its terms count 6, not 100.
    const terms = `{ offers(first: 100) { edges { node { t1: terms { termDuration billingCycle unitPriceCents } t2: terms { termDuration billingCycle unitPriceCents } } } } }`;
    expect((await operation(server, token, terms)).body.errors).toBeUndefined();
  });

  it('refuses a first that is not a 32-bit integer as BAD_USER_INPUT on "first", written or sent as a variable', async () => {
    const literal = await operation(server, token, `{ tenants(first: 2147483648) { edges { node { id } } } }`);
    expect(literal.status).toBe(400);
    expect(literal.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' }, message: expect.stringMatching(/2147483648/) }),
    ]);
    const variable = await operation(server, token, `query($n: Int) { tenants(first: $n) { edges { node { id } } } }`, { n: 2 ** 31 });
    expect(variable.status).toBe(400);
    expect(variable.body.errors).toEqual([
      expect.objectContaining({
        message: '"first" must be a whole number from 1 to 100; got 2147483648.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }),
      }),
    ]);
  });

  it('refuses more directives than the limit, naming it', async () => {
    const directives = (n: number) => `{ viewer { ${'subject @include(if: true) '.repeat(n)} } }`;
    expect((await operation(server, token, directives(20))).status).toBe(200);
    expectTooComplex(await operation(server, token, directives(21)), /directive limit of 20 \(it uses 21\)/);
  });

  it('refuses a document with more tokens than the limit, naming it', async () => {
    // `query ( $pad : [ Int ] = [ ` is 10 tokens, `] ) { viewer { subject } }` 8; each list item 1.
    const tokens = (n: number) => `query($pad: [Int] = [${'0 '.repeat(n - 18)}]) { viewer { subject } }`;
    const atLimit = await operation(server, token, tokens(2000));
    expect(codesOf(atLimit)).toEqual(['BAD_USER_INPUT']); // parsed, then refused for the unused variable only
    expect(atLimit.body.errors![0].message).toMatch(/\$pad/);
    expectTooComplex(await operation(server, token, tokens(2001)), /token limit of 2000 tokens/);
  });

  it('refuses a document too costly to validate (graphql-js’s own work budget) as QUERY_TOO_COMPLEX', async () => {
    const repeated = `{ viewer { ${'subject '.repeat(1_900)}} }`;
    expectTooComplex(await operation(server, token, repeated), /validation work limit/);
  });

  it('refuses a 2 MB body with HTTP 413 and a JSON QUERY_TOO_COMPLEX error, not an HTML page', async () => {
    const body = JSON.stringify({ query: '{ viewer { subject } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    expectTooComplex(await post(server, token, body), /body size limit of 102400 bytes/, 413);
    // The connection and the server are fine afterwards.
    expect((await operation(server, token, '{ viewer { subject } }')).status).toBe(200);
  });

  it('refuses a 2 MB mutation body before it runs: nothing changes', async () => {
    const body = JSON.stringify({
      query: 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
      variables: { input: { name: 'x'.repeat(2 * 1024 * 1024), domain: 'huge.example', countryCode: 'VN' } },
    });
    await expectNothingChanged(server, async () => expectTooComplex(await post(server, token, body), /body size limit/, 413));
  });

  it('accepts a body just under the size limit', async () => {
    const body = JSON.stringify({ query: '{ viewer { subject } }', variables: { pad: 'x'.repeat(100_000) } });
    expect(body.length).toBeLessThan(102_400);
    expect((await post(server, token, body)).status).toBe(200);
  });

  it('answers a body that is not JSON with a JSON BAD_USER_INPUT error', async () => {
    const response = await post(server, token, '{ "query": ');
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('has HTTP batching off: a batch is refused whole and nothing in it runs', async () => {
    const create = (domain: string) => ({
      query: 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
      variables: { input: { name: 'Batched', domain, countryCode: 'VN' } },
    });
    await expectNothingChanged(server, async () => {
      const response = await post(server, token, JSON.stringify([create('batch-one.example'), create('batch-two.example')]));
      expectTooComplex(response, /batch limit is 1 operation per request/);
    });
  });

  it('lets every SDK operation through at the largest page size', async () => {
    const schema = await buildTenantrySchema();
    const limits = queryLimits(loadConfig({}).limits);
    const dir = join(__dirname, '../../schema/operations');
    const fragments = readFileSync(join(dir, 'fragments.graphql'), 'utf8');
    const checked: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql') && f !== 'fragments.graphql')) {
      const document = parse(`${readFileSync(join(dir, file), 'utf8')}\n${fragments}`, limits.parseOptions);
      for (const op of document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
        const single: DocumentNode = {
          ...document,
          definitions: [op, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
        };
        const largest = visit(single, {
          Argument: (node) =>
            node.name.value === 'first' && node.value.kind === Kind.VARIABLE
              ? { ...node, value: { kind: Kind.INT, value: '100' } }
              : undefined,
        });
        const errors = validate(schema, largest, limits.validationRules).filter((e) => /limit of/.test(e.message));
        expect({ operation: op.name?.value, errors: errors.map((e) => e.message) }).toEqual({ operation: op.name?.value, errors: [] });
        checked.push(op.name!.value);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });
});

describe('query limits, one at a time, with a relaxed token limit and a short timeout', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { GRAPHQL_MAX_TOKENS: '100000', REQUEST_TIMEOUT_MS: '1000' } });
    token = await server.token(Role.PLATFORM_ADMIN);
  });
  afterAll(() => server.stop());

  it('refuses 500 aliases, naming the alias limit', async () => {
    expectTooComplex(await operation(server, token, aliases(500)), /alias limit of 30 \(it uses 500\)/);
  });

  it('answers a request that runs past the time limit with a clean JSON error, and keeps serving', async () => {
    const tenants = server.app.services.tenants;
    const original = tenants.get.bind(tenants);
    let finished = false;
    tenants.get = async (...args: Parameters<typeof original>) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      try {
        return await original(...args);
      } finally {
        finished = true;
      }
    };
    try {
      const started = Date.now();
      const response = await operation(server, token, 'query($id: ID!) { tenant(id: $id) { id } }', { id: UNKNOWN_TENANT });
      const elapsed = Date.now() - started;
      expectTooComplex(response, /time limit of 1000 ms/, 503);
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(2_400);
      // The slow operation finishes later; its late answer is dropped without harm.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(finished).toBe(true);
    } finally {
      tenants.get = original;
    }
    const after = await operation(server, token, '{ viewer { subject } }');
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual({ viewer: { subject: 'dev-platform_admin' } });
  });
});
