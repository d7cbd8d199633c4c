import { SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';
import { seedDemoData, DEMO_PARTNERS, type DemoIds } from '../src/seed/demo-data';
import { startTestServer, type TestServer } from './support/harness';
import { GET_VIEWER } from './graphql/shared-definitions';
import { bash } from './support/shell';

/**
 * Issue 12: `npm run token` is how a newcomer gets a token. Run through a real shell as the README shows
 * it, it yields the token alone; and it refuses, with one line on stderr and nothing on stdout, every
 * token the server would refuse.
 */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

describe('npm run token', () => {
  let server: TestServer;
  let demo: DemoIds;

  beforeAll(async () => {
    server = await startTestServer();
    demo = (await seedDemoData(server.dataSource, new Date(), 90))!;
  });
  afterAll(() => server.stop());

  /** What a user's curl with the captured $TOKEN gets back. */
  const curlViewer = (capture: string) =>
    bash(
      `${capture}
       curl -s ${server.url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \
         -d '{"query":"{ viewer { roles tenant { name } partner { name } } }"}'`,
    );

  it('export TOKEN=$(npm run -s token -- …) captures the token alone, and curl with it is answered', async () => {
    const { code, stdout, stderr } = await curlViewer(
      'export TOKEN=$(npm run -s token -- --role PARTNER_ADMIN_AGENT --partner 4100001) && [[ "$TOKEN" =~ ^[A-Za-z0-9._-]+$ ]] || exit 9',
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      data: { viewer: { roles: ['PARTNER_ADMIN_AGENT'], tenant: null, partner: { name: 'Fabrikam Cloud Solutions' } } },
    });
  });

  it('a tenant token for a demo tenant works the same way', async () => {
    const { stdout } = await curlViewer(`export TOKEN=$(npm run -s token -- --role TENANT_GLOBAL_ADMIN --tenant ${demo.tenants.contoso})`);
    expect(JSON.parse(stdout).data.viewer).toMatchObject({ roles: ['TENANT_GLOBAL_ADMIN'], tenant: { name: 'Contoso Ltd' } });
  });

  it('without -s, npm puts its banner in the captured output: the script says so on stderr and how to avoid it', async () => {
    const { code, stdout, stderr } = await bash('TOKEN=$(npm run token -- --role PLATFORM_ADMIN) && printf %s "$TOKEN"');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').pop()).toMatch(JWT);
    expect(stderr).toContain('npm run -s token');
    // …and with -s there is nothing to say.
    expect((await bash('TOKEN=$(npm run -s token -- --role PLATFORM_ADMIN)')).stderr).toBe('');
  });

  /** Stands for Contoso's id (known once the demo data is in), so only the claim rules can refuse. */
  const TENANT = '<contoso>';
  /** Arguments the script must refuse, with the claims a hand-made token of the same request would carry. */
  const refusals: [string, string[], Record<string, unknown>][] = [
    ['a partner role without --partner', ['--role', 'PARTNER_ADMIN_AGENT'], { roles: ['PARTNER_ADMIN_AGENT'] }],
    ['a tenant role without --tenant', ['--role', 'TENANT_READER'], { roles: ['TENANT_READER'] }],
    [
      '--tenant together with --partner',
      ['--role', 'TENANT_READER', '--tenant', TENANT, '--partner', DEMO_PARTNERS.fabrikam],
      { roles: ['TENANT_READER'], tenantId: TENANT, partnerId: DEMO_PARTNERS.fabrikam },
    ],
    [
      'a tenant role with --partner',
      ['--role', 'TENANT_GLOBAL_ADMIN', '--partner', DEMO_PARTNERS.fabrikam],
      { roles: ['TENANT_GLOBAL_ADMIN'], partnerId: DEMO_PARTNERS.fabrikam },
    ],
    [
      'a partner role with --tenant',
      ['--role', 'PARTNER_SALES_AGENT', '--partner', DEMO_PARTNERS.fabrikam, '--tenant', TENANT],
      { roles: ['PARTNER_SALES_AGENT'], partnerId: DEMO_PARTNERS.fabrikam, tenantId: TENANT },
    ],
    ['PLATFORM_ADMIN with --tenant', ['--role', 'PLATFORM_ADMIN', '--tenant', TENANT], { roles: ['PLATFORM_ADMIN'], tenantId: TENANT }],
    [
      'PLATFORM_ADMIN with --partner',
      ['--role', 'PLATFORM_ADMIN', '--partner', DEMO_PARTNERS.fabrikam],
      { roles: ['PLATFORM_ADMIN'], partnerId: DEMO_PARTNERS.fabrikam },
    ],
    [
      'PLATFORM_ADMIN with another role',
      ['--role', 'PLATFORM_ADMIN,TENANT_READER', '--tenant', TENANT],
      { roles: ['PLATFORM_ADMIN', 'TENANT_READER'], tenantId: TENANT },
    ],
    [
      'tenant and partner roles together',
      ['--role', 'TENANT_READER', '--role', 'PARTNER_ADMIN_AGENT', '--tenant', TENANT],
      { roles: ['TENANT_READER', 'PARTNER_ADMIN_AGENT'], tenantId: TENANT },
    ],
    ['an unknown role', ['--role', 'SUPERUSER'], { roles: ['SUPERUSER'] }],
    [
      'a malformed Partner ID',
      ['--role', 'PARTNER_ADMIN_AGENT', '--partner', '0410001'],
      { roles: ['PARTNER_ADMIN_AGENT'], partnerId: '0410001' },
    ],
    ['a malformed tenant id', ['--role', 'TENANT_READER', '--tenant', 'contoso'], { roles: ['TENANT_READER'], tenantId: 'contoso' }],
  ];

  it.each(refusals)(
    'refuses %s: one line on stderr, no token, a non-zero exit; the server refuses such a token too',
    async (_, rawArgs, rawClaims) => {
      const contoso = (value: unknown) => (value === TENANT ? demo.tenants.contoso : value);
      const args = rawArgs.map(contoso);
      const claims = Object.fromEntries(Object.entries(rawClaims).map(([k, v]) => [k, contoso(v)]));
      const { code, stdout, stderr } = await bash(`node server/dist/scripts/token.js ${args.map((a) => `'${a}'`).join(' ')}`);
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^npm run token: the server would refuse this token: .+/);

      const handMade = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
      const answer = await server.gql(GET_VIEWER, {}, handMade);
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    },
  );

  it('refuses a missing --role and an unknown option with one line each', async () => {
    for (const args of ['', '--rol PLATFORM_ADMIN']) {
      const { code, stdout, stderr } = await bash(`node server/dist/scripts/token.js ${args}`);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
