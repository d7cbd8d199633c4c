import { auditServer, type AuditResult } from 'graphql-http';
import { Role, startTestServer, type TestServer } from './support/harness';

/**
 * Issue 7, compliance: graphql-http's server audit (GraphQL over HTTP spec) against the running server.
 * No audit may end in error. Every request carries a bearer token: without one this API answers 401
 * UNAUTHENTICATED to every GraphQL request (SPEC §2), which the audit cannot know.
 *
 * Known results that are not "ok", each explained in the README (Security):
 * - warn 572B, FDE2, 7B9B: with `Accept: application/json`, Apollo Server answers parse, validation and
 *   variable-coercion failures with HTTP 400, where the spec says SHOULD 200 (a recommendation kept for
 *   legacy clients). 400 is deliberate: it is what `application/graphql-response+json` requires, and the
 *   body is the same JSON GraphQL error with a contract code (BAD_USER_INPUT).
 * - GET requests (5A70, D6D5, 6A70) pass: they carry an Authorization header, which browsers preflight, so
 *   CSRF prevention lets them through; a GET without it, a content type or a preflight header is refused.
 * - In production with introspection off (the production default), audits BF61 and 28B9 (MUST) and 2EA1
 *   (SHOULD) fail, and the notices D6D5 and 6A70 (MAY) are raised, only because their probe query is
 *   `{ __type(name: …) { name } }`, i.e. introspection, which production refuses on purpose. With
 *   GRAPHQL_INTROSPECTION=true the same production server passes them.
 */
const WARNINGS = ['572B', '7B9B', 'FDE2'];
const INTROSPECTION_PROBES = ['28B9', 'BF61', '2EA1', '6A70', 'D6D5'];
const PRODUCTION = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };

async function describeResult(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return `${result.status} ${result.id} ${result.name}`;
  const body = await result.response.text().catch(() => '');
  return `${result.status} ${result.id} ${result.name}: ${result.reason} (HTTP ${result.response.status} ${body.slice(0, 200)})`;
}

const modes: [string, Record<string, string>, { errors: string[]; warnings: string[]; notices: string[] }][] = [
  ['development (defaults)', {}, { errors: [], warnings: WARNINGS, notices: [] }],
  [
    'production, GRAPHQL_INTROSPECTION=true',
    { ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' },
    { errors: [], warnings: WARNINGS, notices: [] },
  ],
  ['production, introspection off', PRODUCTION, { errors: ['28B9', 'BF61'], warnings: ['2EA1', ...WARNINGS], notices: ['6A70', 'D6D5'] }],
];

describe.each(modes)('graphql-http server audit, %s', (mode, env, expected) => {
  let server: TestServer;
  let results: AuditResult[];
  beforeAll(async () => {
    server = await startTestServer({ env: { ...env, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0' } });
    const token = await server.token(Role.PLATFORM_ADMIN);
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    results = await auditServer({ url: server.url, fetchFn });
  });
  afterAll(() => server.stop());

  const ids = (status: AuditResult['status']) =>
    results
      .filter((r) => r.status === status)
      .map((r) => r.id)
      .sort();
  const explain = async (status: AuditResult['status']) =>
    (await Promise.all(results.filter((r) => r.status === status).map(describeResult))).join('\n');

  it('runs the whole audit', () => {
    expect(results.length).toBeGreaterThanOrEqual(50);
  });

  it(expected.errors.length ? 'ends in error only where the audit needs introspection' : 'ends no audit in error', async () => {
    if (ids('error').join() !== expected.errors.join()) throw new Error(`Errors:\n${await explain('error')}`);
  });

  it('has only the documented warnings and notices', async () => {
    if (ids('warn').join() !== [...expected.warnings].sort().join())
      throw new Error(`Warnings changed; document them:\n${await explain('warn')}`);
    if (ids('notice').join() !== expected.notices.join()) throw new Error(`Notices changed; document them:\n${await explain('notice')}`);
  });

  if (mode === 'production, introspection off') {
    it('fails those audits only because their probe is an introspection query', async () => {
      for (const result of results.filter((r) => INTROSPECTION_PROBES.includes(r.id))) {
        const body = await (result as { response: Response }).response.json();
        expect(body).toEqual({ errors: [expect.objectContaining({ message: 'Introspection is disabled on this server.' })] });
      }
    });
  }
});
