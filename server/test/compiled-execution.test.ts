import { getIntrospectionQuery } from 'graphql';
import { ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';

/**
 * Issue 6: documents run compiled (graphql-jit) from their GRAPHQL_COMPILE_ON_RUN-th run; earlier runs use
 * graphql-js. The rest of the suite runs everything compiled; here each request is sent twice to a server
 * that compiles on the second run, so the first answer is graphql-js's and the second the compiled one,
 * and the two must be the same JSON, in the same key order, with the same status: data, nulls, errors,
 * codes, paths, locations (development stack traces aside).
 */
const CUSTOMER_PAGE = `query CustomerPage($first: Int, $withSubscriptions: Boolean!, $status: SubscriptionStatus) {
  customers(first: $first) {
    __typename
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id name domain
        billingManagedBy { name }
        subscriptions(first: 5, status: $status) @include(if: $withSubscriptions) {
          edges { node { ...SubscriptionParts viewerCanManage offer { sku } } }
        }
        partnerRelationships { kinds partner { id } subscriptions { id } }
      }
    }
  }
}
fragment SubscriptionParts on Subscription { id quantity status channel version createdAt suspendedAt partnerOfRecord { name } reseller { name } }`;
/** The part of CUSTOMER_PAGE's answer a spec reads. */
type CustomerPage = { customers: { edges: { node: { subscriptions: { edges: { node: { id: string } }[] } } }[] } };

async function post(server: TestServer, body: unknown, token?: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: withoutStackTraces(await response.text()) };
}

/** Development answers carry stack traces, whose async frames differ between the two executors. */
function withoutStackTraces(text: string): string {
  const body = JSON.parse(text);
  for (const error of body.errors ?? []) delete error.extensions?.stacktrace;
  return JSON.stringify(body);
}

describe('compiled execution answers exactly like graphql-js', () => {
  let server: TestServer;
  let world: World;

  beforeAll(async () => {
    // CUSTOMER_PAGE nests two unpaginated lists, each counted at 100 items by the query cost (SPEC §9);
    // these specs compare executors, so the cost limit is raised out of their way.
    server = await startTestServer({ env: { GRAPHQL_COMPILE_ON_RUN: '2', GRAPHQL_MAX_COST: '100000000' } });
    world = await buildWorld(server);
    const kit = kitFor(server);
    const sold = { tenantId: world.tenants.customer, offerId: world.offers.basic.id, quantity: 3, partnerId: world.partners.advisor };
    await kit.purchase(world.tokens.resellerAdmin, sold);
    await kit.purchase(world.tokens.resellerAdmin, { ...sold, offerId: world.offers.premium.id, quantity: 7, partnerId: null });
  });
  afterAll(() => server.stop());

  /** Sends the request twice (graphql-js, then compiled) and returns the one answer both gave. */
  async function twice(body: Record<string, unknown>, token: string) {
    const first = await post(server, body, token);
    const second = await post(server, body, token);
    expect(second).toEqual(first);
    return { status: first.status, body: JSON.parse(first.text) };
  }

  it('a customer page with nested lists, fragments, directives, enums, dates and nulls', async () => {
    const variables = { first: 10, withSubscriptions: true, status: 'ACTIVE' };
    const { status, body } = await twice({ query: CUSTOMER_PAGE, variables }, world.tokens.resellerAdmin);
    expect(status).toBe(200);
    const subscriptions = body.data.customers.edges[0].node.subscriptions.edges;
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[0].node).toMatchObject({ status: 'ACTIVE', suspendedAt: null, partnerOfRecord: { name: 'Northwind Advisory' } });
    expect(subscriptions[0].node.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('@include(if: false) leaves the field out', async () => {
    const variables = { first: 10, withSubscriptions: false, status: null };
    const { body } = await twice({ query: CUSTOMER_PAGE, variables }, world.tokens.resellerAdmin);
    expect(body.data.customers.edges[0].node).not.toHaveProperty('subscriptions');
  });

  it('a mistyped variable is BAD_USER_INPUT with HTTP 400', async () => {
    const variables = { first: 'ten', withSubscriptions: true };
    const { status, body } = await twice({ query: CUSTOMER_PAGE, variables }, world.tokens.resellerAdmin);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.data).toBeUndefined();
  });

  it('a missing required variable is BAD_USER_INPUT with HTTP 400', async () => {
    const { status, body } = await twice({ query: CUSTOMER_PAGE, variables: { first: 10 } }, world.tokens.resellerAdmin);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a refusal in a resolver: code, message, path and location', async () => {
    const variables = { first: 0, withSubscriptions: false };
    const { body } = await twice({ query: CUSTOMER_PAGE, variables }, world.tokens.resellerAdmin);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['customers'],
        locations: [{ line: 2, column: 3 }],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(body.data).toBeNull();
  });

  it('a null from a failed non-null field spreads to its nullable parent; sibling fields still answer', async () => {
    const query = `query Mixed($id: ID!) { viewer { subject roles } missing: subscription(id: $id) { id } }`;
    const { body } = await twice({ query, variables: { id: world.tenants.direct } }, world.tokens.resellerAdmin);
    expect(body.data).toBeNull();
    expect(body.errors[0]).toMatchObject({ path: ['missing'], extensions: { code: 'NOT_FOUND' } });
  });

  it('a role refusal is FORBIDDEN', async () => {
    const query = `query AllTenants { tenants(first: 1) { edges { node { id } } } }`;
    const { body } = await twice({ query }, world.tokens.resellerAdmin);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a refused mutation answers the same and writes nothing either time', async () => {
    const query = `mutation Change($input: ChangeLicenseQuantityInput!) {
      changeLicenseQuantity(input: $input) { subscription { id quantity } }
    }`;
    const id = ok(await server.gql<CustomerPage>(CUSTOMER_PAGE, { first: 1, withSubscriptions: true }, world.tokens.resellerAdmin))
      .customers.edges[0].node.subscriptions.edges[0].node.id;
    const before = await server.dataSource.query('SELECT COUNT(*) AS n FROM audit_events');
    const { body } = await twice({ query, variables: { input: { subscriptionId: id, quantity: 100_000 } } }, world.tokens.resellerAdmin);
    expect(body.errors[0].extensions.code).toBe('QUANTITY_OUT_OF_RANGE');
    expect(await server.dataSource.query('SELECT COUNT(*) AS n FROM audit_events')).toEqual(before);
  });

  it('introspection (the Sandbox and codegen send it repeatedly)', async () => {
    const { status, body } = await twice({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }, world.tokens.platform);
    expect(status).toBe(200);
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Subscription', 'ErrorCode']));
  });

  it('with compilation off (GRAPHQL_COMPILE_ON_RUN=0) graphql-js serves every run', async () => {
    const plain = await startTestServer({ env: { GRAPHQL_COMPILE_ON_RUN: '0' } });
    try {
      const plainWorld = await buildWorld(plain);
      const query = `query Me { viewer { subject roles } }`;
      const answer = await post(plain, { query }, plainWorld.tokens.resellerAdmin);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).data.viewer.roles).toEqual(['PARTNER_ADMIN_AGENT']);
    } finally {
      await plain.stop();
    }
  });
});
