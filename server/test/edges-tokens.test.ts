/**
 * Issue 11, defects 5 and 10: SPEC §2's token rules. `exp` is required; iat/nbf more than 60 s ahead are
 * refused; roles come from one family with only that family's id claim; a token naming a tenant or partner
 * that does not exist is refused, so no mutation can commit for it and then fail. Every refusal is
 * UNAUTHENTICATED with a JSON body, oversized headers included.
 */
import { request } from 'node:http';
import { SignJWT } from 'jose';
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type TestServer } from './support/harness';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';
import { buildWorld, type World } from './support/world';
import { ACCEPT_RESELLER_INVITATION, CREATE_RESELLER_INVITATION, GET_VIEWER } from './graphql/shared-definitions';

const UNKNOWN_TENANT = '01890000-0000-7000-8000-0000000fffff';

describe('token rules (SPEC §2)', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
  });
  afterAll(() => server.stop());

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, times: { iat?: number; nbf?: number; exp?: number | null } = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuedAt(times.iat ?? now());
    if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
    if (times.exp !== null) jwt.setExpirationTime(times.exp ?? now() + 3600);
    return jwt.sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
  };
  const viewer = (token: string) => server.gql(GET_VIEWER, {}, token);

  async function expectRefused(token: string, message: RegExp) {
    const response = await viewer(token);
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0].message).toMatch(message);
  }

  it('refuses a token without exp: it would never expire', async () => {
    await expectRefused(await sign({ roles: ['PLATFORM_ADMIN'] }, { exp: null }), /no expiry/);
  });

  it('refuses iat or nbf more than 60 s ahead, and accepts a clock 30 s ahead', async () => {
    await expectRefused(await sign({ roles: ['PLATFORM_ADMIN'] }, { iat: now() + 86_400 }), /not valid yet/);
    await expectRefused(await sign({ roles: ['PLATFORM_ADMIN'] }, { nbf: now() + 120 }), /not valid yet/);
    ok(await viewer(await sign({ roles: ['PLATFORM_ADMIN'] }, { iat: now() + 30, nbf: now() + 30 })));
  });

  it('refuses mixed claims: each family of roles with only its own id', async () => {
    const family = /one family|Only a token with/;
    await expectRefused(await sign({ roles: ['PLATFORM_ADMIN'], tenantId: w.tenants.direct }), family);
    await expectRefused(await sign({ roles: ['PLATFORM_ADMIN'], partnerId: w.partners.reseller }), family);
    await expectRefused(await sign({ roles: ['PLATFORM_ADMIN', 'TENANT_READER'], tenantId: w.tenants.direct }), family);
    await expectRefused(await sign({ roles: ['TENANT_GLOBAL_ADMIN'], tenantId: w.tenants.direct, partnerId: w.partners.reseller }), family);
    await expectRefused(await sign({ roles: ['PARTNER_ADMIN_AGENT'], partnerId: w.partners.reseller, tenantId: w.tenants.direct }), family);
    await expectRefused(
      await sign({ roles: ['TENANT_READER', 'PARTNER_HELPDESK_AGENT'], tenantId: w.tenants.direct, partnerId: w.partners.reseller }),
      family,
    );
    ok(await viewer(await sign({ roles: ['TENANT_GLOBAL_ADMIN', 'TENANT_READER'], tenantId: w.tenants.direct })));
  });

  it('refuses a subject longer than the audit trail keeps (255 characters); a 255-character one can change things', async () => {
    const withSubject = (sub: string) =>
      new SignJWT({ roles: ['PLATFORM_ADMIN'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    await expectRefused(await withSubject('x'.repeat(256)), /subject/);
    const longest = await withSubject('é'.repeat(255));
    const created = await server.gql<{ createTenant: { tenant: { id: string } } }>(
      `mutation { createTenant(input: { name: "Long Subject", domain: "long-subject.example", countryCode: "VN" }) { tenant { id } } }`,
      {},
      longest,
    );
    expect(ok(created).createTenant.tenant.id).toBeTruthy();
  });

  it('refuses a token naming a tenant or partner that does not exist', async () => {
    await expectRefused(await sign({ roles: ['TENANT_READER'], tenantId: UNKNOWN_TENANT }), /does not exist/);
    await expectRefused(await sign({ roles: ['PARTNER_ADMIN_AGENT'], partnerId: '9999999' }), /does not exist/);
  });

  it('a tenant that does not exist cannot accept an invitation; nothing commits, and the code still works for a real tenant', async () => {
    const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, w.tokens.resellerAdmin)).createResellerInvitation
      .invitation;
    const ghost = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: UNKNOWN_TENANT });
    await expectNothingChanged(server, async () => {
      expect(codeOf(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, ghost))).toBe('UNAUTHENTICATED');
    });
    const accepted = ok(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, w.tokens.directGlobal));
    expect(accepted.acceptResellerInvitation.relationship.tenant.id).toBe(w.tenants.direct);
  });

  it('answers headers over 16 KB with 431 and a JSON UNAUTHENTICATED body', async () => {
    const url = new URL(server.url);
    const { status, type, body } = await new Promise<{ status?: number; type?: string; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${'a'.repeat(17_000)}` },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body: text }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query: String(GET_VIEWER) }));
    });
    expect(status).toBe(431);
    expect(type).toMatch(/^application\/json/);
    const parsed = JSON.parse(body) as { errors: { message: string; extensions: { code: string } }[] };
    expect(parsed.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(parsed.errors[0].message).toMatch(/16 KB/);
  });

  it.each([
    ['under 16 KB, past the URL limit', 9_000],
    ['past 16 KB, where Node refuses it first', 20_000],
  ])('answers a GET URL %s with 414 and QUERY_TOO_COMPLEX pointing to POST, not as an oversized token', async (_where, length) => {
    const query = `{ viewer { roles } }#${'x'.repeat(length)}`;
    const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${w.tokens.platform}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const parsed = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(parsed.errors.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(parsed.errors[0].message).toMatch(/URL is longer than .* POST/);
  });

  it('still answers a GET URL within the limit', async () => {
    const query = `{ viewer { roles } }#${'x'.repeat(7_000)}`;
    const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${w.tokens.platform}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { viewer: { roles: string[] } } }).data.viewer.roles).toEqual(['PLATFORM_ADMIN']);
  });
});
