import { codeOf, Role, startTestServer, type TestServer } from './support/harness';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';

/**
 * Issue 7, production mode (NODE_ENV=production): no introspection, no field suggestions, no stack traces,
 * no Sandbox unless enabled (GRAPHQL_INTROSPECTION=true enables both), and CSRF prevention stays on.
 */

const PRODUCTION = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };

async function raw(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
}

describe('production mode', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION });
    token = await server.token(Role.PLATFORM_ADMIN);
  });
  afterAll(() => server.stop());

  it('refuses introspection, with a plain message', async () => {
    for (const query of [getIntrospectionQuery(), '{ __schema { types { name } } }', '{ __type(name: "Tenant") { fields { name } } }']) {
      const response = await server.gql(query, {}, token);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].message).toBe('Introspection is disabled on this server.');
    }
    // __typename is not introspection of the schema and stays available.
    expect((await server.gql('{ __typename }', {}, token)).data).toEqual({ __typename: 'Query' });
  });

  it('gives no field, argument or enum value suggestions', async () => {
    const cases = [
      '{ viewer { subjec } }',
      '{ tenant(idd: "x") { id } }',
      '{ subscriptions(tenantId: "x", status: ACTIV) { totalCount } }',
      '{ tenantz { totalCount } }',
    ];
    for (const query of cases) {
      const response = await server.gql(query, {}, token);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      for (const error of response.errors!) expect(error.message).not.toMatch(/did you mean|suggestion/i);
    }
    const variables = await server.gql(
      'query($s: SubscriptionStatus) { subscriptions(tenantId: "x", status: $s) { totalCount } }',
      { s: 'ACTIV' },
      token,
    );
    expect(codeOf(variables)).toBe('BAD_USER_INPUT');
    expect(variables.errors![0].message).not.toMatch(/did you mean/i);
  });

  it('sends no stack trace and no internal detail for an unexpected failure', async () => {
    const tenants = server.app.services.tenants;
    const original = tenants.listAll;
    tenants.listAll = async () => {
      throw new Error("ER_NO_SUCH_TABLE: Table 'secret_db.tenants' doesn't exist; SELECT * FROM tenants");
    };
    const logged = jest.spyOn(server.app.logger, 'error');
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ tenants { totalCount } }' }),
      });
      const text = await response.text();
      expect(text).not.toMatch(/stack|secret|SELECT|ER_NO_SUCH_TABLE|\.ts:|at /);
      const body = JSON.parse(text);
      expect(body.errors).toEqual([
        {
          message: 'An unexpected error occurred on the server. It has been logged; please retry later.',
          locations: [{ line: 1, column: 3 }],
          path: ['tenants'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      // The detail is in the server's log instead.
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({
          err: expect.objectContaining({ message: expect.stringContaining('ER_NO_SUCH_TABLE') }),
          path: ['tenants'],
        }),
        'unexpected error while executing an operation',
      );
    } finally {
      tenants.listAll = original;
      logged.mockRestore();
    }
  });

  it('sends no stack trace with refusals either', async () => {
    for (const query of ['{ viewer ', '{ tenant(id: "01890000-0000-7000-8000-000000000000") { id } }']) {
      const response = await server.gql(query, {}, token);
      for (const error of response.errors!) expect(Object.keys(error.extensions)).toEqual(['code']);
    }
  });

  it('serves no Sandbox', async () => {
    for (const url of [server.url, server.url.replace(/\/graphql$/, '/')]) {
      const response = await raw(url, { headers: { accept: 'text/html' } });
      expect(response.contentType).not.toMatch(/text\/html/);
      expect(response.text).not.toMatch(/sandbox|embeddable/i);
    }
  });

  it('keeps CSRF prevention on: a simple request (no token, no preflight header, no JSON) is refused before it runs', async () => {
    const query = encodeURIComponent('{ viewer { subject } }');
    const textPlain = await raw(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { subject } }' }),
    });
    expect(textPlain.status).toBe(400);
    expect(textPlain.text).toMatch(/Cross-Site Request Forgery/);
    const form = await raw(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${query}`,
    });
    expect(form.status).toBe(400);
    expect(form.text).toMatch(/Cross-Site Request Forgery/);
    // Refused as CSRF, not as unauthenticated: the check comes first.
    const simpleGet = await raw(`${server.url}?query=${query}`);
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.text).toMatch(/Cross-Site Request Forgery/);
    expect(JSON.parse(simpleGet.text).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const emptyAuthorization = await raw(`${server.url}?query=${query}`, { headers: { authorization: '' } });
    expect(emptyAuthorization.status).toBe(400);
    expect(emptyAuthorization.text).toMatch(/Cross-Site Request Forgery/);
  });

  it('serves a GET query that carries a token or a preflight header: browsers preflight both (urql sends such GETs)', async () => {
    const query = encodeURIComponent('{ viewer { subject } }');
    const authorization = `Bearer ${token}`;
    const withToken = await raw(`${server.url}?query=${query}`, { headers: { authorization } });
    expect(withToken.status).toBe(200);
    expect(JSON.parse(withToken.text)).toEqual({ data: { viewer: { subject: 'dev-platform_admin' } } });
    const preflighted = await raw(`${server.url}?query=${query}`, { headers: { authorization, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(JSON.parse(preflighted.text)).toEqual({ data: { viewer: { subject: 'dev-platform_admin' } } });
    // A token does not make a form post a GraphQL request: it is refused without running.
    const form = await raw(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: `query=${query}`,
    });
    expect(form.status).toBe(400);
    expect(JSON.parse(form.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('still refuses mutations over GET', async () => {
    const mutation = encodeURIComponent(
      'mutation { createTenant(input: {name: "G", domain: "get.example", countryCode: "VN"}) { tenant { id } } }',
    );
    const response = await raw(`${server.url}?query=${mutation}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('production mode with GRAPHQL_INTROSPECTION=true', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' } });
  });
  afterAll(() => server.stop());

  it('allows introspection and serves the Sandbox, but still hides suggestions and stack traces', async () => {
    const token = await server.token(Role.PLATFORM_ADMIN);
    const introspection = await server.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, token);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.queryType.name).toBe('Query');
    const page = await raw(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/sandbox/i);
    const typo = await server.gql('{ viewer { subjec } }', {}, token);
    expect(typo.errors![0].message).not.toMatch(/did you mean/i);
    expect(Object.keys(typo.errors![0].extensions)).toEqual(['code']);
  });
});

