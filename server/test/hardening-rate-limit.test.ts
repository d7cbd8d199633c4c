import { expectNothingChanged, Role, startTestServer, type TestServer } from './support/harness';
import { CallerRateLimiter } from '../src/http/rate-limit';
import { loadConfig } from '../src/config';
import { Partner, Tenant } from '../src/entities';

/**
 * Issue 7, rate limiting: a per-caller budget per minute (RATE_LIMIT_PER_MINUTE, 0 = off). A caller with a
 * valid token is its subject with its tenant or partner; anyone else is its IP. A spent budget answers
 * HTTP 429, RATE_LIMITED, extensions.retryAfterSeconds and a Retry-After header.
 */

const VIEWER = '{ viewer { subject } }';
const TENANT_A = '01890000-0000-7000-8000-00000000000a';
const TENANT_B = '01890000-0000-7000-8000-00000000000b';

async function call(server: TestServer, authorization: string | undefined, query = VIEWER, variables?: object) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

function expectRateLimited(response: Awaited<ReturnType<typeof call>>) {
  expect(response.status).toBe(429);
  expect(response.body.data).toBeUndefined();
  const [error] = response.body.errors!;
  expect(error.extensions.code).toBe('RATE_LIMITED');
  const seconds = error.extensions.retryAfterSeconds as number;
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(response.retryAfter).toBe(String(seconds));
  expect(error.message).toMatch(/rate limit/i);
  expect(error.message).toContain(`${seconds} second`);
  // Development mode adds a stacktrace to every error; hardening-production checks it is gone in production.
  expect(
    Object.keys(error.extensions)
      .filter((k) => k !== 'stacktrace')
      .sort(),
  ).toEqual(['code', 'retryAfterSeconds']);
}

describe('rate limiting with a budget of 5 requests per minute', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
    // Tokens must name a tenant or partner that exists; made directly, so setup spends no budget.
    const createdAt = new Date();
    await server.dataSource
      .getRepository(Tenant)
      .insert(
        [TENANT_A, TENANT_B].map((id) =>
          Object.assign(new Tenant(), { id, name: id, domain: `${id}.example`, countryCode: 'VN', billingManagedById: null, createdAt }),
        ),
      );
    await server.dataSource
      .getRepository(Partner)
      .insert({ id: '1000001', name: 'Carol’s', countryCode: 'VN', isReseller: true, createdAt });
  });
  afterAll(() => server.stop());

  it('answers the 6th request of a caller within a minute with 429 RATE_LIMITED and a retry hint', async () => {
    const token = `Bearer ${await server.token(Role.PLATFORM_ADMIN, { subject: 'alice' })}`;
    for (let i = 0; i < 5; i++) expect((await call(server, token)).status).toBe(200);
    expectRateLimited(await call(server, token));
    expectRateLimited(await call(server, token));
  });

  it('keeps separate budgets per subject, and per tenant or partner of one subject', async () => {
    const bob = `Bearer ${await server.token(Role.TENANT_READER, { subject: 'bob', tenantId: TENANT_A })}`;
    const bobElsewhere = `Bearer ${await server.token(Role.TENANT_READER, { subject: 'bob', tenantId: TENANT_B })}`;
    const carol = `Bearer ${await server.token(Role.PARTNER_ADMIN_AGENT, { subject: 'carol', partnerId: '1000001' })}`;
    for (let i = 0; i < 5; i++) expect((await call(server, bob)).status).toBe(200);
    expectRateLimited(await call(server, bob));
    // A new token for the same caller does not reset the budget …
    const bobAgain = `Bearer ${await server.token(Role.TENANT_READER, { subject: 'bob', tenantId: TENANT_A })}`;
    expectRateLimited(await call(server, bobAgain));
    // … while other callers are untouched.
    expect((await call(server, bobElsewhere)).status).toBe(200);
    expect((await call(server, carol)).status).toBe(200);
  });

  it('counts requests without a valid token by client IP, and refuses them with 429 once spent', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await call(server, i % 2 ? 'Bearer forged.token.value' : undefined);
      expect(response.status).toBe(401);
      expect(response.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await call(server, undefined));
    expectRateLimited(await call(server, 'Bearer another.forged.token'));
    // Authenticated callers from the same IP have their own budgets.
    const dave = `Bearer ${await server.token(Role.PLATFORM_ADMIN, { subject: 'dave' })}`;
    expect((await call(server, dave)).status).toBe(200);
  });

  it('refuses a rate-limited mutation before it runs: nothing changes', async () => {
    const erin = `Bearer ${await server.token(Role.PLATFORM_ADMIN, { subject: 'erin' })}`;
    for (let i = 0; i < 5; i++) expect((await call(server, erin)).status).toBe(200);
    await expectNothingChanged(server, async () => {
      const response = await call(server, erin, 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }', {
        input: { name: 'Limited', domain: 'limited.example', countryCode: 'VN' },
      });
      expectRateLimited(response);
    });
  });

  it('counts every GraphQL request, refused ones included (malformed, too complex)', async () => {
    const frank = `Bearer ${await server.token(Role.PLATFORM_ADMIN, { subject: 'frank' })}`;
    expect((await call(server, frank, '{ viewer ')).body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await call(server, frank, `{ ${'a: viewer { subject } '.repeat(40)} }`)).body.errors![0].extensions.code).not.toBe(
      'RATE_LIMITED',
    );
    for (let i = 0; i < 3; i++) expect((await call(server, frank)).status).toBe(200);
    expectRateLimited(await call(server, frank));
  });

  it('leaves the health endpoints unlimited (probes must not be refused)', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    for (let i = 0; i < 10; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('rate limiting turned off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => server.stop());

  it('never answers RATE_LIMITED with RATE_LIMIT_PER_MINUTE=0', async () => {
    const token = `Bearer ${await server.token(Role.PLATFORM_ADMIN)}`;
    const statuses = await Promise.all(Array.from({ length: 100 }, () => call(server, token).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('the rate limiter itself', () => {
  afterEach(() => jest.useRealTimers());

  it('defaults to 600 requests per minute and accepts 0 (off) to 1,000,000', () => {
    expect(loadConfig({}).limits.rateLimitPerMinute).toBe(600);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).limits.rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(new CallerRateLimiter({ perCaller: 0, perOrganisation: 0 }).enabled).toBe(false);
  });

  it('gives the budget back after the minute, and the retry hint counts down to it', async () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const limiter = new CallerRateLimiter({ perCaller: 2, perOrganisation: 0 });
    await limiter.consumeForAddress('k');
    await limiter.consumeForAddress('k');
    jest.setSystemTime(new Date('2030-01-01T00:00:15Z'));
    await expect(limiter.consumeForAddress('k')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 45 } });
    jest.setSystemTime(new Date('2030-01-01T00:01:00.500Z'));
    await expect(limiter.consumeForAddress('k')).resolves.toBeUndefined();
  });
});
