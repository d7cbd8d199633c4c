import { SignJWT } from 'jose';
import { codeOf, ok, Role, startTestServer, type TestServer } from './support/harness';
import { GET_VIEWER } from './graphql/shared-definitions';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';

describe('authentication over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const sign = (claims: Record<string, unknown>, secret = DEVELOPMENT_JWT_SECRET, expires = '1h') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(new TextEncoder().encode(secret));

  const expectUnauthenticated = async (authorization: string | undefined) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: String(GET_VIEWER) }),
    });
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(response.status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  };

  it('refuses a request without a token', () => expectUnauthenticated(undefined));
  it('refuses garbage in the Authorization header', () => expectUnauthenticated('Bearer not-a-jwt'));
  it('refuses a non-Bearer scheme', () => expectUnauthenticated('Basic dXNlcjpwYXNz'));
  it('refuses a token signed with another secret (forged)', async () =>
    expectUnauthenticated(`Bearer ${await sign({ roles: ['PLATFORM_ADMIN'] }, 'x'.repeat(40))}`));
  it('refuses an expired token', async () =>
    expectUnauthenticated(`Bearer ${await sign({ roles: ['PLATFORM_ADMIN'] }, DEVELOPMENT_JWT_SECRET, '-1m')}`));
  it('refuses a token with unknown roles', async () => expectUnauthenticated(`Bearer ${await sign({ roles: ['SUPERUSER'] })}`));
  it('refuses a tenant role without a tenantId claim', async () =>
    expectUnauthenticated(`Bearer ${await sign({ roles: ['TENANT_READER'] })}`));
  it('refuses a token with alg none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', roles: ['PLATFORM_ADMIN'] })).toString('base64url');
    await expectUnauthenticated(`Bearer ${header}.${payload}.`);
  });

  it('accepts a valid token and reports the viewer', async () => {
    const token = await server.token(Role.PLATFORM_ADMIN, { subject: 'alice' });
    expect(ok(await server.gql(GET_VIEWER, {}, token)).viewer).toEqual({ subject: 'alice', roles: ['PLATFORM_ADMIN'] });
  });

  it('keeps /healthz and /readyz public', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('serves the Apollo Sandbox landing page to browsers in development', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/sandbox/i);
  });

  it('answers codes from the closed set for malformed GraphQL', async () => {
    const token = await server.token(Role.PLATFORM_ADMIN);
    expect(codeOf(await server.gql('{ viewer { nope } }', {}, token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql('{ viewer ', {}, token))).toBe('BAD_USER_INPUT');
  });
});