describe('development mode, for contrast', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('allows introspection and suggests fields', async () => {
    const token = await server.token(Role.PLATFORM_ADMIN);
    expect((await server.gql('{ __schema { queryType { name } } }', {}, token)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    expect((await server.gql('{ viewer { subjec } }', {}, token)).errors![0].message).toMatch(/Did you mean "subject"\?/);
  });
});

describe('/metrics in production (SPEC §9)', () => {
  const METRICS_TOKEN = 'a-scraper-token-0123456789abcdef';
  const metricsOf = (server: TestServer, authorization?: string) =>
    raw(new URL('/metrics', server.url).href, authorization ? { headers: { authorization } } : {});

  it('answers 404 without METRICS_TOKEN, like any path that does not exist', async () => {
    const server = await startTestServer({ env: PRODUCTION });
    try {
      const response = await metricsOf(server, `Bearer ${METRICS_TOKEN}`);
      expect(response.status).toBe(404);
      expect(response.text).not.toMatch(/tenantry_/);
    } finally {
      await server.stop();
    }
  });

  it('with METRICS_TOKEN, answers only to that bearer token: 401 UNAUTHENTICATED without it or with another', async () => {
    const server = await startTestServer({ env: { ...PRODUCTION, METRICS_TOKEN } });
    try {
      for (const authorization of [
        undefined,
        `Bearer ${METRICS_TOKEN.slice(0, -1)}x`,
        `Bearer ${METRICS_TOKEN}x`,
        METRICS_TOKEN,
        `Bearer ${await server.token(Role.PLATFORM_ADMIN)}`,
      ]) {
        const response = await metricsOf(server, authorization);
        expect({ authorization, status: response.status, code: JSON.parse(response.text).errors[0].extensions.code }).toEqual({
          authorization,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
        expect(response.text).not.toMatch(/tenantry_/);
      }
      const scraped = await metricsOf(server, `Bearer ${METRICS_TOKEN}`);
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('# TYPE tenantry_graphql_requests_total counter');
    } finally {
      await server.stop();
    }
  });

  it('asks for METRICS_TOKEN outside production too once it is set, and refuses a short one at start by name', async () => {
    const server = await startTestServer({ env: { METRICS_TOKEN } });
    try {
      expect((await metricsOf(server)).status).toBe(401);
      expect((await metricsOf(server, `Bearer ${METRICS_TOKEN}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    await expect(startTestServer({ env: { ...PRODUCTION, METRICS_TOKEN: 'short' } })).rejects.toThrow(/METRICS_TOKEN/);
  });
});
